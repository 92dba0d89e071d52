/**
 * Helpers for the departure tests (issue 13): a gateway of their own (reachable past and through wrangler's dev
 * proxy: `url`, `proxyUrl`); an emulator tenant per test, so that the tests run at the same time; raw SSE requests a
 * test can abort or stop reading at a chosen moment; graphql-ws clients on a chosen URL; a TCP relay that can drop
 * the network without a close; and a bounded wait for polling to stop.
 */
import http from "node:http";
import net from "node:net";
import { createClient as createWsClient, type Client as WsClient } from "graphql-ws";
import { expect } from "vitest";
import WebSocket from "ws";
import { startTestGateway, type TestGateway } from "../utils/test-gateway";
import { tenantNamed, useTenant, type Tenant } from "../utils/tenant";
import { createJob, datasetIdByName, DEMO, nexus, sleep, type TestProject } from "./helpers";

/** The departure gateway's poll settings, as in test/global-setup.ts. */
export const POLL_INTERVAL_MS = 200;
export const POLL_MAX_INTERVAL_MS = 1000;
/** The SSE bridge's heartbeat: a listener silent for 3 of these is dropped. */
export const SSE_HEARTBEAT_MS = 1000;
/** The graphql-ws ping interval: a client silent for a whole interval after a ping is gone. */
export const WS_PING_INTERVAL_MS = 2000;
/** The bound of the issue: polling stops within this after the last client left. */
export const DEPARTURE_BOUND_MS = 30_000;

/**
 * Starts a gateway for departure tests. Its SSE streams live 10 minutes unless `sseLifetimeMs` says otherwise, so
 * that no test can pass because a stream's lifetime released it: only the departure itself (or the heartbeat) may.
 */
export function startDepartureGateway({
  sseLifetimeMs = 600_000,
}: { sseLifetimeMs?: number } = {}): Promise<TestGateway> {
  // The suite's settings (test/utils/test-gateway.ts), with the poll settings above spelled out, since the bounds
  // below are computed from them, and the heartbeats these tests wait out.
  return startTestGateway({
    POLL_INTERVAL_MS: String(POLL_INTERVAL_MS),
    POLL_MAX_INTERVAL_MS: String(POLL_MAX_INTERVAL_MS),
    POLL_MAX_FAILURES: "3",
    SUBSCRIPTION_MAX_LIFETIME_MS: String(sseLifetimeMs),
    UPSTREAM_TIMEOUT_MS: "8000",
    SSE_HEARTBEAT_MS: String(SSE_HEARTBEAT_MS),
    WS_PING_INTERVAL_MS: String(WS_PING_INTERVAL_MS),
  });
}

/**
 * One test's own emulator tenant (`<the file's tenant>-<name>`): its own jobs, request log and faults, so that tests
 * that count a job's requests or slow the upstream down can run at the same time as the others.
 */
export interface Scene {
  tenant: Tenant;
  /** The tenant's demo project, as the gateway's headers (and `connection_init`) name it. */
  project: TestProject;
}

/** The {@link Scene} called `name` (lowercase letters, digits and hyphens) in the running file. */
export function sceneNamed(name: string): Scene {
  const tenant = tenantNamed(`${useTenant().name}-${name}`);
  return { tenant, project: { "x-nexus-project-id": tenant.demo.project, "x-nexus-secret-key": tenant.demo.key } };
}

/**
 * The scene called `name`, fresh (its seeded data, no faults, an empty request log, jobs created from now on taking
 * `msPerItem` per item and stage), added to `scenes` so that the file can clear its faults at the end whatever
 * failed. Rejects if the emulator refuses the reset.
 */
export async function freshScene(scenes: Scene[], name: string, msPerItem: number): Promise<Scene> {
  const scene = sceneNamed(name);
  scenes.push(scene);
  await scene.tenant.reset({ msPerItem });
  return scene;
}

