/**
 * Every query through the front door: typed lookups, lists, node/nodes, the nested fields of jobs and datasets,
 * and missing objects (null at their path, the rest of the query resolves).
 */
import { beforeAll, describe, expect, it } from "vitest";
import { DEMO, gql, gqlData, graphqlUrl, resetEmulator, upstreamGet, walk, type Page } from "./helpers";
import { suiteGraphQL } from "../utils/test-gateway";
// What the emulator sends: the gateway's wire types, narrowed to the fields it always fills.
import type {
  DatasetWire as WireDataset,
  JobWire as WireJob,
  WebhookWire as WireWebhook,
} from "../../emulator/src/types";

let jobs: WireJob[];
let datasets: WireDataset[];
let webhooks: WireWebhook[];

beforeAll(async () => {
  await resetEmulator();
  jobs = (await upstreamGet<{ data: WireJob[] }>("jobs?limit=1000")).body.data;
  datasets = (await upstreamGet<{ data: WireDataset[] }>("datasets?limit=1000")).body.data;
  webhooks = (await upstreamGet<{ data: WireWebhook[] }>("webhooks?limit=1000")).body.data;
});

const JOB_FIELDS = `
  id name provider createdAt updatedAt state progress
  ... on NexusJob {
    nexusId projectId datasetId startAt stopAt
    status { overview message reason cancelledAt updatedAt
      items { gathered failedGather preprocessed failedProcess predicted failedPredict delivered failedDeliver } }
    dataset { id nexusId name itemCount }
    webhooks { id nexusId name endpoint retries { maxRetries maxBackoffMs } }
    destinations { kind webhookId webhook { nexusId } }
    deployment { kind deploymentId template { artifactId instanceId replicas } }
  }`;

describe("job(id)", () => {
  it("returns a job by its upstream id with its status, dataset, webhooks and deployment", async () => {
    // A job that has ended: a running job's counters move on between the upstream read above and this query (by
    // more than one item when the machine is loaded), so comparing them would race the clock.
    const wire = jobs.find(
      (job) =>
        job.spec.datasetId && datasets.some((d) => d.id === job.spec.datasetId) && job.status.overview === "Reached",
    );
    expect(wire).toBeDefined();
    if (!wire) return;
    const data = await gqlData<{ job: Record<string, unknown> & { status: { items: Record<string, number> } } }>(
      `query($id: ID!) { job(id: $id) { ${JOB_FIELDS} } }`,
      { id: wire.id },
    );
    const job = data.job;
    expect(job["nexusId"]).toBe(wire.id);
    expect(job["name"]).toBe(wire.name);
    expect(job["provider"]).toBe("NEXUS");
    expect(job["projectId"]).toBe(DEMO.project);
    expect(job["createdAt"]).toBe(new Date(wire.createDate).toISOString());
    expect(job["datasetId"]).toBe(wire.spec.datasetId);
    expect((job["dataset"] as { nexusId: string }).nexusId).toBe(wire.spec.datasetId);
    const wantedWebhooks = (wire.spec.resultDelivery?.destinations ?? []).map((d) => d.webhookId);
    expect((job["webhooks"] as { nexusId: string }[]).map((w) => w.nexusId)).toEqual(wantedWebhooks);
    expect((job["deployment"] as { kind: string }).kind).toBe(wire.spec.deployment?.kind);
    expect(job.status.items["delivered"]).toBe(wire.status.items?.["Delivered"] ?? 0);
    const progress = job["progress"] as number;
    expect(progress).toBeGreaterThanOrEqual(0);
    expect(progress).toBeLessThanOrEqual(1);
  });

  it("accepts the global id it returned, and node(id) routes the same id to the same job", async () => {
    const wire = jobs[0];
    if (!wire) throw new Error("no seeded jobs");
    const first = await gqlData<{ job: { id: string } }>(`query($id: ID!) { job(id: $id) { id } }`, { id: wire.id });
    const again = await gqlData<{
      job: { id: string; nexusId: string };
      node: { __typename: string; nexusId: string };
    }>(
      `query($id: ID!) { job(id: $id) { id ... on NexusJob { nexusId } } node(id: $id) { __typename ... on NexusJob { nexusId } } }`,
      { id: first.job.id },
    );
    expect(again.job.id).toBe(first.job.id);
    expect(again.job.nexusId).toBe(wire.id);
    expect(again.node).toEqual({ __typename: "NexusJob", nexusId: wire.id });
  });

  it("normalises every seeded job to a state that agrees with its raw status", async () => {
    const data = await gqlData<{
      jobs: {
        edges: {
          node: { state: string; status: { overview: string; message: string | null; cancelledAt: string | null } };
        }[];
      };
    }>(`{ jobs(first: 100) { edges { node { state ... on NexusJob { status { overview message cancelledAt } } } } } }`);
    const states = new Set(data.jobs.edges.map((edge) => edge.node.state));
    expect(states).toEqual(new Set(["WAITING", "RUNNING", "FINISHED", "CANCELLED", "FAILED"]));
    for (const { node } of data.jobs.edges) {
      if (node.status.overview === "Failed") expect(node.state).toBe("FAILED");
      if (node.status.cancelledAt !== null) expect(node.state).toBe("CANCELLED");
      if (node.state === "FINISHED") expect(node.status.overview).toBe("Reached");
    }
  });

  it("returns null for a job that does not exist, and the rest of the query still resolves", async () => {
    const result = await gql<{ job: unknown; datasets: { edges: unknown[] } }>(
      `{ job(id: "batchjob_00000000-0000-4000-8000-000000000000") { id } datasets(first: 2) { edges { cursor } } }`,
    );
    expect(result.body.errors).toBeUndefined();
    expect(result.body.data?.job).toBeNull();
    expect(result.body.data?.datasets.edges).toHaveLength(2);
  });
});

