import { defineConfig } from "vitest/config";

/** Benchmarks run against the same real Workers as the tests (see test/global-setup.ts), one file at a time. */
export default defineConfig({
  test: {
    root: new URL("..", import.meta.url).pathname,
    globalSetup: ["test/global-setup.ts"],
    fileParallelism: false,
    hookTimeout: 60_000,
    benchmark: { include: ["bench/**/*.bench.ts"] },
  },
});
