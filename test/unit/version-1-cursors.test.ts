/**
 * Version 1 cursors (`{v: 1, k, f, c, i}`, issued before the backend registry) decode without the pagination code
 * naming a backend: the connection says whose ids they carry (`v1Provider`), the shared lists take the registry's
 * first backend with jobs, and a connection that says none refuses them like any text it did not write. The
 * front-door test of the literal old cursors is test/gateway/compat-fixtures.test.ts.
 */
import { describe, expect, it } from "vitest";
import { BACKENDS, VERSION_1_CURSOR_PROVIDER } from "../../src/backends/registry";
import { GatewayError } from "../../src/errors";
import type { Provider } from "../../src/model";
import { pageArgumentsOf } from "../../src/pagination/arguments";
import { decodeCursor, encodeCursor } from "../../src/pagination/cursor";

/** A version 1 cursor, as the gateway encoded them before version 2. */
function v1Cursor(kind: string, filter: string, createdAt: number, id: string): string {
  return Buffer.from(JSON.stringify({ v: 1, k: kind, f: filter, c: createdAt, i: id })).toString("base64url");
}

const PROVIDER = "SOMEWHERE" as Provider; // any provider: the cursor code must not care which

describe("version 1 cursors", () => {
  it("decode to the key (c, the connection's provider, i)", () => {
    expect(decodeCursor(v1Cursor("jobs", "[]", 1234, "job_1"), "after", "jobs", "[]", PROVIDER)).toEqual({
      createdAt: 1234,
      provider: PROVIDER,
      ref: "job_1",
    });
  });

  it("are refused, naming the argument, by a connection that never issued them (no provider given)", () => {
    const decode = (): unknown => decodeCursor(v1Cursor("jobs", "[]", 1234, "job_1"), "before", "jobs", "[]");
    expect(decode).toThrow(GatewayError);
    expect(decode).toThrow(
      'Argument "before": not a cursor issued by this API. Use a cursor from pageInfo or an edge.',
    );
  });

  it("still answer the connection and filter checks of today's cursors", () => {
    expect(() => pageArgumentsOf({ after: v1Cursor("webhooks", "[]", 1, "w") }, "jobs", "[]", PROVIDER)).toThrow(
      'Argument "after": this cursor belongs to the "webhooks" connection, not "jobs".',
    );
    const args = pageArgumentsOf({ first: 3, after: v1Cursor("jobs", "[]", 9, "j") }, "jobs", "[]", PROVIDER);
    expect(args.after).toEqual({ key: { createdAt: 9, provider: PROVIDER, ref: "j" }, hint: undefined });
  });

  it("leave version 2 cursors as they were: their provider is their own, whatever the connection says", () => {
    const cursor = encodeCursor({ kind: "jobs", filter: "[]", key: { createdAt: 5, provider: "OTHER", ref: "r" } });
    expect(decodeCursor(cursor, "after", "jobs", "[]", PROVIDER)).toEqual({
      createdAt: 5,
      provider: "OTHER",
      ref: "r",
    });
  });

  it("of the shared lists carry ids of the registry's first backend with jobs", () => {
    const first = BACKENDS.find((backend) => backend.nodeTypes.some((nodeType) => nodeType.kind === "job"));
    expect(first).toBeDefined();
    expect(VERSION_1_CURSOR_PROVIDER).toBe(first?.provider);
    expect(VERSION_1_CURSOR_PROVIDER).toBe(BACKENDS[0]?.provider);
  });
});
