/**
 * Job logs: `NexusJob.logs(...)`, the `NexusLogEntry` type and its global id. The upstream has no page tokens for
 * logs (only time bounds), so the field is a filtered list, not a connection. A log entry's global id holds the job
 * id, the entry's time and its id (`<jobId>:<createTime>:<entryId>`), so `node(id:)` can find it again with one
 * narrow logs call.
 */
import type { GatewayContext } from "../context";
import { badUserInput } from "../errors";
import type { LogLevel, NexusJobLogsArgs, Resolvers } from "../generated/resolvers-types";
import { toGlobalId } from "../global-id";
import type { NexusJobParent, NexusLogEntryParent } from "./parents";

/** Most entries one logs call may return (the upstream's limit). */
export const MAX_LOG_ENTRIES = 1000;

const WIRE_LEVELS: Record<LogLevel, string> = { DEBUG: "Debug", INFO: "Info", WARNING: "Warning", ERROR: "Error" };
const LEVELS_BY_WIRE: ReadonlyMap<string, LogLevel> = new Map(
  Object.entries(WIRE_LEVELS).map(([level, wire]) => [wire.toLowerCase(), level as LogLevel]),
);

/** The wire level of a `LogLevel` (`WARNING` → `Warning`). */
export function logLevelToNexus(level: LogLevel): string {
  return WIRE_LEVELS[level];
}

/** The `LogLevel` of a wire level, case-insensitively; null for a level we do not know. */
export function logLevelFromNexus(level: string): LogLevel | null {
  return LEVELS_BY_WIRE.get(level.toLowerCase()) ?? null;
}

/** The raw id inside a log entry's global id. */
export function logEntryRawId(entry: NexusLogEntryParent): string {
  return `${entry.jobId}:${entry.createTime}:${entry.id}`;
}

/**
 * Finds one log entry by the raw id inside its global id (see the module comment); null when it is gone.
 * Throws `BAD_USER_INPUT` when the raw id is malformed.
 */
export async function loadLogEntry(
  rawId: string,
  context: GatewayContext,
  argumentName: string,
): Promise<NexusLogEntryParent | null> {
  const [jobId, time, ...rest] = rawId.split(":");
  const entryId = rest.join(":");
  const createTime = Number(time);
  if (!jobId || !entryId || !Number.isInteger(createTime)) {
    throw badUserInput(`Argument "${argumentName}": not a valid log entry id.`);
  }
  // Both bounds are exclusive upstream: (t-1, t+1) holds exactly the entries written at t.
  const logs = await context.loaders().logsByJobId.load({
    jobId,
    afterTime: createTime - 1,
    beforeTime: createTime + 1,
    maxEntries: MAX_LOG_ENTRIES,
  });
  const entry = logs?.entries.find((candidate) => candidate.id === entryId);
  return entry === undefined ? null : { ...entry, jobId };
}

async function jobLogs(job: NexusJobParent, args: NexusJobLogsArgs, context: GatewayContext): Promise<NexusLogEntryParent[]> {
  const limit = args.limit ?? 100;
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_LOG_ENTRIES) {
    throw badUserInput(`Argument "limit" must be an integer from 1 to ${MAX_LOG_ENTRIES}, got ${limit}.`);
  }
  if (args.since != null && args.until != null && args.since >= args.until) {
    throw badUserInput(`Argument "since" must be before "until".`);
  }
  const logs = await context.loaders().logsByJobId.load({
    jobId: job.id,
    maxEntries: limit,
    ...(args.minLevel == null ? {} : { minLevel: logLevelToNexus(args.minLevel) }),
    ...(args.since == null ? {} : { afterTime: args.since }),
    ...(args.until == null ? {} : { beforeTime: args.until }),
  });
  return (logs?.entries ?? []).map((entry) => ({ ...entry, jobId: job.id }));
}

/** `NexusJob.logs` and the `NexusLogEntry` fields. */
export const logResolvers: Resolvers = {
  NexusJob: {
    logs: (job, args, context) => jobLogs(job, args, context),
  },
  NexusLogEntry: {
    id: (entry) => toGlobalId("NexusLogEntry", logEntryRawId(entry)),
    nexusId: (entry) => entry.id,
    jobId: (entry) => toGlobalId("NexusJob", entry.jobId),
    createdAt: (entry) => entry.createTime,
    level: (entry) => String(entry.level),
    severity: (entry) => logLevelFromNexus(String(entry.level)),
    kind: (entry) => String(entry.kind),
    item: (entry) => entry.item ?? null,
    status: (entry) => entry.status ?? null,
    timeMs: (entry) => (typeof entry.timeMs === "number" ? entry.timeMs : null),
    reason: (entry) => entry.reason ?? null,
  },
};
