/**
 * Job logs: `NexusJob.logs(...)` as a Relay connection, and the `NexusLogEntry` type. The upstream has no page
 * tokens for logs (only time bounds), so the log is a page source read by key range (`log-source.ts`, over the time
 * windows of `log-pages.ts`), and the page is built by the engine of every connection (`pagination/paginate.ts`):
 * the same argument rule (`pagination/arguments.ts`), and a cursor that is the entry's position key (createdAt, id)
 * in the gateway's cursor encoding (`pagination/cursor.ts`), bound to the job and the filters. A log entry's global
 * id holds the job id, the entry's time and its id (`<jobId>:<createTime>:<entryId>`), so `node(id:)` can find it
 * again with one narrow logs call (`NexusSession.logEntry`).
 *
 * Why the field changed from a list (`logs(limit)`) to a connection: a list cannot be paged by any Relay, Apollo or
 * urql helper, and a log past the upstream's 1000 entries per call took hand-written paging by time and
 * de-duplication. The order stays newest first, so the common read, the latest entries, is `logs(first: n)` and
 * costs one call, as `logs(limit: n)` did.
 */
import { badUserInput } from "../../../errors";
import type { Resolvers } from "../../../generated/resolvers-types";
import { toGlobalId } from "../../../global-id";
import { logLevelFromWire, logLevelToWire } from "../../../log-levels";
import { isTerminalJobState } from "../../../model";
import { filterFingerprint, paginate } from "../../../pagination/paginate";
import { sortKeyOf } from "../../../pagination/sort-key";
import type { LogWindowQuery } from "../log-pages";
import { logEntrySource, type LogEntrySource } from "../log-source";
import { nexusSession } from "../session";
import type { NexusLogEntryModel } from "../to-model";

/** The connection name inside the cursors of `NexusJob.logs`. */
const LOGS_CURSOR_KIND = "NexusJob.logs";

/** The reference inside a log entry's global id. */
export function logEntryRef(entry: NexusLogEntryModel): string {
  return `${entry.jobRef}:${entry.createdAt}:${entry.ref}`;
}

/** `NexusJob.logs`, its connection, and the `NexusLogEntry` fields. */
export const nexusLogResolvers: Resolvers = {
  NexusJob: {
    logs: async (job, args, context) => {
      // Checked before any upstream call, as the pagination arguments are (by `paginate`).
      if (args.since != null && args.until != null && args.since >= args.until) {
        throw badUserInput(`Argument "since" must be before "until".`);
      }
      // The kind and the fingerprint are those of the cursors issued before the log went through `paginate`, so
      // those cursors still decode (their payload, `{v: 2, k, f, c, p, r}`, is what `paginate` writes for a log).
      const filter = filterFingerprint({ job: job.ref, minLevel: args.minLevel, since: args.since, until: args.until });
      let log: LogEntrySource | undefined;
      const page = await paginate({
        kind: LOGS_CURSOR_KIND,
        filter,
        args,
        source: () => {
          const loaders = nexusSession(context).loaders;
          const minLevel = args.minLevel == null ? {} : { minLevel: logLevelToWire(args.minLevel) };
          // A job seen in a terminal state writes no more entries: its windows may come from the terminal cache.
          const jobSettled = isTerminalJobState(job.state);
          const read = (query: LogWindowQuery) =>
            loaders.logsByJobId.load({ jobId: job.ref, jobSettled, ...minLevel, ...query });
          log = logEntrySource(
            read,
            { path: `/projects/${job.tenant}/batch/jobs/${job.ref}/logs` },
            {
              since: args.since ?? undefined,
              until: args.until ?? undefined,
            },
          );
          return log;
        },
        keyOf: sortKeyOf,
      });
      // A job that is gone has no log: the field is null, as before.
      return log?.jobGone === true ? null : { edges: page.edges, pageInfo: page.pageInfo };
    },
  },
  NexusLogEntry: {
    id: (entry) => toGlobalId("NexusLogEntry", logEntryRef(entry)),
    nexusId: (entry) => entry.ref,
    jobId: (entry) => toGlobalId("NexusJob", entry.jobRef),
    createdAt: (entry) => entry.createdAt,
    level: (entry) => entry.level,
    severity: (entry) => logLevelFromWire(entry.level),
    kind: (entry) => String(entry.wire.kind),
    item: (entry) => entry.wire.item ?? null,
    status: (entry) => entry.wire.status ?? null,
    timeMs: (entry) => (typeof entry.wire.timeMs === "number" ? entry.wire.timeMs : null),
    reason: (entry) => entry.wire.reason ?? null,
  },
};
