/**
 * The request's DataLoaders over one Nexus client, and the list walks they share. Within one request no page and
 * no object is fetched twice: list pages are cached by page token, every listed item primes its `…ById` loader, and
 * `jobsByDatasetId` is fed by ONE walk of the jobs list, however many datasets ask. Every loader returns models
 * (`to-model.ts`), keyed by Nexus ids.
 *
 * Choosing GET-per-id or a list walk, by what each costs in calls and bytes, follows `../by-id-walk.ts` (shared with
 * Graviti): a batch of at most two ids is fetched with one GET each; a bigger one walks the list in reads sized to
 * the batch, doubling up to {@link UPSTREAM_LIST_LIMIT}, and GETs what the walk left, unless it read the whole
 * list. A 404 becomes `null` (a missing object is not an error in a query).
 */
import DataLoader from "dataloader";
import { asError, nullWhenNotFound, UpstreamError } from "../../errors";
import type { Chunk, ChunkReader } from "../../pagination/positioned";
import { tokenPageSource, type PageSource } from "../../pagination/sources";
import { sortKeyOf } from "../../pagination/sort-key";
import type { Provider } from "../../model";
import { walkForIds } from "../by-id-walk";
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
    const { found, walkedWholeList } = await walkForIds(new Set(ids), {
      read: (token, size) => walker().read(token, size),
      keyOf: (item) => item.ref,
      maxLimit: UPSTREAM_LIST_LIMIT,
    });
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
