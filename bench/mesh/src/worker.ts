/**
 * GraphQL Mesh served by Hive Gateway's runtime as a Cloudflare Worker, over the emulator's Nexus API: the gateway
 * `bench/beside-mesh.bench.ts` measures beside ours. The supergraph is Mesh's own composition (`mesh.config.ts`,
 * committed as `supergraph.graphql`), executed with Mesh's REST transport.
 *
 * Settings (`[vars]` or the bench's bindings):
 * - `EMULATOR_URL`: the emulator's origin (default `http://127.0.0.1:8788`, `npm run dev:emulator`).
 * - `DEDUPE`: `"true"` adds `useDeduplicateRequest` (`@graphql-hive/plugin-deduplicate-request`): within one GraphQL
 *   request, identical upstream GETs are sent once. Default off.
 *
 * The gateway is built once per isolate (as ours builds Yoga once), not per request as Hive's Workers example does,
 * so that a request pays for execution, not for parsing the supergraph. `GET /` is answered without the gateway: it
 * is the process's floor in the bench, as `GET /` is for ours.
 */
import { env } from "cloudflare:workers";
import { createGatewayRuntime, type GatewayPlugin } from "@graphql-hive/gateway-runtime";
import { useDeduplicateRequest } from "@graphql-hive/plugin-deduplicate-request";
import rest from "@graphql-mesh/transport-rest";
import composed from "../supergraph.graphql";

/** The origin `mesh.config.ts` writes into the supergraph in place of the emulator's (chosen per run). */
const UPSTREAM_PLACEHOLDER = "http://nexus.upstream.invalid";

interface MeshBenchEnv {
  EMULATOR_URL?: string;
  DEDUPE?: string;
}

const settings = env as unknown as MeshBenchEnv;
const emulatorUrl = (settings.EMULATOR_URL ?? "http://127.0.0.1:8788").replace(/\/+$/, "");
const dedupe = settings.DEDUPE === "true";

/**
 * The dedupe plugin, typed as the runtime's own plugin: its 1.0.5 declarations bundle an older copy of the gateway's
 * types (a `HivePubSub` without `asyncDispose`), which the runtime's 2.12 plugin type no longer accepts; the hooks it
 * uses (`onFetch`) are the same.
 */
function deduplicateRequests(): GatewayPlugin {
  return useDeduplicateRequest() as unknown as GatewayPlugin;
}

const gateway = createGatewayRuntime({
  supergraph: composed.replaceAll(UPSTREAM_PLACEHOLDER, emulatorUrl),
  transports: { rest },
  plugins: () => (dedupe ? [deduplicateRequests()] : []),
  // Production-like: no GraphiQL or landing page, and no log line per request (ours logs nothing per request when
  // its operation logs are off either).
  graphiql: false,
  landingPage: false,
  logging: false,
});

export default {
  async fetch(request: Request): Promise<Response> {
    if (new URL(request.url).pathname === "/") return new Response("mesh-bench\n");
    return gateway.fetch(request);
  },
} satisfies ExportedHandler;
