/**
 * `jobCounts`: how many jobs each platform holds in each state, for a dashboard's header.
 *
 * No platform offers a count by state (nor a count per state filter), so each platform's whole job list is walked
 * once per request, in its largest reads: Nexus one call per 1000 jobs, ModelArts its datasets and each one's export
 * tasks (`1 + D` calls, within `MODELARTS_JOBS_MAX_DATASETS`), Graviti none (it has no jobs). The same walk as
 * `jobs { totalCount }`; nothing is cached, so the counts are as fresh as the request. One platform's failure is kept
 * to its own part, as in `jobs`: the others' counts come back with one error per failed platform at this field's path.
 */
import { GraphQLError, responsePathAsArray, type GraphQLResolveInfo } from "graphql";
import type { BackendSession } from "../backends/backend";
import type { GatewayContext } from "../backends/gateway-context";
import { toGraphQLError } from "../errors";
import type { JobStateCount, Provider as ProviderValue } from "../generated/resolvers-types";
import type { JobState, Provider } from "../model";
import { sessionsFor } from "./sessions-for";

/** The states in the order the counts list them (the `JobState` enum's). */
const STATE_ORDER: readonly JobState[] = ["WAITING", "RUNNING", "FINISHED", "CANCELLED", "FAILED"];

/** Counts one platform's jobs by state, walking its whole list once (each job once, by its reference). */
async function countByState(session: BackendSession): Promise<Map<JobState, number>> {
  const states = new Map<string, JobState>();
  for await (const page of session.jobs({ states: [], datasetRef: null }).pages()) {
    for (const job of page) states.set(job.ref, job.state);
  }
  const counts = new Map<JobState, number>();
  for (const state of states.values()) counts.set(state, (counts.get(state) ?? 0) + 1);
  return counts;
}

/** The rows of one platform's counts: only states with at least one job, in the enum's order. */
function rowsOf(provider: Provider, counts: Map<JobState, number>): JobStateCount[] {
  return STATE_ORDER.flatMap((state) => {
    const count = counts.get(state) ?? 0;
    // The model keeps the provider as a plain string; its value is the one its backend's fragment adds to the enum.
    return count > 0 ? [{ provider: provider as ProviderValue, state, count }] : [];
  });
}

/**
 * The `jobCounts` resolver: every platform the request has credentials for (or only `provider`'s), in registry
 * order. Throws `UNAUTHENTICATED` when it has none for what it asks, and the platform's error when the only (or
 * every) platform fails; otherwise reports each failed platform's error (with `extensions.provider`) and returns the
 * others' counts.
 */
export async function jobCounts(
  provider: Provider | null,
  context: GatewayContext,
  info: GraphQLResolveInfo,
): Promise<JobStateCount[]> {
  const sessions = sessionsFor(context, provider);
  const outcomes = await Promise.allSettled(sessions.map((session) => countByState(session)));
  const failures: { provider: Provider; error: unknown }[] = [];
  const rows: JobStateCount[] = [];
  outcomes.forEach((outcome, index) => {
    const session = sessions[index];
    if (session === undefined) return;
    if (outcome.status === "fulfilled") rows.push(...rowsOf(session.backend.provider, outcome.value));
    else failures.push({ provider: session.backend.provider, error: outcome.reason });
  });
  const [first] = failures;
  if (first !== undefined && failures.length === sessions.length) throw first.error;
  const path = responsePathAsArray(info.path);
  for (const failure of failures) {
    const mapped = toGraphQLError(failure.error);
    context.fieldErrors.report(
      new GraphQLError(mapped.message, {
        nodes: info.fieldNodes,
        path,
        extensions: { ...mapped.extensions, provider: failure.provider },
      }),
    );
  }
  return rows;
}
