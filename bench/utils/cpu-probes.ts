/**
 * What the CPU benchmarks share (`worker-cpu.bench.ts`, `telemetry-cost.bench.ts`): a probe is one kind of request
 * sent again and again, and its figure is the CPU the gateway's workerd process spent per request
 * (`measured-gateway.ts`); `GET /`, answered without Yoga, is the process's floor, subtracted round by round.
 */
import type { MeasuredGateway } from "./measured-gateway";

/** The demo project's Nexus credentials, as every probe sends them. */
export const DEMO_HEADERS = {
  "content-type": "application/json",
  "x-nexus-project-id": "proj_demo",
  "x-nexus-secret-key": "demo-secret-key",
} as const;

/** One measured request: a name, how many per round, and the call (which throws on a wrong answer). */
export interface Probe {
  name: string;
  perRound: number;
  send: (gatewayUrl: string) => Promise<void>;
}

/** A GraphQL POST of `query` as the demo project; throws on an error status or an `errors` answer. */
export function graphqlRequest(query: string, variables?: Record<string, unknown>): Probe["send"] {
  const body = JSON.stringify({ query, variables });
  return async (gatewayUrl) => {
    const response = await fetch(`${gatewayUrl}/graphql`, { method: "POST", headers: DEMO_HEADERS, body });
    const json = (await response.json()) as { errors?: unknown };
    if (!response.ok || json.errors !== undefined) {
      throw new Error(`gateway answered ${response.status}: ${JSON.stringify(json)}`);
    }
  };
}

/** `GET /` (workerd and miniflare's entry worker, no Yoga): the floor every query's figure is taken above. */
export function floorProbe(perRound: number): Probe {
  return {
    name: "GET / (workerd and miniflare, no Yoga)",
    perRound,
    send: async (gatewayUrl) => {
      const response = await fetch(`${gatewayUrl}/`);
      await response.text();
      if (!response.ok) throw new Error(`GET / answered ${response.status}`);
    },
  };
}

/** The median of `values` (NaN for none). */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[middle] ?? Number.NaN)
    : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

/** Sends one round of `probe` to `measured` and answers the process's CPU milliseconds per request. */
export async function cpuMsPerRequest(measured: MeasuredGateway, probe: Probe): Promise<number> {
  const before = measured.cpuNs();
  for (let i = 0; i < probe.perRound; i += 1) await probe.send(measured.url);
  return (measured.cpuNs() - before) / 1e6 / probe.perRound;
}
