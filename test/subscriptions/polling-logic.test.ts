import { describe, expect, it } from "vitest";
import { jobFromNexus, logEntryFromNexus, type NexusLogEntryModel } from "../../src/backends/nexus/to-model";
import type { NexusJob } from "../../src/backends/nexus/types";
import { passesMinLevel } from "../../src/log-levels";
import { afterTimeForCursor, logCursorFrom, takeNewLogEntries } from "../../src/subscriptions/log-tail";
import { nextIntervalAfterSuccess, retryDelayAfterFailure } from "../../src/subscriptions/poll-schedule";
import { subscriptionSettingsFromEnv } from "../../src/subscriptions/settings";
import { DeliveryQueue } from "../../src/subscriptions/delivery-queue";
import { eventFingerprint, stableStringify } from "../../src/subscriptions/topics";
import { diffDigests, jobListEventFor, shortHash } from "../../src/subscriptions/job-list";
import {
  eventsForListener,
  groupByCredentials,
  isRecheckDue,
  parseListenerSpec,
} from "../../src/subscriptions/watch-listeners";

const entry = (id: string, createTime: number, level = "Info"): NexusLogEntryModel =>
  logEntryFromNexus(
    { id, kind: "ItemPredicted", createTime, level, item: "0", status: "Delivered", timeMs: 1 },
    "batchjob_1",
    "proj_demo",
  );
const jobModel = (wire: NexusJob) => jobFromNexus(wire, "proj_demo");
const topic = { provider: "NEXUS" as const, tenant: "proj_demo", ref: "batchjob_1" };

describe("log tail cursor", () => {
  it("asks one millisecond before the cursor, so an exclusive or inclusive afterTime both return its entries", () => {
    expect(afterTimeForCursor(logCursorFrom(1000))).toBe(999);
  });

  it("returns new entries oldest first, each id once, and drops entries older than the cursor", () => {
    const { entries, cursor } = takeNewLogEntries(logCursorFrom(1000), [
      entry("c", 1002),
      entry("a", 999),
      entry("b", 1001),
      entry("b", 1001),
    ]);
    expect(entries.map((e) => e.ref)).toEqual(["b", "c"]);
    expect(cursor).toEqual({ time: 1002, seenIds: ["c"] });
  });

  it("does not repeat entries at the cursor's millisecond on the next fetch, but takes new ones there", () => {
    const first = takeNewLogEntries(logCursorFrom(1000), [entry("a", 1005), entry("b", 1005)]);
    const second = takeNewLogEntries(first.cursor, [
      entry("a", 1005),
      entry("b", 1005),
      entry("c", 1005),
      entry("d", 1007),
    ]);
    expect(second.entries.map((e) => e.ref)).toEqual(["c", "d"]);
    const third = takeNewLogEntries(takeNewLogEntries(first.cursor, [entry("a", 1005), entry("c", 1005)]).cursor, [
      entry("a", 1005),
      entry("b", 1005),
      entry("c", 1005),
    ]);
    expect(third.entries).toEqual([]);
  });

  it("keeps the cursor when nothing is new", () => {
    const cursor = { time: 5, seenIds: ["x"] };
    expect(takeNewLogEntries(cursor, [entry("x", 5), entry("old", 4)])).toEqual({ entries: [], cursor });
  });

  it("filters by minimum level in the order Debug < Info < Warning < Error, and lets unknown levels through", () => {
    expect(passesMinLevel("Info", null)).toBe(true);
    expect(passesMinLevel("Info", "Warning")).toBe(false);
    expect(passesMinLevel("Error", "Warning")).toBe(true);
    expect(passesMinLevel("warning", "WARNING")).toBe(true);
    expect(passesMinLevel("Critical", "Error")).toBe(true);
  });
});

describe("poll schedule", () => {
  const settings = { pollIntervalMs: 200, pollMaxIntervalMs: 1000 };

  it("goes back to the base interval when something changed", () => {
    expect(nextIntervalAfterSuccess(settings, 800, true)).toBe(200);
  });

  it("grows by half while nothing changes, up to the maximum", () => {
    expect(nextIntervalAfterSuccess(settings, 200, false)).toBe(300);
    expect(nextIntervalAfterSuccess(settings, 900, false)).toBe(1000);
  });

  it("backs off exponentially after failures, capped, and honours Retry-After", () => {
    expect(retryDelayAfterFailure(settings, 1, undefined)).toBe(200);
    expect(retryDelayAfterFailure(settings, 3, undefined)).toBe(800);
    expect(retryDelayAfterFailure(settings, 9, undefined)).toBe(1000);
    expect(retryDelayAfterFailure(settings, 1, 3)).toBe(3000);
  });
});

