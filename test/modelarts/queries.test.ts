/**
 * ModelArts datasets and export tasks through the front door: every field of `ModelArtsDataset` and
 * `ModelArtsExportTask` against what the emulator holds, lookups by global id (a missing object is `null` with
 * `NOT_FOUND`, not `BAD_USER_INPUT`), `exportTasks` as a Relay connection, `datasets` across Nexus and ModelArts,
 * the credential rules, and every upstream failure with its code and message.
 */
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { useTenant } from "../utils/tenant";
import { walk, type Page } from "../gateway/helpers";
import {
  MA,
  MA_OTHER,
  NEXUS,
  dataAs,
  datasetIdByName,
  globalId,
  gqlAs,
  modelArts,
  modelArtsApi,
  taskGlobalId,
} from "./helpers";
import { suiteGraphQL } from "../utils/test-gateway";
// What the emulator sends: the gateway's wire types, narrowed to the fields it always fills.
import type { DatasetRecord as WireDataset, ExportTaskWire as WireTask } from "../../emulator/src/modelarts/types";

const DATASET_FIELDS = /* GraphQL */ `
  fragment D on ModelArtsDataset {
    id modelArtsId projectId name provider createdAt updatedAt state
    datasetType datasetTypeCode dataFormat datasetFormat datasetFormatCode datasetStatus datasetStatusCode description
    samples { total annotated unconfirmed } currentVersionId currentVersionName versionCount workPath
    dataSources { dataType path } labels { name type typeCode property } tags
  }
`;

const TASK_FIELDS = /* GraphQL */ `
  fragment T on ModelArtsExportTask {
    id modelArtsId name provider createdAt updatedAt state progress exportStatus rawStatus progressPercent datasetId
    path exportType exportTypeCode exportFormat exportFormatCode versionId versionFormat
    exportParams { destination rawDestination newDatasetName newDatasetWorkPath sampleState samples }
    totalSampleCount finishedSampleCount errorCode errorMessage
    dataset { modelArtsId name }
  }
`;

let datasets: WireDataset[];

beforeAll(async () => {
  await modelArts.reset();
  await useTenant().reset();
  datasets = (await modelArtsApi<{ datasets: WireDataset[] }>("datasets?limit=100")).datasets;
});

beforeEach(async () => {
  await modelArts.clearFaults();
});

describe("ModelArtsDataset", () => {
  it("keeps type, formats, status, description, counts, versions, work path, sources, labels and tags", async () => {
    const id = await datasetIdByName("retail-shelf-products");
    const data = await dataAs<{ dataset: Record<string, unknown> }>(
      `${DATASET_FIELDS} query ($id: ID!) { dataset(id: $id) { ...D } }`,
      { id: globalId("ModelArtsDataset", id) },
    );
    expect(data.dataset).toMatchObject({
      id: globalId("ModelArtsDataset", id),
      modelArtsId: id,
      projectId: MA.project,
      name: "retail-shelf-products",
      provider: "MODELARTS",
      state: "READY",
      datasetType: "OBJECT_DETECTION",
      datasetTypeCode: 1,
      dataFormat: "Default",
      datasetFormat: "FILE",
      datasetFormatCode: 0,
      datasetStatus: "NORMAL",
      datasetStatusCode: 1,
      description: "Shelf photos from 12 stores",
      samples: { total: 2400, annotated: 2100, unconfirmed: 40 },
      currentVersionName: "V003",
      versionCount: 3,
      tags: ["retail"],
    });
    expect(data.dataset["workPath"]).toMatch(/^\/[a-z0-9.-]+\/retail-shelf-products\/output\/$/);
    expect(data.dataset["dataSources"]).toEqual([
      { dataType: 0, path: expect.stringMatching(/\/retail-shelf-products\/input\/$/) },
    ]);
    expect(data.dataset["labels"]).toEqual(
      ["bottle", "can", "box"].map((name) => ({
        name,
        type: "OBJECT_DETECTION",
        typeCode: 1,
        property: { "@modelarts:color": expect.any(String) },
      })),
    );
  });

  it("maps every documented type and status code to its enum and normalised state", async () => {
    const data = await dataAs<{
      datasets: Page<{
        name: string;
        datasetType: string;
        datasetTypeCode: number;
        datasetStatus: string;
        datasetStatusCode: number;
        state: string;
      }>;
    }>(
      `{ datasets(first: 100) { edges { node { name ... on ModelArtsDataset { datasetType datasetTypeCode datasetStatus datasetStatusCode state } } } } }`,
    );
    const nodes = data.datasets.edges.map((edge) => edge.node);
    expect(nodes).toHaveLength(16);
    const stateOf: Record<number, string> = {
      0: "WAITING",
      1: "READY",
      2: "PROCESSING",
      3: "FAILED",
      4: "FAILED",
      5: "PROCESSING",
      6: "PROCESSING",
      7: "PROCESSING",
      8: "UPLOADING",
    };
    for (const node of nodes) {
      expect(node.datasetType).not.toBe("UNKNOWN");
      expect(node.datasetStatus).not.toBe("UNKNOWN");
      expect(node.state).toBe(stateOf[node.datasetStatusCode]);
    }
    expect(new Set(nodes.map((node) => node.datasetStatusCode))).toEqual(new Set([0, 1, 2, 3, 4, 5, 6, 7, 8]));
    expect(new Set(nodes.map((node) => node.datasetTypeCode))).toEqual(
      new Set([0, 1, 3, 100, 101, 102, 200, 201, 202, 400, 600, 900]),
    );
    // Newest first, as the emulator holds them.
    const byNewest = [...datasets].sort(
      (a, b) => b.create_time - a.create_time || (a.dataset_id < b.dataset_id ? -1 : 1),
    );
    expect(nodes.map((node) => node.name)).toEqual(byNewest.map((dataset) => dataset.dataset_name));
  });

  it("gives a dataset without a version null version fields", async () => {
    const id = await datasetIdByName("call-center-transcripts");
    const data = await dataAs<{ dataset: Record<string, unknown> }>(
      `${DATASET_FIELDS} query ($id: ID!) { dataset(id: $id) { ...D } }`,
      { id: globalId("ModelArtsDataset", id) },
    );
    expect(data.dataset).toMatchObject({
      currentVersionId: null,
      currentVersionName: null,
      versionCount: 0,
      state: "UPLOADING",
      datasetStatus: "IMPORTING",
    });
  });
});

