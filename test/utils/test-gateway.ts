/**
 * The one way tests start Workers of their own: `startTestGateway` (the gateway over the run's emulator, with the
 * suite's settings unless told otherwise) and `startTestEmulator`. Both are real Workers under workerd, started by
 * wrangler (`workers.ts`), reached at their own address past wrangler's dev proxy. The run's shared pair is started
 * the same way by test/global-setup.ts.
 */
import { inject } from "vitest";
import { createGraphQLClient, type GraphQLTestClient } from "./graphql-client";
import type { StartedWorker } from "./workers";

/**
 * `workers.ts`, loaded on the first start. It imports wrangler, which takes seconds to load and about 200 MB: most
 * test files only talk to the run's Workers (`suiteGraphQL`, `inject`), and each file runs in a process of its own,
 * so a static import made every one of them load wrangler for nothing.
 */
const loadWorkers = (): Promise<typeof import("./workers")> => import("./workers");

/**
 * The gateway's settings for tests, over the emulator at `emulatorUrl`. The run's gateway has exactly these, and a
 * gateway a test starts has them under its own `vars`.
 */
export const SUITE_GATEWAY_VARS = (emulatorUrl: string): Readonly<Record<string, string>> => ({
  // Every registered backend over its part of the emulator (each backend says where: src/emulator-settings.ts),
  // and no default credentials, so that every test says which project it acts as (its credential headers). A test
  // that wants server-held credentials sets the backend's settings, which win.
  EMULATOR_URL: emulatorUrl,
  EMULATOR_DEMO_CREDENTIALS: "false",
  // Subscriptions poll fast in tests (jobs run at 20 ms per item), and give up after 3 failed polls.
  POLL_INTERVAL_MS: "200",
  POLL_MAX_INTERVAL_MS: "1000",
  POLL_MAX_FAILURES: "3",
  // Like .dev.vars: a development key that seals subscribers' credentials in the watch objects' storage
  // (subscriptions are refused without one).
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
  // No reads shared between requests either (src/upstream/shared-reads.ts): many tests count the upstream calls of
  // requests they send side by side, or read again right after a change made straight on the emulator.
  // test/gateway/shared-reads.test.ts starts a gateway with both on.
  READ_CACHE_TTL_MS: "0",
  SHARED_READS: "false",
  // Like .dev.vars: GraphiQL, introspection and the jobs page on, and gateway auth explicitly off. One browser
  // origin is allowed cross-origin, for the CORS tests.
  GATEWAY_AUTH: "off",
  GRAPHIQL: "true",
  INTROSPECTION: "true",
  JOBS_PAGE: "true",
  CORS_ORIGINS: "https://app.example.com",
  // Like .dev.vars: the emulator is on loopback over plain http, so webhook endpoints may be private hosts, and the
  // emulator's upload URLs (http://127.0.0.1:port/upload/…) are allowed. test/gateway/public-endpoints.test.ts starts
  // a gateway with the production rules.
  WEBHOOK_ALLOW_PRIVATE: "true",
  UPLOAD_ALLOWED_HOSTS: "127.0.0.1",
  // No per-caller rate limits: the test files act as a few callers (their tenants' keys) and, run side by side,
  // send far more than the production budgets a minute (the log walks alone about 6,000 requests).
  // test/gateway/rate-limits.test.ts starts a gateway with small budgets.
  RATE_LIMIT_REQUESTS_PER_MINUTE: "0",
  RATE_LIMIT_SUBSCRIPTIONS_PER_MINUTE: "0",
});

/**
 * Overrides that take the browser and auth settings of {@link SUITE_GATEWAY_VARS} back to production's: gateway
 * auth not opted out of, no GraphiQL, no introspection, no jobs page, no CORS origins (the gateway reads an empty
 * setting as unset). For tests of those defaults: `startTestGateway({ ...PRODUCTION_BROWSER_AND_AUTH, ...vars })`.
 */
export const PRODUCTION_BROWSER_AND_AUTH: Readonly<Record<string, string>> = {
  GATEWAY_AUTH: "",
  GRAPHIQL: "false",
  INTROSPECTION: "false",
  JOBS_PAGE: "false",
  CORS_ORIGINS: "",
};

/** A gateway or emulator Worker a test started. */
export interface TestWorker {
  /** The Worker's own address, for example `http://127.0.0.1:41234`. */
  url: string;
  /** The address of wrangler's dev proxy in front of it (what `npm run dev` gives), for tests of what the proxy does. */
  proxyUrl: string;
  /** wrangler's handle on the Worker. */
  worker: StartedWorker;
  /** Stops the Worker; resolves once it is gone. */
  dispose(): Promise<void>;
}

/** A gateway a test started, with a GraphQL client for it (no default headers: each request says who it acts as). */
export interface TestGateway extends TestWorker {
  graphql: GraphQLTestClient;
}

/** Options of {@link startTestGateway}. */
export interface TestGatewayOptions {
  /** The emulator behind the gateway (default: the run's, `inject("emulatorUrl")`; test/global-setup.ts gives its own). */
  emulatorUrl?: string;
  /** A copy of the sources of the test's own to build it from (`copyOfSources()`), e.g. with a backend added. */
  root?: string;
  /** wrangler's log level for it (default `warn`); `log` prints its `console.log` lines here (`workers.ts`). */
  logLevel?: "warn" | "log";
}

/**
 * Starts the gateway Worker with {@link SUITE_GATEWAY_VARS} overridden by `vars` (default none), over the run's
 * emulator unless `options.emulatorUrl` says otherwise. Rejects if wrangler cannot build or start it.
 */
export async function startTestGateway(
  vars: Record<string, string> = {},
  options: TestGatewayOptions = {},
): Promise<TestGateway> {
  const emulatorUrl = options.emulatorUrl ?? inject("emulatorUrl");
  const { startWorker } = await loadWorkers();
  const started = await startWorker({
    config: "wrangler.toml",
    vars: { ...SUITE_GATEWAY_VARS(emulatorUrl), ...vars },
    ...(options.root === undefined ? {} : { root: options.root }),
    ...(options.logLevel === undefined ? {} : { logLevel: options.logLevel }),
  });
  return {
    url: started.url,
    proxyUrl: started.proxyUrl,
    worker: started.worker,
    graphql: createGraphQLClient(started.url),
    dispose: () => started.worker.dispose(),
  };
}

/** A GraphQL client for the run's gateway (test/global-setup.ts), with no default headers. */
export function suiteGraphQL(): GraphQLTestClient {
  return createGraphQLClient(inject("gatewayUrl"));
}

/** Options of {@link startTestEmulator}. */
export interface TestEmulatorOptions {
  /** A directory to keep the emulator's state in across restarts (default: in memory, gone on dispose). */
  persistTo?: string;
}

/** Starts an emulator Worker of the test's own (seeded, empty request log). Rejects if wrangler cannot start it. */
export async function startTestEmulator(options: TestEmulatorOptions = {}): Promise<TestWorker> {
  const { startWorker } = await loadWorkers();
  const started = await startWorker({
    config: "emulator/wrangler.toml",
    ...(options.persistTo === undefined ? {} : { persistTo: options.persistTo }),
  });
  return {
    url: started.url,
    proxyUrl: started.proxyUrl,
    worker: started.worker,
    dispose: () => started.worker.dispose(),
  };
}
