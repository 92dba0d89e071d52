/**
 * How the cost of a page grows with the project (issue 12): pages of 20 jobs at the start, middle and end of the
 * large project (10,000 jobs), forwards and backwards, and a first page with `totalCount`, beside the same pages of
 * the demo project (40 jobs). For each: the upstream calls, the bytes they answered (the emulator's request log) and
 * the Worker's CPU per query (its workerd process, minus the `GET /` floor of the same round, as in
 * `worker-cpu.bench.ts`), and each as a ratio to the demo's first page.
 *
 * A page selects each job's id, name, state and creation time. "40 jobs, datasets, webhooks" is the nested page of
 * issue 12: there the datasets and webhooks of the page are batched by cost (issue 22): a list read sized to the
 * batch, and a GET each for the few ids it misses (two webhooks, one dataset far down the large project's list).
 *
 * Cursors come from a forward walk in pages of 100 before the measures, so each page starts where a client paging
 * there would. "backward end" is `last: 20` with no cursor: Nexus has no token for its list's end, so it reads the
 * list from the start; "backward end, cursor" is the same page from the cursor of the list's last item.
 *
 * Merged pages (issue 22): `jobs(first: 20)` without `provider` for a caller with keys for three platforms (the large
 * Nexus project, the demo Graviti workspace, which has no jobs, and the demo ModelArts project: 16 datasets, 20
 * export tasks), from cursors at depth 20, 40, 60 and 2,000 of the merged list, forwards (`after` the item at that
 * depth) and backwards (`before` it). For each: the upstream calls of each platform and the bytes of all, beside
 * the merged first page's, and the goals: at most 2 calls per platform (ModelArts: no more than its first page) and
 * at most 3 times the first page's bytes.
 */
import { afterAll, beforeAll, bench, describe } from "vitest";
import { inject } from "vitest";
import { modelArtsProjectsOf } from "../test/emulator/modelarts-helpers";
import { gravitiTenantNamed } from "../test/utils/graviti-tenant";
import { useTenant, type TenantProject, type UpstreamRequest } from "../test/utils/tenant";
import { startMeasuredGateway, type MeasuredGateway } from "./utils/measured-gateway";

const ROUNDS = 5;
const PER_ROUND = 3;

const JOBS = `query($first: Int, $after: String, $last: Int, $before: String) {
  jobs(first: $first, after: $after, last: $last, before: $before) {
    edges { cursor node { id name state createdAt } } pageInfo { hasNextPage hasPreviousPage } } }`;
const JOBS_COUNTED = `query($first: Int) { jobs(first: $first) { totalCount edges { node { id name state createdAt } } } }`;
/** The nested page of `worker-cpu.bench.ts`: each job's dataset and webhooks come from one walk of each list. */
const NESTED = `query($first: Int) { jobs(first: $first) { edges { node { id name state progress
  ... on NexusJob { dataset { name itemCount } webhooks { name endpoint } } } } } }`;

interface Case {
  name: string;
  project: "demo" | "large";
  query: string;
  variables: Record<string, unknown>;
}

interface Figures {
  calls: number;
  bytes: number;
  cpuMs: number;
}

const tenant = useTenant();
let gateway: MeasuredGateway | undefined;
const cases: Case[] = [];
const figures = new Map<string, Figures>();

function callerOf(project: Case["project"]): TenantProject {
  return project === "demo" ? tenant.demo : tenant.large;
}

async function send(
  url: string,
  query: string,
  variables: Record<string, unknown>,
  project: TenantProject,
  otherPlatforms: Record<string, string> = {},
): Promise<Record<string, unknown>> {
  const response = await fetch(`${url}/graphql`, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      "x-nexus-project-id": project.project,
      "x-nexus-secret-key": project.key,
      ...otherPlatforms,
    },
    body: JSON.stringify({ query, variables }),
  });
  const json = (await response.json()) as { data?: Record<string, unknown>; errors?: unknown };
  if (!response.ok || json.errors !== undefined || json.data === undefined) {
    throw new Error(`gateway answered ${response.status}: ${JSON.stringify(json).slice(0, 500)}`);
  }
  return json.data;
}

/** Every edge cursor of the project's jobs, by position (a forward walk in pages of 100). */
async function cursorsOf(
  url: string,
  project: TenantProject,
  otherPlatforms: Record<string, string> = {},
): Promise<string[]> {
  const cursors: string[] = [];
  let after: string | null = null;
  for (;;) {
    const data = await send(url, JOBS, { first: 100, after }, project, otherPlatforms);
    const jobs = data["jobs"] as { edges: { cursor: string }[]; pageInfo: { hasNextPage: boolean } };
    cursors.push(...jobs.edges.map((edge) => edge.cursor));
    if (!jobs.pageInfo.hasNextPage) return cursors;
    after = cursors.at(-1) ?? null;
  }
}