describe("ModelArtsExportTask", () => {
  it("keeps status, progress, destination, formats, counts, version and error", async () => {
    const tasksByDataset = await Promise.all(
      datasets.map(async (dataset) => ({
        dataset,
        tasks: (
          await modelArtsApi<{ export_tasks: WireTask[] }>(`datasets/${dataset.dataset_id}/export-tasks?limit=100`)
        ).export_tasks,
      })),
    );
    const all = tasksByDataset.flatMap(({ dataset, tasks }) => tasks.map((task) => ({ dataset, task })));
    expect(all).toHaveLength(20);
    const failed = all.find(({ task }) => task.status === "FAILED" && task.error_code === "ModelArts.4903");
    expect(failed).toBeDefined();
    const { dataset, task } = failed!;
    const data = await dataAs<{ job: Record<string, unknown> }>(
      `${TASK_FIELDS} query ($id: ID!) { job(id: $id) { ...T } }`,
      {
        id: taskGlobalId(dataset.dataset_id, task.task_id),
      },
    );
    expect(data.job).toMatchObject({
      id: taskGlobalId(dataset.dataset_id, task.task_id),
      modelArtsId: task.task_id,
      name: `export ${task.task_id}`,
      provider: "MODELARTS",
      state: "FAILED",
      exportStatus: "FAILED",
      rawStatus: "FAILED",
      progress: task.progress / 100,
      progressPercent: task.progress,
      datasetId: dataset.dataset_id,
      path: task.path,
      exportTypeCode: task.export_type,
      errorCode: "ModelArts.4903",
      errorMessage: expect.stringMatching(/\S/),
      dataset: { modelArtsId: dataset.dataset_id, name: dataset.dataset_name },
    });
    expect(data.job["exportType"]).not.toBe("UNKNOWN");
    expect(data.job["exportFormat"]).not.toBe("UNKNOWN");
  });

  it("normalises every status: INIT, RUNNING, SUCCESSED, FAILED, STOPPING (RUNNING) and STOPPED (CANCELLED)", async () => {
    const data = await dataAs<{
      jobs: Page<{ state: string; progress: number; exportStatus: string; rawStatus: string }>;
    }>(
      `{ jobs(first: 100) { edges { node { state progress ... on ModelArtsExportTask { exportStatus rawStatus } } } } }`,
    );
    const nodes = data.jobs.edges.map((edge) => edge.node);
    expect(nodes).toHaveLength(20);
    const expected: Record<string, string> = {
      INIT: "WAITING",
      RUNNING: "RUNNING",
      SUCCESSED: "FINISHED",
      FAILED: "FAILED",
      STOPPING: "RUNNING",
      STOPPED: "CANCELLED",
    };
    const counts: Record<string, number> = {};
    for (const node of nodes) {
      expect(node.exportStatus).toBe(node.rawStatus);
      expect(node.state).toBe(expected[node.rawStatus]);
      expect(node.progress).toBeGreaterThanOrEqual(0);
      expect(node.progress).toBeLessThanOrEqual(1);
      if (node.rawStatus === "SUCCESSED") expect(node.progress).toBe(1);
      if (node.rawStatus === "INIT") expect(node.progress).toBe(0);
      counts[node.rawStatus] = (counts[node.rawStatus] ?? 0) + 1;
    }
    expect(counts).toEqual({ INIT: 3, RUNNING: 4, SUCCESSED: 9, FAILED: 2, STOPPING: 1, STOPPED: 1 });
  });

  it("pages a dataset's exportTasks as a Relay connection, both ways, with totalCount", async () => {
    const withMost = await Promise.all(
      datasets.map(async (dataset) => ({
        dataset,
        total: (await modelArtsApi<{ total_count: number }>(`datasets/${dataset.dataset_id}/export-tasks?limit=1`))
          .total_count,
      })),
    );
    const { dataset, total } = withMost.sort((a, b) => b.total - a.total)[0]!;
    expect(total).toBeGreaterThan(2);
    const query = /* GraphQL */ `
      query ($id: ID!, $first: Int, $after: String, $last: Int, $before: String) {
        dataset(id: $id) { ... on ModelArtsDataset { exportTasks(first: $first, after: $after, last: $last, before: $before) {
          totalCount edges { cursor node { id createdAt } } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } } } }
      }
    `;
    const id = globalId("ModelArtsDataset", dataset.dataset_id);
    const fetchPage = async (args: Record<string, unknown>) => {
      const data = await dataAs<{
        dataset: { exportTasks: Page<{ id: string; createdAt: string }> & { totalCount: number } };
      }>(query, { id, ...args });
      expect(data.dataset.exportTasks.totalCount).toBe(total);
      return data.dataset.exportTasks;
    };
    const forward = await walk("forward", 2, fetchPage);
    const backward = await walk("backward", 2, fetchPage);
    expect(forward.nodes).toHaveLength(total);
    expect(backward.nodes.map((node) => node.id)).toEqual(forward.nodes.map((node) => node.id));
    const times = forward.nodes.map((node) => Date.parse(node.createdAt));
    expect(times).toEqual([...times].sort((a, b) => b - a));
  });
});