/**
 * A fresh scene (see {@link freshScene}) and `count` jobs in it that run for over a minute (48 items at 1.5 s
 * each), so that they change at every poll and never end during a test.
 */
export async function runningJobs(
  scenes: Scene[],
  name: string,
  count: number,
): Promise<{ scene: Scene; jobIds: string[] }> {
  const scene = await freshScene(scenes, name, 1500);
  const datasetId = await datasetIdByName(scene.project, "retail-checkout");
  return { scene, jobIds: await Promise.all(Array.from({ length: count }, () => createJob(scene.project, datasetId))) };
}

/** Asserts the jobs still run: the quiet came from the departures, not from the jobs ending. */
export async function expectStillRunning(scene: Scene, jobIds: string[]): Promise<void> {
  for (const jobId of jobIds) {
    const job = await nexus<{ status: { message?: string } }>(scene.project, "GET", `jobs/${jobId}`);
    expect(["Waiting", "Running"]).toContain(job.status.message);
  }
}

export const JOB_UPDATED = /* GraphQL */ `subscription ($id: ID!) { jobUpdated(id: $id) { id state progress } }`;
export const JOB_LOG_ADDED = /* GraphQL */ `subscription ($id: ID!) { jobLogAdded(jobId: $id) { createdAt kind } }`;

/** One raw GraphQL-over-SSE request, as a dashboard's `fetch` makes it. */
export interface RawSse {
  /** `event: next` messages received so far. */
  nexts: () => number;
  /** Resolves with the first `next` (rejects if the stream ends or fails before one). */
  first: Promise<void>;
  /** The whole text received so far. */
  text: () => string;
  /** Resolves when the stream ends (completed, aborted or cancelled), never rejects. */
  ended: Promise<void>;
  /** Aborts the request, as closing a tab does: its connection closes, at whatever point the request is. */
  abort: () => void;
  /** Stops reading the answer: destroys the response, which closes the connection under it. */
  cancelReader: () => void;
}

/**
 * Opens one SSE subscription at `baseUrl`, on a connection of its own (`node:http` with no agent, so no pool can
 * keep a connection open after its request is gone, and the test says exactly when the connection closes).
 */
export function openSse(
  baseUrl: string,
  query: string,
  variables: Record<string, unknown>,
  project: TestProject = DEMO,
): RawSse {
  let received = "";
  let nexts = 0;
  let reportFirst: () => void = () => {};
  let failFirst: (error: unknown) => void = () => {};
  const first = new Promise<void>((resolve, reject) => {
    reportFirst = resolve;
    failFirst = reject;
  });
  first.catch(() => {}); // Tests that never wait for it must not see an unhandled rejection.
  let response: http.IncomingMessage | null = null;
  let cancelWanted = false;
  let reportEnded: () => void = () => {};
  const ended = new Promise<void>((resolve) => (reportEnded = resolve));
  const end = (why: unknown): void => {
    failFirst(why);
    reportEnded();
  };
  const body = JSON.stringify({ query, variables });
  const request = http.request(`${baseUrl}/graphql`, {
    method: "POST",
    agent: false,
    headers: {
      accept: "text/event-stream",
      "content-type": "application/json",
      "content-length": Buffer.byteLength(body),
      ...project,
    },
  });
  request.on("response", (answer) => {
    response = answer;
    if (cancelWanted) answer.destroy();
    answer.setEncoding("utf8");
    answer.on("data", (chunk: string) => {
      received += chunk;
      const count = received.split("event: next").length - 1;
      if (count > nexts) {
        nexts = count;
        reportFirst();
      }
    });
    answer.on("end", () => end(new Error(`SSE ended before a first event: ${received}`)));
    answer.on("close", () => end(new Error("SSE closed")));
    answer.on("error", end);
  });
  request.on("error", end);
  request.on("close", () => {
    if (response === null) end(new Error("SSE request closed before an answer"));
  });
  request.end(body);
  return {
    nexts: () => nexts,
    first,
    text: () => received,
    ended,
    abort: () => request.destroy(),
    cancelReader: () => {
      cancelWanted = true;
      response?.destroy();
    },
  };
}

