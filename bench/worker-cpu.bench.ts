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
 *
 * A/B: with `CPU_BASELINE` set to the root of another checkout of this repository (its own `node_modules` beside its
 * sources, e.g. `git archive main` unpacked with a link to this one's), a second gateway is built from it, and each
 * round measures both, one after the other, so that the two share the machine's noise; each figure is then printed
 * for both, with their ratio. Only ratios taken in one run compare: the machine is shared.
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
/** Another checkout to compare with (see the module comment); unset: this checkout alone. */
const BASELINE_ROOT = process.env["CPU_BASELINE"]?.trim() || undefined;
/** One socket per gateway for the whole run (opened in `beforeAll`): each graphql-ws probe is one operation over it. */
const sockets = new Map<string, Client>();

function overWebSocket(query: string, variables?: Record<string, unknown>): (gatewayUrl: string) => Promise<void> {
  return (gatewayUrl) =>
    new Promise<void>((resolve, reject) => {
      let failure: Error | null = null;
      const socket = sockets.get(gatewayUrl);
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

/** The gateways measured: this checkout's, and the baseline's when `CPU_BASELINE` is set. */
const gateways = new Map<string, MeasuredGateway>();
let size: { bytes: number; gzipBytes: number } | undefined;
/** CPU milliseconds per request of each gateway and probe (`<gateway>|<probe>`), one entry per round. */
const rounds = new Map<string, number[]>();

function openSocket(url: string): Client {
  return createClient({
    url: `${url.replace(/^http/, "ws")}/graphql`,
    webSocketImpl: WebSocket,
    connectionParams: {
      "x-nexus-project-id": DEMO_HEADERS["x-nexus-project-id"],
      "x-nexus-secret-key": DEMO_HEADERS["x-nexus-secret-key"],
    },
    retryAttempts: 0,
    lazy: false,
  });
}

beforeAll(
  async () => {
    size = bundleSize();
    await resetEmulator();
    if (BASELINE_ROOT !== undefined) gateways.set("baseline", await startMeasuredGateway({}, BASELINE_ROOT));
    gateways.set("this", await startMeasuredGateway());
    for (const { url } of gateways.values()) {
      sockets.set(url, openSocket(url));
      for (const probe of [FLOOR, ...QUERIES]) for (let i = 0; i < WARM_UP; i += 1) await probe.send(url);
    }
    for (let round = 0; round < ROUNDS; round += 1) {
      for (const [name, gateway] of gateways) {
        for (const probe of [FLOOR, ...QUERIES]) {
          const key = `${name}|${probe.name}`;
          rounds.set(key, [...(rounds.get(key) ?? []), await cpuMsPerRequest(gateway, probe)]);
        }
      }
    }
  },
  BASELINE_ROOT === undefined ? 600_000 : 1_200_000,
);

/** The process's median and the Worker's (the query minus the floor of the same round) of one gateway's probe. */
function figuresOf(gateway: string, probe: Probe): { process: number; worker: number } {
  const figures = rounds.get(`${gateway}|${probe.name}`) ?? [];
  const floorRounds = rounds.get(`${gateway}|${FLOOR.name}`) ?? [];
  return {
    process: median(figures),
    worker: median(figures.map((figure, round) => figure - (floorRounds[round] ?? Number.NaN))),
  };
}

afterAll(async () => {
  for (const socket of sockets.values()) await socket.dispose();
  for (const gateway of gateways.values()) await gateway.worker.dispose();
  const kib = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KiB`;
  // One block, printed at once: vitest prints each console.log of a hook under a header of its own.
  const lines: string[] = [];
  if (size !== undefined) {
    lines.push(
      `gateway bundle (wrangler deploy --dry-run): ${kib(size.bytes)} uncompressed, ${kib(size.gzipBytes)} gzipped`,
    );
  }
  lines.push(`Worker CPU per request, median of ${ROUNDS} rounds (workerd runtime process, /proc schedstat):`);
  for (const name of gateways.keys()) {
    if (gateways.size > 1) lines.push(` ${name === "this" ? "this checkout" : `baseline (${BASELINE_ROOT})`}:`);
    lines.push(`  ${FLOOR.name.padEnd(40)} process ${figuresOf(name, FLOOR).process.toFixed(2)} ms`);
    for (const probe of QUERIES) {
      const { process: total, worker } = figuresOf(name, probe);
      lines.push(`  ${probe.name.padEnd(40)} process ${total.toFixed(2)} ms   Worker ${worker.toFixed(2)} ms`);
    }
  }
  if (gateways.size > 1) {
    lines.push(" this ÷ baseline (Worker figures of the same run; the graphql-ws ones are near the floor's noise):");
    for (const probe of QUERIES) {
      const ratio = figuresOf("this", probe).worker / figuresOf("baseline", probe).worker;
      lines.push(`  ${probe.name.padEnd(40)} ×${ratio.toFixed(2)}`);
    }
  }
  console.log(`\n${lines.join("\n")}`);
});

describe("the gateway Worker's own cost (wall time of the same requests, through the local proxy)", () => {
  for (const probe of QUERIES) {
    bench(probe.name, () => probe.send(gateways.get("this")?.url ?? ""), { iterations: 20, warmupIterations: 3 });
  }
});
