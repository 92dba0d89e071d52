/**
 * Fuzzing the front door with fast-check: at least 2,000 generated operations against the real schema (valid and
 * invalid selections, arguments and variables of every type with out-of-range ints, garbage cursors and ids),
 * sent with odd methods, headers and content types. Every answer must be below 500, and every error must carry an
 * `extensions.code` from the README's list, with no stack trace, library detail or key. The seed is fixed (set
 * FUZZ_SEED to try another); fast-check prints the seed and the shrunk request of a failure.
 */
import { readFileSync } from "node:fs";
import fc from "fast-check";
import {
  buildSchema,
  getNamedType,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isLeafType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
  isUnionType,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLNamedType,
} from "graphql";
import { beforeAll, describe, expect, it } from "vitest";
import { DEMO, resetEmulator } from "./helpers";
import { suiteGraphQL } from "../utils/test-gateway";

/** The codes the README lists (Errors paragraph). */
const README_CODES = new Set([
  "UNAUTHENTICATED",
  "FORBIDDEN",
  "NOT_FOUND",
  "BAD_USER_INPUT",
  "RATE_LIMITED",
  "UPSTREAM_TIMEOUT",
  "UPSTREAM_UNAVAILABLE",
  "LIMIT_EXCEEDED",
  // A stream's end that is not its object's own (an SSE stream at its lifetime: the suite's is short).
  "SUBSCRIPTION_ENDED",
  "BAD_REQUEST",
  "GRAPHQL_PARSE_FAILED",
  "GRAPHQL_VALIDATION_FAILED",
  "OPERATION_RESOLUTION_FAILURE",
  // The gateway's own checks (README's Errors table): a fuzzed form-like request meets the CSRF prevention.
  "CSRF_PREVENTED",
  "INTROSPECTION_DISABLED",
]);

const SEED = Number(process.env["FUZZ_SEED"] ?? 20261201);
const BATCH = 4;
const RUNS = 500; // × BATCH requests = 2,000 operations

const schema = buildSchema(readFileSync(new URL("../../schema.graphql", import.meta.url), "utf8"));

/** A piece of a query: its text, with `$?` where a variable goes, and those variables' types and values, in order. */
interface Piece {
  text: string;
  vars: { type: string; value: unknown }[];
}
/** `arbitrary` one time in `n`, else undefined. */
function rarely<T>(arbitrary: fc.Arbitrary<T>, n: number): fc.Arbitrary<T | undefined> {
  return fc.oneof({ weight: n - 1, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary });
}

const piece = (text: string, vars: Piece["vars"] = []): Piece => ({ text, vars });
const join = (pieces: Piece[], separator = " "): Piece => ({
  text: pieces.map((p) => p.text).join(separator),
  vars: pieces.flatMap((p) => p.vars),
});

/** An enum value as a literal (bare) and as JSON (a string). */
class EnumValue {
  constructor(readonly name: string) {}
  toJSON(): string {
    return this.name;
  }
}

function literal(value: unknown): string {
  if (value instanceof EnumValue) return value.name;
  if (value === null || value === undefined) return "null";
  if (Array.isArray(value)) return `[${value.map(literal).join(", ")}]`;
  if (typeof value === "object") {
    return `{${Object.entries(value as Record<string, unknown>)
      .map(([k, v]) => `${k}: ${literal(v)}`)
      .join(", ")}}`;
  }
  if (typeof value === "string") return JSON.stringify(value);
  // eslint-disable-next-line @typescript-eslint/no-base-to-string -- a number or a boolean here (objects returned above)
  return String(value);
}

const garbageString = fc.oneof(
  fc.string({ maxLength: 20 }),
  fc.constantFrom("", " ", "null", "batchjob_", "dataset_x", "webhook_1", "YXJyYXljb25uZWN0aW9uOjA=", "x".repeat(600)),
  fc.base64String({ maxLength: 40 }),
  fc.uuid().map((id) => `batchjob_${id}`),
  fc.string({ unit: "binary", maxLength: 10 }),
);
const anyInt = fc.oneof(
  fc.integer({ min: -3, max: 120 }),
  fc.constantFrom(0, -1, 100, 101, 1000, 1001, 2_147_483_647, 2_147_483_648, -2_147_483_649, 1e21),
  fc.double({ noNaN: false }),
);

