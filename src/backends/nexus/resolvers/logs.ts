/**
 * Job logs: `NexusJob.logs(...)` and the `NexusLogEntry` type. The upstream has no page tokens for logs (only time
 * bounds), so the field is a filtered list, not a connection. A log entry's global id holds the job id, the
 * entry's time and its id (`<jobId>:<createTime>:<entryId>`), so `node(id:)` can find it again with one narrow logs
 * call (`NexusSession.logEntry`).
 */
import { badUserInput } from "../../../errors";
import type { Resolvers } from "../../../generated/resolvers-types";
import { toGlobalId } from "../../../global-id";
import { logLevelFromWire, logLevelToWire } from "../../../log-levels";
import { MAX_LOG_ENTRIES, nexusSession } from "../session";
import type { NexusLogEntryModel } from "../to-model";

/** The reference inside a log entry's global id. */
export function logEntryRef(entry: NexusLogEntryModel): string {
  return `${entry.jobRef}:${entry.createdAt}:${entry.ref}`;
}

/** `NexusJob.logs` and the `NexusLogEntry` fields. */
export const nexusLogResolvers: Resolvers = {
  NexusJob: {
    logs: async (job, args, context) => {
      const limit = args.limit ?? 100;
      if (!Number.isInteger(limit) || limit < 1 || limit > MAX_LOG_ENTRIES) {
        throw badUserInput(`Argument "limit" must be an integer from 1 to ${MAX_LOG_ENTRIES}, got ${limit}.`);
      }
      if (args.since != null && args.until != null && args.since >= args.until) {
        throw badUserInput(`Argument "since" must be before "until".`);
      }
      const entries = await nexusSession(context).loaders.logsByJobId.load({
        jobId: job.ref,
        maxEntries: limit,
        ...(args.minLevel == null ? {} : { minLevel: logLevelToWire(args.minLevel) }),
        ...(args.since == null ? {} : { afterTime: args.since }),
        ...(args.until == null ? {} : { beforeTime: args.until }),
      });
      return entries ?? [];
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
