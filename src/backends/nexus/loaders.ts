/**
 * The request's DataLoaders over one Nexus client, and the list walks they share. Within one request no page and
 * no object is fetched twice: list pages are cached by page token, every listed item primes its `…ById` loader, and
 * `jobsByDatasetId` is fed by ONE walk of the jobs list, however many datasets ask. Every loader returns models
 * (`to-model.ts`), keyed by Nexus ids.
 *
 * Choosing GET-per-id or a list walk, by what each costs in calls and bytes: a batch of at most
 * {@link GET_PER_ID_THRESHOLD} ids is fetched with one GET each. A bigger batch walks the list in reads sized to the
 * batch ({@link walkLimitOf}: half as many items again as ids, so a page's related objects, which are mostly among
 * the newest, come in one call of tens of kilobytes rather than a read of 1000 that answers hundreds), each further
 * read twice as long, up to {@link UPSTREAM_LIST_LIMIT}. The walk stops once every id is found, or at the list's
 * end (an id not in it does not exist). It also stops when the ids still missing are few
 * ({@link MAX_GETS_AFTER_WALK}), or when its last read found fewer than two of them and they are not many
 * ({@link MAX_GETS_INSTEAD_OF_READS}): a further read would then cost a call and many objects' bytes to save at most
 * a GET or two. The ids left are fetched with one GET each. Many ids left (more than the free plan's subrequests
 * would bear) keep the walk going: its reads are bounded by the list's length. A 404 becomes `null` (a missing
 * object is not an error in a query).
 */
import DataLoader from "dataloader";
import { asError, nullWhenNotFound, UpstreamError } from "../../errors";
import type { Chunk, ChunkReader } from "../../pagination/positioned";
import { tokenPageSource, type PageSource } from "../../pagination/sources";
import { sortKeyOf } from "../../pagination/sort-key";
import type { Provider } from "../../model";
import type { NexusClient, NexusListQuery } from "./client";
import {
  datasetFromNexus,
  jobFromNexus,
  logEntryFromNexus,
  webhookFromNexus,
  type NexusDatasetModel,
  type NexusJobModel,
  type NexusLogEntryModel,
  type NexusWebhookModel,
} from "./to-model";
import type { NexusLogsQuery, NexusPage } from "./types";

/**
 * Page size of the list walks that need a whole list (by-id batches, `dataset.jobs`, `totalCount`, a page whose
 * cursor cannot resume): the largest the API allows, so a walk makes few calls. Connection pages read what they
 * need instead (`pagination/positioned.ts`).
 */
export const UPSTREAM_LIST_LIMIT = 1000;
/** A batch of at most this many ids is fetched with one GET per id; a bigger one walks the list first. */
export const GET_PER_ID_THRESHOLD = 2;
/** The shortest first read of a by-id walk: a list read costs a call whatever its size, so a tiny one saves little. */
export const MIN_WALK_LIMIT = 20;
/** Ids still missing after a walk's read are fetched with one GET each when at most this many. */
export const MAX_GETS_AFTER_WALK = 4;
/**
 * Ids still missing after a walk's read that found fewer than two of them are fetched with one GET each when at most
 * this many; more keep the walk going. Well under the 50 subrequests a Worker has per request on the free plan.
 */
export const MAX_GETS_INSTEAD_OF_READS = 20;

/**
 * The first read of a by-id walk for a batch of `ids` ids: one and a half items per id (related objects cluster
 * among the newest, but not only there), at least {@link MIN_WALK_LIMIT}, at most {@link UPSTREAM_LIST_LIMIT}.
 */
export function walkLimitOf(ids: number): number {
  return Math.min(UPSTREAM_LIST_LIMIT, Math.max(MIN_WALK_LIMIT, Math.ceil((ids * 3) / 2)));
}

/** Key of {@link NexusLoaders.logsByJobId}: a job id and the upstream log query. */
export interface LogsKey extends NexusLogsQuery {
  jobId: string;
  /** The job is known to be in a terminal state: its log no longer grows, so the read may be cached across requests. */
  jobSettled?: boolean;
}

