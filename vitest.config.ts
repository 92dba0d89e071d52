import { defineConfig, type Plugin } from "vitest/config";
import LongFirstSequencer from "./test/utils/long-first-sequencer";

// wrangler watches a Worker's config file even with `watch: false`, and reloads the Worker when it changes. The
// Workers of a test run must not restart mid-request because someone edits or merges in the checkout meanwhile.
// Set here, it reaches the global setups and every test worker (they inherit the environment).
process.env["WRANGLER_CI_DISABLE_CONFIG_WATCHING"] ??= "true";

/**
 * Tests that need no Worker (pure code: the gateway's and the emulator's modules called directly). New ones go in
 * `test/unit/`; the other files listed here predate that folder.
 */
const UNIT_TESTS = [
  "test/unit/**/*.test.ts",
  "test/emulator/model.test.ts",
  "test/subscriptions/graphql-ws-protocol.test.ts",
  "test/subscriptions/polling-logic.test.ts",
];

/**
 * The fan-out file loads a gateway and emulator so heavily (500 subscriptions at once) that files sharing those
 * Workers saw their polling-based timing slip, and beside the integration files it was starved in turn (first events
 * later than 30 s, polls late enough to pass for quiet). So it runs last, alone, on an emulator and a gateway of its
 * own. Alone, it passed at a load average of 19 on 2 cores.
 */
const FAN_OUT_TESTS = ["test/subscriptions/fan-out.test.ts"];

/**
 * Files too heavy for the integration files' Workers, but not for each other: the departure files (50 subscribers
 * leaving at once, 1,000 subscriptions coming and going, bounded in time, on gateways of their own; mostly waiting
 * for polling to go quiet; the churn in a file, so a test process, of its own) and the page-size-1 log walks (1,200
 * pages each way over a 1,200-entry log, about 2,400 requests; mostly CPU). They run after the integration files,
 * side by side, on Workers of their own: the walks' CPU fills the departure files' waits.
 */
const HEAVY_TESTS = [
  "test/subscriptions/departure-churn.test.ts",
  "test/subscriptions/departure.test.ts",
  "test/gateway/log-walk-single.test.ts",
];

/**
 * Integration files at the same time. The suite mostly waits on I/O (HTTP, SSE, WebSockets, polling intervals), so
 * more workers than the machine's 2 cores pay off. Measured on 2 shared cores (load 9 to 16 from other runs): 4
 * workers 54 s, 6 workers 69 to 91 s, 8 workers 86 s for vitest, and fewer timing failures with fewer workers.
 */
const INTEGRATION_WORKERS = 4;

/**
 * `.graphql` files load as their text, as wrangler bundles them (wrangler.toml's Text rule): the backends' schema
 * fragments reach the tests that import the registry.
 */
const graphqlAsText: Plugin = {
  name: "graphql-as-text",
  transform(code, id) {
    return id.endsWith(".graphql") ? { code: `export default ${JSON.stringify(code)};`, map: null } : undefined;
  },
};

export default defineConfig({
  plugins: [graphqlAsText],
  test: {
    testTimeout: 30_000,
    hookTimeout: 60_000,
    reporters: ["default", "./test/utils/summary-reporter.ts"],
    // In a run without the last run's durations, the files known to be long start first (the file says why).
    sequence: { sequencer: LongFirstSequencer },
    projects: [
      {
        extends: true,
        // Groups run one after the other: the unit tests first (a few seconds), then the integration files.
        test: { name: "unit", include: UNIT_TESTS, sequence: { groupOrder: 0 } },
      },
      {
        extends: true,
        test: {
          name: "integration",
          sequence: { groupOrder: 1 },
          include: ["test/**/*.test.ts"],
          exclude: [...UNIT_TESTS, ...HEAVY_TESTS, ...FAN_OUT_TESTS],
          // One emulator and one gateway for the whole run (real Workers under workerd).
          globalSetup: ["test/global-setup.ts"],
          // Every answer a test receives is searched for keys and webhook secrets (test/utils/leak-watch.ts).
          setupFiles: ["test/utils/leak-watch.ts"],
          // Each file works in its own emulator tenant (test/utils/tenant.ts), so files can run at the same time.
          fileParallelism: true,
          maxWorkers: INTEGRATION_WORKERS,
          // Required: the tenant helpers are evaluated once per file and name the tenant after it.
          isolate: true,
        },
      },
      {
        extends: true,
        test: {
          name: "heavy",
          // After the integration files, side by side, on Workers of their own (its own global setup).
          sequence: { groupOrder: 2 },
          include: HEAVY_TESTS,
          globalSetup: ["test/global-setup.ts"],
          // Every answer a test receives is searched for keys and webhook secrets (test/utils/leak-watch.ts).
          setupFiles: ["test/utils/leak-watch.ts"],
          fileParallelism: true,
          maxWorkers: HEAVY_TESTS.length,
          isolate: true,
        },
      },
      {
        extends: true,
        test: {
          name: "fan-out",
          // Last, alone, on Workers of its own.
          sequence: { groupOrder: 3 },
          include: FAN_OUT_TESTS,
          globalSetup: ["test/global-setup.ts"],
          setupFiles: ["test/utils/leak-watch.ts"],
          fileParallelism: false,
          isolate: true,
        },
      },
    ],
  },
});
