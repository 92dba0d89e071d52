/**
 * ModelArts keeps the backend contract (test/conformance/backend-conformance.ts), on the run's gateway, in this
 * file's emulator tenant: its demo project's export tasks (its jobs) and datasets, Nexus's demo project beside it.
 */
import { credentialHeaders, MA, modelArts, NEXUS } from "../modelarts/helpers";
import { suiteGraphQL } from "../utils/test-gateway";
import { useTenant } from "../utils/tenant";
import { describeBackendConformance } from "./backend-conformance";

describeBackendConformance({
  provider: "MODELARTS",
  name: "modelarts",
  client: suiteGraphQL,
  setup: async () => {
    await Promise.all([useTenant().reset(), modelArts.reset()]);
  },
  headers: () => credentialHeaders({ modelarts: MA }),
  credentialHeaders: ["x-modelarts-project-id", "x-modelarts-token"],
  secrets: () => [MA.token],
  lists: {
    jobs: { typename: "ModelArtsExportTask", count: 20 },
    datasets: { typename: "ModelArtsDataset", count: 16 },
  },
  bystander: { provider: "NEXUS", headers: () => credentialHeaders({ nexus: NEXUS }), lists: ["jobs", "datasets"] },
  upstreamFailure: {
    start: () => modelArts.setFaults({ errorRate: 1, errorStatus: 503 }),
    stop: () => modelArts.clearFaults(),
  },
});
