/**
 * Graviti keeps the backend contract (test/conformance/backend-conformance.ts), on the run's gateway, in this
 * file's emulator tenant: its demo workspace's datasets (Graviti has no jobs), Nexus's demo project beside it.
 */
import { useGravitiTenant } from "../utils/graviti-tenant";
import { suiteGraphQL } from "../utils/test-gateway";
import { useTenant } from "../utils/tenant";
import { describeBackendConformance } from "./backend-conformance";

const NEXUS = useTenant();
const GRAVITI = useGravitiTenant();

describeBackendConformance({
  provider: "GRAVITI",
  name: "graviti",
  client: suiteGraphQL,
  setup: async () => {
    await Promise.all([NEXUS.reset(), GRAVITI.reset()]);
  },
  headers: () => ({ "x-graviti-access-key": GRAVITI.demo.key }),
  credentialHeaders: ["x-graviti-access-key"],
  secrets: () => [GRAVITI.demo.key],
  lists: { datasets: { typename: "GravitiDataset", count: 14 } },
  bystander: {
    provider: "NEXUS",
    headers: () => ({ "x-nexus-project-id": NEXUS.demo.project, "x-nexus-secret-key": NEXUS.demo.key }),
    lists: ["jobs", "datasets"],
  },
  upstreamFailure: {
    start: () => GRAVITI.setFaults({ errorRate: 1, errorStatus: 503 }),
    stop: () => GRAVITI.clearFaults(),
  },
});
