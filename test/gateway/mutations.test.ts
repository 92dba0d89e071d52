/**
 * Every mutation through the front door, and what the upstream saw: method and path from the emulator's request
 * log (it records no bodies), and the resulting state read back from the emulator's REST API.
 */
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  clearUpstreamRequests,
  DEMO,
  gql,
  gqlData,
  resetEmulator,
  upstreamGet,
  upstreamRequests,
  type UpstreamRequest,
} from "./helpers";
import { suiteGraphQL } from "../utils/test-gateway";

const BASE = `/projects/${DEMO.project}/batch`;
const NDJSON = [
  '{"kind":"Image","url":"https://example.com/1.jpg"}',
  '{"kind":"Image","url":"https://example.com/2.jpg"}',
  '{"kind":"Image","url":"https://example.com/3.jpg"}',
];

interface WireJob {
  id: string;
  spec: {
    datasetId?: string;
    stopAtTime?: number;
    deployment?: { kind: string; deploymentId?: string };
    resultDelivery?: { destinations?: { webhookId?: string }[] };
  };
}

let deploymentId: string;
let uploadedDatasetId: string;
let webhookIds: string[];

function calls(requests: UpstreamRequest[]): string[] {
  return requests.map((request) => `${request.method} ${request.path}`);
}

beforeAll(async () => {
  await resetEmulator();
  const jobs = (await upstreamGet<{ data: WireJob[] }>("jobs?limit=1000")).body.data;
  const existing = jobs.find((job) => job.spec.deployment?.kind === "ExistingDeployment");
  deploymentId = existing?.spec.deployment?.deploymentId ?? "";
  expect(deploymentId).not.toBe("");
  const datasets = (
    await upstreamGet<{ data: { id: string; status: { overview: string }; expiryTime: number }[] }>(
      "datasets?limit=1000",
    )
  ).body.data;
  uploadedDatasetId = datasets.find((d) => d.status.overview === "Uploaded" && d.expiryTime > Date.now())?.id ?? "";
  webhookIds = (await upstreamGet<{ data: { id: string }[] }>("webhooks?limit=1000")).body.data.map((w) => w.id);
});

beforeEach(async () => {
  await clearUpstreamRequests();
});

const CREATE_DATASET = `mutation($input: CreateDatasetInput!) { createDataset(input: $input) {
  uploaded upload { method url headers { name value } expiresAt }
  dataset { id nexusId name state itemCount status { overview message } } } }`;

type CreateDatasetResult = {
  createDataset: {
    uploaded: boolean;
    upload: { method: string; url: string; headers: { name: string; value: string }[] } | null;
    dataset: {
      id: string;
      nexusId: string;
      name: string;
      state: string;
      itemCount: number | null;
      status: { overview: string; message: string | null };
    };
  };
};