function casesOf(project: Case["project"], cursors: string[]): Case[] {
  const total = cursors.length;
  const middle = Math.floor(total / 2);
  const at = (index: number) => cursors[Math.max(0, Math.min(total - 1, index))];
  const page = (name: string, variables: Record<string, unknown>): Case => ({ name, project, query: JOBS, variables });
  return [
    page("forward start", { first: 20 }),
    page("forward middle", { first: 20, after: at(middle - 1) }),
    page("forward end", { first: 20, after: at(total - 21) }),
    page("backward start", { last: 20, before: at(20) }),
    page("backward middle", { last: 20, before: at(middle) }),
    page("backward end, cursor", { last: 20, before: at(total - 1) }),
    page("backward end", { last: 20 }),
    { name: "first page + totalCount", project, query: JOBS_COUNTED, variables: { first: 20 } },
    { name: "40 jobs, datasets, webhooks", project, query: NESTED, variables: { first: 40 } },
  ];
}

async function upstreamOf(run: () => Promise<unknown>): Promise<{ calls: number; bytes: number }> {
  await tenant.clearRequests();
  await run();
  const requests = await tenant.requests();
  return { calls: requests.length, bytes: requests.reduce((sum, request) => sum + request.bytes, 0) };
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

beforeAll(async () => {
  await tenant.resetLarge({ jobs: 10_000, datasets: 2_000 });
  gateway = await startMeasuredGateway();
  const measured = gateway;
  for (const project of ["demo", "large"] as const)
    cases.push(...casesOf(project, await cursorsOf(measured.url, callerOf(project))));
  const floor = async (): Promise<number> => {
    const before = measured.cpuNs();
    for (let i = 0; i < 20; i += 1) await (await fetch(`${measured.url}/`)).text();
    return (measured.cpuNs() - before) / 1e6 / 20;
  };
  const cpu = new Map<string, number[]>();
  // Warm up, and count what each page reads upstream (the same on every run).
  const reads = new Map<string, { calls: number; bytes: number }>();
  for (const each of cases) {
    reads.set(
      `${each.project} ${each.name}`,
      await upstreamOf(() => send(measured.url, each.query, each.variables, callerOf(each.project))),
    );
  }
  for (let round = 0; round < ROUNDS; round += 1) {
    const floorMs = await floor();
    for (const each of cases) {
      const before = measured.cpuNs();
      for (let i = 0; i < PER_ROUND; i += 1)
        await send(measured.url, each.query, each.variables, callerOf(each.project));
      const key = `${each.project} ${each.name}`;
      cpu.set(key, [...(cpu.get(key) ?? []), (measured.cpuNs() - before) / 1e6 / PER_ROUND - floorMs]);
    }
  }
  for (const [key, read] of reads) figures.set(key, { ...read, cpuMs: median(cpu.get(key) ?? []) });
}, 600_000);

afterAll(async () => {
  await gateway?.worker.dispose();
  const base = figures.get("demo forward start");
  if (base === undefined) return;
  const ratio = (value: number, of: number) => (of > 0 ? `${(value / of).toFixed(2)}×` : "-");
  console.log(
    `\nCost of a page of 20 jobs, demo project (40 jobs) and large project (10,000 jobs); ratios to the demo's first page ` +
      `(${base.calls} call, ${base.bytes} B, ${base.cpuMs.toFixed(2)} ms). Worker CPU: median of ${ROUNDS} rounds, minus the GET / floor.`,
  );
  console.log(
    `  ${"page".padEnd(34)} ${"calls".padStart(5)} ${"bytes".padStart(9)} ${"×".padStart(7)} ${"CPU ms".padStart(8)} ${"×".padStart(7)}`,
  );
  for (const [key, value] of figures) {
    console.log(
      `  ${key.padEnd(34)} ${String(value.calls).padStart(5)} ${String(value.bytes).padStart(9)} ${ratio(value.bytes, base.bytes).padStart(7)} ` +
        `${value.cpuMs.toFixed(2).padStart(8)} ${ratio(value.cpuMs, base.cpuMs).padStart(7)}`,
    );
  }
});

/** The merged pages' figures: calls of each platform and bytes of all, by page. */
const mergedFigures = new Map<string, { calls: Record<Platform, number>; bytes: number }>();
type Platform = "nexus" | "graviti" | "modelarts";
const PLATFORMS: readonly Platform[] = ["nexus", "graviti", "modelarts"];
const MERGED_DEPTHS = [20, 40, 60, 2000] as const;

/** The request log of each platform for this file's tenant (the emulator's control API). */
function platformLogs(): Record<Platform, { read(): Promise<UpstreamRequest[]>; clear(): Promise<void> }> {
  const modelArtsPath = (endpoint: string) =>
    `${inject("emulatorUrl")}/__emulator/modelarts/${endpoint}?tenant=${tenant.name}`;
  const graviti = gravitiTenantNamed(tenant.name);
  return {
    nexus: { read: () => tenant.requests(), clear: () => tenant.clearRequests() },
    graviti: { read: () => graviti.requests(), clear: () => graviti.clearRequests() },
    modelarts: {
      read: async () => (await (await fetch(modelArtsPath("requests"))).json()) as UpstreamRequest[],
      clear: async () => {
        await (await fetch(modelArtsPath("requests"), { method: "DELETE" })).text();
      },
    },
  };
}

beforeAll(async () => {
  const measured = gateway;
  if (measured === undefined) return;
  const graviti = gravitiTenantNamed(tenant.name);
  await graviti.reset();
  await (
    await fetch(`${inject("emulatorUrl")}/__emulator/modelarts/reset?tenant=${tenant.name}`, { method: "POST" })
  ).text();
  const modelArts = modelArtsProjectsOf(tenant.name).demo;
  const others = {
    "x-graviti-access-key": graviti.demo.key,
    "x-modelarts-project-id": modelArts.project,
    "x-modelarts-token": modelArts.token,
  };
  const cursors = await cursorsOf(measured.url, tenant.large, others);
  const logs = platformLogs();
  const measure = async (name: string, variables: Record<string, unknown>) => {
    await Promise.all(PLATFORMS.map((platform) => logs[platform].clear()));
    await send(measured.url, JOBS, variables, tenant.large, others);
    const calls = { nexus: 0, graviti: 0, modelarts: 0 };
    let bytes = 0;
    for (const platform of PLATFORMS) {
      const requests = await logs[platform].read();
      calls[platform] = requests.length;
      bytes += requests.reduce((sum, request) => sum + request.bytes, 0);
    }
    mergedFigures.set(name, { calls, bytes });
  };
  await measure("first page", { first: 20 });
  for (const depth of MERGED_DEPTHS) {
    await measure(`forward, depth ${depth}`, { first: 20, after: cursors[depth - 1] });
    await measure(`backward, depth ${depth}`, { last: 20, before: cursors[depth] });
  }
}, 600_000);

afterAll(() => {
  const base = mergedFigures.get("first page");
  if (base === undefined) return;
  console.log(
    `\nMerged pages of 20 jobs over three platforms (the large Nexus project, Graviti, the demo ModelArts project), ` +
      `from cursors; ratios to the merged first page (calls ${JSON.stringify(base.calls)}, ${base.bytes} B). ` +
      "Goals: at most 2 calls per platform (ModelArts: no more than its first page's), at most 3× the bytes.",
  );
  console.log(
    `  ${"page".padEnd(22)} ${"nexus".padStart(6)} ${"graviti".padStart(8)} ${"modelarts".padStart(10)} ` +
      `${"bytes".padStart(9)} ${"×".padStart(7)}  goals`,
  );
  for (const [name, { calls, bytes }] of mergedFigures) {
    const met =
      calls.nexus <= 2 && calls.graviti <= 2 && calls.modelarts <= base.calls.modelarts && bytes <= 3 * base.bytes;
    console.log(
      `  ${name.padEnd(22)} ${String(calls.nexus).padStart(6)} ${String(calls.graviti).padStart(8)} ` +
        `${String(calls.modelarts).padStart(10)} ${String(bytes).padStart(9)} ${`${(bytes / base.bytes).toFixed(2)}×`.padStart(7)}  ` +
        (met ? "met" : "MISSED"),
    );
  }
});

describe("a page of 20 jobs of the large project (wall time, one request each)", () => {
  bench(
    "forward middle",
    async () => {
      const each = cases.find((candidate) => candidate.project === "large" && candidate.name === "forward middle");
      if (each !== undefined && gateway !== undefined)
        await send(gateway.url, each.query, each.variables, callerOf("large"));
    },
    { iterations: 10, warmupIterations: 2 },
  );
  bench(
    "backward middle",
    async () => {
      const each = cases.find((candidate) => candidate.project === "large" && candidate.name === "backward middle");
      if (each !== undefined && gateway !== undefined)
        await send(gateway.url, each.query, each.variables, callerOf("large"));
    },
    { iterations: 10, warmupIterations: 2 },
  );
});
