/**
 * `datasets` over Nexus, Graviti and ModelArts at once, as a caller with keys for all three sees it: one order
 * (newest first, ties by provider, then by each platform's own order), walked both ways with several page sizes,
 * every dataset exactly once; `totalCount` adds the three totals; a first page costs one list call per platform;
 * one platform failing leaves the other two platforms' datasets, with one error naming the failed one.
 */
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { useGravitiTenant } from "../utils/graviti-tenant";
import { useTenant } from "../utils/tenant";
import { modelArtsProjectsOf } from "../emulator/modelarts-helpers";
import { walk, type GqlError, type Page } from "./helpers";
import { modelArts } from "../modelarts/helpers";
import { suiteGraphQL } from "../utils/test-gateway";

interface Node {
  id: string;
  provider: string;
  createdAt: string;
}

const NEXUS = useTenant();
const GRAVITI = useGravitiTenant();
const MODELARTS = modelArtsProjectsOf(NEXUS.name).demo;

/** The credential headers of a caller with keys for all three platforms (this file's demo projects). */
const ALL_THREE: Record<string, string> = {
  "x-nexus-project-id": NEXUS.demo.project,
  "x-nexus-secret-key": NEXUS.demo.key,
  "x-graviti-access-key": GRAVITI.demo.key,
  "x-modelarts-project-id": MODELARTS.project,
  "x-modelarts-token": MODELARTS.token,
};

const PAGE = `edges { cursor node { id provider createdAt } } pageInfo { hasNextPage hasPreviousPage startCursor endCursor }`;
const DATASETS = `query($first: Int, $after: String, $last: Int, $before: String, $provider: Provider) {
  datasets(first: $first, after: $after, last: $last, before: $before, includeExpired: true, provider: $provider) { totalCount ${PAGE} } }`;

type Datasets = { datasets: (Page<Node> & { totalCount: number }) | null };

async function ask(
  variables: Record<string, unknown>,
): Promise<{ data: Datasets | null | undefined; errors: GqlError[] | undefined }> {
  const response = await suiteGraphQL().fetch({
    method: "POST",
    headers: { "content-type": "application/json", accept: "application/json", ...ALL_THREE },
    body: JSON.stringify({ query: DATASETS, variables }),
  });
  const body = (await response.json()) as { data?: Datasets | null; errors?: GqlError[] };
  return { data: body.data, errors: body.errors };
}

async function page(variables: Record<string, unknown>): Promise<Page<Node> & { totalCount: number }> {
  const { data, errors } = await ask(variables);
  expect(errors).toBeUndefined();
  if (data?.datasets == null) throw new Error("datasets: no page");
  return data.datasets;
}

/** Each platform's own list (each fits one page of 100), and the merge the gateway must give. */
const lists = { byProvider: new Map<string, string[]>(), merged: [] as string[], total: 0 };

beforeAll(async () => {
  await Promise.all([NEXUS.reset(), GRAVITI.reset(), modelArts.reset()]);
  const nodes: Node[] = [];
  for (const provider of ["NEXUS", "GRAVITI", "MODELARTS"]) {
    const own = await page({ first: 100, provider });
    expect(own.pageInfo.hasNextPage).toBe(false);
    expect(own.edges.length).toBeGreaterThan(0);
    expect(own.edges.every((edge) => edge.node.provider === provider)).toBe(true);
    lists.byProvider.set(
      provider,
      own.edges.map((edge) => edge.node.id),
    );
    nodes.push(...own.edges.map((edge) => edge.node));
    lists.total += own.totalCount;
  }
  // Newest first, then by provider; within one provider, that provider's own order (a stable sort keeps it).
  lists.merged = [...nodes]
    .sort(
      (a, b) =>
        Date.parse(b.createdAt) - Date.parse(a.createdAt) ||
        (a.provider < b.provider ? -1 : a.provider > b.provider ? 1 : 0),
    )
    .map((node) => node.id);
});

beforeEach(async () => {
  await Promise.all([NEXUS.clearFaults(), GRAVITI.clearFaults(), modelArts.clearFaults()]);
});

