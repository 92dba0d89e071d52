/**
 * Edges whose cursor is encoded when read (`src/pagination/connection.ts`): a page that no client asks the cursors
 * of never encodes them, and one that does reads the same text as a plain field, however often and by whatever way.
 */
import { describe, expect, it } from "vitest";
import { lazyEdge, pageInfoOf } from "../../src/pagination/connection";

/** An encoder that counts its calls. */
function counting(text: string): { encode: () => string; calls: () => number } {
  let calls = 0;
  return {
    encode: () => {
      calls += 1;
      return text;
    },
    calls: () => calls,
  };
}

describe("lazyEdge", () => {
  it("encodes nothing until the cursor is read, then once however often it is read", () => {
    const cursor = counting("c1");
    const edge = lazyEdge({ id: 1 }, cursor.encode);
    expect(edge.node).toEqual({ id: 1 });
    expect(cursor.calls()).toBe(0);
    expect(edge.cursor).toBe("c1");
    expect(edge.cursor).toBe("c1");
    expect(cursor.calls()).toBe(1);
  });

  it("reads as a plain field: enumerable, spread, serialised and compared like one", () => {
    const edge = lazyEdge("node", () => "c1");
    expect(Object.keys(edge).sort()).toEqual(["cursor", "node"]);
    expect({ ...edge }).toEqual({ node: "node", cursor: "c1" });
    expect(JSON.parse(JSON.stringify(edge))).toEqual({ node: "node", cursor: "c1" });
    expect(structuredClone(edge)).toEqual({ node: "node", cursor: "c1" });
  });
});

describe("pageInfoOf", () => {
  it("takes its start and end cursors from the first and last edge, sharing their encoding", () => {
    const first = counting("first");
    const middle = counting("middle");
    const last = counting("last");
    const edges = [lazyEdge(1, first.encode), lazyEdge(2, middle.encode), lazyEdge(3, last.encode)];
    const info = pageInfoOf(edges, true, false);
    expect(info).toEqual({ hasNextPage: true, hasPreviousPage: false, startCursor: "first", endCursor: "last" });
    expect(edges.map((edge) => edge.cursor)).toEqual(["first", "middle", "last"]);
    expect([first.calls(), middle.calls(), last.calls()]).toEqual([1, 1, 1]);
  });

  it("has null cursors for an empty page", () => {
    expect(pageInfoOf([], false, true)).toEqual({
      hasNextPage: false,
      hasPreviousPage: true,
      startCursor: null,
      endCursor: null,
    });
  });
});
