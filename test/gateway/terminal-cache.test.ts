/**
 * The terminal cache (issue 12, item 4) through the front door: a gateway of this file's own with
 * `TERMINAL_CACHE_TTL_SECONDS` on, over the run's emulator, and the emulator's request log to see which reads went
 * upstream. A settled job, dataset or finished job's log is read upstream once, then served from the edge cache to
 * the same credentials only: another project, another tenant or a wrong key always goes upstream and gets its own
 * answer. The gateway's own deletes drop what it cached. The shared test gateway runs with the cache off (`0`), and
 * the last test shows that `0` caches nothing.
 *
 * Every test reads objects no other test of the file reads: the cache outlives a test, so a shared id would let one
 * test's entry decide another's counts.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { MA, MA_OTHER, modelArts, modelArtsApi, taskGlobalId } from "../modelarts/helpers";
import { tenantNamed } from "../utils/tenant";
import type { GraphQLTestClient } from "../utils/graphql-client";
import { startTestGateway, suiteGraphQL, type TestGateway } from "../utils/test-gateway";
import { clearUpstreamRequests, DEMO, OTHER, resetEmulator, upstreamGet, upstreamRequests } from "./helpers";
import type { NexusDataset as WireDataset, NexusJob as WireJob } from "../../src/backends/nexus/types";

const BASE = `/projects/${DEMO.project}/batch`;
/** Another tenant of the emulator: its projects share no id and no key with this file's. */
const ELSEWHERE = tenantNamed("gateway-terminal-cache-elsewhere");

type Credentials = { project: string; key: string };

let gateway: TestGateway;
let cachedGraphql: GraphQLTestClient;
/** Seeded jobs by what they are, each handed to one test only (see the module comment). */
let finished: string[];
let running: string[];
let uploadedDatasets: string[];
/** Seeded ModelArts export tasks by status: `datasetId/taskId`. */
let endedTasks: { datasetId: string; taskId: string }[];
let runningTasks: { datasetId: string; taskId: string }[];

/** A ModelArts caller, sent as `x-modelarts-project-id` and `x-modelarts-token` (and no Nexus credentials). */
type ModelArtsCaller = { modelarts: { project: string; token: string } };

async function ask<T>(
  client: GraphQLTestClient,
  query: string,
  variables: Record<string, unknown>,
  caller: Credentials | ModelArtsCaller = DEMO,
) {
  const credentials: Record<string, string> =
    "modelarts" in caller
      ? { "x-modelarts-project-id": caller.modelarts.project, "x-modelarts-token": caller.modelarts.token }
      : { "x-nexus-project-id": caller.project, "x-nexus-secret-key": caller.key };
  const answer = await client.query<T>(query, variables, { headers: credentials });
  return { ...answer.body, text: answer.text };
}

/** One call upstream per line, `METHOD path status`, oldest first. */
async function callsSinceClear(): Promise<string[]> {
  return (await upstreamRequests()).map((request) => `${request.method} ${request.path} ${request.status}`);
}

const JOB = `query($id: ID!) { job(id: $id) { id state ... on NexusJob { nexusId updatedAt } } }`;
const JOB_WITH_LOGS = `query($id: ID!) { job(id: $id) { id state ... on NexusJob { logs(first: 5) { edges { node { id createdAt } } } } } }`;
const DATASET = `query($id: ID!) { dataset(id: $id) { id state ... on NexusDataset { itemCount } } }`;

function take(list: string[], what: string): string {
  const id = list.shift();
  if (id === undefined) throw new Error(`the seed has too few ${what} for this file's tests`);
  return id;
}

