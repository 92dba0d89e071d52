/**
 * The terminal cache module on its own (`src/upstream/terminal-cache.ts`), over a cache object this file holds: the
 * front-door tests (test/gateway/terminal-cache.test.ts) run it on workerd's real `caches.default`, which never
 * fails on demand. Here: what a failing cache does to a read (nothing), what keys look like, and the setting.
 */
import { describe, expect, it } from "vitest";
import {
  createTerminalCache,
  DEFAULT_TERMINAL_CACHE_TTL_SECONDS,
  MAX_TERMINAL_CACHE_TTL_SECONDS,
  terminalCacheTtlFromEnv,
  type SettledRead,
} from "../../src/upstream/terminal-cache";

/** A cache in memory, keyed by URL, that records its calls and can be told to fail. */
class RecordingCache {
  readonly entries = new Map<string, { body: string; headers: Headers }>();
  readonly calls: string[] = [];
  failing: Set<"match" | "put" | "delete"> = new Set();

  async match(key: string): Promise<Response | undefined> {
    this.calls.push(`match ${key}`);
    if (this.failing.has("match")) throw new Error("match failed");
    const entry = this.entries.get(key);
    return entry === undefined ? undefined : new Response(entry.body, { headers: entry.headers });
  }

  async put(key: string, response: Response): Promise<void> {
    this.calls.push(`put ${key}`);
    if (this.failing.has("put")) throw new Error("put failed");
    this.entries.set(key, { body: await response.text(), headers: response.headers });
  }

  async delete(key: string): Promise<boolean> {
    this.calls.push(`delete ${key}`);
    if (this.failing.has("delete")) throw new Error("delete failed");
    return this.entries.delete(key);
  }
}

interface Job {
  id: string;
  done: boolean;
}

const SECRET = "secret-key-that-must-not-show";

function setUp(scope: string[] = ["nexus", "https://api.example", "proj_a", SECRET]) {
  const store = new RecordingCache();
  const cache = createTerminalCache({ ttlSeconds: 60, scope, cache: store as unknown as Cache });
  if (cache === undefined) throw new Error("expected a cache");
  let loads = 0;
  const read = (value: Job): SettledRead<Job> => ({
    resource: "/projects/proj_a/batch/jobs/j1",
    load: async () => {
      loads += 1;
      return value;
    },
    settled: (job) => job.done,
    check: (body) =>
      typeof body === "object" && body !== null && typeof (body as Job).id === "string"
        ? { ok: true, value: body as Job }
        : { ok: false, problem: "not a job" },
  });
  return { store, cache, read, loads: () => loads };
}

describe("terminal cache module", () => {
  it("stores a settled value with its TTL and serves it without loading again", async () => {
    const { store, cache, read, loads } = setUp();
    expect(await cache.read(read({ id: "j1", done: true }))).toEqual({ id: "j1", done: true });
    expect(await cache.read(read({ id: "j1", done: false }))).toEqual({ id: "j1", done: true });
    expect(loads()).toBe(1);
    const [entry] = [...store.entries.values()];
    expect(entry?.headers.get("cache-control")).toBe("max-age=60");
  });

  it("never stores a value that is not settled", async () => {
    const { store, cache, read, loads } = setUp();
    await cache.read(read({ id: "j1", done: false }));
    await cache.read(read({ id: "j1", done: false }));
    expect(loads()).toBe(2);
    expect(store.entries.size).toBe(0);
  });

  it("keys by a hash of the scope: no key material in the URL, and another scope never meets the entry", async () => {
    const a = setUp();
    await a.cache.read(a.read({ id: "j1", done: true }));
    const [key] = [...a.store.entries.keys()];
    expect(key).toMatch(/^https:\/\/terminal-cache\.invalid\/v1\/[0-9a-f]{64}\/projects\/proj_a\/batch\/jobs\/j1$/);
    expect(key).not.toContain(SECRET);
    // The same project with another key, over the same cache: a miss, and an entry of its own.
    const other = createTerminalCache({
      ttlSeconds: 60,
      scope: ["nexus", "https://api.example", "proj_a", "wrong"],
      cache: a.store as unknown as Cache,
    });
    let loaded = false;
    const value = await other?.read({
      ...a.read({ id: "j1", done: true }),
      load: async () => ((loaded = true), { id: "j1", done: false }),
    });
    expect(loaded).toBe(true);
    expect(value).toEqual({ id: "j1", done: false });
  });

  it("falls back to the upstream when match or put throws, and forget never rejects", async () => {
    const { store, cache, read, loads } = setUp();
    store.failing = new Set(["match", "put", "delete"]);
    expect(await cache.read(read({ id: "j1", done: true }))).toEqual({ id: "j1", done: true });
    expect(await cache.read(read({ id: "j1", done: true }))).toEqual({ id: "j1", done: true });
    expect(loads()).toBe(2);
    await expect(cache.forget("/projects/proj_a/batch/jobs/j1")).resolves.toBeUndefined();
  });

  it("reads afresh when a stored body fails the check", async () => {
    const { store, cache, read, loads } = setUp();
    await cache.read(read({ id: "j1", done: true }));
    const [key] = [...store.entries.keys()];
    store.entries.set(key ?? "", { body: JSON.stringify({ nothing: true }), headers: new Headers() });
    expect(await cache.read(read({ id: "j1", done: true }))).toEqual({ id: "j1", done: true });
    expect(loads()).toBe(2);
  });

  it("forget drops the entry", async () => {
    const { cache, read, loads } = setUp();
    await cache.read(read({ id: "j1", done: true }));
    await cache.forget("/projects/proj_a/batch/jobs/j1");
    await cache.read(read({ id: "j1", done: true }));
    expect(loads()).toBe(2);
  });

  it("is off with a TTL of 0", () => {
    expect(
      createTerminalCache({ ttlSeconds: 0, scope: ["x"], cache: new RecordingCache() as unknown as Cache }),
    ).toBeUndefined();
  });

  it("reads TERMINAL_CACHE_TTL_SECONDS: 0 is off, bad values give the default, large ones are cut", () => {
    expect(terminalCacheTtlFromEnv({})).toBe(DEFAULT_TERMINAL_CACHE_TTL_SECONDS);
    expect(terminalCacheTtlFromEnv({ TERMINAL_CACHE_TTL_SECONDS: "0" })).toBe(0);
    expect(terminalCacheTtlFromEnv({ TERMINAL_CACHE_TTL_SECONDS: "45" })).toBe(45);
    expect(terminalCacheTtlFromEnv({ TERMINAL_CACHE_TTL_SECONDS: "-1" })).toBe(DEFAULT_TERMINAL_CACHE_TTL_SECONDS);
    expect(terminalCacheTtlFromEnv({ TERMINAL_CACHE_TTL_SECONDS: "1.5" })).toBe(DEFAULT_TERMINAL_CACHE_TTL_SECONDS);
    expect(terminalCacheTtlFromEnv({ TERMINAL_CACHE_TTL_SECONDS: "soon" })).toBe(DEFAULT_TERMINAL_CACHE_TTL_SECONDS);
    expect(terminalCacheTtlFromEnv({ TERMINAL_CACHE_TTL_SECONDS: "999999999" })).toBe(MAX_TERMINAL_CACHE_TTL_SECONDS);
  });
});