describe("dataset(id) and datasets", () => {
  it("returns a dataset with its status, item count, expiry and normalised state", async () => {
    const wire = datasets.find((dataset) => dataset.status.overview === "Uploaded");
    if (!wire) throw new Error("no uploaded dataset");
    const data = await gqlData<{ dataset: Record<string, unknown> }>(
      `query($id: ID!) { dataset(id: $id) { id name provider state ... on NexusDataset {
         nexusId itemCount expiresAt expired status { overview message updatedAt sourceKind } } } }`,
      { id: wire.id },
    );
    expect(data.dataset).toMatchObject({
      nexusId: wire.id,
      name: wire.name,
      provider: "NEXUS",
      state: "READY",
      itemCount: wire.status.itemCount,
      expiresAt: new Date(wire.expiryTime).toISOString(),
      status: { overview: "Uploaded" },
    });
  });

  it("hides expired datasets unless includeExpired is true", async () => {
    const expired = datasets.filter((dataset) => dataset.expiryTime <= Date.now()).map((d) => d.id);
    expect(expired.length).toBeGreaterThan(0);
    const query = `query($all: Boolean) { datasets(first: 100, includeExpired: $all) { edges { node { ... on NexusDataset { nexusId expired } } } } }`;
    const hidden = await gqlData<{ datasets: { edges: { node: { nexusId: string; expired: boolean } }[] } }>(query, {
      all: false,
    });
    const shown = await gqlData<{ datasets: { edges: { node: { nexusId: string; expired: boolean } }[] } }>(query, {
      all: true,
    });
    const hiddenIds = hidden.datasets.edges.map((edge) => edge.node.nexusId);
    const shownIds = shown.datasets.edges.map((edge) => edge.node.nexusId);
    expect(hiddenIds.some((id) => expired.includes(id))).toBe(false);
    expect(new Set(shownIds)).toEqual(new Set(datasets.map((d) => d.id)));
    expect(
      shown.datasets.edges
        .filter((edge) => edge.node.expired)
        .map((edge) => edge.node.nexusId)
        .sort(),
    ).toEqual([...expired].sort());
  });

  it("lists a dataset's jobs, and only those", async () => {
    const counts = new Map<string, number>();
    for (const job of jobs)
      if (job.spec.datasetId) counts.set(job.spec.datasetId, (counts.get(job.spec.datasetId) ?? 0) + 1);
    const [datasetId, count] = [...counts.entries()].sort((a, b) => b[1] - a[1])[0] ?? ["", 0];
    expect(count).toBeGreaterThan(1);
    const data = await gqlData<{ dataset: { jobs: { edges: { node: { nexusId: string; datasetId: string } }[] } } }>(
      `query($id: ID!) { dataset(id: $id) { ... on NexusDataset { jobs(first: 100) { edges { node { ... on NexusJob { nexusId datasetId } } } } } } }`,
      { id: datasetId },
    );
    expect(data.dataset.jobs.edges).toHaveLength(count);
    for (const edge of data.dataset.jobs.edges) expect(edge.node.datasetId).toBe(datasetId);
  });

  it("offers the upload instructions of a dataset that waits for its file", async () => {
    const waiting = datasets.find((dataset) => dataset.status.overview === "Uploading");
    if (!waiting) throw new Error("no uploading dataset");
    const data = await gqlData<{
      dataset: {
        state: string;
        status: { upload: { method: string; url: string; headers: { name: string; value: string }[] } | null };
      };
    }>(
      `query($id: ID!) { dataset(id: $id) { state ... on NexusDataset { status { upload { method url headers { name value } expiresAt } } } } }`,
      { id: waiting.id },
    );
    expect(data.dataset.state).toBe("UPLOADING");
    expect(data.dataset.status.upload?.method).toBe("PUT");
    expect(data.dataset.status.upload?.headers.length).toBeGreaterThan(0);
  });
});

