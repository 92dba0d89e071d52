/**
 * Nexus keeps the backend contract (test/conformance/backend-conformance.ts), on the run's gateway, in this file's
 * emulator tenant: its demo project's jobs and datasets, Graviti's demo workspace beside it.
 */
import { useGravitiTenant } from "../utils/graviti-tenant";
import { suiteGraphQL } from "../utils/test-gateway";
import { useTenant } from "../utils/tenant";
import { describeBackendConformance } from "./backend-conformance";

const NEXUS = useTenant();
const GRAVITI = useGravitiTenant();

describeBackendConformance({
  provider: "NEXUS",
  name: "nexus",
  client: suiteGraphQL,
  setup: async () => {
    await Promise.all([NEXUS.reset(), GRAVITI.reset()]);
  },
  headers: () => ({ "x-nexus-project-id": NEXUS.demo.project, "x-nexus-secret-key": NEXUS.demo.key }),
  credentialHeaders: ["x-nexus-project-id", "x-nexus-secret-key"],
  secrets: () => [NEXUS.demo.key],
  lists: { jobs: { typename: "NexusJob", count: 40 }, datasets: { typename: "NexusDataset", count: 7 } },
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
