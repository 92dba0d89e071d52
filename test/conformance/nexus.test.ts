/**
 * Nexus keeps the backend contract (test/conformance/backend-conformance.ts), on the run's gateway, in this file's
 * emulator tenant: its demo project's jobs (cut down to {@link JOBS}, see `keepEvery`) and datasets, Graviti's demo
 * workspace beside it.
 */
import { inject } from "vitest";
import { useGravitiTenant } from "../utils/graviti-tenant";
import { suiteGraphQL } from "../utils/test-gateway";
import { useTenant } from "../utils/tenant";
import { describeBackendConformance } from "./backend-conformance";

const NEXUS = useTenant();
const GRAVITI = useGravitiTenant();

/**
 * How many of the demo project's 40 jobs the walks go through: every fourth. A Nexus page reads the project's whole
 * job list upstream (the page's window, then the total), so a walk in pages of 1 costs jobs × jobs: at 40 jobs it was
 * the longest walk of the suite. Ten still take several pages of 3 and one of 100, and span the seed's states.
 */
const JOBS = 10;

interface WireJob {
  id: string;
  createDate: number;
}

/** Calls the emulator's Nexus API as the tenant's demo project; throws unless it answers 2xx. */
async function nexusApi(method: string, resource: string): Promise<Response> {
  const response = await fetch(`${inject("emulatorUrl")}/projects/${NEXUS.demo.project}/batch/${resource}`, {
    method,
    headers: { "Secret-Key": NEXUS.demo.key },
  });
  if (!response.ok) throw new Error(`${method} ${resource}: expected 2xx, got ${response.status}`);
  return response;
}

/**
 * Deletes the demo project's jobs but every `step`-th of its list (newest first), upstream: what is left spans the
 * seed's ages and states (running, waiting, finished, cancelled, failed). Resolves with how many are left.
 */
async function keepEvery(step: number): Promise<number> {
  const jobs = ((await (await nexusApi("GET", "jobs?limit=1000")).json()) as { data: WireJob[] }).data;
  const newestFirst = [...jobs].sort((a, b) => b.createDate - a.createDate || (a.id < b.id ? -1 : 1));
  const gone = newestFirst.filter((_, index) => index % step !== 0);
  await Promise.all(gone.map((job) => nexusApi("DELETE", `jobs/${job.id}`)));
  return jobs.length - gone.length;
}

describeBackendConformance({
  provider: "NEXUS",
  name: "nexus",
  client: suiteGraphQL,
  setup: async () => {
    await Promise.all([NEXUS.reset(), GRAVITI.reset()]);
    const left = await keepEvery(40 / JOBS);
    if (left !== JOBS) throw new Error(`nexus conformance: ${left} jobs left, expected ${JOBS} (the seed changed?)`);
  },
  headers: () => ({ "x-nexus-project-id": NEXUS.demo.project, "x-nexus-secret-key": NEXUS.demo.key }),
  credentialHeaders: ["x-nexus-project-id", "x-nexus-secret-key"],
  secrets: () => [NEXUS.demo.key],
  lists: { jobs: { typename: "NexusJob", count: JOBS }, datasets: { typename: "NexusDataset", count: 7 } },
  bystander: {
    provider: "GRAVITI",
    headers: () => ({ "x-graviti-access-key": GRAVITI.demo.key }),
    lists: ["datasets"],
  },
  upstreamFailure: {
    start: () => NEXUS.setFaults({ errorRate: 1, errorStatus: 503 }),
    stop: () => NEXUS.clearFaults(),
  },
});