describe("jobs filters", () => {
  it("filters jobs by state", async () => {
    const data = await gqlData<{ jobs: { edges: { node: { state: string } }[] } }>(
      `{ jobs(first: 100, state: [FINISHED, FAILED]) { edges { node { state } } } }`,
    );
    expect(data.jobs.edges.length).toBeGreaterThan(0);
    for (const edge of data.jobs.edges) expect(["FINISHED", "FAILED"]).toContain(edge.node.state);
  });

  it("filters jobs by dataset, given its global id", async () => {
    const job = jobs.find(
      (candidate) => candidate.spec.datasetId && datasets.some((d) => d.id === candidate.spec.datasetId),
    );
    if (!job?.spec.datasetId) throw new Error("no job with a dataset");
    const datasetId = job.spec.datasetId;
    const global = await gqlData<{ dataset: { id: string } }>(`query($id: ID!) { dataset(id: $id) { id } }`, {
      id: datasetId,
    });
    const data = await gqlData<{ jobs: { edges: { node: { datasetId: string } }[] } }>(
      `query($d: ID!) { jobs(first: 100, datasetId: $d) { edges { node { ... on NexusJob { datasetId } } } } }`,
      { d: global.dataset.id },
    );
    expect(data.jobs.edges).toHaveLength(jobs.filter((candidate) => candidate.spec.datasetId === datasetId).length);
    for (const edge of data.jobs.edges) expect(edge.node.datasetId).toBe(datasetId);
  });
});

describe("job logs", () => {
  /** Every entry of a job's log under `filters`, newest first, read page by page (100 a page) through the connection. */
  async function logOf<E>(
    jobId: string,
    fields: string,
    filters: { minLevel?: string; since?: string; until?: string } = {},
  ): Promise<E[]> {
    const query = `query($id: ID!, $first: Int, $after: String, $last: Int, $before: String, $minLevel: LogLevel, $since: DateTime, $until: DateTime) {
      job(id: $id) { ... on NexusJob { logs(first: $first, after: $after, last: $last, before: $before, minLevel: $minLevel, since: $since, until: $until) {
        edges { cursor node { ${fields} } } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } } } } }`;
    const { nodes } = await walk<E>(
      "forward",
      100,
      async (args) => (await gqlData<{ job: { logs: Page<E> } }>(query, { id: jobId, ...filters, ...args })).job.logs,
    );
    return nodes;
  }

  it("returns log entries newest first, filtered by minimum level, and routes an entry's id through node", async () => {
    const running = await gqlData<{ jobs: { edges: { node: { id: string } }[] } }>(
      `{ jobs(first: 1, state: [FINISHED]) { edges { node { id } } } }`,
    );
    const jobId = running.jobs.edges[0]?.node.id;
    if (!jobId) throw new Error("no finished job");
    type Entry = {
      id: string;
      nexusId: string;
      createdAt: string;
      level: string;
      severity: string | null;
      kind: string;
      jobId: string;
    };
    const data = {
      job: {
        all: await logOf<Entry>(jobId, "id nexusId createdAt level severity kind jobId"),
        errors: await logOf<Entry>(jobId, "id nexusId createdAt level severity kind jobId", { minLevel: "ERROR" }),
      },
    };
    expect(data.job.all.length).toBeGreaterThan(0);
    const times = data.job.all.map((entry) => Date.parse(entry.createdAt));
    expect(times).toEqual([...times].sort((a, b) => b - a));
    for (const entry of data.job.errors) expect(entry.severity).toBe("ERROR");
    expect(data.job.errors.length).toBe(data.job.all.filter((entry) => entry.severity === "ERROR").length);
    const sample = data.job.all[Math.floor(data.job.all.length / 2)];
    if (!sample) throw new Error("no entry");
    expect(sample.jobId).toBe(jobId);
    const node = await gqlData<{ node: { __typename: string; nexusId: string } }>(
      `query($id: ID!) { node(id: $id) { __typename ... on NexusLogEntry { nexusId } } }`,
      { id: sample.id },
    );
    expect(node.node).toEqual({ __typename: "NexusLogEntry", nexusId: sample.nexusId });
  });

  it("filters log entries by time, both bounds exclusive", async () => {
    const running = await gqlData<{ jobs: { edges: { node: { id: string } }[] } }>(
      `{ jobs(first: 1, state: [FINISHED]) { edges { node { id } } } }`,
    );
    const jobId = running.jobs.edges[0]?.node.id;
    if (!jobId) throw new Error("no finished job");
    const all = { job: { logs: await logOf<{ createdAt: string }>(jobId, "createdAt") } };
    const times = [...new Set(all.job.logs.map((entry) => entry.createdAt))];
    expect(times.length).toBeGreaterThan(2);
    const until = times[0] as string; // newest time
    const since = times[times.length - 1] as string; // oldest time
    const data = { job: { logs: await logOf<{ createdAt: string }>(jobId, "createdAt", { since, until }) } };
    const expected = all.job.logs.filter((entry) => entry.createdAt !== since && entry.createdAt !== until);
    expect(data.job.logs).toEqual(expected);
  });
});

