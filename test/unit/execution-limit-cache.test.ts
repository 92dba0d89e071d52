import { buildSchema, parse } from "graphql";
import { describe, expect, it } from "vitest";
import { executionLimitError } from "../../src/limits/operation-limits";

const schema = buildSchema(`
  type Query { jobs(first: Int, after: String): JobConnection! }
  type JobConnection { edges: [JobEdge!]! }
  type JobEdge { node: Job! }
  type Job { id: ID! children(first: Int): JobConnection! }
`);
const query = parse("{ jobs(first: 50) { edges { node { id children(first: 50) { edges { node { id } } } } } } }");

describe("the cost check of an operation without variables, remembered per document", () => {
  it("keeps refusing a document over the limit, with a fresh error each time", () => {
    const first = executionLimitError(schema, query, undefined, undefined, { maxCost: 100 });
    const second = executionLimitError(schema, query, undefined, undefined, { maxCost: 100 });
    expect(first?.extensions).toMatchObject({ code: "LIMIT_EXCEEDED", limit: "cost", max: 100 });
    expect(second?.extensions).toMatchObject({ code: "LIMIT_EXCEEDED", limit: "cost", max: 100 });
    expect(second).not.toBe(first);
  });

  it("refuses under a lower limit a document that passed under a higher one", () => {
    expect(executionLimitError(schema, query, undefined, undefined, { maxCost: 100_000 })).toBeNull();
    expect(executionLimitError(schema, query, undefined, undefined, { maxCost: 100_000 })).toBeNull();
    expect(executionLimitError(schema, query, undefined, undefined, { maxCost: 100 })?.extensions).toMatchObject({
      limit: "cost",
    });
  });

  it("still weighs the variables of an operation that declares some, on every call", () => {
    const paged = parse(
      "query($n: Int) { jobs(first: $n) { edges { node { id children(first: $n) { edges { node { id } } } } } } }",
    );
    expect(executionLimitError(schema, paged, undefined, { n: 5 }, { maxCost: 1000 })).toBeNull();
    expect(executionLimitError(schema, paged, undefined, { n: 500 }, { maxCost: 1000 })?.extensions).toMatchObject({
      limit: "cost",
    });
  });
});
