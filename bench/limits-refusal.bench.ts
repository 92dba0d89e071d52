/**
 * How long the gateway takes to refuse each query bomb of issue 7, beside a plain `{ __typename }` in the same run
 * (the done-when: "refused in under 50 ms of gateway time"). Each is one HTTP request to the real gateway
 * Worker on loopback, so the figures include the request's trip through the local proxy; the `{ __typename }` line
 * is that floor. Vitest prints the mean of each; the end prints each bomb's median and its ratio to the floor, and
 * checks once that each bomb was refused with LIMIT_EXCEEDED (a refusal time of a query that ran would be a lie).
 */
import { afterAll, beforeAll, bench, describe, inject } from "vitest";
import { resetEmulator } from "../test/utils/emulator-control";
import {
  CHEAP_ALIASES,
  HEAVY_ALIASES,
  HUGE_N,
  hopQuery,
  LONG_QUERY,
  MANY_ROOT_FIELDS,
  tenMegabyteBody,
} from "../test/utils/bombs";

const url = `${inject("gatewayUrl")}/graphql`;
const headers = {
  "content-type": "application/json",
  "x-nexus-project-id": "proj_demo",
  "x-nexus-secret-key": "demo-secret-key",
};
const TEN_MB = tenMegabyteBody();

/** Each request of the run: a name and its body. */
const requests: [string, string][] = [
  ["{ __typename } (the floor)", JSON.stringify({ query: "{ __typename }" })],
  ["20 hops of jobs(first: 5) (depth)", JSON.stringify({ query: hopQuery(20, 5) })],
  ["depth 20, first: 3 (depth)", JSON.stringify({ query: hopQuery(10, 3) })],
  ["500 aliases of jobs(first: 100) { logs } (tokens)", JSON.stringify({ query: HEAVY_ALIASES })],
  ["500 cheap aliases (aliases)", JSON.stringify({ query: CHEAP_ALIASES })],
  ["600 root fields (tokens)", JSON.stringify({ query: MANY_ROOT_FIELDS })],
  ["100,000-character query (tokens)", JSON.stringify({ query: LONG_QUERY })],
  ["first: $n, $n = 2147483647 (cost)", JSON.stringify(HUGE_N)],
  ["10 MB body (requestBytes)", TEN_MB],
];

async function send(body: string): Promise<{ status: number; limit: unknown }> {
  const response = await fetch(url, { method: "POST", headers, body });
  const json = (await response.json()) as { errors?: { extensions?: { code?: string; limit?: unknown } }[] };
  const error = json.errors?.[0];
  return {
    status: response.status,
    limit: error?.extensions?.code === "LIMIT_EXCEEDED" ? error.extensions.limit : undefined,
  };
}

const medians = new Map<string, number>();

beforeAll(async () => {
  await resetEmulator();
  for (const [name, body] of requests) {
    const { limit } = await send(body);
    if (name.startsWith("{ __typename }") !== (limit === undefined))
      throw new Error(`${name}: refused by ${String(limit)}`);
    for (let i = 0; i < 3; i += 1) await send(body); // warm-up: the first requests of a run are slower
    const times: number[] = [];
    for (let i = 0; i < 15; i += 1) {
      const start = performance.now();
      await send(body);
      times.push(performance.now() - start);
    }
    times.sort((a, b) => a - b);
    medians.set(name, times[Math.floor(times.length / 2)] ?? Number.NaN);
  }
});

afterAll(() => {
  const floor = medians.get(requests[0]?.[0] ?? "") ?? Number.NaN;
  console.log("\nrefusal time per request, median of 15 (one HTTP request each, loopback):");
  for (const [name] of requests) {
    const median = medians.get(name) ?? Number.NaN;
    console.log(`  ${name.padEnd(52)} ${median.toFixed(1).padStart(7)} ms   ${(median / floor).toFixed(1)}x the floor`);
  }
});

describe("refusing the bombs of issue 7", () => {
  for (const [name, body] of requests)
    bench(name, async () => void (await send(body)), { iterations: 15, warmupIterations: 2 });
});