describe("lookups by id", () => {
  it("gives null with NOT_FOUND for a dataset or an export task that does not exist, and for another project's", async () => {
    const otherDataset = (await modelArtsApi<{ datasets: WireDataset[] }>("datasets?limit=1", MA_OTHER)).datasets[0]!;
    const someDataset = datasets[0]!.dataset_id;
    await modelArts.clearRequests();
    const result = await gqlAs<Record<string, unknown>>(
      /* GraphQL */ `query ($a: ID!, $b: ID!, $c: ID!, $d: ID!) {
        a: dataset(id: $a) { id } b: job(id: $b) { id } c: node(id: $c) { id } d: job(id: $d) { id }
      }`,
      {
        a: globalId("ModelArtsDataset", "doesNotExist0000000"),
        b: taskGlobalId(someDataset, "noSuchTask000000000"),
        c: globalId("ModelArtsDataset", otherDataset.dataset_id),
        d: taskGlobalId("noSuchDataset000000", "noSuchTask000000000"),
      },
    );
    expect(result.body.data).toEqual({ a: null, b: null, c: null, d: null });
    // A missing object is null without an error, like every other backend's (only upstream failures are errors).
    expect(result.body.errors).toBeUndefined();
    const requests = await modelArts.requests();
    expect(requests.map((request) => request.status).sort()).toEqual([400, 400, 400, 400]);
  });

  it("refuses an id outside the grammar with BAD_USER_INPUT before any upstream call", async () => {
    await modelArts.clearRequests();
    const bad = [
      globalId("ModelArtsDataset", ".."),
      globalId("ModelArtsExportTask", "onlyOnePart"),
      globalId("ModelArtsExportTask", "a/b:c"),
      globalId("ModelArtsDataset", "abc:def"),
    ];
    for (const id of bad) {
      const result = await gqlAs(`query ($id: ID!) { node(id: $id) { id } }`, { id });
      expect(result.body.errors?.map((error) => error.extensions?.code)).toEqual(["BAD_USER_INPUT"]);
      expect(result.body.errors?.[0]?.message).toMatch(/is not a valid id/);
    }
    const wrongKind = await gqlAs(`query ($id: ID!) { job(id: $id) { id } }`, {
      id: globalId("ModelArtsDataset", datasets[0]!.dataset_id),
    });
    expect(wrongKind.body.errors?.[0]?.message).toBe('Argument "id": expected a Job id, got a ModelArtsDataset id.');
    expect(await modelArts.requests()).toEqual([]);
  });

  it("resolves a page of nodes of both platforms", async () => {
    const nexusJob = (
      await dataAs<{ jobs: Page<{ id: string }> }>(`{ jobs(first: 1) { edges { node { id } } } }`, {}, { nexus: NEXUS })
    ).jobs.edges[0]!.node.id;
    const data = await dataAs<{ nodes: { __typename: string }[] }>(
      `query ($ids: [ID!]!) { nodes(ids: $ids) { __typename } }`,
      { ids: [nexusJob, globalId("ModelArtsDataset", datasets[0]!.dataset_id)] },
      { nexus: NEXUS, modelarts: MA },
    );
    expect(data.nodes.map((node) => node.__typename)).toEqual(["NexusJob", "ModelArtsDataset"]);
  });
});