/** A list resource walked page by page; pages are fetched once per request and shared by every walk. */
export interface ListWalker<T> extends PageSource<T> {
  /** Every item of the list (walks to the end once per request). */
  all(): Promise<T[]>;
  /**
   * One read of `size` items from `token` (null: the list's start), shared with every other read of the same token
   * and size in the request; `tail` is the token of the items after it, null at the list's end. Rejects as the
   * client does.
   */
  read(token: string | null, size: number): Promise<Chunk<T>>;
}

/** The per-request loaders. */
export interface NexusLoaders {
  datasetById: DataLoader<string, NexusDatasetModel | null>;
  jobById: DataLoader<string, NexusJobModel | null>;
  webhookById: DataLoader<string, NexusWebhookModel | null>;
  /** Every job whose `spec.datasetId` is the key, in upstream order. */
  jobsByDatasetId: DataLoader<string, NexusJobModel[]>;
  /** A job's log entries for one query, newest first; `null` when the job does not exist. */
  logsByJobId: DataLoader<LogsKey, NexusLogEntryModel[] | null, string>;
  datasets: ListWalker<NexusDatasetModel>;
  jobs: ListWalker<NexusJobModel>;
  webhooks: ListWalker<NexusWebhookModel>;
}

/** Options of {@link createNexusLoaders}. */
export interface NexusLoadersOptions {
  /** Upstream page size of list walks. Default {@link UPSTREAM_LIST_LIMIT}. */
  listLimit?: number;
}

function createListWalker<W, T extends { ref: string; createdAt: number; provider: Provider }>(
  list: (query: NexusListQuery) => Promise<NexusPage<W>>,
  toModel: (wire: W) => T,
  limit: number,
  prime: (item: T) => void,
): ListWalker<T> {
  // Reads by token and size ("" is the first page), so two walks in one request share every call: the walk of a
  // whole list (`all`, by-id batches, counts) in the largest pages, the pages of connections in reads sized to them.
  const readCache = new Map<string, Promise<Chunk<T>>>();
  const read = (token: string | null, size: number): Promise<Chunk<T>> => {
    const key = `${size}:${token ?? ""}`;
    let chunk = readCache.get(key);
    if (chunk === undefined) {
      chunk = list({ page: token, limit: size }).then((result) => {
        const items = result.data.map(toModel);
        for (const item of items) prime(item);
        return { items, head: result.prevPage, tail: result.nextPage };
      });
      readCache.set(key, chunk);
    }
    return chunk;
  };
  const source = tokenPageSource(async (token, size) => {
    const chunk = await read(token, size ?? limit);
    return { items: chunk.items, next: chunk.tail };
  }, sortKeyOf);
  // Nexus tokens carry their own direction (`nextPage` reads on, `prevPage` reads back): one call serves both.
  const reader: ChunkReader<T> = {
    after: read,
    before: read,
    maxLimit: UPSTREAM_LIST_LIMIT,
    isRefusedToken: (error) => error instanceof UpstreamError && error.reason === "bad-input",
  };
  let allItems: Promise<T[]> | undefined;
  return {
    ...source,
    positioned: { provider: "NEXUS", reader, include: () => true },
    read,
    all: () =>
      (allItems ??= (async () => {
        const items: T[] = [];
        for await (const data of source.pages()) items.push(...data);
        return items;
      })()),
  };
}

