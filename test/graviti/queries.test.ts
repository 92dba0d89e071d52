/**
 * Graviti datasets through the front door: the list (newest first, Graviti's own fields, the state mapping),
 * `dataset(id)` and `node(id)`, what the upstream saw (its request log), the credentials rules, bad ids refused
 * before any call, and every upstream failure with its code and whole message.
 */
import { afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  allWireDatasets,
  BOTH,
  GRAVITI,
  gravitiCalls,
  gravitiGlobalId,
  mixedData,
  mixedGql,
  NEXUS,
  type WireDataset,
} from "./helpers";

const FIELDS = `id name provider createdAt updatedAt state
  ... on GravitiDataset { gravitiId workspace alias defaultBranch commitId creator isPublic storageConfig backendType coverUrl }`;

interface DatasetNode {
  id: string;
  name: string;
  provider: string;
  createdAt: string;
  updatedAt: string;
  state: string;
  gravitiId?: string;
  workspace?: string;
  alias?: string;
  defaultBranch?: string;
  commitId?: string | null;
  creator?: string;
  isPublic?: boolean;
  storageConfig?: string;
  backendType?: string;
  coverUrl?: string | null;
}

interface DatasetsAnswer {
  datasets: { totalCount: number; edges: { node: DatasetNode }[] } | null;
}

let wire: WireDataset[];

function expectedNode(
  dataset: WireDataset & { cover_url?: string; creator?: string; updated_at?: string },
): DatasetNode {
  return {
    id: gravitiGlobalId(dataset),
    name: dataset.name,
    provider: "GRAVITI",
    createdAt: new Date(dataset.created_at).toISOString(),
    updatedAt: new Date(dataset.updated_at ?? "").toISOString(),
    state: dataset.commit_id === null ? "WAITING" : "READY",
    gravitiId: dataset.id,
    workspace: dataset.workspace,
    alias: dataset.alias,
    defaultBranch: dataset.default_branch,
    commitId: dataset.commit_id,
    creator: dataset.creator ?? "",
    isPublic: dataset.is_public,
    storageConfig: dataset.storage_config,
    backendType: dataset.backend_type,
    coverUrl: dataset.cover_url === "" || dataset.cover_url === undefined ? null : dataset.cover_url,
  };
}

beforeAll(async () => {
  await GRAVITI.reset();
  await NEXUS.reset();
  wire = await allWireDatasets();
});

beforeEach(async () => {
  await GRAVITI.clearRequests();
});

afterEach(async () => {
  await GRAVITI.clearFaults();
});

describe("datasets", () => {
  it("lists the workspace's datasets newest first, with Graviti's own fields, in one list call", async () => {
    const data = await mixedData<DatasetsAnswer>(`{ datasets(first: 20) { totalCount edges { node { ${FIELDS} } } } }`);
    expect(wire).toHaveLength(14);
    expect(data.datasets?.totalCount).toBe(14);
    // The upstream lists oldest first; the gateway's lists are newest first.
    expect(data.datasets?.edges.map((edge) => edge.node)).toEqual([...wire].reverse().map(expectedNode));
    expect(await gravitiCalls()).toEqual(["GET /graviti/v2/datasets?offset=0&limit=128"]);
  });

  it("says READY for a dataset with a commit and WAITING for one without (only a draft)", async () => {
    const data = await mixedData<DatasetsAnswer>(
      `{ datasets(first: 20) { edges { node { name state ... on GravitiDataset { commitId } } } } }`,
    );
    const waiting = data.datasets?.edges
      .filter((edge) => edge.node.state === "WAITING")
      .map((edge) => edge.node.name)
      .sort();
    expect(waiting).toEqual(["retail-shelves", "street-signs", "weld-defects"]);
    for (const { node } of data.datasets?.edges ?? []) expect(node.commitId === null).toBe(node.state === "WAITING");
  });

  it("filters nothing with includeExpired (Graviti datasets do not expire)", async () => {
    const data = await mixedData<DatasetsAnswer>(`{ datasets(first: 20, includeExpired: true) { totalCount } }`);
    expect(data.datasets?.totalCount).toBe(14);
  });

  it("lists no jobs for Graviti, without asking it", async () => {
    const data = await mixedData<{ jobs: { totalCount: number; edges: unknown[] } }>(
      `{ jobs(first: 5) { totalCount edges { node { id } } } }`,
    );
    expect(data.jobs).toEqual({ totalCount: 0, edges: [] });
    expect(await gravitiCalls()).toEqual([]);
  });
});