describe("ModelArts datasets alone, read by offset", () => {
  it("walks both ways at several page sizes, every dataset once, each page from a cursor in at most two calls sized to it", async () => {
    const query = /* GraphQL */ `
      query ($first: Int, $after: String, $last: Int, $before: String) {
        datasets(first: $first, after: $after, last: $last, before: $before) {
          edges { cursor node { id } } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } }
      }
    `;
    const whole = (await dataAs<{ datasets: Page<{ id: string }> }>(query, { first: 100 })).datasets.edges.map(
      (edge) => edge.node.id,
    );
    expect(whole).toHaveLength(16);
    for (const size of [1, 3, 7]) {
      for (const direction of ["forward", "backward"] as const) {
        const calls: { count: number; limits: number[] }[] = [];
        const result = await walk(direction, size, async (args) => {
          await modelArts.clearRequests();
          const page = (await dataAs<{ datasets: Page<{ id: string }> }>(query, args)).datasets;
          const requests = await modelArts.requests();
          calls.push({
            count: requests.length,
            limits: requests.map((request) => Number(new URLSearchParams(request.query).get("limit"))),
          });
          return page;
        });
        expect(result.nodes.map((node) => node.id)).toEqual(whole);
        // The first backward page (no cursor) reads from the start; every page from a cursor reads around it.
        const fromCursors = calls.slice(1);
        for (const page of fromCursors) expect(page.count).toBeLessThanOrEqual(2);
        const readSize = size + 1 + Math.ceil(size / 4);
        if (direction === "forward") expect(calls[0]?.limits).toEqual([readSize]);
        // Never the whole list's 100 again: at most what a page re-reads around its cursor before the gateway
        // fetches tokens closer to it (four reads' worth).
        expect(Math.max(...fromCursors.flatMap((page) => page.limits))).toBeLessThanOrEqual(Math.min(99, 4 * readSize));
      }
    }
  });
});

describe("datasets across Nexus and ModelArts", () => {
  it("merges both platforms newest first, forwards and backwards, at several page sizes", async () => {
    const query = /* GraphQL */ `
      query ($first: Int, $after: String, $last: Int, $before: String) {
        datasets(first: $first, after: $after, last: $last, before: $before, includeExpired: true) {
          totalCount edges { cursor node { id provider createdAt } } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } }
      }
    `;
    const callers = { nexus: NEXUS, modelarts: MA };
    const fetchPage = async (args: Record<string, unknown>) =>
      (
        await dataAs<{ datasets: Page<{ id: string; provider: string; createdAt: string }> & { totalCount: number } }>(
          query,
          args,
          callers,
        )
      ).datasets;
    const whole = await fetchPage({ first: 100 });
    expect(whole.totalCount).toBe(whole.edges.length);
    const providers = whole.edges.map((edge) => edge.node.provider);
    expect(providers.filter((provider) => provider === "MODELARTS")).toHaveLength(16);
    expect(providers.filter((provider) => provider === "NEXUS")).toHaveLength(8);
    const times = whole.edges.map((edge) => Date.parse(edge.node.createdAt));
    expect(times).toEqual([...times].sort((a, b) => b - a));
    for (const size of [1, 5, 7]) {
      const forward = await walk("forward", size, fetchPage);
      const backward = await walk("backward", size, fetchPage);
      expect(forward.nodes.map((node) => node.id)).toEqual(whole.edges.map((edge) => edge.node.id));
      expect(backward.nodes.map((node) => node.id)).toEqual(whole.edges.map((edge) => edge.node.id));
    }
  });

  it("lists ModelArts datasets alone for a caller with only ModelArts credentials, in one upstream call", async () => {
    await modelArts.clearRequests();
    const data = await dataAs<{ datasets: Page<{ provider: string }> & { totalCount: number } }>(
      `{ datasets(first: 5) { totalCount edges { node { provider } } } }`,
    );
    expect(data.datasets.totalCount).toBe(16);
    expect(data.datasets.edges.map((edge) => edge.node.provider)).toEqual(Array(5).fill("MODELARTS"));
    const requests = await modelArts.requests();
    expect(requests.map((request) => `${request.method} ${request.path}`)).toEqual([
      `GET /modelarts/v2/${MA.project}/datasets`,
    ]);
    expect(requests[0]!.query).toContain("limit=100");
  });
});