/**
 * A graphql-ws client on `url` (a `ws://…/graphql` address), acting as `options.project` (default: the file's demo
 * project), with no retries.
 */
export function wsClientAt(
  url: string,
  options: { onSocket?: (socket: WebSocket) => void; project?: TestProject } = {},
): WsClient {
  return createWsClient({
    url,
    webSocketImpl: class extends WebSocket {
      constructor(address: string | URL, protocols?: string | string[]) {
        super(address, protocols);
        options.onSocket?.(this);
      }
    },
    connectionParams: { ...(options.project ?? DEMO) },
    retryAttempts: 0,
    lazy: true,
  });
}

/** The `ws://` GraphQL address of an `http://` base URL. */
export const wsUrlOf = (baseUrl: string): string => `${baseUrl.replace(/^http/, "ws")}/graphql`;

/** Upstream requests that concern any of `jobIds` (the job, its logs), in `tenant`'s request log (default: the file's). */
export async function requestsFor(jobIds: string[], tenant: Tenant = useTenant()): Promise<number> {
  return (await tenant.requests()).filter((request) => jobIds.some((id) => request.path.includes(`/${id}`))).length;
}

/**
 * Waits, sampling `tenant`'s request log (default: the file's), until the upstream has seen no request for `jobIds`
 * during a whole quiet window (longer than the longest poll interval), and returns how long after the call the last
 * such request came. Fails once `boundMs` has passed without a quiet window starting: polling did not stop in time.
 */
export async function timeUntilPollingStops(
  jobIds: string[],
  tenant: Tenant = useTenant(),
  boundMs = DEPARTURE_BOUND_MS,
): Promise<number> {
  const quietWindowMs = 2 * POLL_MAX_INTERVAL_MS + POLL_INTERVAL_MS;
  const start = Date.now();
  let last = await requestsFor(jobIds, tenant);
  let lastChange = start;
  for (;;) {
    await sleep(POLL_INTERVAL_MS);
    const now = await requestsFor(jobIds, tenant);
    if (now !== last) {
      last = now;
      lastChange = Date.now();
    }
    if (Date.now() - lastChange >= quietWindowMs) return lastChange - start;
    if (lastChange - start > boundMs) {
      throw new Error(
        `polling of ${jobIds.length} job(s) still going ${Math.round((lastChange - start) / 1000)} s after the clients left`,
      );
    }
  }
}

/** A TCP relay to a host and port that can drop every connection's traffic without closing it (a dead network). */
export interface Relay {
  /** `http://127.0.0.1:<port>` of the relay. */
  url: string;
  /** From now on, nothing passes in either direction, and no side is told. */
  blackhole: () => void;
  close: () => Promise<void>;
}

/** Starts a {@link Relay} to `targetUrl`'s host and port. */
export async function startRelay(targetUrl: string): Promise<Relay> {
  const target = new URL(targetUrl);
  const pairs: [net.Socket, net.Socket][] = [];
  let dead = false;
  const server = net.createServer((client) => {
    const upstream = net.connect(Number(target.port), target.hostname);
    pairs.push([client, upstream]);
    const forward = (from: net.Socket, to: net.Socket): void => {
      from.on("data", (chunk) => {
        if (!dead) to.write(chunk);
      });
      from.on("end", () => {
        if (!dead) to.end();
      });
      from.on("error", () => to.destroy());
    };
    forward(client, upstream);
    forward(upstream, client);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address() as net.AddressInfo;
  return {
    url: `http://127.0.0.1:${address.port}`,
    blackhole: () => {
      dead = true;
    },
    close: async () => {
      for (const [a, b] of pairs) {
        a.destroy();
        b.destroy();
      }
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** A small seeded random number generator (mulberry32), so that a failing run can be replayed. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
