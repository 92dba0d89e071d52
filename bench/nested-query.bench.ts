/**
 * What one nested GraphQL request costs next to the REST calls a frontend would make without the gateway.
 *
 * The page: 40 jobs, each with its dataset's name and status and its webhooks' names. Without the gateway a client
 * lists the jobs, then GETs every job's dataset and webhooks, all in parallel but with no de-duplication, because a
 * client that fetches per row cannot see that rows share them. The gateway lists once and de-duplicates through
 * DataLoader. The emulator adds a fixed latency to every upstream call (`UPSTREAM_LATENCY_MS`) to stand for the
 * network between a client and the real API. Vitest prints the mean time of each and the ratio; the upstream calls
 * each approach made are printed at the end.
 */
import { afterAll, beforeAll, bench, describe, inject } from "vitest";
import {
  clearFaults,
  clearUpstreamRequests,
  resetEmulator,
  setFaults,
  upstreamRequests,
} from "../test/utils/emulator-control";
import { NESTED_JOBS_PAGE } from "./utils/queries";

const UPSTREAM_LATENCY_MS = 20;
const PAGE_SIZE = 40;
const project = "proj_demo";
const secretKey = "demo-secret-key";
const emulatorUrl = inject("emulatorUrl");
const gatewayUrl = inject("gatewayUrl");

const query = NESTED_JOBS_PAGE;

interface WireJob {
  spec: { datasetId?: string; resultDelivery?: { destinations?: Array<{ webhookId?: string }> } };
}

async function viaGateway(): Promise<void> {
  const response = await fetch(`${gatewayUrl}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", "x-nexus-project-id": project, "x-nexus-secret-key": secretKey },
    body: JSON.stringify({ query, variables: { first: PAGE_SIZE } }),
  });
  const body = (await response.json()) as { errors?: unknown };
  if (!response.ok || body.errors) throw new Error(`gateway answered ${response.status}: ${JSON.stringify(body)}`);
}

async function upstreamGet(path: string): Promise<unknown> {
  const response = await fetch(`${emulatorUrl}/projects/${project}/batch${path}`, {
    headers: { "Secret-Key": secretKey },
  });
  // A row whose dataset or webhook was deleted shows as empty, as in the gateway (the demo has such a job).
  if (response.status === 404) return null;
  if (!response.ok) throw new Error(`GET ${path}: expected 2xx, got ${response.status}`);
  return response.json();
}

async function viaRestPerRow(): Promise<void> {
  const page = (await upstreamGet(`/jobs?limit=${PAGE_SIZE}`)) as { data: WireJob[] };
  await Promise.all(
    page.data.flatMap((job) => [
      ...(job.spec.datasetId ? [upstreamGet(`/datasets/${job.spec.datasetId}`)] : []),
      ...(job.spec.resultDelivery?.destinations ?? []).flatMap((d) =>
        d.webhookId ? [upstreamGet(`/webhooks/${d.webhookId}`)] : [],
      ),
    ]),
  );
}

async function upstreamCallsOf(run: () => Promise<void>): Promise<number> {
  await clearUpstreamRequests();
  await run();
  return (await upstreamRequests()).length;
}

const calls: Record<string, number> = {};

beforeAll(async () => {
  await resetEmulator();
  await setFaults({ latencyMs: UPSTREAM_LATENCY_MS });
  calls["gateway"] = await upstreamCallsOf(viaGateway);
  calls["REST per row"] = await upstreamCallsOf(viaRestPerRow);
});

afterAll(async () => {
  await clearFaults();
  const gateway = calls["gateway"] ?? 0;
  const rest = calls["REST per row"] ?? 0;
  console.log(
    `\nupstream calls for a page of ${PAGE_SIZE} jobs with datasets and webhooks (${UPSTREAM_LATENCY_MS} ms each):`,
  );
  console.log(
    `  gateway: ${gateway}   REST per row: ${rest}   ratio REST/gateway: ${(rest / Math.max(gateway, 1)).toFixed(1)}x`,
  );
});

describe(`a page of ${PAGE_SIZE} jobs with datasets and webhooks`, () => {
  bench("gateway: one GraphQL request", viaGateway, { iterations: 20, warmupIterations: 3 });
  bench("REST: list, then GET each row's dataset and webhooks", viaRestPerRow, { iterations: 20, warmupIterations: 3 });
});
