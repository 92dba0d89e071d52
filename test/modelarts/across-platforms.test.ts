/**
 * ModelArts beside Nexus in the merged lists: the `provider` argument asks one platform only (the other is not
 * called), and a platform that fails does not fail the other: ModelArts failing while Nexus answers (and the other
 * way round) leaves the answering platform's items, with one error at the list's path naming the failed platform.
 */
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Page } from "../gateway/helpers";
import { useTenant } from "../utils/tenant";
import { MA, NEXUS, dataAs, datasetIdByName, globalId, gqlAs, modelArts } from "./helpers";

interface Node {
  id: string;
  provider: string;
}

type Lists = {
  jobs: (Page<Node> & { totalCount: number }) | null;
  datasets: (Page<Node> & { totalCount: number }) | null;
};

const BOTH = { nexus: NEXUS, modelarts: MA };
const LISTS = /* GraphQL */ `
  query ($provider: Provider) {
    jobs(first: 100, provider: $provider) { totalCount edges { node { id provider } } }
    datasets(first: 100, includeExpired: true, provider: $provider) { totalCount edges { node { id provider } } }
  }
`;

function providersOf(page: Page<Node> | null | undefined): string[] {
  return [...new Set((page?.edges ?? []).map((edge) => edge.node.provider))];
}

beforeAll(async () => {
  await modelArts.reset({ msPerSample: 3_600_000 });
  await useTenant().reset({ msPerItem: 3_600_000 });
});

beforeEach(async () => {
  await modelArts.clearFaults();
  await useTenant().clearFaults();
});

describe("the provider argument", () => {
  it("asks ModelArts only with provider: MODELARTS, and Nexus only with provider: NEXUS", async () => {
    await modelArts.clearRequests();
    await useTenant().clearRequests();
    const onlyModelArts = await dataAs<Lists>(LISTS, { provider: "MODELARTS" }, BOTH);
    expect(providersOf(onlyModelArts.jobs)).toEqual(["MODELARTS"]);
    expect(onlyModelArts.jobs?.totalCount).toBe(20);
    expect(providersOf(onlyModelArts.datasets)).toEqual(["MODELARTS"]);
    expect(onlyModelArts.datasets?.totalCount).toBe(16);
    expect(await useTenant().requests()).toEqual([]);

    await modelArts.clearRequests();
    const onlyNexus = await dataAs<Lists>(LISTS, { provider: "NEXUS" }, BOTH);
    expect(providersOf(onlyNexus.jobs)).toEqual(["NEXUS"]);
    expect(providersOf(onlyNexus.datasets)).toEqual(["NEXUS"]);
    expect(await modelArts.requests()).toEqual([]);

    const all = await dataAs<Lists>(LISTS, {}, BOTH);
    expect(all.jobs?.totalCount).toBe(onlyModelArts.jobs!.totalCount + onlyNexus.jobs!.totalCount);
    expect(all.datasets?.totalCount).toBe(onlyModelArts.datasets!.totalCount + onlyNexus.datasets!.totalCount);
  });

  it("needs ModelArts credentials for provider: MODELARTS", async () => {
    const result = await gqlAs<Lists>(
      `{ jobs(first: 1, provider: MODELARTS) { edges { node { id } } } }`,
      {},
      { nexus: NEXUS },
    );
    expect(result.body.data).toEqual({ jobs: null });
    expect(result.body.errors?.map((error) => error.extensions?.code)).toEqual(["UNAUTHENTICATED"]);
    expect(result.body.errors?.[0]?.message).toContain("x-modelarts-project-id and x-modelarts-token");
  });

  it("refuses a ModelArts datasetId with provider: NEXUS, and takes it with provider: MODELARTS", async () => {
    const datasetId = globalId("ModelArtsDataset", await datasetIdByName("retail-shelf-products"));
    const query = `query ($d: ID!, $p: Provider) { jobs(first: 5, datasetId: $d, provider: $p) { edges { node { provider } } } }`;
    const refused = await gqlAs(query, { d: datasetId, p: "NEXUS" }, BOTH);
    expect(refused.body.errors?.map((error) => error.extensions?.code)).toEqual(["BAD_USER_INPUT"]);
    const taken = await dataAs<{ jobs: Page<Node> }>(query, { d: datasetId, p: "MODELARTS" }, BOTH);
    expect(providersOf(taken.jobs)).toEqual(["MODELARTS"]);
  });
});