/** A value for an input type: mostly the right type, sometimes not. */
function valueFor(type: GraphQLInputType, depth = 0): fc.Arbitrary<unknown> {
  const wrong = fc.oneof(fc.constant(null), garbageString, anyInt, fc.boolean());
  if (isNonNullType(type))
    return fc.oneof(
      { weight: 9, arbitrary: valueFor(type.ofType, depth) },
      { weight: 1, arbitrary: fc.constant(null) },
    );
  if (isListType(type)) {
    return fc.oneof(fc.array(valueFor(type.ofType, depth + 1), { maxLength: 4 }), valueFor(type.ofType, depth + 1));
  }
  if (isEnumType(type)) {
    return fc.oneof(
      { weight: 4, arbitrary: fc.constantFrom(...type.getValues().map((v) => new EnumValue(v.name))) },
      { weight: 1, arbitrary: fc.constantFrom(new EnumValue("NOPE"), "RUNNING") },
    );
  }
  if (isInputObjectType(type)) {
    if (depth > 2) return fc.constant({});
    const fields = Object.values(type.getFields());
    return fc
      .tuple(...fields.map((field) => fc.option(valueFor(field.type, depth + 1), { nil: undefined, freq: 3 })))
      .map((values) =>
        Object.fromEntries(fields.flatMap((field, i) => (values[i] === undefined ? [] : [[field.name, values[i]]]))),
      );
  }
  if (isScalarType(type)) {
    switch (type.name) {
      case "Int":
      case "Float":
        return fc.oneof({ weight: 5, arbitrary: anyInt }, { weight: 1, arbitrary: wrong });
      case "Boolean":
        return fc.oneof({ weight: 5, arbitrary: fc.boolean() }, { weight: 1, arbitrary: wrong });
      case "DateTime":
        return fc.oneof(
          fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
          fc.constantFrom("yesterday", "2026-13-40T99:00:00Z", ""),
          wrong,
        );
      case "JSONObject":
        return fc.oneof(
          fc.dictionary(fc.string({ maxLength: 5 }), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 3 }),
          wrong,
        );
      default:
        return fc.oneof({ weight: 5, arbitrary: garbageString }, { weight: 1, arbitrary: wrong });
    }
  }
  return wrong;
}

/** An argument as a literal or as a variable (declared with its type, or now and then with a wrong one). */
function argumentPiece(arg: GraphQLArgument): fc.Arbitrary<Piece> {
  const value = valueFor(arg.type);
  const asLiteral = value.map((v) => piece(`${arg.name}: ${literal(v)}`));
  const asVariable = fc
    .tuple(
      value,
      fc.oneof(
        { weight: 20, arbitrary: fc.constant(String(arg.type)) },
        { weight: 1, arbitrary: fc.constantFrom("Int", "String!", "[ID!]!", "Boolean") },
      ),
    )
    .map(([v, type]) => piece(`${arg.name}: $?`, [{ type, value: v }]));
  return fc.oneof(asLiteral, asVariable);
}

function argumentsPiece(field: GraphQLField<unknown, unknown>): fc.Arbitrary<Piece> {
  if (field.args.length === 0) return fc.constant(piece(""));
  return fc
    .tuple(
      ...field.args.map((arg) =>
        isNonNullType(arg.type)
          ? fc.oneof({ weight: 20, arbitrary: argumentPiece(arg) }, { weight: 1, arbitrary: fc.constant(undefined) })
          : fc.option(argumentPiece(arg), { nil: undefined, freq: 2 }),
      ),
      rarely(fc.constant(piece("bogus: 1")), 30),
    )
    .map((pieces) => {
      const present = pieces.filter((p): p is Piece => p !== undefined);
      return present.length === 0
        ? piece("")
        : ((joined) => piece(`(${joined.text})`, joined.vars))(join(present, ", "));
    });
}

