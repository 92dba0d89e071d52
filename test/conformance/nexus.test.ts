/**
 * Nexus keeps the backend contract (test/conformance/backend-conformance.ts), on the run's gateway, in this file's
 * emulator tenant: its demo project's jobs (cut down to {@link JOBS}) and datasets, Graviti's demo
 * workspace beside it.
 */
import { keepEveryNthJob } from "../utils/fewer-jobs";
import { useGravitiTenant } from "../utils/graviti-tenant";
import { suiteGraphQL } from "../utils/test-gateway";
import { useTenant } from "../utils/tenant";
import { describeBackendConformance } from "./backend-conformance";

const NEXUS = useTenant();
const GRAVITI = useGravitiTenant();

/**
 * How many of the demo project's 40 jobs the walks go through: every fourth (test/utils/fewer-jobs.ts says why).
 * Ten still take several pages of 3 and one of 100, and span the seed's states.
 */
const JOBS = 10;

describeBackendConformance({
  provider: "NEXUS",
  name: "nexus",
  client: suiteGraphQL,
  setup: async () => {
    await Promise.all([NEXUS.reset(), GRAVITI.reset()]);
    const left = await keepEveryNthJob(NEXUS.demo, 40 / JOBS);
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
