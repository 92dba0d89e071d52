/**
 * The in-memory backend of the suite (test/fixtures/memory-backend/), added through the registry alone, keeps the
 * backend contract (test/conformance/backend-conformance.ts) like the three real ones: on a gateway of this file's
 * own (the only one this folder starts), with Nexus's demo project beside it. Its upstream "fails" for the token
 * `memory-unavailable`, as the emulators' faults make the real ones fail.
 */
import type { TestGateway } from "../utils/test-gateway";
import { useTenant } from "../utils/tenant";
import { describeBackendConformance } from "./backend-conformance";
import { startMemoryGateway } from "./memory-gateway";

const NEXUS = useTenant();
/** The memory backend takes any token; this one stands for a secret that no answer may carry. */
const TOKEN = "memory-conformance-token";

let gateway: TestGateway | undefined;

describeBackendConformance({
  provider: "MEMORY",
  name: "memory",
  client: () => {
    if (gateway === undefined) throw new Error("the memory gateway has not started");
    return gateway.graphql;
  },
  setup: async () => {
    await NEXUS.reset();
    gateway = await startMemoryGateway();
  },
  teardown: async () => {
    await gateway?.dispose();
  },
  headers: () => ({ "x-memory-token": TOKEN }),
  credentialHeaders: ["x-memory-token"],
  secrets: () => [TOKEN],
  lists: { jobs: { typename: "MemoryJob", count: 13 } },
  bystander: {
    provider: "NEXUS",
    headers: () => ({ "x-nexus-project-id": NEXUS.demo.project, "x-nexus-secret-key": NEXUS.demo.key }),
    lists: ["jobs", "datasets"],
  },
  upstreamFailure: {
    start: () => Promise.resolve(),
    stop: () => Promise.resolve(),
    headers: () => ({ "x-memory-token": "memory-unavailable" }),
  },
});