beforeAll(async () => {
  await resetEmulator();
  await ELSEWHERE.reset();
  await modelArts.reset();
  gateway = await startTestGateway({ TERMINAL_CACHE_TTL_SECONDS: "300" });
  cachedGraphql = gateway.graphql;
  const jobs = (await upstreamGet<{ data: WireJob[] }>("jobs?limit=1000")).body.data;
  finished = jobs
    .filter((job) => job.status.overview === "Reached" && job.status.message === "Finished")
    .map((job) => job.id);
  running = jobs
    .filter((job) => job.status.overview === "Waiting" && job.status.message === "Running")
    .map((job) => job.id);
  const datasets = (await upstreamGet<{ data: WireDataset[] }>("datasets?limit=1000")).body.data;
  uploadedDatasets = datasets.filter((dataset) => dataset.status.overview === "Uploaded").map((dataset) => dataset.id);
  endedTasks = [];
  runningTasks = [];
  const maDatasets = (await modelArtsApi<{ datasets: { dataset_id: string }[] }>("datasets?limit=100")).datasets;
  for (const { dataset_id: datasetId } of maDatasets) {
    const page = await modelArtsApi<{ export_tasks: { task_id: string; status: string }[] }>(
      `datasets/${datasetId}/export-tasks?limit=100`,
    );
    for (const task of page.export_tasks) {
      if (task.status === "SUCCESSED") endedTasks.push({ datasetId, taskId: task.task_id });
      if (task.status === "RUNNING") runningTasks.push({ datasetId, taskId: task.task_id });
    }
  }
}, 60_000);

afterAll(async () => {
  await gateway?.dispose();
});

beforeEach(async () => {
  await clearUpstreamRequests();
  await ELSEWHERE.clearRequests();
  await modelArts.clearRequests();
});

/** The ModelArts calls since the last clear that read export task `taskId`, `METHOD status`. */
async function taskReads(taskId: string): Promise<string[]> {
  return (await modelArts.requests())
    .filter((request) => request.path.endsWith(`/export-tasks/${taskId}`))
    .map((request) => `${request.method} ${request.status}`);
}