describe("webhook(id) and webhooks", () => {
  it("returns every webhook, and one by id, never with a secret", async () => {
    const data = await gqlData<{
      webhooks: { edges: { node: { nexusId: string; name: string; endpoint: string } }[] };
    }>(
      `{ webhooks(first: 100) { edges { node { id nexusId name endpoint createdAt updatedAt retries { maxRetries maxBackoffMs } } } } }`,
    );
    expect(new Set(data.webhooks.edges.map((edge) => edge.node.nexusId))).toEqual(new Set(webhooks.map((w) => w.id)));
    const wire = webhooks[0];
    if (!wire) throw new Error("no webhook");
    const one = await gqlData<{ webhook: { nexusId: string; endpoint: string } }>(
      `query($id: ID!) { webhook(id: $id) { nexusId endpoint } }`,
      { id: wire.id },
    );
    expect(one.webhook).toEqual({ nexusId: wire.id, endpoint: wire.endpoint });
  });
});

describe("node and nodes", () => {
  it("resolves ids of every type in order, with null for a missing one", async () => {
    const dataset = datasets[0];
    const webhook = webhooks[0];
    const job = jobs[0];
    if (!dataset || !webhook || !job) throw new Error("seed data missing");
    const result = await gql<{ nodes: ({ __typename: string; id: string } | null)[] }>(
      `query($ids: [ID!]!) { nodes(ids: $ids) { __typename id } }`,
      { ids: [job.id, "webhook_00000000-0000-4000-8000-000000000000", dataset.id, webhook.id] },
    );
    expect(result.body.errors).toBeUndefined();
    expect(result.body.data?.nodes.map((node) => node?.__typename ?? null)).toEqual([
      "NexusJob",
      null,
      "NexusDataset",
      "NexusWebhook",
    ]);
  });

  it("gives BAD_USER_INPUT for an id that is not an id, at that entry only", async () => {
    const job = jobs[0];
    if (!job) throw new Error("no job");
    const result = await gql<{ nodes: ({ __typename: string } | null)[] }>(
      `query($ids: [ID!]!) { nodes(ids: $ids) { __typename } }`,
      { ids: ["not-an-id", job.id] },
    );
    expect(result.body.data?.nodes).toEqual([null, { __typename: "NexusJob" }]);
    expect(result.body.errors).toEqual([
      expect.objectContaining({
        message: 'Argument "ids[0]": "not-an-id" is not a valid id.',
        path: ["nodes", 0],
        extensions: { code: "BAD_USER_INPUT" },
      }),
    ]);
  });

  it("refuses more than 100 ids in one nodes call", async () => {
    const ids = Array.from({ length: 101 }, (_, index) => `batchjob_${index}`);
    const result = await gql(`query($ids: [ID!]!) { nodes(ids: $ids) { id } }`, { ids });
    expect(result.body.errors?.[0]).toMatchObject({
      message: 'Argument "ids": at most 100 ids per request, got 101.',
      extensions: { code: "BAD_USER_INPUT" },
    });
  });

  it("refuses a global id of another type in a typed field", async () => {
    const dataset = datasets[0];
    if (!dataset) throw new Error("no dataset");
    const global = await gqlData<{ dataset: { id: string } }>(`query($id: ID!) { dataset(id: $id) { id } }`, {
      id: dataset.id,
    });
    const result = await gql(`query($id: ID!) { job(id: $id) { id } }`, { id: global.dataset.id });
    expect(result.body.errors?.[0]).toMatchObject({
      message: 'Argument "id": expected a Job id, got a NexusDataset id.',
      extensions: { code: "BAD_USER_INPUT" },
    });
  });
});

