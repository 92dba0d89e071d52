/**
 * What the gateway Worker costs to ship and to run (issue 12): the bundle's size, and the Worker's CPU per query for
 * `{ __typename }`, a flat page of 10 jobs and the nested page of 40 jobs with their datasets and webhooks.
 *
 * Size: `wrangler deploy --dry-run` builds the Worker exactly as a deploy would (wrangler.toml: minified), and the
 * figures are its modules, uncompressed and gzipped (what wrangler prints as "Total Upload").
 *
 * CPU: a Worker cannot time itself (`Date` and `performance` stand still while it runs), so this measures the
 * workerd process that runs the gateway: the CPU time of all its threads (`/proc/<pid>/task/<tid>/schedstat`)
 * before and after a run of sequential requests, divided by their number. The bench starts its own gateway for
 * this (the same config and the suite's emulator), so that it knows the process; wrangler's proxy in front of it is a
 * process of its own and is not counted. That process also parses HTTP and runs miniflare's entry worker, so a `GET
 * /` (answered by the Worker without Yoga) is measured as its floor, and "Worker" is a query's figure minus that
 * floor. The machine is shared: requests go in rounds that alternate the queries, and each figure is the median
 * over the rounds. Linux only (it reads /proc).
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { createClient, type Client } from "graphql-ws";
import { afterAll, beforeAll, bench, describe } from "vitest";
import WebSocket from "ws";
import { resetEmulator } from "../test/utils/emulator-control";
import { cpuMsPerRequest, DEMO_HEADERS, floorProbe, graphqlRequest, median, type Probe } from "./utils/cpu-probes";
import { startMeasuredGateway, type MeasuredGateway } from "./utils/measured-gateway";
import { FLAT_JOBS_PAGE, NESTED_JOBS_PAGE } from "./utils/queries";

const ROUNDS = 9;
const WARM_UP = 30;
/** One socket for the whole run (opened in `beforeAll`): each graphql-ws probe is one operation over it. */
let socket: Client | undefined;

function overWebSocket(query: string, variables?: Record<string, unknown>): () => Promise<void> {
  return () =>
    new Promise<void>((resolve, reject) => {
      let failure: Error | null = null;
      if (socket === undefined) return reject(new Error("no socket"));
      socket.subscribe(variables === undefined ? { query } : { query, variables }, {
        next: (result) => {
          if (result.errors !== undefined) failure = new Error(`graphql-ws answered ${JSON.stringify(result)}`);
        },
        error: (error: unknown) =>
          reject(error instanceof Error ? error : new Error(`graphql-ws: ${JSON.stringify(error)}`)),
        complete: () => (failure === null ? resolve() : reject(failure)),
      });
    });
}

const FLOOR = floorProbe(100);
const QUERIES: Probe[] = [
  { name: "{ __typename }", perRound: 100, send: graphqlRequest("{ __typename }") },
  { name: "10 jobs", perRound: 30, send: graphqlRequest(FLAT_JOBS_PAGE, { first: 10 }) },
  { name: "40 jobs, datasets, webhooks", perRound: 20, send: graphqlRequest(NESTED_JOBS_PAGE, { first: 40 }) },
  // The graphql-ws path (the connection Durable Object): a frame on an open socket instead of an HTTP request. Its
  // "Worker" figure subtracts the HTTP floor, which a frame does not pay: compare its process figure between runs.
  { name: "graphql-ws { __typename }", perRound: 100, send: overWebSocket("{ __typename }") },
  { name: "graphql-ws 10 jobs", perRound: 30, send: overWebSocket(FLAT_JOBS_PAGE, { first: 10 }) },
];

/** The Worker's modules as a deploy would upload them, uncompressed and gzipped, in bytes. */
function bundleSize(): { bytes: number; gzipBytes: number } {
  const outdir = mkdtempSync(join(tmpdir(), "gateway-bundle-"));
  try {
    execFileSync("npx", ["wrangler", "deploy", "--dry-run", "--outdir", outdir], { stdio: "ignore" });
    let bytes = 0;
    let gzipBytes = 0;
    for (const file of readdirSync(outdir)) {
      // The modules: worker.js and the bundled schema text; not the source map or wrangler's README.
      if (file.endsWith(".map") || file === "README.md") continue;
      const contents = readFileSync(join(outdir, file));
      bytes += contents.byteLength;
      gzipBytes += gzipSync(contents).byteLength;
    }
    return { bytes, gzipBytes };
  } finally {
    rmSync(outdir, { recursive: true, force: true });
  }
}

let gateway: MeasuredGateway | undefined;
let size: { bytes: number; gzipBytes: number } | undefined;
/** CPU milliseconds per request of each probe, one entry per round. */
const rounds = new Map<string, number[]>();

beforeAll(async () => {
  size = bundleSize();
  await resetEmulator();
  gateway = await startMeasuredGateway();
  const url = gateway.url;
  socket = createClient({
    url: `${url.replace(/^http/, "ws")}/graphql`,
    webSocketImpl: WebSocket,
    connectionParams: {
      "x-nexus-project-id": DEMO_HEADERS["x-nexus-project-id"],
      "x-nexus-secret-key": DEMO_HEADERS["x-nexus-secret-key"],
    },
    retryAttempts: 0,
    lazy: false,
  });
  for (const probe of [FLOOR, ...QUERIES]) for (let i = 0; i < WARM_UP; i += 1) await probe.send(url);
  for (let round = 0; round < ROUNDS; round += 1) {
    for (const probe of [FLOOR, ...QUERIES]) {
      const figure = await cpuMsPerRequest(gateway, probe);
      rounds.set(probe.name, [...(rounds.get(probe.name) ?? []), figure]);
    }
  }
}, 300_000);

afterAll(async () => {
  await socket?.dispose();
  await gateway?.worker.dispose();
  const kib = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KiB`;
  if (size !== undefined) {
    console.log(
      `\ngateway bundle (wrangler deploy --dry-run): ${kib(size.bytes)} uncompressed, ${kib(size.gzipBytes)} gzipped`,
    );
  }
  const floorRounds = rounds.get(FLOOR.name) ?? [];
  console.log(`Worker CPU per request, median of ${ROUNDS} rounds (workerd runtime process, /proc schedstat):`);
  console.log(`  ${FLOOR.name.padEnd(40)} process ${median(floorRounds).toFixed(2)} ms`);
  for (const probe of QUERIES) {
    const figures = rounds.get(probe.name) ?? [];
    // The Worker's share in each round: the query minus the floor measured in the same round.
    const worker = median(figures.map((figure, round) => figure - (floorRounds[round] ?? Number.NaN)));
    console.log(`  ${probe.name.padEnd(40)} process ${median(figures).toFixed(2)} ms   Worker ${worker.toFixed(2)} ms`);
  }
});

describe("the gateway Worker's own cost (wall time of the same requests, through the local proxy)", () => {
  for (const probe of QUERIES) {
    bench(probe.name, () => probe.send(gateway?.url ?? ""), { iterations: 20, warmupIterations: 3 });
  }
});