describe("createDataset", () => {
  it("uploads inline NDJSON itself: create, PUT to the signed URL, read back as READY", async () => {
    const data = await gqlData<CreateDatasetResult>(CREATE_DATASET, {
      input: { name: "inline-three", ndjson: `${NDJSON.join("\n")}\n\n` },
    });
    expect(data.createDataset).toMatchObject({
      uploaded: true,
      upload: null,
      dataset: { name: "inline-three", state: "READY", itemCount: 3 },
    });
    const id = data.createDataset.dataset.nexusId;
    const seen = calls(await upstreamRequests());
    expect(seen[0]).toBe(`POST ${BASE}/datasets`);
    expect(seen[seen.length - 1]).toBe(`GET ${BASE}/datasets/${id}`);
    const upstream = await upstreamGet<{ status: { overview: string; itemCount: number } }>(`datasets/${id}`);
    expect(upstream.body.status).toMatchObject({ overview: "Uploaded", itemCount: 3 });
  });

  it("accepts a file sent with the GraphQL multipart request spec", async () => {
    const form = new FormData();
    form.set(
      "operations",
      JSON.stringify({ query: CREATE_DATASET, variables: { input: { name: "multipart-two", file: null } } }),
    );
    form.set("map", JSON.stringify({ "0": ["variables.input.file"] }));
    form.set("0", new File([`${NDJSON.slice(0, 2).join("\n")}\n`], "items.ndjson", { type: "application/x-ndjson" }));
    const response = await suiteGraphQL().fetch({
      method: "POST",
      headers: { "x-nexus-project-id": DEMO.project, "x-nexus-secret-key": DEMO.key },
      body: form,
    });
    const body = (await response.json()) as { data?: CreateDatasetResult; errors?: unknown };
    expect(body.errors).toBeUndefined();
    expect(body.data?.createDataset).toMatchObject({
      uploaded: true,
      dataset: { name: "multipart-two", state: "READY", itemCount: 2 },
    });
  });

  it("refuses a bad NDJSON line before calling the upstream, naming the line", async () => {
    const result = await gql(CREATE_DATASET, { input: { name: "bad", ndjson: `${NDJSON[0]}\n{"kind":"Image",\n` } });
    expect(result.body.errors?.[0]).toMatchObject({
      message: 'input.ndjson, line 2: not valid JSON: {"kind":"Image",',
      extensions: { code: "BAD_USER_INPUT" },
    });
    expect(await upstreamRequests()).toEqual([]);
  });

  it("without content, creates the dataset and returns the upload instructions, which work", async () => {
    const bytes = new TextEncoder().encode(`${NDJSON.join("\n")}\n`);
    const { crc32c } = await import("@aws-crypto/crc32c");
    const value = crc32c(bytes);
    const crc = Buffer.from([
      (value >>> 24) & 0xff,
      (value >>> 16) & 0xff,
      (value >>> 8) & 0xff,
      value & 0xff,
    ]).toString("base64");
    const data = await gqlData<CreateDatasetResult>(CREATE_DATASET, {
      input: { name: "direct", upload: { sizeBytes: bytes.byteLength, crc32c: crc } },
    });
    const { upload, dataset } = data.createDataset;
    expect(data.createDataset.uploaded).toBe(false);
    expect(dataset.state).not.toBe("READY");
    expect(upload?.method).toBe("PUT");
    expect(calls(await upstreamRequests())).toEqual([`POST ${BASE}/datasets`]);
    const headers = Object.fromEntries((upload?.headers ?? []).map((header) => [header.name, header.value]));
    const put = await fetch(upload?.url ?? "", { method: upload?.method ?? "PUT", headers, body: bytes });
    expect(put.ok).toBe(true);
    const after = await gqlData<{ dataset: { state: string; itemCount: number } }>(
      `query($id: ID!) { dataset(id: $id) { state ... on NexusDataset { itemCount } } }`,
      { id: dataset.id },
    );
    expect(after.dataset).toEqual({ state: "READY", itemCount: 3 });
  });

  it("refuses content given twice, and no content without upload sizes", async () => {
    const twice = await gql(CREATE_DATASET, {
      input: { name: "x", ndjson: NDJSON[0], upload: { sizeBytes: 1, crc32c: "AAAAAA==" } },
    });
    expect(twice.body.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    const none = await gql(CREATE_DATASET, { input: { name: "x" } });
    expect(none.body.errors?.[0]?.message).toBe(
      "Give the content (input.ndjson or input.file), or input.upload {sizeBytes, crc32c} to upload it yourself.",
    );
    expect(await upstreamRequests()).toEqual([]);
  });
});

describe("deleteDataset", () => {
  it("deletes upstream and returns {id, deleted}", async () => {
    const created = await gqlData<CreateDatasetResult>(CREATE_DATASET, {
      input: { name: "to-delete", ndjson: NDJSON[0] },
    });
    const { id, nexusId } = created.createDataset.dataset;
    await clearUpstreamRequests();
    const data = await gqlData<{ deleteDataset: { id: string; deleted: boolean } }>(
      `mutation($id: ID!) { deleteDataset(id: $id) { id deleted } }`,
      { id },
    );
    expect(data.deleteDataset).toEqual({ id, deleted: true });
    expect(calls(await upstreamRequests())).toEqual([`DELETE ${BASE}/datasets/${nexusId}`]);
    expect((await upstreamGet(`datasets/${nexusId}`)).status).toBe(404);
  });
});

const CREATE_JOB = `mutation($input: CreateJobInput!) { createJob(input: $input) { job { id nexusId name state
  ... on NexusJob { datasetId startAt stopAt webhooks { nexusId } deployment { kind deploymentId template { artifactId instanceId replicas region } } } } } }`;

describe("jobs", () => {
  it("createJob with an existing deployment sends the spec the API expects", async () => {
    const stopAt = new Date(Date.now() + 3_600_000).toISOString();
    const data = await gqlData<{
      createJob: {
        job: {
          nexusId: string;
          datasetId: string;
          stopAt: string;
          webhooks: { nexusId: string }[];
          deployment: { kind: string; deploymentId: string };
        };
      };
    }>(CREATE_JOB, {
      input: {
        name: "gql-job",
        datasetId: uploadedDatasetId,
        webhookIds: webhookIds.slice(0, 2),
        deploymentId,
        stopAt,
      },
    });
    const job = data.createJob.job;
    expect(job).toMatchObject({
      datasetId: uploadedDatasetId,
      stopAt,
      deployment: { kind: "ExistingDeployment", deploymentId },
    });
    expect(job.webhooks.map((webhook) => webhook.nexusId)).toEqual(webhookIds.slice(0, 2));
    expect(calls(await upstreamRequests())[0]).toBe(`POST ${BASE}/jobs`);
    const upstream = await upstreamGet<WireJob>(`jobs/${job.nexusId}`);
    expect(upstream.body.spec).toMatchObject({
      datasetId: uploadedDatasetId,
      stopAtTime: Date.parse(stopAt),
      deployment: { kind: "ExistingDeployment", deploymentId },
      resultDelivery: { destinations: webhookIds.slice(0, 2).map((webhookId) => ({ kind: "Webhook", webhookId })) },
    });
  });

  it("createJob with an ephemeral deployment", async () => {
    const data = await gqlData<{ createJob: { job: { deployment: unknown } } }>(CREATE_JOB, {
      input: {
        name: "ephemeral",
        datasetId: uploadedDatasetId,
        webhookIds: [],
        ephemeralDeployment: {
          artifactId: "artifact_1",
          instanceId: "instance_t4-standard-1g",
          replicas: 2,
          region: "us",
        },
      },
    });
    expect(data.createJob.job.deployment).toEqual({
      kind: "NewEphemeralDeployment",
      deploymentId: null,
      template: { artifactId: "artifact_1", instanceId: "instance_t4-standard-1g", replicas: 2, region: "us" },
    });
  });

  it("createJob refuses both or neither deployment before calling the upstream", async () => {
    const result = await gql(CREATE_JOB, {
      input: {
        name: "x",
        datasetId: uploadedDatasetId,
        webhookIds: [],
        deploymentId,
        ephemeralDeployment: { artifactId: "a", instanceId: "i", replicas: 1 },
      },
    });
    expect(result.body.errors?.[0]).toMatchObject({
      message: "Give exactly one of input.deploymentId and input.ephemeralDeployment.",
      extensions: { code: "BAD_USER_INPUT" },
    });
    expect(await upstreamRequests()).toEqual([]);
  });

  it("cancelJob PATCHes spec.stopAtTime to now, and the job ends CANCELLED", async () => {
    const created = await gqlData<{ createJob: { job: { id: string; nexusId: string } } }>(CREATE_JOB, {
      input: { name: "to-cancel", datasetId: uploadedDatasetId, webhookIds: [], deploymentId },
    });
    const { id, nexusId } = created.createJob.job;
    await clearUpstreamRequests();
    const before = Date.now();
    const data = await gqlData<{ cancelJob: { job: { stopAt: string } } }>(
      `mutation($id: ID!) { cancelJob(id: $id) { job { ... on NexusJob { stopAt } } } }`,
      { id },
    );
    expect(calls(await upstreamRequests())).toEqual([`PATCH ${BASE}/jobs/${nexusId}`]);
    expect(Date.parse(data.cancelJob.job.stopAt)).toBeGreaterThanOrEqual(before - 1000);
    const upstream = await upstreamGet<WireJob>(`jobs/${nexusId}`);
    expect(upstream.body.spec.stopAtTime).toBe(Date.parse(data.cancelJob.job.stopAt));
    const after = await gqlData<{ job: { state: string } }>(`query($id: ID!) { job(id: $id) { state } }`, { id });
    expect(after.job.state).toBe("CANCELLED");
  });

  it("deleteJob deletes upstream and returns {id, deleted}", async () => {
    const created = await gqlData<{ createJob: { job: { id: string; nexusId: string } } }>(CREATE_JOB, {
      input: { name: "to-delete", datasetId: uploadedDatasetId, webhookIds: [], deploymentId },
    });
    const { id, nexusId } = created.createJob.job;
    const data = await gqlData<{ deleteJob: unknown }>(`mutation($id: ID!) { deleteJob(id: $id) { id deleted } }`, {
      id,
    });
    expect(data.deleteJob).toEqual({ id, deleted: true });
    expect((await upstreamGet(`jobs/${nexusId}`)).status).toBe(404);
  });
});

describe("webhooks", () => {
  const CREATE = `mutation($input: CreateWebhookInput!) { createWebhook(input: $input) { secret webhook { id nexusId name endpoint retries { maxRetries maxBackoffMs } } } }`;
  type Created = {
    createWebhook: {
      secret: string;
      webhook: { id: string; nexusId: string; endpoint: string; retries: { maxRetries: number; maxBackoffMs: number } };
    };
  };

  it("createWebhook generates a 32-byte secret when none is given, and returns it once", async () => {
    const data = await gqlData<Created>(CREATE, {
      input: { name: "generated", endpoint: "https://example.com/hooks/a" },
    });
    expect(Buffer.from(data.createWebhook.secret, "base64")).toHaveLength(32);
    expect(data.createWebhook.webhook).toMatchObject({
      endpoint: "https://example.com/hooks/a",
      retries: { maxRetries: 3, maxBackoffMs: 15000 },
    });
    expect(calls(await upstreamRequests())).toEqual([`POST ${BASE}/webhooks`]);
    const read = await gql(`query($id: ID!) { webhook(id: $id) { id name endpoint } }`, {
      id: data.createWebhook.webhook.id,
    });
    expect(read.text).not.toContain(data.createWebhook.secret);
  });

  it("createWebhook keeps a given secret and retry policy", async () => {
    const secret = Buffer.from("a given secret of enough bytes!!").toString("base64");
    const data = await gqlData<Created>(CREATE, {
      input: {
        name: "given",
        endpoint: "https://example.com/hooks/b",
        secret,
        retries: { maxRetries: 1, maxBackoffMs: 20000 },
      },
    });
    expect(data.createWebhook.secret).toBe(secret);
    expect(data.createWebhook.webhook.retries).toEqual({ maxRetries: 1, maxBackoffMs: 20000 });
  });

  it("createWebhook refuses an endpoint that is not an http(s) URL", async () => {
    const result = await gql(CREATE, { input: { name: "bad", endpoint: "ftp://example.com/x" } });
    expect(result.body.errors?.[0]).toMatchObject({
      message: 'input.endpoint must be an http(s) URL, got the scheme "ftp:".',
      extensions: { code: "BAD_USER_INPUT" },
    });
    expect(await upstreamRequests()).toEqual([]);
  });

  it("updateWebhook PATCHes the endpoint and retries; rotateWebhookSecret PUTs a new secret; deleteWebhook deletes", async () => {
    const created = await gqlData<Created>(CREATE, {
      input: { name: "lifecycle", endpoint: "https://example.com/hooks/c" },
    });
    const { id, nexusId } = created.createWebhook.webhook;
    await clearUpstreamRequests();
    const updated = await gqlData<{ updateWebhook: { webhook: { endpoint: string; retries: unknown } } }>(
      `mutation($input: UpdateWebhookInput!) { updateWebhook(input: $input) { webhook { endpoint retries { maxRetries maxBackoffMs } } } }`,
      { input: { id, endpoint: "https://example.com/hooks/d", retries: { maxRetries: 2, maxBackoffMs: 16000 } } },
    );
    expect(updated.updateWebhook.webhook).toEqual({
      endpoint: "https://example.com/hooks/d",
      retries: { maxRetries: 2, maxBackoffMs: 16000 },
    });
    expect((await upstreamGet<{ endpoint: string }>(`webhooks/${nexusId}`)).body.endpoint).toBe(
      "https://example.com/hooks/d",
    );

    const rotated = await gqlData<{ rotateWebhookSecret: { secret: string; webhook: { nexusId: string } } }>(
      `mutation($input: RotateWebhookSecretInput!) { rotateWebhookSecret(input: $input) { secret webhook { nexusId } } }`,
      { input: { id } },
    );
    expect(rotated.rotateWebhookSecret.secret).not.toBe(created.createWebhook.secret);
    expect(Buffer.from(rotated.rotateWebhookSecret.secret, "base64")).toHaveLength(32);

    const deleted = await gqlData<{ deleteWebhook: unknown }>(
      `mutation($id: ID!) { deleteWebhook(id: $id) { id deleted } }`,
      { id },
    );
    expect(deleted.deleteWebhook).toEqual({ id, deleted: true });
    expect(calls(await upstreamRequests()).filter((call) => !call.startsWith("GET"))).toEqual([
      `PATCH ${BASE}/webhooks/${nexusId}`,
      `PUT ${BASE}/webhooks/${nexusId}/secret`,
      `DELETE ${BASE}/webhooks/${nexusId}`,
    ]);
  });

  it("updateWebhook with nothing to change is refused", async () => {
    const result = await gql(
      `mutation($input: UpdateWebhookInput!) { updateWebhook(input: $input) { webhook { id } } }`,
      { input: { id: webhookIds[0] } },
    );
    expect(result.body.errors?.[0]?.message).toBe("Nothing to change: give input.endpoint and/or input.retries.");
  });

  it("testWebhook returns the upstream's test result", async () => {
    const created = await gqlData<Created>(CREATE, {
      input: {
        name: "unreachable",
        endpoint: "http://127.0.0.1:9/nowhere",
        retries: { maxRetries: 0, maxBackoffMs: 0 },
      },
    });
    await clearUpstreamRequests();
    const data = await gqlData<{ testWebhook: { status: string; attemptCount: number | null; reason: string | null } }>(
      `mutation($id: ID!) { testWebhook(id: $id) { status responseCode latencyMs attemptCount body reason } }`,
      { id: created.createWebhook.webhook.id },
    );
    expect(calls(await upstreamRequests())).toEqual([
      `POST ${BASE}/webhooks/${created.createWebhook.webhook.nexusId}:test`,
    ]);
    expect(typeof data.testWebhook.status).toBe("string");
    expect(data.testWebhook.attemptCount).toBe(1);
    expect(data.testWebhook.reason).not.toBeNull();
  });
});
