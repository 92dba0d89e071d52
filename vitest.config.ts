import { defineConfig } from "vitest/config";

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
 * Files that load a gateway and emulator so heavily (500 subscriptions at once) that files sharing those Workers
 * suffered: wrangler's dev proxy answered some of their requests 503 "Your worker restarted mid-request", and their
 * polling-based timing slipped. On Workers of their own but beside the integration files, they were starved in
 * turn (first events later than 30 s, polls late enough to pass for quiet). The departure file (1,000 subscriptions
 * coming and going, 50 leaving at once, bounded in time) is the same kind. So they run last, alone, on an emulator
 * and a gateway of their own. Alone, the fan-out file passed at a load average of 19 on 2 cores.
 *
 * The page-size-1 log walks (3,000 pages each way over a 3,000-entry log, about 6,000 requests and 9,000 upstream
 * calls, some 4 minutes per direction on 2 loaded cores) belong here for the same reason: beside the integration
 * files they would load the shared gateway for minutes.
 */
const HEAVY_TESTS = [
  "test/subscriptions/fan-out.test.ts",
  "test/subscriptions/departure.test.ts",
  "test/gateway/log-walk-single.test.ts",
];

/**
 * Integration files at the same time. The suite mostly waits on I/O (HTTP, SSE, WebSockets, polling intervals), so
 * more workers than the machine's 2 cores pay off. Measured on 2 shared cores (load 9 to 16 from other runs): 4
 * workers 54 s, 6 workers 69 to 91 s, 8 workers 86 s for vitest, and fewer timing failures with fewer workers.
 */
const INTEGRATION_WORKERS = 4;

export default defineConfig({
  test: {
    testTimeout: 30_000,
    hookTimeout: 60_000,
    reporters: ["default", "./test/utils/summary-reporter.ts"],
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
          exclude: [...UNIT_TESTS, ...HEAVY_TESTS],
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
          // After the integration files, one at a time, on Workers of its own (its own global setup).
          sequence: { groupOrder: 2 },
          include: HEAVY_TESTS,
          globalSetup: ["test/global-setup.ts"],
          // Every answer a test receives is searched for keys and webhook secrets (test/utils/leak-watch.ts).
          setupFiles: ["test/utils/leak-watch.ts"],
          fileParallelism: false,
          isolate: true,
        },
      },
    ],
  },
});
