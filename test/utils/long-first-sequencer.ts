/**
 * The order of the test files: Vitest's (its `BaseSequencer`: longest first by the last run's durations, failed files
 * first), except that in a run without those durations (a fresh checkout, as in CI) the files known to be long start
 * first. Vitest then falls back to the largest files first, and the longest files of the suite are among the smallest
 * on disk (the conformance files hold a profile and call a shared suite): they started last, and the integration
 * files ended on them, one worker busy and the others idle.
 */
import { relative } from "node:path";
import { BaseSequencer, type TestSpecification } from "vitest/node";

/**
 * Files that take longest in their group (a full run's per-file times), longest first, as paths from the root. A
 * file missing from the list only loses its head start.
 */
export const LONG_FILES: readonly string[] = [
  "test/subscriptions/listener-credentials.test.ts",
  "test/browser/jobs-page-live-list.test.ts",
  "test/gateway/fuzz.test.ts",
  "test/subscriptions/session-expiry.test.ts",
  "test/gateway/resilience.test.ts",
  "test/gateway/large-project.test.ts",
  "test/modelarts/jobs.test.ts",
  "test/gateway/graviti-cost.test.ts",
  "test/telemetry/traces.test.ts",
  "test/modelarts/merged-walks.test.ts",
  "test/gateway/chaos.test.ts",
  "test/browser/jobs-page.test.ts",
  "test/browser/graphiql.test.ts",
  "test/gateway/log-connection.test.ts",
  "test/subscriptions/stream-end.test.ts",
  "test/gateway/pagination.test.ts",
  "test/conformance/nexus.test.ts",
  "test/graviti/mixed-walks.test.ts",
  "test/conformance/modelarts.test.ts",
  "test/emulator/control.test.ts",
  "test/gateway/three-platforms.test.ts",
  "test/conformance/graviti.test.ts",
  "test/conformance/memory.test.ts",
];

/** Vitest's order, with {@link LONG_FILES} first in each project when a file of it has no recorded duration. */
export default class LongFirstSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const root = this.ctx.config.root;
    const path = (spec: TestSpecification): string => relative(root, spec.moduleId).replace(/\\/g, "/");
    const unmeasured = (spec: TestSpecification): boolean =>
      this.ctx.cache.getFileTestResults(`${spec.project.name}:${path(spec)}`) === undefined;
    const rank = (spec: TestSpecification): number => {
      const at = LONG_FILES.indexOf(path(spec));
      return at === -1 ? LONG_FILES.length : at;
    };
    // Vitest runs the projects of a group one after the other, in the order sorted gives them: reorder within each
    // project's run of files only.
    const result: TestSpecification[] = [];
    let start = 0;
    while (start < sorted.length) {
      const project = sorted[start]?.project.name;
      let end = start;
      while (end < sorted.length && sorted[end]?.project.name === project) end += 1;
      const run = sorted.slice(start, end);
      // Array.prototype.sort is stable: the files outside the list keep Vitest's order.
      result.push(...(run.some(unmeasured) ? run.sort((a, b) => rank(a) - rank(b)) : run));
      start = end;
    }
    return result;
  }
}
