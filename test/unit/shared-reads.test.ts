/**
 * The shared reads module on its own (`src/upstream/shared-reads.ts`), with loads this file controls: what a request
 * that joins another's read gets when that read fails for the other's own reasons (its deadline, a timeout) or
 * never settles, which the front-door tests (test/gateway/shared-reads.test.ts) cannot time reliably. There: the
 * counts, the purges and the isolation between credentials on the real Worker.
 */
import { describe, expect, it } from "vitest";
import { sessionTransportOptions } from "../../src/backends/session-transport";
import { UpstreamError } from "../../src/errors";
import { deadlineError } from "../../src/upstream/deadline";
import {
  DEFAULT_READ_CACHE_TTL_MS,
  MAX_READ_CACHE_TTL_MS,
  readCacheTtlFromEnv,
  sharedReadsOnFromEnv,
} from "../../src/upstream/settings";
import { createSharedReads, type SharedCall } from "../../src/upstream/shared-reads";

let scopes = 0;
/** Shared reads of a scope of this test's own (the state is the module's, shared by every test in the file). */
function sharedReads(ttlMs = 1000, now?: () => number) {
  scopes += 1;
  return createSharedReads({
    tenant: `tenant-${scopes}`,
    scope: `scope-${scopes}`,
    ttlMs,
    shareInFlight: true,
    ...(now === undefined ? {} : { now }),
  });
}

