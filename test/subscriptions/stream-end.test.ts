/**
 * Streams that say why they end: an end that is not the watched object's terminal state is a final error with code
 * `SUBSCRIPTION_ENDED`, a reason and `retryAfterSeconds`, then a complete; the watched object's own end completes
 * without one. Through the front door, with a gateway whose SSE streams live 2 s (SUBSCRIPTION_MAX_LIFETIME_MS).
 */
import { createClient as createSseClient, type Client as SseClient } from "graphql-sse";
import { createClient as createWsClient, type Client as WsClient } from "graphql-ws";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import WebSocket from "ws";
import { startTestGateway, type TestGateway } from "../utils/test-gateway";
import {
  createJob,
  datasetIdByName,
  DEMO,
  nexus,
  resetEmulator,
  sleep,
  upstreamRequests,
  clearUpstreamRequests,
  waitFor,
  watch,
  type Result,
  type Watch,
} from "./helpers";

const LIFETIME_MS = 2000;
const JOB_UPDATED = /* GraphQL */ `subscription ($id: ID!) { jobUpdated(id: $id) { id state } }`;
const JOB_LIST = /* GraphQL */ `subscription { jobListUpdated(first: 3, provider: NEXUS) { jobs { edges { node { id } } } added } }`;

let gateway: TestGateway;
const clients: (SseClient | WsClient)[] = [];

function overSse(query: string, variables: Record<string, unknown> = {}): Watch {
  const client = createSseClient({
    url: `${gateway.url}/graphql`,
    singleConnection: false,
    headers: { ...DEMO },
    retryAttempts: 0,
  });
  clients.push(client);
  return watch(client, query, variables);
}

function overWs(query: string, variables: Record<string, unknown> = {}): Watch {
  const client = createWsClient({
    url: `${gateway.url.replace(/^http/, "ws")}/graphql`,
    webSocketImpl: WebSocket,
    connectionParams: { ...DEMO },
    retryAttempts: 0,
    lazy: true,
  });
  clients.push(client);
  return watch(client, query, variables);
}

const errorsOf = (results: Result[]) => results.flatMap((result) => result.errors ?? []);

beforeAll(async () => {
  gateway = await startTestGateway({ SUBSCRIPTION_MAX_LIFETIME_MS: String(LIFETIME_MS) });
});

afterAll(async () => {
  await gateway?.dispose();
});

beforeEach(async () => {
  await resetEmulator({ msPerItem: 20 });
});

afterEach(async () => {
  await Promise.all(clients.splice(0).map(async (client) => client.dispose()));
});

describe("a stream's own end", () => {
  it("ends an SSE job stream at its lifetime with SUBSCRIPTION_ENDED (MAX_LIFETIME, come back now), then completes", async () => {
    // A job that waits for an hour: its own end is far away.
    const jobId = await createJob(DEMO, await datasetIdByName(DEMO, "retail-checkout"), {
      startAtTime: Date.now() + 3_600_000,
    });
    const live = overSse(JOB_UPDATED, { id: jobId });
    const { error } = await live.done;
    expect(error).toBeNull();
    expect((live.results[0]?.data as { jobUpdated: { state: string } }).jobUpdated.state).toBe("WAITING");
    const last = live.results.at(-1);
    expect(last?.data ?? null).toBeNull();
    expect(last?.errors).toEqual([
      {
        message: "The live update stream reached its maximum lifetime; subscribe again to go on.",
        path: ["jobUpdated"],
        locations: expect.any(Array) as unknown,
        extensions: { code: "SUBSCRIPTION_ENDED", reason: "MAX_LIFETIME", retryAfterSeconds: 0 },
      },
    ]);
    // Exactly one error, and only at the end.
    expect(errorsOf(live.results)).toHaveLength(1);
    // The listener left with the stream: its watch stops polling.
    await clearUpstreamRequests();
    await sleep(2500);
    const polls = (await upstreamRequests()).filter((request) => request.path.endsWith(`/batch/jobs/${jobId}`));
    expect(polls.length).toBeLessThanOrEqual(1);
  });

  it("ends an SSE jobs list the same way: a list never ends by itself", async () => {
    const live = overSse(JOB_LIST);
    const { error } = await live.done;
    expect(error).toBeNull();
    expect(live.results.length).toBeGreaterThanOrEqual(2);
    expect(live.results[0]?.errors).toBeUndefined();
    expect(live.results.at(-1)?.errors?.[0]?.extensions).toEqual({
      code: "SUBSCRIPTION_ENDED",
      reason: "MAX_LIFETIME",
      retryAfterSeconds: 0,
    });
  });

  it("completes without an error when the watched job reaches its terminal state within the lifetime", async () => {
    const jobId = await createJob(DEMO, await datasetIdByName(DEMO, "retail-checkout"), {
      startAtTime: Date.now() + 3_600_000,
    });
    const live = overSse(JOB_UPDATED, { id: jobId });
    await waitFor(() => live.results.length >= 1, "the first event");
    // Cancelled well within the lifetime: its terminal state ends the stream.
    await nexus(DEMO, "PATCH", `jobs/${jobId}`, { spec: { stopAtTime: Date.now() } });
    const { error } = await live.done;
    expect(error).toBeNull();
    const states = live.results.map((result) => (result.data as { jobUpdated: { state: string } }).jobUpdated.state);
    expect(states).toEqual(["WAITING", "CANCELLED"]);
    expect(errorsOf(live.results)).toEqual([]);
  });

  it("leaves graphql-ws subscriptions to their socket's lifetime (WS_MAX_LIFETIME_MS, close 1001)", async () => {
    const jobId = await createJob(DEMO, await datasetIdByName(DEMO, "retail-checkout"), {
      startAtTime: Date.now() + 3_600_000,
    });
    const live = overWs(JOB_UPDATED, { id: jobId });
    await waitFor(() => live.results.length >= 1, "the first event");
    await sleep(2 * LIFETIME_MS);
    expect(live.ended()).toBe(false);
    expect(errorsOf(live.results)).toEqual([]);
  });
});
