/**
 * What telemetry costs the Worker (issue 21): its CPU per query with telemetry off, with the defaults (Server-Timing
 * and one log line per operation), and with traces on too (every trace recorded and exported as OTLP/HTTP protobuf
 * to a receiver in this process, which answers 200 and keeps nothing). Three gateways of their own, measured as
 * `worker-cpu.bench.ts` measures one (the workerd process's CPU time, minus its `GET /` floor), in rounds that
 * alternate the gateways and the queries, so that the three figures share the machine's noise. Prints the medians and
 * each configuration's cost beside "off". The `METRICS` binding is miniflare's stub under `wrangler dev` (it keeps
 * nothing), so the metric writes cost here what the stub costs.
 */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, bench, describe } from "vitest";
import { resetEmulator } from "../test/utils/emulator-control";
import { cpuMsPerRequest, floorProbe, graphqlRequest, median, type Probe } from "./utils/cpu-probes";
import { startMeasuredGateway, type MeasuredGateway } from "./utils/measured-gateway";
import { FLAT_JOBS_PAGE, NESTED_JOBS_PAGE } from "./utils/queries";

const ROUNDS = 7;
const WARM_UP = 20;
const FLOOR = floorProbe(60);
const QUERIES: Probe[] = [
  { name: "{ __typename }", perRound: 60, send: graphqlRequest("{ __typename }") },
  { name: "10 jobs", perRound: 20, send: graphqlRequest(FLAT_JOBS_PAGE, { first: 10 }) },
  { name: "40 jobs, datasets, webhooks", perRound: 10, send: graphqlRequest(NESTED_JOBS_PAGE, { first: 40 }) },
];

/** The configurations compared, by their settings. */
const CONFIGURATIONS = (collector: string): Record<string, Record<string, string>> => ({
  off: { SERVER_TIMING: "false", OPERATION_LOGS: "off" },
  defaults: {},
  "defaults + traces": {
    OTEL_EXPORTER_OTLP_ENDPOINT: collector,
    OTEL_EXPORTER_OTLP_PROTOCOL: "http/protobuf",
    OTEL_TRACES_SAMPLER: "always_on",
  },
});

let collector: Server | undefined;
let exports = 0;
const gateways = new Map<string, MeasuredGateway>();
/** Worker CPU ms per request (query minus the same round's floor), by configuration and probe, one per round. */
const figures = new Map<string, number[]>();

beforeAll(async () => {
  collector = createServer((request, response) => {
    request.resume();
    request.on("end", () => {
      exports += 1;
      response.writeHead(200, { "content-type": "application/x-protobuf" }).end();
    });
  });
  await new Promise<void>((resolve) => collector?.listen(0, "127.0.0.1", resolve));
  const { port } = collector.address() as AddressInfo;
  await resetEmulator();
  for (const [name, vars] of Object.entries(CONFIGURATIONS(`http://127.0.0.1:${port}`))) {
    gateways.set(name, await startMeasuredGateway(vars));
  }
  for (const gateway of gateways.values()) {
    for (const probe of [FLOOR, ...QUERIES]) for (let i = 0; i < WARM_UP; i += 1) await probe.send(gateway.url);
  }
  for (let round = 0; round < ROUNDS; round += 1) {
    for (const [name, gateway] of gateways) {
      const floor = await cpuMsPerRequest(gateway, FLOOR);
      for (const probe of QUERIES) {
        const key = `${name}|${probe.name}`;
        figures.set(key, [...(figures.get(key) ?? []), (await cpuMsPerRequest(gateway, probe)) - floor]);
      }
    }
  }
}, 600_000);

afterAll(async () => {
  for (const gateway of gateways.values()) await gateway.worker.dispose();
  await new Promise((resolve) => collector?.close(resolve));
  console.log(`\nWorker CPU per request by telemetry setting, median of ${ROUNDS} alternating rounds (ms):`);
  console.log(`  ${"query".padEnd(30)} ${[...gateways.keys()].map((name) => name.padStart(18)).join("")}`);
  for (const probe of QUERIES) {
    const off = median(figures.get(`off|${probe.name}`) ?? []);
    const cells = [...gateways.keys()].map((name) => {
      const value = median(figures.get(`${name}|${probe.name}`) ?? []);
      const delta = name === "off" ? "" : ` (${value - off >= 0 ? "+" : ""}${(value - off).toFixed(2)})`;
      return `${value.toFixed(2)}${delta}`.padStart(18);
    });
    console.log(`  ${probe.name.padEnd(30)} ${cells.join("")}`);
  }
  console.log(`  trace exports the collector received: ${exports}`);
});

describe("telemetry's cost (wall time of { __typename }, through each gateway)", () => {
  for (const name of ["off", "defaults", "defaults + traces"]) {
    bench(name, () => QUERIES[0]?.send(gateways.get(name)?.url ?? "") ?? Promise.resolve(), {
      iterations: 20,
      warmupIterations: 3,
    });
  }
});
