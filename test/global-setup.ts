/**
 * Vitest global setup: one emulator and one gateway for the whole run, both real Workers under workerd, wired to
 * each other over real HTTP. Tests read their URLs with `inject("emulatorUrl")` and `inject("gatewayUrl")`.
 */
import type { TestProject } from "vitest/node";
import { watchProcessOutput } from "./utils/leak-needles";
import { startWorker } from "./utils/workers";

declare module "vitest" {
  export interface ProvidedContext {
    /** Base URL of the Nexus emulator, for example `http://127.0.0.1:41234`. */
    emulatorUrl: string;
    /** Base URL of the gateway; GraphQL is at `${gatewayUrl}/graphql`. */
    gatewayUrl: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  // The Workers' log lines come out of this process: none may carry an upstream key (issue 7's leak test).
  const output = watchProcessOutput();
  const emulator = await startWorker({ config: "emulator/wrangler.toml" });
  const gateway = await startWorker({
    config: "wrangler.toml",
    // The gateway's settings for tests: the emulator behind it, and no default credentials, so that every test
    // says which project it acts as (x-nexus-project-id / x-nexus-secret-key).
    vars: {
      NEXUS_API_URL: emulator.url,
      NEXUS_PROJECT_ID: "",
      NEXUS_SECRET_KEY: "",
      // Graviti: the emulator's /graviti, and no default key (tests send x-graviti-access-key when they want it).
      GRAVITI_API_URL: `${emulator.url}/graviti`,
      GRAVITI_ACCESS_KEY: "",
      // ModelArts: the emulator's ModelArts API, and no default project or token either.
      MODELARTS_API_URL: `${emulator.url}/modelarts`,
      MODELARTS_PROJECT_ID: "",
      MODELARTS_TOKEN: "",
      // Subscriptions poll fast in tests (jobs run at 20 ms per item), and give up after 3 failed polls.
      POLL_INTERVAL_MS: "200",
      POLL_MAX_INTERVAL_MS: "1000",
      POLL_MAX_FAILURES: "3",
      // Like .dev.vars: a development key that seals subscribers' credentials in the watch objects' storage
      // (subscriptions are refused without one). Tests that start their own gateway get it from .dev.vars.
      STATE_ENCRYPTION_KEY: "test-state-key-not-secret",
      // SSE streams end after 15 s: behind wrangler's dev proxy (as under `npm run dev`) the gateway often does not
      // see an SSE client go, and then this lifetime is what releases their listeners (tests assert polling stops
      // within it). The tests reach the gateway at its own address, but keep the bound.
      SUBSCRIPTION_MAX_LIFETIME_MS: "15000",
      // One upstream call gives up after 4 s, so the gateway's timeout tests (emulator latency faults) end quickly.
      UPSTREAM_TIMEOUT_MS: "4000",
      // No terminal cache: test files reset their emulator tenant, and seeded ids come back with new times, so a
      // cached job or log would be another reset's. test/gateway/terminal-cache.test.ts starts a gateway with it on.
      TERMINAL_CACHE_TTL_SECONDS: "0",
      // Like .dev.vars: GraphiQL, introspection and the jobs page on, and gateway auth explicitly off. One browser
      // origin is allowed cross-origin, for the CORS tests; test/gateway/security-*.test.ts start gateways with
      // other settings.
      GATEWAY_AUTH: "off",
      GRAPHIQL: "true",
      INTROSPECTION: "true",
      JOBS_PAGE: "true",
      CORS_ORIGINS: "https://app.example.com",
      // Like .dev.vars: the emulator is on loopback over plain http, so webhook endpoints may be private hosts, and
      // the emulator's upload URLs (http://127.0.0.1:port/upload/…) are allowed. test/gateway/public-endpoints.test.ts
      // starts a gateway with the production rules.
      WEBHOOK_ALLOW_PRIVATE: "true",
      UPLOAD_ALLOWED_HOSTS: "127.0.0.1",
    },
  });
  project.provide("emulatorUrl", emulator.url);
  project.provide("gatewayUrl", gateway.url);
  return async () => {
    await Promise.all([gateway.worker.dispose(), emulator.worker.dispose()]);
    output.stop();
    const leaks = output.found();
    if (leaks.length > 0) {
      // vitest reports an error thrown here but still exits 0: fail the run explicitly.
      process.exitCode = 1;
      throw new Error(`Upstream keys in the Workers' output:\n${leaks.join("\n")}`);
    }
  };
}