describe("datasets across Nexus, Graviti and ModelArts", () => {
  for (const size of [1, 3, 7, 100]) {
    it(`walks forwards and backwards with pages of ${size}: every dataset of the three once, in one order`, async () => {
      const forward = await walk("forward", size, (args) => page(args));
      expect(forward.nodes.map((node) => node.id)).toEqual(lists.merged);
      const backward = await walk("backward", size, (args) => page(args));
      expect(backward.nodes.map((node) => node.id)).toEqual(lists.merged);
    }, 120_000);
  }

  it("counts the three platforms' totals, and asks each platform one list call for a first page", async () => {
    await Promise.all([NEXUS.clearRequests(), GRAVITI.clearRequests(), modelArts.clearRequests()]);
    const first = await page({ first: 10 });
    expect(first.edges.map((edge) => edge.node.id)).toEqual(lists.merged.slice(0, 10));
    expect(first.totalCount).toBe(lists.total);
    const lookups = (requests: { method: string; path: string }[]) =>
      requests.filter((request) => request.method === "GET");
    expect(lookups(await NEXUS.requests()).map((request) => request.path)).toEqual([
      `/projects/${NEXUS.demo.project}/batch/datasets`,
    ]);
    expect(lookups(await GRAVITI.requests()).map((request) => request.path)).toEqual(["/graviti/v2/datasets"]);
    expect(lookups(await modelArts.requests()).map((request) => request.path)).toEqual([
      `/modelarts/v2/${MODELARTS.project}/datasets`,
    ]);
  });

  it("sizes a first page's read on each platform to the page (without totalCount, which walks the lists anyway)", async () => {
    await Promise.all([NEXUS.clearRequests(), GRAVITI.clearRequests(), modelArts.clearRequests()]);
    const response = await suiteGraphQL().fetch({
      method: "POST",
      headers: { "content-type": "application/json", accept: "application/json", ...ALL_THREE },
      body: JSON.stringify({ query: `{ datasets(first: 10, includeExpired: true) { ${PAGE} } }` }),
    });
    const body = (await response.json()) as { data: { datasets: Page<Node> } };
    expect(body.data.datasets.edges.map((edge) => edge.node.id)).toEqual(lists.merged.slice(0, 10));
    const limits = async (requests: Promise<{ method: string; query: string }[]>) =>
      (await requests)
        .filter((request) => request.method === "GET")
        .map((request) => new URLSearchParams(request.query).get("limit"));
    // 10, one more to know that more follow, and a quarter more for ties: 14. Graviti reads its oldest 14 first,
    // for the total it needs to read from the newest end, and that read holds the demo workspace's 14 datasets whole
    // (README, Graviti).
    expect(await limits(NEXUS.requests())).toEqual(["14"]);
    expect(await limits(modelArts.requests())).toEqual(["14"]);
    expect(await limits(GRAVITI.requests())).toEqual(["14"]);
  });

  it("gives the other two platforms' datasets, and one error naming Graviti, while Graviti fails", async () => {
    await GRAVITI.setFaults({ errorRate: 1, errorStatus: 503 });
    const { data, errors } = await ask({ first: 100 });
    const answered = lists.merged.filter((id) => !(lists.byProvider.get("GRAVITI") ?? []).includes(id));
    expect(data?.datasets?.edges.map((edge) => edge.node.id)).toEqual(answered);
    expect(data?.datasets?.totalCount).toBe(answered.length);
    expect(errors).toHaveLength(1);
    expect(errors?.[0]).toMatchObject({
      path: ["datasets"],
      extensions: { code: "UPSTREAM_UNAVAILABLE", provider: "GRAVITI" },
      message: expect.stringContaining("graviti datasets.list"),
    });
  });

  it("is null with the first platform's error only when all three fail", async () => {
    await Promise.all([
      NEXUS.setFaults({ errorRate: 1, errorStatus: 503 }),
      GRAVITI.setFaults({ errorRate: 1, errorStatus: 503 }),
      modelArts.setFaults({ errorRate: 1, errorStatus: 503 }),
    ]);
    const { data, errors } = await ask({ first: 5 });
    expect(data).toEqual({ datasets: null });
    expect(errors?.map((error) => [error.path, error.extensions?.code])).toEqual([
      [["datasets"], "UPSTREAM_UNAVAILABLE"],
    ]);
  });
});