describe("the README's dashboard query", () => {
  it("gives the running jobs of both platforms with their progress, in one request", async () => {
    const data = await dataAs<{
      jobs: Page<{
        provider: string;
        state: string;
        progress: number;
        exportStatus?: string;
        dataset?: { name: string } | null;
      }> & { totalCount: number };
    }>(
      /* GraphQL */ `{
        jobs(first: 50, state: [RUNNING]) {
          totalCount
          edges { node { id name provider state progress
            ... on NexusJob { dataset { name } status { items { delivered failedDeliver } } }
            ... on ModelArtsExportTask { exportStatus finishedSampleCount totalSampleCount path dataset { name } }
          } }
        }
      }`,
      {},
      BOTH,
    );
    const nodes = data.jobs.edges.map((edge) => edge.node);
    expect(new Set(nodes.map((node) => node.provider))).toEqual(new Set(["NEXUS", "MODELARTS"]));
    expect(data.jobs.totalCount).toBe(nodes.length);
    for (const node of nodes) {
      expect(node.state).toBe("RUNNING");
      expect(node.progress).toBeGreaterThanOrEqual(0);
      expect(node.progress).toBeLessThanOrEqual(1);
    }
    // ModelArts: the 4 RUNNING tasks and the STOPPING one (still running until it has stopped).
    expect(
      nodes
        .filter((node) => node.provider === "MODELARTS")
        .map((node) => node.exportStatus)
        .sort(),
    ).toEqual(["RUNNING", "RUNNING", "RUNNING", "RUNNING", "STOPPING"]);
    expect(nodes.filter((node) => node.provider === "MODELARTS").every((node) => node.dataset !== null)).toBe(true);
  });
});

describe("one platform failing while the other answers", () => {
  it("keeps Nexus's jobs and datasets when ModelArts fails, with one error per list naming ModelArts", async () => {
    await modelArts.setFaults({ errorRate: 1, errorStatus: 503 });
    const result = await gqlAs<Lists>(LISTS, {}, BOTH);
    expect(providersOf(result.body.data?.jobs)).toEqual(["NEXUS"]);
    expect(result.body.data?.jobs?.edges).toHaveLength(40);
    expect(providersOf(result.body.data?.datasets)).toEqual(["NEXUS"]);
    const errors = result.body.errors ?? [];
    expect(errors.map((error) => [error.path, error.extensions?.code, error.extensions?.["provider"]]).sort()).toEqual([
      [["datasets"], "UPSTREAM_UNAVAILABLE", "MODELARTS"],
      [["jobs"], "UPSTREAM_UNAVAILABLE", "MODELARTS"],
    ]);
    for (const error of errors)
      expect(error.message).toMatch(/^modelarts datasets\.list: expected 2xx, got 503 ModelArts\.0000 from \/v2\//);
  });

  it("keeps ModelArts's export tasks and datasets when Nexus fails, with one error per list naming Nexus", async () => {
    await useTenant().setFaults({ errorRate: 1, errorStatus: 503 });
    const result = await gqlAs<Lists>(LISTS, {}, BOTH);
    expect(providersOf(result.body.data?.jobs)).toEqual(["MODELARTS"]);
    expect(result.body.data?.jobs?.edges).toHaveLength(20);
    expect(providersOf(result.body.data?.datasets)).toEqual(["MODELARTS"]);
    expect(
      (result.body.errors ?? [])
        .map((error) => [error.path, error.extensions?.code, error.extensions?.["provider"]])
        .sort(),
    ).toEqual([
      [["datasets"], "UPSTREAM_UNAVAILABLE", "NEXUS"],
      [["jobs"], "UPSTREAM_UNAVAILABLE", "NEXUS"],
    ]);
  });

  it("keeps Nexus's jobs when one ModelArts dataset's export-task list fails mid-scan", async () => {
    const datasetId = await datasetIdByName("retail-shelf-products");
    await modelArts.setFaults({ errorRate: 1, errorStatus: 500, path: `/datasets/${datasetId}/export-tasks` });
    const result = await gqlAs<Lists>(`{ jobs(first: 100) { edges { node { id provider } } } }`, {}, BOTH);
    expect(providersOf(result.body.data?.jobs)).toContain("NEXUS");
    expect(
      (result.body.errors ?? []).map((error) => [error.path, error.extensions?.code, error.extensions?.["provider"]]),
    ).toEqual([[["jobs"], "UPSTREAM_UNAVAILABLE", "MODELARTS"]]);
    expect(result.body.errors?.[0]?.message).toMatch(
      new RegExp(
        `^modelarts exportTasks\\.list: expected 2xx, got 500 ModelArts\\.0000 from /v2/${MA.project}/datasets/${datasetId}/export-tasks`,
      ),
    );
  });
});