describe("dataset(id) and node(id)", () => {
  it("reads one dataset by workspace and name: one GET", async () => {
    const cifar = wire.find((dataset) => dataset.name === "CIFAR-10") as WireDataset;
    const id = gravitiGlobalId(cifar);
    const data = await mixedData<{ dataset: DatasetNode; node: DatasetNode }>(
      `query($id: ID!) { dataset(id: $id) { ${FIELDS} } node(id: $id) { ... on GravitiDataset { gravitiId isPublic } } }`,
      { id },
    );
    expect(data.dataset).toEqual(expectedNode(cifar));
    expect(data.dataset.isPublic).toBe(true);
    expect(data.node).toEqual({ gravitiId: cifar.id, isPublic: true });
    // dataset and node ask for the same ref: the loader asks once.
    expect(await gravitiCalls()).toEqual([`GET /graviti/v2/datasets/${GRAVITI.demo.workspace}/CIFAR-10`]);
  });

  it("answers null for a dataset that exists neither by name nor by id, after one GET and one list walk", async () => {
    const id = gravitiGlobalId({ id: "0".repeat(32), workspace: GRAVITI.demo.workspace, name: "no-such-dataset" });
    const result = await mixedGql<{ dataset: null }>(`query($id: ID!) { dataset(id: $id) { id } }`, { id });
    expect(result.body.errors).toBeUndefined();
    expect(result.body.data).toEqual({ dataset: null });
    expect(await gravitiCalls()).toEqual([
      `GET /graviti/v2/datasets/${GRAVITI.demo.workspace}/no-such-dataset`,
      "GET /graviti/v2/datasets?offset=0&limit=128",
    ]);
  });

  it("reads a public dataset of another workspace, and refuses a private one with FORBIDDEN", async () => {
    const others = await allWireDatasets(GRAVITI.other.key);
    const birds = others.find((dataset) => dataset.name === "bird-sounds") as WireDataset;
    const mnist = others.find((dataset) => dataset.name === "MNIST") as WireDataset;
    const publicOne = await mixedData<{ dataset: DatasetNode }>(
      `query($id: ID!) { dataset(id: $id) { name ... on GravitiDataset { workspace isPublic } } }`,
      {
        id: gravitiGlobalId(birds),
      },
    );
    expect(publicOne.dataset).toEqual({ name: "bird-sounds", workspace: GRAVITI.other.workspace, isPublic: true });
    const privateOne = await mixedGql(`query($id: ID!) { dataset(id: $id) { name } }`, { id: gravitiGlobalId(mnist) });
    expect(privateOne.body.data).toEqual({ dataset: null });
    expect(privateOne.body.errors).toEqual([
      {
        message:
          `graviti datasets.get: expected 2xx, got 403 from /v2/datasets/${GRAVITI.other.workspace}/MNIST ` +
          `(AccessDenied: dataset ${GRAVITI.other.workspace}/MNIST: workspace ${GRAVITI.demo.workspace} has no access to it)`,
        path: ["dataset"],
        extensions: { code: "FORBIDDEN" },
      },
    ]);
  });

  it("refuses ids that are not Graviti refs with BAD_USER_INPUT, before any call", async () => {
    const hex = "a".repeat(32);
    const ws = GRAVITI.demo.workspace;
    const refs = [
      `${hex}:${ws}:..`,
      `${hex}:${ws}:.`,
      `${hex}:${ws}:a%2Fb`, // a slash, encoded
      `${hex}:${ws}:%41BC`, // not the canonical spelling of ABC
      `${hex}:${ws}:a/b`,
      `${hex}:${ws}`,
      `${hex}:${ws}:x:y`,
      `${"a".repeat(31)}:${ws}:MNIST`,
      `${hex.toUpperCase()}:${ws}:MNIST`,
      `${hex}::MNIST`,
      `${hex}:${ws}:a%00b`,
    ];
    for (const ref of refs) {
      const id = Buffer.from(`GravitiDataset:${ref}`, "utf8").toString("base64url");
      const result = await mixedGql(`query($id: ID!) { dataset(id: $id) { id } }`, { id });
      expect(result.body.errors, ref).toEqual([
        {
          message: `Argument "id": "${id.slice(0, 100)}" is not a valid id.`,
          path: ["dataset"],
          extensions: { code: "BAD_USER_INPUT" },
        },
      ]);
    }
    expect(await gravitiCalls()).toEqual([]);
  });

  it("keeps names with characters a path must encode working (the ref is percent-encoded)", async () => {
    // The emulator's names are plain; a ref to an odd name still goes out encoded, as one segment.
    const id = gravitiGlobalId({ id: "b".repeat(32), workspace: GRAVITI.demo.workspace, name: "a b:c" });
    const result = await mixedGql(`query($id: ID!) { dataset(id: $id) { id } }`, { id });
    expect(result.body.errors).toBeUndefined();
    expect(result.body.data).toEqual({ dataset: null });
    expect((await gravitiCalls())[0]).toBe(`GET /graviti/v2/datasets/${GRAVITI.demo.workspace}/a%20b%3Ac`);
  });
});

