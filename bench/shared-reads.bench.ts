/**
 * What issue 22's parts 2 and 4 save, in upstream calls and bytes (the emulator's request log), each as a ratio to
 * the demo project's first page of 20 jobs, printed beside the issue's goals:
 * - the nested page (40 jobs with their datasets and webhooks) on the demo project and on the 10,000-job project,
 *   where related objects are read by list reads sized to the batch and GETs for the few they miss;
 * - N identical dashboards (the 20 newest jobs with their dataset names) sent at once, and sent one every 200 ms
 *   (within 2 s), with reads shared between requests off (the run's gateway, as the suite runs) and on (a gateway
 *   of this file's own: `READ_CACHE_TTL_MS=1000`, `SHARED_READS=true`).
 * The emulator adds 20 ms to every upstream call while the dashboards load, as a real upstream takes time: requests
 * sent together are then in flight together. The timed benches are one burst of N dashboards, off and on.
 */
import { afterAll, beforeAll, bench, describe, inject } from "vitest";
import { useTenant, type TenantProject } from "../test/utils/tenant";
import { PRODUCTION_BROWSER_AND_AUTH, startTestGateway, type TestGateway } from "../test/utils/test-gateway";

const N = 10;
const UPSTREAM_LATENCY_MS = 20;
const FIRST_PAGE = `{ jobs(first: 20) { edges { node { id name state createdAt } } } }`;
const NESTED = `query($first: Int) { jobs(first: $first) { edges { node { id name state progress
  ... on NexusJob { dataset { name itemCount } webhooks { name endpoint } } } } } }`;
const DASHBOARD = `{ jobs(first: 20) { edges { node { id name state ... on NexusJob { dataset { name } } } } } }`;

interface Cost {
  calls: number;
  bytes: number;
}

const tenant = useTenant();
const offUrl = inject("gatewayUrl");
let shared: TestGateway | undefined;
const rows: { name: string; cost: Cost; goal: string }[] = [];

async function send(url: string, query: string, project: TenantProject, variables: Record<string, unknown> = {}) {
  const response = await fetch(`${url}/graphql`, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      "x-nexus-project-id": project.project,
      "x-nexus-secret-key": project.key,
    },
    body: JSON.stringify({ query, variables }),
  });
  const json = (await response.json()) as { errors?: unknown };
  if (!response.ok || json.errors !== undefined) {
    throw new Error(`gateway answered ${response.status}: ${JSON.stringify(json).slice(0, 500)}`);
  }
}

async function costOf(run: () => Promise<unknown>): Promise<Cost> {
  await tenant.clearRequests();
  await run();
  const requests = await tenant.requests();
  return { calls: requests.length, bytes: requests.reduce((sum, request) => sum + request.bytes, 0) };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** N dashboards at once. */
const atOnce = (url: string) => Promise.all(Array.from({ length: N }, () => send(url, DASHBOARD, tenant.demo)));
/** N dashboards, one every 200 ms (the last sent 1.8 s after the first). */
const within2s = (url: string) =>
  Promise.all(
    Array.from({ length: N }, async (_, index) => {
      await sleep(index * 200);
      await send(url, DASHBOARD, tenant.demo);
    }),
  );

beforeAll(async () => {
  const large = await tenant.resetLarge({ jobs: 10_000, datasets: 2_000 });
  shared = await startTestGateway({
    ...PRODUCTION_BROWSER_AND_AUTH,
    GATEWAY_AUTH: "off",
    READ_CACHE_TTL_MS: "1000",
    SHARED_READS: "true",
  });
  const onUrl = shared.url;
  const demoNested = await costOf(() => send(offUrl, NESTED, tenant.demo, { first: 40 }));
  rows.push({
    name: "demo first page (20 jobs)",
    cost: await costOf(() => send(offUrl, FIRST_PAGE, tenant.demo)),
    goal: "the base",
  });
  rows.push({ name: "demo nested page (40 jobs)", cost: demoNested, goal: "" });
  rows.push({
    name: "large nested page (40 jobs)",
    cost: await costOf(() => send(offUrl, NESTED, large.caller, { first: 40 })),
    goal: `<= 5 calls, <= 3x the demo nested page's bytes (${3 * demoNested.bytes} B)`,
  });
  rows.push({ name: "1 dashboard", cost: await costOf(() => send(offUrl, DASHBOARD, tenant.demo)), goal: "" });
  await tenant.setFaults({ latencyMs: UPSTREAM_LATENCY_MS });
  for (const [mode, url] of [
    ["off", offUrl],
    ["on", onUrl],
  ] as const) {
    await sleep(1_100);
    rows.push({
      name: `${N} dashboards at once, ${mode}`,
      cost: await costOf(() => atOnce(url)),
      goal: mode === "on" ? "<= 4 calls" : "",
    });
    await sleep(1_100);
    rows.push({
      name: `${N} dashboards within 2 s, ${mode}`,
      cost: await costOf(() => within2s(url)),
      goal: mode === "on" ? "<= 4 calls" : "",
    });
  }
}, 300_000);

afterAll(async () => {
  await tenant.clearFaults();
  await shared?.dispose();
  const base = rows[0]?.cost;
  if (base === undefined) return;
  const ratio = (value: number, of: number) => (of > 0 ? `${(value / of).toFixed(2)}×` : "-");
  console.log(
    `\nUpstream cost, as ratios to the demo's first page of 20 jobs (${base.calls} call, ${base.bytes} B); ` +
      `shared reads off (the run's gateway) and on (READ_CACHE_TTL_MS=1000, SHARED_READS=true):`,
  );
  console.log(
    `  ${"case".padEnd(32)} ${"calls".padStart(5)} ${"×".padStart(7)} ${"bytes".padStart(9)} ${"×".padStart(7)}  goal`,
  );
  for (const { name, cost, goal } of rows) {
    console.log(
      `  ${name.padEnd(32)} ${String(cost.calls).padStart(5)} ${ratio(cost.calls, base.calls).padStart(7)} ` +
        `${String(cost.bytes).padStart(9)} ${ratio(cost.bytes, base.bytes).padStart(7)}  ${goal}`,
    );
  }
});

describe(`${N} identical dashboards at once (the emulator adds ${UPSTREAM_LATENCY_MS} ms per upstream call)`, () => {
  bench("shared reads off", () => atOnce(offUrl).then(() => undefined), { iterations: 10, warmupIterations: 1 });
  bench("shared reads on", () => atOnce(shared?.url ?? offUrl).then(() => undefined), {
    iterations: 10,
    warmupIterations: 1,
  });
});
