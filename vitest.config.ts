import { defineConfig } from "vitest/config";

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
 * Integration files at the same time. The suite mostly waits on I/O (HTTP, SSE, WebSockets, polling intervals),
 * so more workers than the machine's 2 cores pay off; measured on 2 shared cores: see README, Tests.
 */
const INTEGRATION_WORKERS = 6;

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
          exclude: UNIT_TESTS,
          // One emulator and one gateway for the whole run (real Workers under workerd).
          globalSetup: ["test/global-setup.ts"],
          // Each file works in its own emulator tenant (test/utils/tenant.ts), so files can run at the same time.
          fileParallelism: true,
          maxWorkers: INTEGRATION_WORKERS,
          // Required: the tenant helpers are evaluated once per file and name the tenant after it.
          isolate: true,
        },
      },
    ],
  },
});