function createByIdLoader<T extends { ref: string }>(
  get: (id: string) => Promise<T>,
  walker: () => ListWalker<T>,
): DataLoader<string, T | null> {
  return new DataLoader<string, T | null>(async (ids) => {
    const found = new Map<string, T>();
    // True once the whole list has been seen: an id not in it does not exist, and needs no GET to say so.
    let walkedWholeList = false;
    if (ids.length > GET_PER_ID_THRESHOLD) {
      const wanted = new Set(ids);
      let token: string | null = null;
      let size = walkLimitOf(wanted.size);
      for (;;) {
        const chunk: Chunk<T> = await walker().read(token, size);
        const before = found.size;
        for (const item of chunk.items) if (wanted.has(item.ref)) found.set(item.ref, item);
        const missing = wanted.size - found.size;
        if (missing === 0) break;
        if (chunk.tail === null) {
          walkedWholeList = true;
          break;
        }
        // A GET each for the rest: they are few, or reads have stopped paying for their call and bytes.
        if (missing <= MAX_GETS_AFTER_WALK) break;
        if (found.size - before < 2 && missing <= MAX_GETS_INSTEAD_OF_READS) break;
        token = chunk.tail;
        size = Math.min(UPSTREAM_LIST_LIMIT, size * 2);
      }
    }
    return Promise.all(
      ids.map((id): Promise<T | null | Error> => {
        const item = found.get(id);
        if (item !== undefined) return Promise.resolve(item);
        if (walkedWholeList) return Promise.resolve(null);
        return nullWhenNotFound(() => get(id)).catch(asError);
      }),
    );
  });
}

function logsCacheKey(key: LogsKey): string {
  return JSON.stringify([
    key.jobId,
    key.beforeTime ?? null,
    key.afterTime ?? null,
    key.minLevel ?? null,
    key.maxEntries ?? null,
  ]);
}

/**
 * Creates the loaders of one request over `client`. Loaders cache for the whole request (that is the point); make a
 * new set per request. Loads reject with the client's `UpstreamError` for anything but a 404.
 */
export function createNexusLoaders(client: NexusClient, options: NexusLoadersOptions = {}): NexusLoaders {
  const limit = options.listLimit ?? UPSTREAM_LIST_LIMIT;
  const project = client.projectId;
  const toDataset = (wire: Parameters<typeof datasetFromNexus>[0]) => datasetFromNexus(wire, project);
  const toJob = (wire: Parameters<typeof jobFromNexus>[0]) => jobFromNexus(wire, project);
  const toWebhook = (wire: Parameters<typeof webhookFromNexus>[0]) => webhookFromNexus(wire, project);
  // Each loader and walker refers to the others lazily, through this object.
  const loaders = {} as NexusLoaders;
  loaders.datasetById = createByIdLoader(
    async (id) => toDataset(await client.getDataset(id)),
    () => loaders.datasets,
  );
  loaders.jobById = createByIdLoader(
    async (id) => toJob(await client.getJob(id)),
    () => loaders.jobs,
  );
  loaders.webhookById = createByIdLoader(
    async (id) => toWebhook(await client.getWebhook(id)),
    () => loaders.webhooks,
  );
  loaders.datasets = createListWalker(
    (query) => client.listDatasets(query),
    toDataset,
    limit,
    (item) => {
      loaders.datasetById.prime(item.ref, item);
    },
  );
  loaders.jobs = createListWalker(
    (query) => client.listJobs(query),
    toJob,
    limit,
    (item) => {
      loaders.jobById.prime(item.ref, item);
    },
  );
  loaders.webhooks = createListWalker(
    (query) => client.listWebhooks(query),
    toWebhook,
    limit,
    (item) => {
      loaders.webhookById.prime(item.ref, item);
    },
  );
  loaders.jobsByDatasetId = new DataLoader<string, NexusJobModel[]>(async (datasetIds) => {
    const byDataset = new Map<string, NexusJobModel[]>();
    for (const job of await loaders.jobs.all()) {
      if (job.datasetRef === null) continue;
      const list = byDataset.get(job.datasetRef);
      if (list === undefined) byDataset.set(job.datasetRef, [job]);
      else list.push(job);
    }
    return datasetIds.map((id) => byDataset.get(id) ?? []);
  });
  loaders.logsByJobId = new DataLoader<LogsKey, NexusLogEntryModel[] | null, string>(
    (keys) =>
      Promise.all(
        keys.map(({ jobId, jobSettled, ...query }) =>
          nullWhenNotFound(async () =>
            (await client.getJobLogs(jobId, query, { jobSettled: jobSettled === true })).entries.map((entry) =>
              logEntryFromNexus(entry, jobId, project),
            ),
          ).catch(asError),
        ),
      ),
    { cacheKeyFn: logsCacheKey },
  );
  return loaders;
}