describe("credentials", () => {
  it("takes the pair only: one header alone is UNAUTHENTICATED, with the way to give both", async () => {
    const halves: Record<string, string>[] = [
      { "x-modelarts-project-id": MA.project },
      { "x-modelarts-token": MA.token },
    ];
    for (const headers of halves) {
      const response = await suiteGraphQL().fetch({
        method: "POST",
        headers: { "content-type": "application/json", ...headers },
        body: JSON.stringify({ query: "{ datasets(first: 1) { edges { node { id } } } }" }),
      });
      const body = (await response.json()) as { errors: { message: string; extensions: { code: string } }[] };
      expect(body.errors.map((error) => error.extensions.code)).toEqual(["UNAUTHENTICATED"]);
      expect(body.errors[0]!.message).toContain("x-modelarts-project-id and x-modelarts-token");
    }
  });

  it("gives FORBIDDEN for a token the upstream refuses, naming the call, without the token", async () => {
    const result = await gqlAs(
      `{ datasets(first: 1) { edges { node { id } } } }`,
      {},
      { modelarts: { project: MA_OTHER.project, token: MA.token } },
    );
    expect(result.body.errors?.map((error) => error.extensions?.code)).toEqual(["FORBIDDEN"]);
    expect(result.body.errors?.[0]?.message).toMatch(
      new RegExp(
        `^modelarts datasets\\.list: expected 2xx, got 403 APIGW\\.0302 from /v2/${MA_OTHER.project}/datasets \\(`,
      ),
    );
    const unknown = await gqlAs(
      `{ datasets(first: 1) { edges { node { id } } } }`,
      {},
      { modelarts: { project: MA.project, token: "not-a-token" } },
    );
    expect(unknown.body.errors?.map((error) => error.extensions?.code)).toEqual(["FORBIDDEN"]);
    expect(unknown.body.errors?.[0]?.message).toMatch(
      /^modelarts datasets\.list: expected 2xx, got 401 APIGW\.0301 from /,
    );
  });
});

describe("upstream failures", () => {
  it("maps 5xx to UPSTREAM_UNAVAILABLE, 429 to RATE_LIMITED and a refused parameter to BAD_USER_INPUT, each message naming the call", async () => {
    const id = datasets[0]!.dataset_id;
    const query = `query ($id: ID!) { dataset(id: $id) { id } }`;
    const variables = { id: globalId("ModelArtsDataset", id) };
    await modelArts.setFaults({ errorRate: 1, errorStatus: 503 });
    const unavailable = await gqlAs(query, variables);
    expect(unavailable.body.data).toEqual({ dataset: null });
    expect(unavailable.body.errors?.map((error) => error.extensions?.code)).toEqual(["UPSTREAM_UNAVAILABLE"]);
    expect(unavailable.body.errors?.[0]?.message).toBe(
      `modelarts datasets.get: expected 2xx, got 503 ModelArts.0000 from /v2/${MA.project}/datasets/${id} (Injected fault: 503 for /modelarts/v2/${MA.project}/datasets/${id})`,
    );
    await modelArts.setFaults({ throttleRate: 1, retryAfterSeconds: 30 });
    const limited = await gqlAs(query, variables);
    expect(limited.body.errors?.map((error) => error.extensions?.code)).toEqual(["RATE_LIMITED"]);
    expect(limited.body.errors?.[0]?.extensions?.retryAfterSeconds).toBe(30);
    await modelArts.setFaults({ errorRate: 1, errorStatus: 400 });
    const refused = await gqlAs(query, variables);
    expect(refused.body.errors?.map((error) => error.extensions?.code)).toEqual(["BAD_USER_INPUT"]);
    expect(refused.body.errors?.[0]?.message).toMatch(
      /^modelarts datasets\.get: expected 2xx, got 400 ModelArts\.0104 from /,
    );
  });
});
