/**
 * What the terminal cache (`src/upstream/terminal-cache.ts`, issue 12 item 4) saves for a dashboard that many people
 * load: the upstream calls of one load, the first and the later ones, with the cache off (the shared gateway of the
 * run, `TERMINAL_CACHE_TTL_SECONDS=0`) and on (a gateway this file starts, 300 s), and the time of a load with the
 * emulator adding 20 ms to every upstream call.
 *
 * The dashboard: the 20 newest jobs with their dataset and their 5 latest log entries, and a detail panel of one
 * finished job with its 50 latest entries. Lists are never cached and running jobs' logs are read afresh, so a later
 * load still lists jobs and datasets and reads the logs of every job that is not yet terminal.
 */
import { afterAll, beforeAll, bench, describe, inject } from "vitest";
import {
  clearFaults,
  clearUpstreamRequests,
  resetEmulator,
  setFaults,
  upstreamRequests,
} from "../test/utils/emulator-control";
import { PRODUCTION_BROWSER_AND_AUTH, startTestGateway } from "../test/utils/test-gateway";
import type { StartedWorker } from "../test/utils/workers";

const UPSTREAM_LATENCY_MS = 20;
const LATER_LOADS = 5;
const project = "proj_demo";
const secretKey = "demo-secret-key";
const emulatorUrl = inject("emulatorUrl");

const DASHBOARD = /* GraphQL */ `
  query Dashboard($pinned: ID!) {
    jobs(first: 20) {
      edges { node { id name state progress
        ... on NexusJob { dataset { name } logs(first: 5) { edges { node { createdAt level reason } } } } } }
    }
    pinned: job(id: $pinned) { id state ... on NexusJob { logs(first: 50) { edges { node { createdAt level kind item reason } } } } }
  }
`;

let cachedGateway: StartedWorker | undefined;
const urls: Record<"off" | "on", string> = { off: `${inject("gatewayUrl")}/graphql`, on: "" };
let pinned = "";
/** Upstream calls of one load: the first, the mean of the later ones, and what the last one asked for. */
const calls: Record<"off" | "on", { first: number; later: number; kinds: string }> = {
  off: { first: 0, later: 0, kinds: "" },
  on: { first: 0, later: 0, kinds: "" },
};

/** `2 lists, 9 logs, 1 job` for the calls of one load. */
function kindsOf(paths: string[]): string {
  const count = (test: (path: string) => boolean) => paths.filter(test).length;
  const lists = count((path) => /\/(jobs|datasets|webhooks)$/.test(path));
  const logs = count((path) => path.endsWith("/logs"));
  return `${lists} list, ${logs} logs, ${paths.length - lists - logs} by id`;
}

async function load(url: string): Promise<void> {
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", "x-nexus-project-id": project, "x-nexus-secret-key": secretKey },
    body: JSON.stringify({ query: DASHBOARD, variables: { pinned } }),
  });
  const body = (await response.json()) as { errors?: unknown };
  if (!response.ok || body.errors) throw new Error(`gateway answered ${response.status}: ${JSON.stringify(body)}`);
}

async function callsOf(run: () => Promise<void>): Promise<string[]> {
  await clearUpstreamRequests();
  await run();
  return (await upstreamRequests()).map((request) => request.path);
}

beforeAll(async () => {
  await resetEmulator();
  // Production's browser settings, as before this bench's gateway came from the suite's starter; auth off.
  const started = await startTestGateway(
    { ...PRODUCTION_BROWSER_AND_AUTH, GATEWAY_AUTH: "off", TERMINAL_CACHE_TTL_SECONDS: "300" },
    { emulatorUrl },
  );
  cachedGateway = started.worker;
  urls.on = started.graphql.endpoint;
  // The oldest finished job: the detail panel someone keeps open.
  const jobs = (await (
    await fetch(`${emulatorUrl}/projects/${project}/batch/jobs?limit=1000`, { headers: { "Secret-Key": secretKey } })
  ).json()) as {
    data: { id: string; status: { overview: string; message?: string } }[];
  };
  pinned =
    jobs.data.filter((job) => job.status.overview === "Reached" && job.status.message === "Finished").at(-1)?.id ?? "";
  if (pinned === "") throw new Error("the demo project has no finished job");
  for (const mode of ["off", "on"] as const) {
    calls[mode].first = (await callsOf(() => load(urls[mode]))).length;
    let later = 0;
    for (let i = 0; i < LATER_LOADS; i += 1) {
      const paths = await callsOf(() => load(urls[mode]));
      later += paths.length;
      calls[mode].kinds = kindsOf(paths);
    }
    calls[mode].later = later / LATER_LOADS;
  }
  await setFaults({ latencyMs: UPSTREAM_LATENCY_MS });
}, 120_000);

afterAll(async () => {
  await clearFaults();
  await cachedGateway?.dispose();
  const { off, on } = calls;
  console.log(
    `\nupstream calls per dashboard load (20 jobs with dataset and 5 latest log entries, one pinned finished job's 50):`,
  );
  console.log(`  cache off: first ${off.first}, later ${off.later} (${off.kinds})`);
  console.log(`  cache on:  first ${on.first}, later ${on.later} (${on.kinds})`);
  console.log(`  later loads, off/on: ${(off.later / Math.max(on.later, 1)).toFixed(2)}x fewer calls with the cache`);
});

describe(`a dashboard load (the emulator adds ${UPSTREAM_LATENCY_MS} ms per upstream call)`, () => {
  bench("cache off (TERMINAL_CACHE_TTL_SECONDS=0)", () => load(urls.off), { iterations: 20, warmupIterations: 2 });
  bench("cache on (300 s), after the first load", () => load(urls.on), { iterations: 20, warmupIterations: 2 });
});
