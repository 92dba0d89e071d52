/**
 * A watched jobs list (`jobListUpdated`): reading its first page through the backends' sessions, exactly as the
 * `jobs` query builds it (the same page sources, merge, order and cursors), and working out what changed between two
 * messages. Used by the subscriber's start (with the request's sessions) and by the watch object's poll (with poll
 * sessions), so both see the same shapes.
 *
 * Cost of one read: the `jobs(first, …)` query's first page (Nexus: one list call of about `first + 1` jobs, more
 * when a state or dataset filter leaves it short; ModelArts: its datasets, then each one's export tasks), plus one
 * read of each distinct dataset that an unfinished job on the page runs over (its `progress` needs it; the event
 * carries it, so resolving the message for any number of listeners costs nothing more).
 */
import type { BackendSession } from "../backends/backend";
import { clientErrorJson, UpstreamError } from "../errors";
import { toGlobalId } from "../global-id";
import { isTerminalJobState, type DatasetModel, type JobModel, type Provider } from "../model";
import { filterFingerprint, paginate } from "../pagination/paginate";
import { isolatedSource, mergeSources } from "../pagination/sources";
import { sortKeyOf } from "../pagination/sort-key";
import {
  stableStringify,
  type JobListDigest,
  type JobListEvent,
  type JobListFilter,
  type JobListPage,
  type UnavailablePlatform,
} from "./topics";

/** The filter fingerprint of a list, the same as the `jobs` query's, so the page's cursors work with `jobs(after:)`. */
export function jobListFilterFingerprint(filter: Pick<JobListFilter, "states" | "datasetRef" | "named">): string {
  return filterFingerprint({ state: filter.states, datasetId: filter.datasetRef, provider: filter.named });
}

/** A short, stable hash of a text (two 32-bit FNV-1a passes): equal texts give equal hashes. Never throws. */
export function shortHash(text: string): string {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ text.length;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    a = Math.imul(a ^ code, 0x01000193);
    b = Math.imul(b ^ code, 0x5bd1e995);
  }
  return (a >>> 0).toString(16).padStart(8, "0") + (b >>> 0).toString(16).padStart(8, "0");
}

/** The key of a dataset among the event's datasets. */
const datasetKey = (provider: Provider, ref: string): string => `${provider}:${ref}`;

/**
 * The datasets the unfinished jobs of a page run over, read once each through their backend's session (a dataset
 * that cannot be read is left out: its job's `progress` then reads it itself, as in a query).
 */
async function datasetsOfPage(sessions: readonly BackendSession[], jobs: readonly JobModel[]): Promise<DatasetModel[]> {
  const wanted = new Map<string, { session: BackendSession; ref: string }>();
  for (const job of jobs) {
    if (job.datasetRef === null || isTerminalJobState(job.state)) continue;
    const session = sessions.find((candidate) => candidate.backend.provider === job.provider);
    if (session === undefined) continue;
    wanted.set(datasetKey(job.provider, job.datasetRef), { session, ref: job.datasetRef });
  }
  const read = await Promise.all(
    [...wanted.values()].map(async ({ session, ref }) => {
      const type = session.backend.nodeTypes.find((spec) => spec.kind === "dataset");
      if (type === undefined) return null;
      try {
        const node = await session.node(type.typename, ref);
        return node?.kind === "dataset" ? (node as DatasetModel) : null;
      } catch {
        return null;
      }
    }),
  );
  return read.filter((dataset): dataset is DatasetModel => dataset !== null);
}

/** The digest of a page: each job's global id and the fingerprint of what a client could select of it. */
export function digestOf(page: JobListPage, datasets: readonly DatasetModel[]): JobListDigest {
  const byKey = new Map(datasets.map((dataset) => [datasetKey(dataset.provider, dataset.ref), dataset]));
  const ids: string[] = [];
  const prints: string[] = [];
  for (const { node } of page.edges) {
    const dataset = node.datasetRef === null ? null : (byKey.get(datasetKey(node.provider, node.datasetRef)) ?? null);
    ids.push(toGlobalId(node.typename, node.ref));
    prints.push(shortHash(stableStringify({ job: node, dataset })));
  }
  return { ids, prints };
}

/**
 * The fingerprint of a whole page: its jobs in order, what each holds, whether more follow, and which platforms were
 * unavailable (so that a platform going away or coming back is a change, even when it had no job on the page).
 */
