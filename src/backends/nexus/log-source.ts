/**
 * A Nexus job's log as a page source of the one pagination engine (`pagination/paginate.ts`): its pages are read by
 * key range (`pagination/ranged.ts`) through the time windows of `log-pages.ts`, so a page costs what
 * `readLogPage` costs, and the engine owns the argument rule, the cursors and `pageInfo`, as for every connection.
 */
import type { RangeReader } from "../../pagination/ranged";
import { countByWalking, type PageSource } from "../../pagination/sources";
import { sortKeyOf } from "../../pagination/sort-key";
import { LOG_WINDOW_MAX, readDown, readLogPage, type LogWindowSource, type ReadLogWindow } from "./log-pages";
import type { NexusLogEntryModel } from "./to-model";

/** The connection's time filters, both exclusive (epoch ms); undefined: unbounded. */
export interface LogBounds {
  since: number | undefined;
  until: number | undefined;
}

/** A job's log as a page source, and whether a read found the job gone. */
export interface LogEntrySource extends PageSource<NexusLogEntryModel> {
  /** True once a read found that the job does not exist (its pages are then empty): the field is null. */
  readonly jobGone: boolean;
}

/**
 * The log read by `read` (one upstream call per window, the level filter inside it) within `bounds`, as a page
 * source: `ranged` reads a page by key range (`readLogPage`); `pages()` walks the log from its newest entries in
 * windows of 1000, complete times only; `count()` walks it. Reads reject with the upstream's error, or with
 * `UPSTREAM_UNAVAILABLE` where 1000 entries or more share one time.
 */
export function logEntrySource(read: ReadLogWindow, source: LogWindowSource, bounds: LogBounds): LogEntrySource {
  let jobGone = false;
  const ranged: RangeReader<NexusLogEntryModel> = {
    read: async ({ end, size, after, before }) => {
      const page = await readLogPage(read, source, {
        first: end === "first" ? size : null,
        last: end === "last" ? size : null,
        after,
        before,
        ...bounds,
      });
      if (page === null) {
        jobGone = true;
        return { items: [], hasNextPage: false, hasPreviousPage: false };
      }
      return { items: page.entries, hasNextPage: page.hasNextPage, hasPreviousPage: page.hasPreviousPage };
    },
  };
  const pages = async function* (): AsyncGenerator<readonly NexusLogEntryModel[], void, undefined> {
    for await (const chunk of readDown(read, source, bounds.since, bounds.until, LOG_WINDOW_MAX)) {
      if (chunk === null) {
        jobGone = true;
        return;
      }
      yield chunk.entries;
    }
  };
  return {
    pages,
    count: () => countByWalking(pages(), sortKeyOf),
    ranged,
    get jobGone() {
      return jobGone;
    },
  };
}