/** A selection set on `type`, `depth` levels at most; now and then an unknown field or a missing selection. */
function selectionSet(type: GraphQLNamedType, depth: number): fc.Arbitrary<Piece> {
  if (isLeafType(type)) return fc.constant(piece(""));
  const fields = isObjectType(type) || isInterfaceType(type) ? Object.values(type.getFields()) : [];
  const fieldPiece = (field: GraphQLField<unknown, unknown>): fc.Arbitrary<Piece> => {
    const named = getNamedType(field.type);
    const sub = isLeafType(named)
      ? fc.constant(piece(""))
      : depth <= 0
        ? fc.constant(piece("{ __typename }"))
        : selectionSet(named, depth - 1).map((s) => piece(`{ ${s.text} }`, s.vars));
    return fc
      .tuple(rarely(fc.constantFrom("a", "b", "c"), 6), argumentsPiece(field), sub)
      .map(([alias, args, inner]) =>
        join([piece(`${alias ? `${alias}: ` : ""}${field.name}${args.text}`, args.vars), inner]),
      );
  };
  const options: fc.Arbitrary<Piece>[] = [fc.constant(piece("__typename")), ...fields.map(fieldPiece)];
  if (isInterfaceType(type) || isUnionType(type)) {
    for (const possible of schema.getPossibleTypes(type)) {
      if (depth > 0)
        options.push(
          selectionSet(possible, depth - 1).map((s) => piece(`... on ${possible.name} { ${s.text} }`, s.vars)),
        );
    }
  }
  const oddities = fc.constantFrom(piece("nope"), piece("id { id }"), piece("edges"));
  return fc
    .array(fc.oneof({ weight: 40, arbitrary: fc.oneof(...options) }, { weight: 1, arbitrary: oddities }), {
      minLength: 1,
      maxLength: 4,
    })
    .map((pieces) => join(pieces));
}

/** A whole operation: query (mostly), mutation with garbage ids, or subscription, with its variables. */
const operation: fc.Arbitrary<{ query: string; variables: Record<string, unknown> }> = fc
  .tuple(
    fc.constantFrom("query", "query", "query", "query", "mutation", "subscription"),
    fc.integer({ min: 0, max: 3 }),
    rarely(fc.constantFrom("missing", "extra"), 15),
  )
  .chain(([kind, depth, variableTwist]) => {
    const root =
      kind === "query"
        ? schema.getQueryType()
        : kind === "mutation"
          ? schema.getMutationType()
          : schema.getSubscriptionType();
    if (!root) throw new Error(`no ${kind} type`);
    // Mutations only with fields that take an id (garbage ids cannot change the emulator's data).
    const fields = Object.values(root.getFields()).filter(
      (field) => kind !== "mutation" || field.args.some((arg) => arg.name === "id"),
    );
    const rootSelection = fc
      .array(fc.constantFrom(...fields), { minLength: 1, maxLength: kind === "subscription" ? 1 : 3 })
      .chain((chosen) =>
        fc.tuple(
          ...chosen.map((field, i) =>
            fc
              .tuple(
                argumentsPiece(field),
                isLeafType(getNamedType(field.type))
                  ? fc.constant(piece(""))
                  : selectionSet(getNamedType(field.type), depth),
              )
              .map(([args, inner]): Piece =>
                join([
                  piece(`r${i}: ${field.name}${args.text}`, args.vars),
                  inner.text === "" ? inner : piece(`{ ${inner.text} }`, inner.vars),
                ]),
              ),
          ),
        ),
      )
      .map((pieces: Piece[]) => join(pieces));
    return rootSelection.map((body) => {
      let index = 0;
      const text = body.text.replace(/\$\?/g, () => `$v${index++}`);
      const definitions = body.vars.map((v, i) => `$v${i}: ${v.type}`).join(", ");
      const variables: Record<string, unknown> = Object.fromEntries(
        body.vars.map((v, i) => [`v${i}`, JSON.parse(JSON.stringify(v.value ?? null)) as unknown]),
      );
      if (variableTwist === "missing" && body.vars.length > 0) delete variables["v0"];
      if (variableTwist === "extra") variables["unused"] = [1, "x"];
      return { query: `${kind}${definitions ? `(${definitions})` : ""} { ${text} }`, variables };
    });
  });

/** What a fuzz request looks like on the wire. */
interface FuzzRequest {
  method: string;
  headers: Record<string, string>;
  /** Appended to /graphql. */
  search: string;
  body: string | null;
}

/** Mostly `usual`, now and then one of `odd`. */
function mostly<T>(usual: T, odd: T[], weight = 8): fc.Arbitrary<T> {
  return fc.oneof({ weight, arbitrary: fc.constant(usual) }, { weight: 1, arbitrary: fc.constantFrom(...odd) });
}

