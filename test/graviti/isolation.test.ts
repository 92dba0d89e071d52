/**
 * The `provider` filter over Nexus and Graviti, and Graviti failing (faults, a refused key) while Nexus answers:
 * Nexus's datasets still come back, with one error for Graviti at the list's path (its usual code and
 * `extensions.provider`), and what each upstream saw is checked in its request log.
 */
import { afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { BOTH, GRAVITI, gravitiCalls, mixedData, mixedGql, NEXUS } from "./helpers";

const LIST = `query($provider: Provider) {
  datasets(first: 100, provider: $provider) { totalCount edges { node { provider } } }
}`;

interface Answer {
  datasets: { totalCount: number; edges: { node: { provider: string } }[] } | null;
}

let nexusTotal: number;

async function nexusListCalls(): Promise<number> {
  return (await NEXUS.requests()).filter((request) => request.path.endsWith("/batch/datasets")).length;
}

function providersOf(answer: Answer | null | undefined): string[] {
  return [...new Set(answer?.datasets?.edges.map((edge) => edge.node.provider))];
}

beforeAll(async () => {
  await Promise.all([NEXUS.reset(), GRAVITI.reset()]);
  nexusTotal = (await mixedData<Answer>(LIST, { provider: "NEXUS" }, { nexus: NEXUS.demo })).datasets?.totalCount ?? 0;
  expect(nexusTotal).toBeGreaterThan(0);
});

beforeEach(async () => {
  await Promise.all([NEXUS.clearRequests(), GRAVITI.clearRequests()]);
});

afterEach(async () => {
  await GRAVITI.clearFaults();
});

describe("the provider argument", () => {
  it("narrows datasets to Graviti: Nexus is not asked", async () => {
    const data = await mixedData<Answer>(LIST, { provider: "GRAVITI" }, BOTH);
    expect(providersOf(data)).toEqual(["GRAVITI"]);
    expect(data.datasets?.totalCount).toBe(14);
    expect(await nexusListCalls()).toBe(0);
    expect(await gravitiCalls()).toEqual(["GET /graviti/v2/datasets?offset=0&limit=128"]);
  });

  it("narrows datasets to Nexus: Graviti is not asked", async () => {
    const data = await mixedData<Answer>(LIST, { provider: "NEXUS" }, BOTH);
    expect(providersOf(data)).toEqual(["NEXUS"]);
    expect(data.datasets?.totalCount).toBe(nexusTotal);
    expect(await gravitiCalls()).toEqual([]);
  });

  it("gives UNAUTHENTICATED for provider GRAVITI without a Graviti key, naming the header", async () => {
    const result = await mixedGql<Answer>(LIST, { provider: "GRAVITI" }, { nexus: NEXUS.demo });
    expect(result.body.data).toEqual({ datasets: null });
    expect(result.body.errors).toEqual([
      {
        message:
          "No credentials: send the x-graviti-access-key header, or configure GRAVITI_ACCESS_KEY on the gateway.",
        path: ["datasets"],
        extensions: { code: "UNAUTHENTICATED" },
      },
    ]);
    expect(await nexusListCalls()).toBe(0);
  });

  it("narrows jobs to Graviti: none, and no call to either platform", async () => {
    const data = await mixedData<{ jobs: { totalCount: number; edges: unknown[] } }>(
      `{ jobs(first: 5, provider: GRAVITI) { totalCount edges { node { id } } } }`,
      {},
      BOTH,
    );
    expect(data.jobs).toEqual({ totalCount: 0, edges: [] });
    expect(await gravitiCalls()).toEqual([]);
    expect(await NEXUS.requests()).toEqual([]);
  });
});

describe("Graviti failing while Nexus answers", () => {
  it("returns Nexus's datasets and one UPSTREAM_UNAVAILABLE error for Graviti when it answers 503", async () => {
    await GRAVITI.setFaults({ errorRate: 1, errorStatus: 503 });
    const result = await mixedGql<Answer>(LIST, {}, BOTH);
    expect(providersOf(result.body.data)).toEqual(["NEXUS"]);
    expect(result.body.data?.datasets?.edges).toHaveLength(nexusTotal);
    expect(result.body.data?.datasets?.totalCount).toBe(nexusTotal);
    expect(result.body.errors).toEqual([
      {
        message:
          "graviti datasets.list: expected 2xx, got 503 from /v2/datasets (ServiceUnavailable: Injected fault: 503 for /graviti/v2/datasets)",
        path: ["datasets"],
        extensions: { code: "UPSTREAM_UNAVAILABLE", provider: "GRAVITI" },
      },
    ]);
    // One list call, retried as a read; the count shares it (no second walk).
    expect(new Set(await gravitiCalls())).toEqual(new Set(["GET /graviti/v2/datasets?offset=0&limit=128"]));
    expect(await nexusListCalls()).toBe(1);
  });

  it("returns Nexus's datasets and RATE_LIMITED for Graviti when it throttles", async () => {
    await GRAVITI.setFaults({ throttleRate: 1, retryAfterSeconds: 60 });
    const result = await mixedGql<Answer>(LIST, {}, BOTH);
    expect(providersOf(result.body.data)).toEqual(["NEXUS"]);
    expect(result.body.errors).toEqual([
      {
        message:
          "graviti datasets.list: expected 2xx, got 429 from /v2/datasets (TooManyRequests: Too many requests: retry after 60 s). Retry after 60 s.",
        path: ["datasets"],
        extensions: { code: "RATE_LIMITED", retryAfterSeconds: 60, provider: "GRAVITI" },
      },
    ]);
  });

  it("gives FORBIDDEN for Graviti's part only when Graviti refuses the key", async () => {
    const key = "not-a-graviti-key-5b1e";
    const result = await mixedGql<Answer>(LIST, {}, { nexus: NEXUS.demo, graviti: key });
    expect(providersOf(result.body.data)).toEqual(["NEXUS"]);
    expect(result.body.data?.datasets?.totalCount).toBe(nexusTotal);
    expect(result.body.errors).toEqual([
      {
        message:
          "graviti datasets.list: expected 2xx, got 401 from /v2/datasets (Unauthorized: X-Token: expected a valid access key)",
        path: ["datasets"],
        extensions: { code: "FORBIDDEN", provider: "GRAVITI" },
      },
    ]);
    expect(result.text).not.toContain(key);
  });

  it("walks Nexus's datasets page by page while Graviti is down, with Graviti's error on every page", async () => {
    await GRAVITI.setFaults({ errorRate: 1, errorStatus: 500 });
    const ids: string[] = [];
    let after: string | null = null;
    for (let page = 0; page < 20; page++) {
      const result: {
        body: {
          data?: {
            datasets: {
              edges: { node: { id: string } }[];
              pageInfo: { hasNextPage: boolean; endCursor: string | null };
            };
          } | null;
          errors?: { extensions?: Record<string, unknown> }[];
        };
      } = await mixedGql(
        `query($after: String) { datasets(first: 3, after: $after) { edges { node { id } } pageInfo { hasNextPage endCursor } } }`,
        { after },
        BOTH,
      );
      expect(result.body.errors?.map((error) => error.extensions)).toEqual([
        { code: "UPSTREAM_UNAVAILABLE", provider: "GRAVITI" },
      ]);
      ids.push(...(result.body.data?.datasets.edges.map((edge) => edge.node.id) ?? []));
      if (result.body.data?.datasets.pageInfo.hasNextPage !== true) break;
      after = result.body.data.datasets.pageInfo.endCursor;
    }
    expect(ids).toHaveLength(nexusTotal);
    expect(new Set(ids).size).toBe(nexusTotal);
  });
});