describe("GraphiQL and the endpoint", () => {
  it("serves GraphiQL to a browser GET on /graphql", async () => {
    const response = await suiteGraphQL().fetch({ headers: { accept: "text/html" } });
    expect(response.status).toBe(200);
    expect(await response.text()).toContain("GraphiQL");
  });

  it("serves GraphiQL's own files from the Worker, so that it works offline and opens on the gateway's query", async () => {
    const { GRAPHIQL_DEFAULT_QUERY } = await import("../../src/graphiql-default-query");
    const page = await (await suiteGraphQL().fetch({ headers: { accept: "text/html" } })).text();
    expect(page).not.toContain("unpkg.com");
    const assets = [...page.matchAll(/(?:src|href)="?(\/graphiql\/[^"\s>]+)/g)].map((match) => match[1] ?? "");
    const workers = [...page.matchAll(/"(\/graphiql\/monacoeditorwork\/[^"]+)"/g)].map((match) => match[1] ?? "");
    expect(assets).toEqual(["/graphiql/graphiql.css", "/graphiql/yoga-graphiql.umd.js"]);
    expect(workers).toHaveLength(3);
    for (const path of [...assets, ...workers]) {
      const response = await fetch(new URL(path, graphqlUrl()));
      expect(response.status, path).toBe(200);
      expect((await response.text()).length, path).toBeGreaterThan(1000);
    }
    expect((await fetch(new URL("/graphiql/nothing.js", graphqlUrl()))).status).toBe(404);
    // A newcomer's first tab (defaultQuery); it is not forced as the initial query over links and stored tabs.
    expect(page).toContain(`"defaultQuery":${JSON.stringify(GRAPHIQL_DEFAULT_QUERY)}`);
    expect(page).not.toContain(`"initialQuery"`);
  });

  it("runs GraphiQL's opening query without errors", async () => {
    const { GRAPHIQL_DEFAULT_QUERY } = await import("../../src/graphiql-default-query");
    const data = await gqlData<{ jobs: { edges: unknown[] } }>(GRAPHIQL_DEFAULT_QUERY);
    expect(data.jobs.edges).toHaveLength(5);
  });

  it("lets a browser app on another origin send the credential headers (CORS preflight)", async () => {
    const response = await suiteGraphQL().fetch({
      method: "OPTIONS",
      headers: {
        origin: "https://app.example.com",
        "access-control-request-method": "POST",
        "access-control-request-headers": "content-type,x-nexus-project-id,x-nexus-secret-key",
      },
    });
    expect(response.status).toBeLessThan(300);
    expect(response.headers.get("access-control-allow-origin")).toBe("https://app.example.com");
    expect(response.headers.get("access-control-allow-headers")?.toLowerCase()).toContain("x-nexus-secret-key");
  });

  it("answers a query sent with GET", async () => {
    const url = `${graphqlUrl()}?query=${encodeURIComponent("{ webhooks(first: 1) { edges { node { name } } } }")}`;
    const response = await fetch(url, {
      headers: { accept: "application/json", "x-nexus-project-id": DEMO.project, "x-nexus-secret-key": DEMO.key },
    });
    expect(response.status).toBe(200);
    const body = (await response.json()) as { data: { webhooks: { edges: unknown[] } } };
    expect(body.data.webhooks.edges).toHaveLength(1);
  });
});