describe("credentials", () => {
  it("does not ask Graviti without a Graviti key", async () => {
    const data = await mixedData<DatasetsAnswer>(
      `{ datasets(first: 50) { totalCount edges { node { provider } } } }`,
      {},
      { nexus: NEXUS.demo },
    );
    expect(new Set(data.datasets?.edges.map((edge) => edge.node.provider))).toEqual(new Set(["NEXUS"]));
    expect(await gravitiCalls()).toEqual([]);
  });

  it("gives UNAUTHENTICATED for a Graviti id without a Graviti key, naming the header", async () => {
    const result = await mixedGql(
      `query($id: ID!) { dataset(id: $id) { id } }`,
      { id: gravitiGlobalId(wire[0] as WireDataset) },
      { nexus: NEXUS.demo },
    );
    expect(result.body.errors).toEqual([
      {
        message:
          "No credentials: send the x-graviti-access-key header, or configure GRAVITI_ACCESS_KEY on the gateway.",
        path: ["dataset"],
        extensions: { code: "UNAUTHENTICATED" },
      },
    ]);
    expect(await gravitiCalls()).toEqual([]);
  });

  it("gives FORBIDDEN for a key Graviti refuses, without the key in the answer", async () => {
    const key = "not-a-graviti-key-5b1e";
    const result = await mixedGql(`{ datasets(first: 5) { totalCount } }`, {}, { graviti: key });
    expect(result.body.data).toEqual({ datasets: null });
    expect(result.body.errors).toEqual([
      {
        message:
          "graviti datasets.list: expected 2xx, got 401 from /v2/datasets (Unauthorized: X-Token: expected a valid access key)",
        path: ["datasets"],
        extensions: { code: "FORBIDDEN" },
      },
    ]);
    expect(result.text).not.toContain(key);
  });

  it("reads the key from the header with surrounding spaces trimmed", async () => {
    const data = await mixedData<DatasetsAnswer>(
      `{ datasets(first: 1) { totalCount } }`,
      {},
      { graviti: `  ${GRAVITI.demo.key}  ` },
    );
    expect(data.datasets?.totalCount).toBe(14);
  });

  it("lists both platforms when both have credentials", async () => {
    const data = await mixedData<DatasetsAnswer>(
      `{ datasets(first: 100) { totalCount edges { node { provider } } } }`,
      {},
      BOTH,
    );
    const providers = data.datasets?.edges.map((edge) => edge.node.provider) ?? [];
    expect(providers.filter((provider) => provider === "GRAVITI")).toHaveLength(14);
    expect(providers.filter((provider) => provider === "NEXUS").length).toBeGreaterThan(0);
    expect(data.datasets?.totalCount).toBe(providers.length);
  });
});