describe("subscription settings", () => {
  it("uses the documented defaults when vars are unset or invalid", () => {
    expect(subscriptionSettingsFromEnv({ POLL_INTERVAL_MS: "fast", POLL_MAX_FAILURES: "-1" })).toEqual({
      pollIntervalMs: 2000,
      pollMaxIntervalMs: 30_000,
      pollMaxFailures: 5,
      maxLifetimeMs: 3_600_000,
      upstreamTimeoutMs: 10_000,
      sseHeartbeatMs: 5000,
      wsPingIntervalMs: 15_000,
      listenerRecheckMs: 300_000,
      wsMaxLifetimeMs: 86_400_000,
      sessionRecheckMs: 60_000,
    });
  });

  it("reads the listener recheck interval, and falls back to 5 minutes for bad values", () => {
    expect(subscriptionSettingsFromEnv({ LISTENER_RECHECK_MS: "10000" }).listenerRecheckMs).toBe(10_000);
    expect(subscriptionSettingsFromEnv({ LISTENER_RECHECK_MS: "0" }).listenerRecheckMs).toBe(300_000);
  });

  it("reads the heartbeat and ping intervals, and falls back to their defaults for bad values", () => {
    const set = subscriptionSettingsFromEnv({ SSE_HEARTBEAT_MS: "750", WS_PING_INTERVAL_MS: "4000" });
    expect([set.sseHeartbeatMs, set.wsPingIntervalMs]).toEqual([750, 4000]);
    const bad = subscriptionSettingsFromEnv({ SSE_HEARTBEAT_MS: "0", WS_PING_INTERVAL_MS: "1.5" });
    expect([bad.sseHeartbeatMs, bad.wsPingIntervalMs]).toEqual([5000, 15_000]);
  });

  it("never lets the maximum interval fall below the interval", () => {
    const settings = subscriptionSettingsFromEnv({ POLL_INTERVAL_MS: "500", POLL_MAX_INTERVAL_MS: "100" });
    expect(settings.pollMaxIntervalMs).toBe(500);
  });
});

describe("snapshot fingerprints", () => {
  it("do not depend on key order", () => {
    expect(stableStringify({ b: 1, a: { d: 2, c: 3 } })).toBe(stableStringify({ a: { c: 3, d: 2 }, b: 1 }));
  });

  it("change when a job counter or the dataset's item count changes", () => {
    const wire = {
      id: "batchjob_1",
      name: "j",
      projectId: "proj_demo",
      spec: {},
      status: { overview: "Waiting", items: { Delivered: 1 } },
      createDate: 1,
      updateDate: 1,
    };
    const job = jobModel(wire);
    const base = eventFingerprint({ type: "job", job, dataset: null, progressInput: 10, terminal: false });
    const moved = eventFingerprint({
      type: "job",
      job: jobModel({ ...wire, status: { ...wire.status, items: { Delivered: 2 } } }),
      dataset: null,
      progressInput: 10,
      terminal: false,
    });
    expect(moved).not.toBe(base);
    expect(eventFingerprint({ type: "job", job, dataset: null, progressInput: 11, terminal: false })).not.toBe(base);
    expect(
      eventFingerprint({ type: "job", job: jobModel(wire), dataset: null, progressInput: 10, terminal: false }),
    ).toBe(base);
  });
});

describe("events for one listener", () => {
  const job = jobModel({
    id: "batchjob_1",
    name: "j",
    projectId: "proj_demo",
    spec: {},
    status: { overview: "Waiting", message: "Running", items: { Delivered: 1 } },
    createDate: 1,
    updateDate: 1,
  });
  const snapshot = { type: "job" as const, job, dataset: null, progressInput: null, terminal: false };
  const logs = [
    { type: "log" as const, entry: entry("old", 90, "Error") },
    { type: "log" as const, entry: entry("info", 110, "Info") },
    { type: "log" as const, entry: entry("error", 120, "Error") },
  ];

  it("sends a snapshot only when it differs from what the listener has", () => {
    const spec = { topic: { ...topic, kind: "job" as const }, since: 0, fingerprint: null };
    expect(eventsForListener(spec, snapshot, [], false)).toEqual([snapshot]);
    const current = { ...spec, fingerprint: eventFingerprint(snapshot) };
    expect(eventsForListener(current, snapshot, [], false)).toEqual([]);
    expect(eventsForListener(current, { ...snapshot, terminal: true }, [], true)).toEqual([{ type: "complete" }]);
  });

  it("gives a log tail the entries since it subscribed at or above its level, then complete when the job ended", () => {
    const spec = { topic: { ...topic, kind: "jobLogs" as const, minLevel: "Warning" }, since: 100, fingerprint: null };
    expect(eventsForListener(spec, snapshot, logs, false)).toEqual([logs[2]]);
    expect(eventsForListener(spec, snapshot, logs, true)).toEqual([logs[2], { type: "complete" }]);
  });

  it("reads a socket listener's spec from its header, and rejects a malformed one", () => {
    const spec = { topic: { ...topic, kind: "job" }, since: 5, fingerprint: "f" };
    expect(parseListenerSpec(JSON.stringify(spec))).toEqual(spec);
    expect(parseListenerSpec("{nope")).toBeNull();
    expect(parseListenerSpec(JSON.stringify({ since: 5 }))).toBeNull();
    expect(parseListenerSpec(null)).toBeNull();
  });
});