describe("terminal cache", () => {
  it("serves a finished job's second read from the cache, with no upstream call", async () => {
    const id = take(finished, "finished jobs");
    const first = await ask<{ job: unknown }>(cachedGraphql, JOB, { id });
    expect(first.errors, first.text).toBeUndefined();
    expect(first.data?.job).toMatchObject({ state: "FINISHED", nexusId: id });
    expect(await callsSinceClear()).toEqual([`GET ${BASE}/jobs/${id} 200`]);
    await clearUpstreamRequests();
    const second = await ask<{ job: unknown }>(cachedGraphql, JOB, { id });
    expect(second.data).toEqual(first.data);
    expect(await callsSinceClear()).toEqual([]);
  });

  it("reads a running job upstream every time", async () => {
    const id = take(running, "running jobs");
    for (let read = 0; read < 2; read += 1) {
      const answer = await ask<{ job: { state: string } }>(cachedGraphql, JOB, { id });
      expect(answer.data?.job.state, answer.text).toBe("RUNNING");
    }
    expect(await callsSinceClear()).toEqual([`GET ${BASE}/jobs/${id} 200`, `GET ${BASE}/jobs/${id} 200`]);
  });

  it("caches a finished job's logs, and never a running job's", async () => {
    const done = take(finished, "finished jobs");
    const first = await ask<{ job: { logs: { edges: unknown[] } } }>(cachedGraphql, JOB_WITH_LOGS, { id: done });
    expect(first.data?.job.logs.edges.length, first.text).toBeGreaterThan(0);
    expect(await callsSinceClear()).toEqual([`GET ${BASE}/jobs/${done} 200`, `GET ${BASE}/jobs/${done}/logs 200`]);
    await clearUpstreamRequests();
    const again = await ask(cachedGraphql, JOB_WITH_LOGS, { id: done });
    expect(again.data).toEqual(first.data);
    expect(await callsSinceClear()).toEqual([]);

    const live = take(running, "running jobs");
    for (let read = 0; read < 2; read += 1) {
      const answer = await ask<{ job: { state: string } }>(cachedGraphql, JOB_WITH_LOGS, { id: live });
      expect(answer.data?.job.state, answer.text).toBe("RUNNING");
    }
    const once = [`GET ${BASE}/jobs/${live} 200`, `GET ${BASE}/jobs/${live}/logs 200`];
    expect(await callsSinceClear()).toEqual([...once, ...once]);
  });

  it("serves an uploaded dataset's second read from the cache", async () => {
    const id = take(uploadedDatasets, "uploaded datasets");
    const first = await ask<{ dataset: { state: string } }>(cachedGraphql, DATASET, { id });
    expect(first.data?.dataset.state, first.text).toBe("READY");
    await clearUpstreamRequests();
    const second = await ask(cachedGraphql, DATASET, { id });
    expect(second.data).toEqual(first.data);
    expect(await callsSinceClear()).toEqual([]);
  });

  it("never gives a cached answer to other credentials: another project, another tenant, or a wrong key", async () => {
    const id = take(finished, "finished jobs");
    const mine = await ask<{ job: unknown }>(cachedGraphql, JOB_WITH_LOGS, { id });
    expect(mine.data?.job, mine.text).toMatchObject({ state: "FINISHED" });
    await clearUpstreamRequests();

    // The same tenant's other project: the upstream is asked, and says the job is not theirs.
    const other = await ask<{ job: unknown }>(cachedGraphql, JOB_WITH_LOGS, { id }, OTHER);
    expect(other.errors, other.text).toBeUndefined();
    expect(other.data?.job).toBeNull();
    expect(await callsSinceClear()).toEqual([`GET /projects/${OTHER.project}/batch/jobs/${id} 404`]);

    // Another tenant of the emulator: the same, in its own request log.
    const elsewhere = await ask<{ job: unknown }>(cachedGraphql, JOB_WITH_LOGS, { id }, ELSEWHERE.demo);
    expect(elsewhere.data?.job, elsewhere.text).toBeNull();
    expect(
      (await ELSEWHERE.requests()).map((request) => `${request.method} ${request.path} ${request.status}`),
    ).toEqual([`GET /projects/${ELSEWHERE.demo.project}/batch/jobs/${id} 404`]);

    // The right project with a wrong key: the upstream's refusal, not the cached job.
    await clearUpstreamRequests();
    const wrongKey = await ask<{ job: unknown }>(
      cachedGraphql,
      JOB_WITH_LOGS,
      { id },
      { project: DEMO.project, key: `${DEMO.key}-wrong` },
    );
    expect(wrongKey.data?.job ?? null, wrongKey.text).toBeNull();
    expect(wrongKey.errors?.map((error) => error.extensions?.code)).toEqual(["FORBIDDEN"]);
    const refused = await callsSinceClear();
    expect(refused.length).toBeGreaterThan(0);
    for (const call of refused) expect(call).toMatch(new RegExp(`^GET ${BASE}/jobs/${id} 40[13]$`));

    // And the owner still gets it from the cache.
    await clearUpstreamRequests();
    const mineAgain = await ask(cachedGraphql, JOB_WITH_LOGS, { id });
    expect(mineAgain.data).toEqual(mine.data);
    expect(await callsSinceClear()).toEqual([]);
  });

  it("drops a job it deletes: the next read is null, not the cached job", async () => {
    const id = take(finished, "finished jobs");
    await ask(cachedGraphql, JOB, { id });
    await clearUpstreamRequests();
    const cached = await ask<{ job: unknown }>(cachedGraphql, JOB, { id });
    expect(cached.data?.job, cached.text).toMatchObject({ state: "FINISHED" });
    expect(await callsSinceClear()).toEqual([]);

    const deleted = await ask<{ deleteJob: unknown }>(
      cachedGraphql,
      `mutation($id: ID!) { deleteJob(id: $id) { id deleted } }`,
      { id },
    );
    expect(deleted.data?.deleteJob, deleted.text).toMatchObject({ deleted: true });
    await clearUpstreamRequests();
    const after = await ask<{ job: unknown }>(cachedGraphql, JOB, { id });
    expect(after.errors, after.text).toBeUndefined();
    expect(after.data?.job).toBeNull();
    expect(await callsSinceClear()).toEqual([`GET ${BASE}/jobs/${id} 404`]);
  });

  it("drops a dataset it deletes: the next read is null, not the cached dataset", async () => {
    const id = take(uploadedDatasets, "uploaded datasets");
    await ask(cachedGraphql, DATASET, { id });
    const deleted = await ask<{ deleteDataset: unknown }>(
      cachedGraphql,
      `mutation($id: ID!) { deleteDataset(id: $id) { id deleted } }`,
      { id },
    );
    expect(deleted.data?.deleteDataset, deleted.text).toMatchObject({ deleted: true });
    await clearUpstreamRequests();
    const after = await ask<{ dataset: unknown }>(cachedGraphql, DATASET, { id });
    expect(after.data?.dataset, after.text).toBeNull();
    expect(await callsSinceClear()).toEqual([`GET ${BASE}/datasets/${id} 404`]);
  });

  describe("ModelArts export tasks (the same seam, opted in)", () => {
    const TASK = `query($id: ID!) { job(id: $id) { id state progress } }`;

    it("serves an ended task's second read from the cache, and reads a running one every time", async () => {
      const ended = endedTasks.shift();
      const live = runningTasks.shift();
      if (ended === undefined || live === undefined) throw new Error("the ModelArts seed has too few tasks");
      const endedId = taskGlobalId(ended.datasetId, ended.taskId);
      const first = await ask<{ job: unknown }>(cachedGraphql, TASK, { id: endedId }, { modelarts: MA });
      expect(first.data?.job, first.text).toMatchObject({ state: "FINISHED" });
      const second = await ask(cachedGraphql, TASK, { id: endedId }, { modelarts: MA });
      expect(second.data).toEqual(first.data);
      expect(await taskReads(ended.taskId)).toEqual(["GET 200"]);

      const liveId = taskGlobalId(live.datasetId, live.taskId);
      for (let read = 0; read < 2; read += 1) {
        const answer = await ask<{ job: { state: string } }>(cachedGraphql, TASK, { id: liveId }, { modelarts: MA });
        expect(answer.data?.job.state, answer.text).toBe("RUNNING");
      }
      expect(await taskReads(live.taskId)).toEqual(["GET 200", "GET 200"]);
    });

    it("never gives an ended task to another project or a wrong token", async () => {
      const ended = endedTasks.shift();
      if (ended === undefined) throw new Error("the ModelArts seed has too few ended tasks");
      const id = taskGlobalId(ended.datasetId, ended.taskId);
      const mine = await ask<{ job: unknown }>(cachedGraphql, TASK, { id }, { modelarts: MA });
      expect(mine.data?.job, mine.text).toMatchObject({ state: "FINISHED" });
      await modelArts.clearRequests();

      const other = await ask<{ job: unknown }>(cachedGraphql, TASK, { id }, { modelarts: MA_OTHER });
      expect(other.data?.job ?? null, other.text).toBeNull();
      const wrong = await ask<{ job: unknown }>(
        cachedGraphql,
        TASK,
        { id },
        { modelarts: { project: MA.project, token: `${MA.token}-wrong` } },
      );
      expect(wrong.data?.job ?? null, wrong.text).toBeNull();
      expect(wrong.errors?.map((error) => error.extensions?.code)).toEqual(["FORBIDDEN"]);
      // Both went upstream (neither was served the cached task), and the upstream refused both.
      const reads = await taskReads(ended.taskId);
      expect(reads.length).toBe(2);
      for (const read of reads) expect(read).not.toBe("GET 200");
    });
  });

  it("caches nothing with TERMINAL_CACHE_TTL_SECONDS=0 (the shared test gateway)", async () => {
    const id = take(finished, "finished jobs");
    for (let read = 0; read < 2; read += 1) {
      const answer = await ask<{ job: { state: string } }>(suiteGraphQL(), JOB_WITH_LOGS, { id });
      expect(answer.data?.job.state, answer.text).toBe("FINISHED");
    }
    const once = [`GET ${BASE}/jobs/${id} 200`, `GET ${BASE}/jobs/${id}/logs 200`];
    expect(await callsSinceClear()).toEqual([...once, ...once]);
  });
});