describe("upstream failures", () => {
  const LIST = `{ datasets(first: 5) { totalCount } }`;

  it("gives UPSTREAM_UNAVAILABLE for a 503, after retrying the read", async () => {
    await GRAVITI.setFaults({ errorRate: 1, errorStatus: 503 });
    const result = await mixedGql(LIST);
    expect(result.body.errors).toEqual([
      {
        message:
          "graviti datasets.list: expected 2xx, got 503 from /v2/datasets (ServiceUnavailable: Injected fault: 503 for /graviti/v2/datasets)",
        path: ["datasets"],
        extensions: { code: "UPSTREAM_UNAVAILABLE" },
      },
    ]);
    expect((await gravitiCalls()).length).toBeGreaterThan(1);
  });

  it("gives UPSTREAM_UNAVAILABLE for a 500 InternalServerError", async () => {
    await GRAVITI.setFaults({ errorRate: 1, errorStatus: 500 });
    const result = await mixedGql(LIST);
    expect(result.body.errors?.[0]?.message).toBe(
      "graviti datasets.list: expected 2xx, got 500 from /v2/datasets (InternalServerError: Injected fault: 500 for /graviti/v2/datasets)",
    );
    expect(result.body.errors?.[0]?.extensions).toEqual({ code: "UPSTREAM_UNAVAILABLE" });
  });

  it("gives RATE_LIMITED with retryAfterSeconds for a 429 whose Retry-After is too long to wait", async () => {
    await GRAVITI.setFaults({ throttleRate: 1, retryAfterSeconds: 60 });
    const result = await mixedGql(LIST);
    expect(result.body.errors).toEqual([
      {
        message:
          "graviti datasets.list: expected 2xx, got 429 from /v2/datasets (TooManyRequests: Too many requests: retry after 60 s). Retry after 60 s.",
        path: ["datasets"],
        extensions: { code: "RATE_LIMITED", retryAfterSeconds: 60 },
      },
    ]);
    expect(await gravitiCalls()).toEqual(["GET /graviti/v2/datasets?offset=0&limit=128"]);
  });

  it("gives BAD_USER_INPUT for a 400 the upstream answers, without retrying", async () => {
    await GRAVITI.setFaults({ errorRate: 1, errorStatus: 400 });
    const result = await mixedGql(LIST);
    expect(result.body.errors).toEqual([
      {
        message:
          "graviti datasets.list: expected 2xx, got 400 from /v2/datasets (InvalidParamsValue: Injected fault: 400 for /graviti/v2/datasets)",
        path: ["datasets"],
        extensions: { code: "BAD_USER_INPUT" },
      },
    ]);
    // A 4xx means the upstream is up and said no: not retried.
    expect(await gravitiCalls()).toHaveLength(1);
  });

  it("gives UPSTREAM_TIMEOUT when Graviti does not answer within UPSTREAM_TIMEOUT_MS, and does not retry", async () => {
    await GRAVITI.setFaults({ latencyMs: 6000 });
    const result = await mixedGql(LIST);
    expect(result.body.errors).toEqual([
      {
        message: "graviti datasets.list: no answer within 4000 ms from /v2/datasets",
        path: ["datasets"],
        extensions: { code: "UPSTREAM_TIMEOUT" },
      },
    ]);
  });
});