export function pageFingerprint(
  digest: JobListDigest,
  page: JobListPage,
  unavailable: readonly UnavailablePlatform[] = [],
): string {
  const missing = unavailable.map(({ provider, error }) => `${provider}:${String(error.extensions?.["code"])}`);
  return shortHash(
    stableStringify({ digest, more: page.pageInfo.hasNextPage, ...(missing.length ? { missing } : {}) }),
  );
}

/**
 * True for the failures a list watch over several platforms outlives: the platform is down, slow or rate limiting
 * (the `jobs` query shows the other platforms' jobs then too). A refusal of the caller's credentials, a bad filter or
 * a bug still fails the whole read: refused credentials must end their listeners (`resource-watch.ts`).
 */
function isOutage(error: unknown): boolean {
  return error instanceof UpstreamError && ["unavailable", "timeout", "rate-limited"].includes(error.reason);
}

/** The JSON of an outage as messages carry it: the gateway's coded error, with `extensions.provider`. */
function unavailableJson(provider: Provider, error: unknown): UnavailablePlatform {
  const { message, extensions } = clientErrorJson(error);
  return { provider, error: { message, extensions: { ...extensions, provider } } };
}

/**
 * What changed from `previous` to `next`: ids that entered, ids that left, and ids on both whose fingerprint
 * differs. With no previous digest (a first message, or one the watch no longer knows), nothing is said to change.
 */
export function diffDigests(
  previous: JobListDigest | null,
  next: JobListDigest,
): Pick<JobListEvent, "added" | "removed" | "changed"> {
  if (previous === null) return { added: [], removed: [], changed: [] };
  const before = new Map(previous.ids.map((id, index) => [id, previous.prints[index]]));
  const after = new Set(next.ids);
  const added: string[] = [];
  const changed: string[] = [];
  next.ids.forEach((id, index) => {
    if (!before.has(id)) added.push(id);
    else if (before.get(id) !== next.prints[index]) changed.push(id);
  });
  return { added, removed: previous.ids.filter((id) => !after.has(id)), changed };
}

/**
 * Reads the list's first page with `sessions` (one per part, in the filter's part order) and makes its event (with
 * the digest, and nothing said to change). Over several platforms, as the `jobs` query: a platform that is down,
 * slow or rate limiting leaves the page without its jobs and is named in the event's `unavailable` (each message
 * then carries its error, `extensions.provider` set), and the next poll reads it again. Rejects when every platform
 * is out (with the first one's error: the poll schedule retries), and on any other failure (refused credentials
 * end their listeners; `BAD_USER_INPUT` for a page size outside 1..100).
 */
export async function readJobList(sessions: readonly BackendSession[], filter: JobListFilter): Promise<JobListEvent> {
  const jobFilter = { states: filter.states, datasetRef: filter.datasetRef };
  const outages = new Map<Provider, unknown>();
  const sources = sessions.map((session) => {
    const source = session.jobs(jobFilter);
    if (sessions.length === 1) return source;
    const provider = session.backend.provider;
    return isolatedSource(source, (error) => outages.set(provider, error), isOutage);
  });
  const [only] = sources;
  const connection = await paginate<JobModel>({
    kind: "jobs",
    filter: jobListFilterFingerprint(filter),
    args: { first: filter.first },
    source: () => (sources.length === 1 && only !== undefined ? only : mergeSources(sources, sortKeyOf)),
    keyOf: sortKeyOf,
  });
  if (outages.size > 0 && outages.size === sessions.length) throw outages.values().next().value;
  const unavailable = [...outages].map(([provider, error]) => unavailableJson(provider, error));
  const page: JobListPage = { edges: connection.edges, pageInfo: connection.pageInfo };
  const datasets = await datasetsOfPage(
    sessions,
    page.edges.map((edge) => edge.node),
  );
  const digest = digestOf(page, datasets);
  return {
    type: "jobList",
    page,
    datasets,
    added: [],
    removed: [],
    changed: [],
    fingerprint: pageFingerprint(digest, page, unavailable),
    digest,
    terminal: false,
    ...(unavailable.length > 0 ? { unavailable } : {}),
  };
}

/** The event one listener gets: the watch's event without its digest, with the changes since `previous`. */
export function jobListEventFor(event: JobListEvent, previous: JobListDigest | null): JobListEvent {
  const { digest, ...shared } = event;
  return digest === undefined ? shared : { ...shared, ...diffDigests(previous, digest) };
}