/** A read whose answer the test settles by hand, counting its loads. */
function controlled<T>(resource = "/jobs?limit=20", method = "GET", waitMs = 5_000) {
  const loads: { resolve: (value: T) => void; reject: (error: unknown) => void }[] = [];
  const call: SharedCall<T> = {
    method,
    resource,
    load: () => new Promise<T>((resolve, reject) => loads.push({ resolve, reject })),
    waitMs: () => waitMs,
  };
  return { call, loads };
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

function upstreamError(kind: "http" | "timeout"): UpstreamError {
  return new UpstreamError(kind === "http" ? "nexus jobs.list: expected 2xx, got 503" : "nexus jobs.list: no answer", {
    reason: kind === "http" ? "unavailable" : "timeout",
    kind,
    status: kind === "http" ? 503 : 0,
    backend: "nexus",
    operation: "jobs.list",
    method: "GET",
    path: "/jobs",
  });
}

describe("shared answers", () => {
  it("are deep-frozen, so a change made in place by one request throws instead of reaching another's answer", async () => {
    const shared = sharedReads();
    const { call, loads } = controlled<{ jobs: { id: string; tags: string[] }[] }>();
    const first = shared.request(call);
    const second = shared.request(call);
    loads[0]?.resolve({ jobs: [{ id: "job-1", tags: ["a"] }] });
    const [mine, theirs] = await Promise.all([first, second]);
    expect(theirs).toBe(mine);
    expect(Object.isFrozen(mine)).toBe(true);
    expect(Object.isFrozen(mine.jobs[0]?.tags)).toBe(true);
    expect(() => mine.jobs.push({ id: "job-2", tags: [] })).toThrow(TypeError);
    expect(() => {
      const job = mine.jobs[0];
      if (job !== undefined) job.id = "changed";
    }).toThrow(TypeError);
    // The cached copy, served after both, is the same unchanged answer.
    expect(await shared.request(call)).toEqual({ jobs: [{ id: "job-1", tags: ["a"] }] });
    expect(loads).toHaveLength(1);
  });
});

describe("reads in flight", () => {
  it("a second identical read waits for the first's answer and sends nothing", async () => {
    const shared = sharedReads(0);
    const first = controlled<string>();
    const second = controlled<string>();
    const a = shared.request(first.call);
    const b = shared.request(second.call);
    first.loads[0]?.resolve("answer");
    await expect(Promise.all([a, b])).resolves.toEqual(["answer", "answer"]);
    expect([first.loads.length, second.loads.length]).toEqual([1, 0]);
  });

  it("a joiner takes the first's failure when the upstream answered it (a status)", async () => {
    const shared = sharedReads(0);
    const first = controlled<string>();
    const second = controlled<string>();
    const a = shared.request(first.call);
    const b = shared.request(second.call);
    const failure = upstreamError("http");
    first.loads[0]?.reject(failure);
    await expect(a).rejects.toBe(failure);
    await expect(b).rejects.toBe(failure);
    expect(second.loads).toHaveLength(0);
  });

  it("a joiner reads for itself when the first failed by its own deadline or a timeout", async () => {
    for (const failure of [deadlineError("GET /jobs", 100), upstreamError("timeout")]) {
      const shared = sharedReads(0);
      const first = controlled<string>();
      const second = controlled<string>();
      const a = shared.request(first.call);
      const b = shared.request(second.call);
      first.loads[0]?.reject(failure);
      await expect(a).rejects.toBe(failure);
      await tick();
      expect(second.loads).toHaveLength(1);
      second.loads[0]?.resolve("own answer");
      await expect(b).resolves.toBe("own answer");
    }
  });

  it("a joiner waits no longer than its own call may take, then reads for itself", async () => {
    const shared = sharedReads(0);
    const first = controlled<string>();
    const second = controlled<string>("/jobs?limit=20", "GET", 20);
    void shared.request(first.call).catch(() => undefined);
    const b = shared.request(second.call);
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(second.loads).toHaveLength(1);
    second.loads[0]?.resolve("own answer");
    await expect(b).resolves.toBe("own answer");
  });

  it("a joiner whose own deadline has passed fails with its own deadline error", async () => {
    const shared = sharedReads(0);
    const first = controlled<string>();
    void shared.request(first.call);
    const own = deadlineError("GET /jobs", 50);
    const late: SharedCall<string> = {
      method: "GET",
      resource: "/jobs?limit=20",
      load: () => Promise.reject(new Error("not sent")),
      waitMs: () => {
        throw own;
      },
    };
    await expect(shared.request(late)).rejects.toBe(own);
    first.loads[0]?.resolve("answer");
  });

  it("writes are never shared, and each is sent", async () => {
    const shared = sharedReads(0);
    const first = controlled<string>("/jobs", "POST");
    const second = controlled<string>("/jobs", "POST");
    const a = shared.request(first.call);
    const b = shared.request(second.call);
    first.loads[0]?.resolve("one");
    second.loads[0]?.resolve("two");
    await expect(Promise.all([a, b])).resolves.toEqual(["one", "two"]);
  });
});

describe("the read cache", () => {
  it("serves an answer within its window from when the read was sent, and reads again after it", async () => {
    let now = 1_000;
    const shared = sharedReads(1000, () => now);
    const first = controlled<string>();
    const a = shared.request(first.call);
    now += 300;
    first.loads[0]?.resolve("answer");
    await a;
    now += 699;
    const again = controlled<string>();
    await expect(shared.request(again.call)).resolves.toBe("answer");
    expect(again.loads).toHaveLength(0);
    now += 1;
    const late = controlled<string>();
    const c = shared.request(late.call);
    expect(late.loads).toHaveLength(1);
    late.loads[0]?.resolve("newer");
    await expect(c).resolves.toBe("newer");
  });

  it("a write purges the tenant's answers, and a read in flight across a write is not kept", async () => {
    const shared = sharedReads(60_000);
    const cached = controlled<string>("/webhooks");
    const c = shared.request(cached.call);
    cached.loads[0]?.resolve("before");
    await c;
    const during = controlled<string>("/jobs");
    const d = shared.request(during.call);
    const write = controlled<string>("/jobs", "POST");
    const w = shared.request(write.call);
    during.loads[0]?.resolve("old jobs");
    write.loads[0]?.resolve("written");
    await Promise.all([d, w]);
    for (const resource of ["/webhooks", "/jobs"]) {
      const after = controlled<string>(resource);
      void shared.request(after.call);
      expect(after.loads, resource).toHaveLength(1);
      after.loads[0]?.resolve("fresh");
    }
  });

  it("answers are per scope: another scope's identical read is its own", async () => {
    const one = sharedReads(60_000);
    const other = sharedReads(60_000);
    const first = controlled<string>();
    const a = one.request(first.call);
    first.loads[0]?.resolve("one's");
    await a;
    const second = controlled<string>();
    const b = other.request(second.call);
    expect(second.loads).toHaveLength(1);
    second.loads[0]?.resolve("other's");
    await expect(b).resolves.toBe("other's");
  });
});

describe("settings", () => {
  it("READ_CACHE_TTL_MS: default 1000, 0 turns it off, invalid gives the default, capped", () => {
    expect(readCacheTtlFromEnv({})).toBe(DEFAULT_READ_CACHE_TTL_MS);
    expect(readCacheTtlFromEnv({ READ_CACHE_TTL_MS: "0" })).toBe(0);
    expect(readCacheTtlFromEnv({ READ_CACHE_TTL_MS: "250" })).toBe(250);
    expect(readCacheTtlFromEnv({ READ_CACHE_TTL_MS: "-1" })).toBe(DEFAULT_READ_CACHE_TTL_MS);
    expect(readCacheTtlFromEnv({ READ_CACHE_TTL_MS: "1.5" })).toBe(DEFAULT_READ_CACHE_TTL_MS);
    expect(readCacheTtlFromEnv({ READ_CACHE_TTL_MS: "999999999" })).toBe(MAX_READ_CACHE_TTL_MS);
  });

  it("SHARED_READS: on unless `false`", () => {
    expect(sharedReadsOnFromEnv({})).toBe(true);
    expect(sharedReadsOnFromEnv({ SHARED_READS: "false" })).toBe(false);
    expect(sharedReadsOnFromEnv({ SHARED_READS: "true" })).toBe(true);
  });
});

describe("which sessions share reads (sessionTransportOptions)", () => {
  const credentials = { projectId: "proj_a", secretKey: "key" };
  const optionsOf = (env: Record<string, string>, polling: boolean) =>
    sessionTransportOptions(env, { polling }, "https://api.test", "proj_a", credentials);

  it("a request's session does, by default", () => {
    expect(optionsOf({}, false).sharedReads).toBeDefined();
  });

  it("a watch poll's never does: it wants the upstream's state now", () => {
    expect(optionsOf({}, true).sharedReads).toBeUndefined();
  });

  it("none with the read cache off and in-flight sharing off (the suite's setting)", () => {
    expect(optionsOf({ READ_CACHE_TTL_MS: "0", SHARED_READS: "false" }, false).sharedReads).toBeUndefined();
    expect(optionsOf({ READ_CACHE_TTL_MS: "0" }, false).sharedReads).toBeDefined();
  });
});