const credentials = mostly<Record<string, string>>(
  { "x-nexus-project-id": DEMO.project, "x-nexus-secret-key": DEMO.key },
  [
    {},
    { "x-nexus-project-id": DEMO.project },
    { "x-nexus-project-id": DEMO.project, "x-nexus-secret-key": "wrong-key" },
    { "x-nexus-project-id": "proj_nope", "x-nexus-secret-key": "k" },
  ],
);
const accept = mostly(
  "application/json",
  ["application/graphql-response+json", "text/event-stream", "*/*", "application/xml", "text/plain", "multipart/mixed"],
  6,
);
const contentType = mostly("application/json", [
  "application/graphql+json",
  "application/json; charset=utf-8",
  "text/plain",
  "application/x-www-form-urlencoded",
  "multipart/form-data; boundary=xyz",
  "application/graphql",
  "",
]);

const request: fc.Arbitrary<FuzzRequest> = fc.oneof(
  // POST, the usual way, with odd headers now and then.
  {
    weight: 10,
    arbitrary: fc
      .tuple(operation, credentials, accept, contentType, rarely(fc.string({ maxLength: 10 }), 20))
      .map(([op, creds, acc, type, operationName]) => ({
        method: "POST",
        headers: { ...creds, accept: acc, ...(type === "" ? {} : { "content-type": type }) },
        search: "",
        body: JSON.stringify(operationName === undefined ? op : { ...op, operationName }),
      })),
  },
  // GET with the query in the URL.
  {
    weight: 3,
    arbitrary: fc.tuple(operation, credentials, accept).map(([op, creds, acc]) => ({
      method: "GET",
      headers: { ...creds, accept: acc },
      search: `?${new URLSearchParams({ query: op.query, variables: JSON.stringify(op.variables) }).toString()}`,
      body: null,
    })),
  },
  // Broken bodies: invalid JSON, JSON that is not an object, truncated queries, wrong field types.
  {
    weight: 3,
    arbitrary: fc.tuple(operation, credentials, fc.integer({ min: 0, max: 200 })).chain(([op, creds, cut]) =>
      fc
        .constantFrom(
          op.query.slice(0, cut),
          JSON.stringify(op).slice(0, cut),
          "null",
          "[]",
          "42",
          '"{}"',
          "{}",
          '{"query": 5}',
          '{"query": "{ __typename }", "variables": "x"}',
          '{"query": "{ __typename }", "extensions": 7}',
          '{"query": null}',
          '{"query": ""}',
          '{"query": "{ __typename }", "operationName": 1}',
          JSON.stringify({ query: op.query.slice(0, cut), variables: op.variables }),
        )
        .map((body) => ({
          method: "POST",
          headers: { ...creds, "content-type": "application/json", accept: "application/json" },
          search: "",
          body,
        })),
    ),
  },
  // Other methods.
  {
    weight: 1,
    arbitrary: fc
      .tuple(fc.constantFrom("PUT", "DELETE", "PATCH", "OPTIONS", "HEAD"), credentials, accept)
      .map(([method, creds, acc]) => ({
        method,
        headers: { ...creds, accept: acc, "content-type": "application/json" },
        search: "",
        body: method === "HEAD" || method === "OPTIONS" ? null : JSON.stringify({ query: "{ __typename }" }),
      })),
  },
);

const STACK_TRACE = /\bat .*\.(ts|js):\d+/;
const seenCodes = new Map<string, number>();
let answeredWithData = 0;
/**
 * The checks of streamed answers (SSE or multipart) still being read. A valid subscription's stream lasts until the
 * suite gateway ends it at its lifetime (15 s), and a batch waited for it: the generated set has a few, which cost
 * most of the file's time. They are read and checked beside the next batches instead, and every one is awaited
 * before the verdict.
 */
const streamChecks: Promise<void>[] = [];
/** What those checks threw: each message names its request, as a failure inside the property does. */
const streamFailures: string[] = [];

/**
 * Sends one request and checks its answer; throws a message naming the request on any breach. A streamed answer
 * is checked once its stream ends, in {@link streamChecks}, and its breach lands in {@link streamFailures}.
 */
