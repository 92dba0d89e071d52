/**
 * `datasetUpdated` for Graviti datasets over both transports (graphql-ws with the key in `connection_init`, SSE with
 * the key in a header): a dataset with a commit is READY and sent once, one without stays WAITING, an id handed out
 * before a rename still follows the dataset, and `jobUpdated` refuses a Graviti id.
 */
import { createClient as createSseClient, type Client as SseClient } from "graphql-sse";
import { createClient as createWsClient, type Client as WsClient } from "graphql-ws";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import WebSocket from "ws";
import { graphqlUrl, graphqlWsUrl, waitFor, watch } from "../subscriptions/helpers";
import { allWireDatasets, GRAVITI, gravitiApi, gravitiGlobalId, type WireDataset } from "./helpers";

const DATASET_UPDATED = `subscription($id: ID!) { datasetUpdated(id: $id) { id name state ... on GravitiDataset { commitId } } }`;
const headers = { "x-graviti-access-key": GRAVITI.demo.key };
const clients: (WsClient | SseClient)[] = [];

function both(): { ws: WsClient; sse: SseClient } {
  const ws = createWsClient({
    url: graphqlWsUrl(),
    webSocketImpl: WebSocket,
    connectionParams: headers,
    retryAttempts: 0,
    lazy: true,
  });
  const sse = createSseClient({ url: graphqlUrl(), singleConnection: false, headers, retryAttempts: 0 });
  clients.push(ws, sse);
  return { ws, sse };
}

let wire: WireDataset[];

function named(name: string): WireDataset {
  return wire.find((dataset) => dataset.name === name) as WireDataset;
}

beforeAll(async () => {
  await GRAVITI.reset();
  wire = await allWireDatasets();
});

afterAll(async () => {
  await Promise.all(clients.map(async (client) => client.dispose()));
});

describe("datasetUpdated", () => {
  it("sends a dataset with a commit once (READY) and completes", async () => {
    const cifar = named("CIFAR-10");
    for (const client of Object.values(both())) {
      const stream = watch(client, DATASET_UPDATED, { id: gravitiGlobalId(cifar) });
      expect(await stream.done).toEqual({ error: null });
      expect(stream.results).toEqual([
        {
          data: {
            datasetUpdated: { id: gravitiGlobalId(cifar), name: "CIFAR-10", state: "READY", commitId: cifar.commit_id },
          },
        },
      ]);
    }
  });

  it("sends a dataset without a commit as WAITING and keeps following it", async () => {
    const signs = named("street-signs");
    for (const client of Object.values(both())) {
      const stream = watch(client, DATASET_UPDATED, { id: gravitiGlobalId(signs) });
      await GRAVITI.clearRequests();
      await waitFor(() => stream.results.length > 0, "no first event");
      expect(stream.results[0]).toEqual({
        data: {
          datasetUpdated: { id: gravitiGlobalId(signs), name: "street-signs", state: "WAITING", commitId: null },
        },
      });
      // Not terminal: the watch object goes on polling Graviti for it (POLL_INTERVAL_MS is 200 in tests).
      const gets = async () =>
        (await GRAVITI.requests()).filter(
          (request) => request.path === `/graviti/v2/datasets/${GRAVITI.demo.workspace}/street-signs`,
        ).length;
      await waitFor(async () => (await gets()) >= 3, "fewer than 3 reads of street-signs");
      expect(stream.ended()).toBe(false);
      stream.stop();
    }
  });

  it("follows a renamed dataset by an id handed out before the rename", async () => {
    const lfw = named("LFW");
    await gravitiApi("PATCH", `/v2/datasets/${GRAVITI.demo.workspace}/LFW`, { name: "LFW-renamed" });
    const { sse } = both();
    const stream = watch(sse, DATASET_UPDATED, { id: gravitiGlobalId(lfw) });
    expect(await stream.done).toEqual({ error: null });
    expect(stream.results).toEqual([
      {
        data: {
          datasetUpdated: {
            id: gravitiGlobalId({ ...lfw, name: "LFW-renamed" }),
            name: "LFW-renamed",
            state: "READY",
            commitId: lfw.commit_id,
          },
        },
      },
    ]);
  });

  it("ends with NOT_FOUND for a dataset that exists neither by name nor by id", async () => {
    const { sse } = both();
    const id = gravitiGlobalId({ id: "f".repeat(32), workspace: GRAVITI.demo.workspace, name: "nope" });
    const stream = watch(sse, DATASET_UPDATED, { id });
    await stream.done;
    expect(stream.results[0]?.errors?.map((error) => error.extensions?.["code"])).toEqual(["NOT_FOUND"]);
  });

  it("refuses a Graviti id in jobUpdated with BAD_USER_INPUT", async () => {
    const { sse } = both();
    const stream = watch(sse, `subscription($id: ID!) { jobUpdated(id: $id) { id } }`, {
      id: gravitiGlobalId(named("MNIST")),
    });
    const { error } = await stream.done;
    const errors = stream.results[0]?.errors ?? (Array.isArray(error) ? error : []);
    expect(errors.map((entry: { message: string }) => entry.message)).toEqual([
      'Argument "id": expected a Job id, got a GravitiDataset id.',
    ]);
  });
});