describe("listener credentials in a poll", () => {
  const listener = (name: string, attachedAt: number, checkedAt: number) => ({
    name,
    keeping: { attachedAt, checkedAt },
  });

  it("groups listeners with identical credentials, longest-attached group first, with its oldest check", () => {
    const a = listener("a", 30, 30);
    const b = listener("b", 10, 50);
    const c = listener("c", 20, 20);
    const groups = groupByCredentials([
      { listener: a, credentials: { key: "one" } },
      { listener: b, credentials: { key: "two" } },
      { listener: c, credentials: { key: "one" } },
    ]);
    expect(groups).toEqual([
      { credentials: { key: "two" }, members: [b], attachedAt: 10, checkedAt: 50 },
      { credentials: { key: "one" }, members: [a, c], attachedAt: 20, checkedAt: 20 },
    ]);
  });

  it("makes a check due once the recheck interval has passed since the last one", () => {
    expect(isRecheckDue(1000, 10_999, 10_000)).toBe(false);
    expect(isRecheckDue(1000, 11_000, 10_000)).toBe(true);
  });
});

describe("delivery queue", () => {
  it("delivers to one listener in order, even when an earlier delivery is slower", async () => {
    const queue = new DeliveryQueue(1000);
    const seen: string[] = [];
    const slow = queue.enqueue("l", async () => {
      await new Promise((resolve) => setTimeout(resolve, 30));
      seen.push("first");
      return "keep";
    });
    const fast = queue.enqueue("l", async () => {
      seen.push("second");
      return "keep";
    });
    expect(await Promise.all([slow, fast])).toEqual(["keep", "keep"]);
    expect(seen).toEqual(["first", "second"]);
  });

  it("drops a listener whose delivery is too slow (late) or fails (failed), without waiting for it, and skips what follows", async () => {
    const queue = new DeliveryQueue(20);
    const other = queue.enqueue("other", async () => "keep");
    const late = queue.enqueue("slow", () => new Promise(() => {}));
    const behind = queue.enqueue("slow", async () => {
      throw new Error("must not run");
    });
    // Late and failed are drops the listener's own side did not make: the watch object tells it why (the skipped
    // delivery behind a late one is a plain drop: it has been told once).
    expect(await Promise.all([other, late, behind])).toEqual(["keep", "late", "drop"]);
    expect(await queue.enqueue("broken", async () => Promise.reject(new Error("gone")))).toBe("failed");
  });
});

describe("job list messages", () => {
  const digest = (entries: [string, string][]) => ({
    ids: entries.map(([id]) => id),
    prints: entries.map(([, print]) => print),
  });

  it("says which ids entered, left and changed since the previous page, in the new page's order", () => {
    const before = digest([
      ["a", "1"],
      ["b", "1"],
      ["c", "1"],
    ]);
    const after = digest([
      ["d", "1"],
      ["a", "2"],
      ["b", "1"],
    ]);
    expect(diffDigests(before, after)).toEqual({ added: ["d"], removed: ["c"], changed: ["a"] });
    expect(diffDigests(after, after)).toEqual({ added: [], removed: [], changed: [] });
  });

  it("says nothing changed without a previous page (a first message)", () => {
    expect(diffDigests(null, digest([["a", "1"]]))).toEqual({ added: [], removed: [], changed: [] });
  });

  it("gives each listener the page without the watch's digest, with its own changes", () => {
    const event = {
      type: "jobList" as const,
      page: { edges: [], pageInfo: { hasNextPage: false, hasPreviousPage: false, startCursor: null, endCursor: null } },
      datasets: [],
      added: [],
      removed: [],
      changed: [],
      fingerprint: "f2",
      digest: digest([["b", "1"]]),
      terminal: false as const,
    };
    const mine = jobListEventFor(event, digest([["a", "1"]]));
    expect(mine).not.toHaveProperty("digest");
    expect(mine).toMatchObject({ added: ["b"], removed: ["a"], changed: [], fingerprint: "f2" });
    expect(eventFingerprint(mine)).toBe("f2");
  });

  it("hashes equal texts alike and different texts apart", () => {
    expect(shortHash("abc")).toBe(shortHash("abc"));
    expect(shortHash("abc")).not.toBe(shortHash("abd"));
    expect(shortHash("")).toMatch(/^[0-9a-f]{16}$/);
  });

  it("reads a list listener's first-page digest from its spec, and drops a malformed one", () => {
    const listTopic = { ...topic, kind: "jobList" as const };
    const withDigest = parseListenerSpec(
      JSON.stringify({ topic: listTopic, since: 1, fingerprint: "f", digest: { ids: ["a"], prints: ["1"] } }),
    );
    expect(withDigest?.digest).toEqual({ ids: ["a"], prints: ["1"] });
    const malformed = parseListenerSpec(JSON.stringify({ topic: listTopic, since: 1, fingerprint: "f", digest: 3 }));
    expect(malformed).not.toHaveProperty("digest");
  });
});