async function check(fuzz: FuzzRequest): Promise<void> {
  const response = await suiteGraphQL().fetch({
    search: fuzz.search,
    method: fuzz.method,
    headers: fuzz.headers,
    body: fuzz.body,
    signal: AbortSignal.timeout(20_000),
  });
  if (/text\/event-stream|multipart\/mixed/.test(response.headers.get("content-type") ?? "")) {
    streamChecks.push(
      checkAnswer(fuzz, response).catch((error: unknown) => {
        streamFailures.push(error instanceof Error ? error.message : String(error));
      }),
    );
    return;
  }
  await checkAnswer(fuzz, response);
}

/** Reads the answer to `fuzz` to its end and checks it (see {@link check}). */
async function checkAnswer(fuzz: FuzzRequest, response: Response): Promise<void> {
  const text = await response.text();
  const where = `${fuzz.method} ${fuzz.search.slice(0, 200)} ${JSON.stringify(fuzz.headers)} ${fuzz.body?.slice(0, 500) ?? ""}\n→ ${response.status} ${text.slice(0, 500)}`;
  const fail = (problem: string): never => {
    throw new Error(`${problem}\n${where}`);
  };
  if (response.status >= 500) fail("a 5xx answer");
  if (STACK_TRACE.test(text)) fail("a stack trace");
  if (text.includes("originalError")) fail("library detail (originalError)");
  if (text.includes(DEMO.key)) fail("the key");
  if (
    fuzz.method === "HEAD" ||
    response.status === 204 ||
    (response.status < 400 && (response.headers.get("content-type") ?? "").includes("text/html"))
  )
    return;
  const contentTypeOut = response.headers.get("content-type") ?? "";
  const bodies: unknown[] = [];
  if (contentTypeOut.includes("text/event-stream")) {
    for (const line of text.split("\n")) if (line.startsWith("data: ")) bodies.push(JSON.parse(line.slice(6)));
  } else if (contentTypeOut.includes("multipart/mixed")) {
    for (const part of text.split(/\r?\n--[^\r\n]*\r?\n/)) {
      const json = part.slice(part.indexOf("{"));
      if (part.includes("{")) bodies.push(JSON.parse(json.slice(0, json.lastIndexOf("}") + 1)));
    }
  } else {
    try {
      bodies.push(JSON.parse(text));
    } catch {
      fail("an answer that is not JSON");
    }
  }
  const errors = bodies.flatMap(
    (body) => (body as { errors?: { extensions?: { code?: unknown } }[] } | null)?.errors ?? [],
  );
  if (response.status >= 400 && errors.length === 0) fail("an HTTP error without a GraphQL error");
  if (bodies.some((body) => typeof body === "object" && body !== null && "data" in body && body.data !== null)) {
    answeredWithData += 1;
  }
  for (const error of errors) {
    const code = error.extensions?.code;
    if (typeof code !== "string" || !README_CODES.has(code)) fail(`an error without a README code (${String(code)})`);
    seenCodes.set(code as string, (seenCodes.get(code as string) ?? 0) + 1);
  }
}

beforeAll(async () => {
  await resetEmulator();
});

describe("fuzzing the front door", () => {
  it(`answers ${RUNS * BATCH} generated requests below 500, each error with a README code (seed ${SEED})`, async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(request, { minLength: BATCH, maxLength: BATCH }), async (batch) => {
        await Promise.all(batch.map(check));
      }),
      { seed: SEED, numRuns: RUNS, endOnFailure: true },
    );
    await Promise.all(streamChecks);
    expect(streamFailures, "breaches in streamed answers").toEqual([]);
    console.log(
      `fuzz seed ${SEED}: ${answeredWithData} answers with data; codes seen ${JSON.stringify(Object.fromEntries(seenCodes))}`,
    );
    // Enough operations are valid to run resolvers (and reach the upstream), not only the parser and validator:
    // with this generator about one request in seven answers with data, and many more run into BAD_USER_INPUT.
    expect(answeredWithData).toBeGreaterThan((RUNS * BATCH) / 10);
    // The generator reaches the kinds of refusal it is meant to (a fuzz that never errs proves nothing).
    for (const code of [
      "BAD_USER_INPUT",
      "GRAPHQL_VALIDATION_FAILED",
      "GRAPHQL_PARSE_FAILED",
      "UNAUTHENTICATED",
      "FORBIDDEN",
      "NOT_FOUND",
      "BAD_REQUEST",
    ]) {
      expect(seenCodes.get(code) ?? 0, code).toBeGreaterThan(0);
    }
  }, 180_000);
});
