/**
 * Prints one plain closing line, `tests: N passed, N failed, N skipped`, after Vitest's own report, so that any
 * tool reading the log (CI included) can count the tests without knowing Vitest's format. When the browser tests
 * ran without a browser, a second line says they were skipped and how to install one.
 */
import type { Reporter, TestModule } from "vitest/node";
import { BROWSER_MISSING } from "./chromium-path";

export default class SummaryReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>): void {
    let passed = 0;
    let failed = 0;
    let skipped = 0;
    for (const module of testModules) {
      for (const test of module.children.allTests()) {
        const state = test.result().state;
        if (state === "passed") passed += 1;
        else if (state === "failed") failed += 1;
        else skipped += 1;
      }
    }
    process.stdout.write(`\ntests: ${passed} passed, ${failed} failed, ${skipped} skipped\n`);
    const browserTests = testModules.some((module) => /[\\/]test[\\/]browser[\\/]/.test(module.moduleId));
    if (browserTests && BROWSER_MISSING !== null) process.stdout.write(`${BROWSER_MISSING}\n`);
  }
}
