/**
 * The request's DataLoaders over one Nexus client, and the list walker they share. Within one request no page and
 * no object is fetched twice: list pages are cached by page token, every listed item primes its `…ById` loader, and
 * `jobsByDatasetId` is fed by ONE walk of the jobs list, however many datasets ask.
 *
 * Choosing GET-per-id or a list walk: a batch of at most {@link GET_PER_ID_THRESHOLD} ids is fetched with one GET
 * each. A bigger batch walks the list (limit {@link UPSTREAM_LIST_LIMIT}, usually one call for a whole project)
 * until every id is found, but never spends more list calls than the GETs it replaces; ids still missing then are
 * fetched with one GET each. A 404 becomes `null` (a missing object is not an error in a query).
 */
import DataLoader from "dataloader";
import { isNotFound } from "../../errors";
import type { NexusClient, NexusListQuery } from "./client";
import type { NexusDataset, NexusJob, NexusJobLogs, NexusLogsQuery, NexusPage, NexusWebhook } from "./types";

/** Page size of every upstream list call: the largest the API allows, so a walk makes few calls. */
export const UPSTREAM_LIST_LIMIT = 1000;
/** A batch of at most this many ids is fetched with one GET per id; a bigger one walks the list first. */
export const GET_PER_ID_THRESHOLD = 2;

/** The listable resources. */
export type ListResource = "datasets" | "jobs" | "webhooks";

/** Key of {@link NexusLoaders.logsByJobId}: a job id and the upstream log query. */
export interface LogsKey extends NexusLogsQuery {
  jobId: string;
}

/** Walks a list resource page by page; pages are fetched once per request and shared by every walk. */
export interface ListWalker<T> {
  /** Yields the items of each upstream page in upstream order, fetching the next page only when asked. */
  pages(): AsyncGenerator<T[], void, undefined>;
  /** Every item of the list (walks to the end once per request). */
  all(): Promise<T[]>;
}

/** The per-request loaders. */
export interface NexusLoaders {
  datasetById: DataLoader<string, NexusDataset | null>;
  jobById: DataLoader<string, NexusJob | null>;
  webhookById: DataLoader<string, NexusWebhook | null>;
  /** Every job whose `spec.datasetId` is the key, in upstream order. */
  jobsByDatasetId: DataLoader<string, NexusJob[]>;
  /** A job's log entries for one query; `null` when the job does not exist. */
  logsByJobId: DataLoader<LogsKey, NexusJobLogs | null, string>;
  datasets: ListWalker<NexusDataset>;
  jobs: ListWalker<NexusJob>;
  webhooks: ListWalker<NexusWebhook>;
}

/** Options of {@link createNexusLoaders}. */
export interface NexusLoadersOptions {
  /** Upstream page size of list walks. Default {@link UPSTREAM_LIST_LIMIT}. */
  listLimit?: number;
}

function createListWalker<T extends { id: string }>(
  list: (query: NexusListQuery) => Promise<NexusPage<T>>,
  limit: number,
  prime: (item: T) => void,
): ListWalker<T> {
  // Page promises by token ("" is the first page), so two walks in one request share every call.
  const pageCache = new Map<string, Promise<NexusPage<T>>>();
  const fetchPage = (token: string): Promise<NexusPage<T>> => {
    let page = pageCache.get(token);
    if (page === undefined) {
      page = list({ page: token === "" ? null : token, limit }).then((result) => {
        for (const item of result.data) prime(item);
        return result;
      });
      pageCache.set(token, page);
    }
    return page;
  };
  let allItems: Promise<T[]> | undefined;
  const pages = async function* (): AsyncGenerator<T[], void, undefined> {
    const seenTokens = new Set<string>();
    let token = "";
    for (;;) {
      seenTokens.add(token);
      const page = await fetchPage(token);
      yield page.data;
      const next = page.nextPage;
      // Stop at the end, and on a token we have already followed (a looping upstream must not loop us).
      if (next === null || next === "" || seenTokens.has(next)) return;
      token = next;
    }
  };
  return {
    pages,
    all: () =>
      (allItems ??= (async () => {
        const items: T[] = [];
        for await (const data of pages()) items.push(...data);
        return items;
      })()),
  };
}

async function getOrNull<T>(get: () => Promise<T>): Promise<T | null> {
  try {
    return await get();
  } catch (error) {
    if (isNotFound(error)) return null;
    throw error;
  }
}

function createByIdLoader<T extends { id: string }>(
  get: (id: string) => Promise<T>,
  walker: () => ListWalker<T>,
): DataLoader<string, T | null> {
  return new DataLoader<string, T | null>(async (ids) => {
    const found = new Map<string, T>();
    // True once the whole list has been seen: an id not in it does not exist, and needs no GET to say so.
    let walkedWholeList = false;
    if (ids.length > GET_PER_ID_THRESHOLD) {
      const wanted = new Set(ids);
      let pagesWalked = 0;
      walkedWholeList = true;
      for await (const data of walker().pages()) {
        pagesWalked += 1;
        for (const item of data) if (wanted.has(item.id)) found.set(item.id, item);
        // Stop when every id is found, or before the walk would cost more calls than one GET per id.
        if (found.size === wanted.size || pagesWalked >= ids.length - 1) {
          walkedWholeList = false;
          break;
        }
      }
    }
    return Promise.all(
      ids.map((id): Promise<T | null | Error> => {
        const item = found.get(id);
        if (item !== undefined) return Promise.resolve(item);
        if (walkedWholeList) return Promise.resolve(null);
        return getOrNull(() => get(id)).catch((error: unknown) => (error instanceof Error ? error : new Error(String(error))));
      }),
    );
  });
}

function logsCacheKey(key: LogsKey): string {
  return JSON.stringify([key.jobId, key.beforeTime ?? null, key.afterTime ?? null, key.minLevel ?? null, key.maxEntries ?? null]);
}

/**
 * Creates the loaders of one request over `client`. Loaders cache for the whole request (that is the point); make a
 * new set per request. Loads reject with the client's `UpstreamError` for anything but a 404.
 */
export function createNexusLoaders(client: NexusClient, options: NexusLoadersOptions = {}): NexusLoaders {
  const limit = options.listLimit ?? UPSTREAM_LIST_LIMIT;
  // Each loader and walker refers to the others lazily, through this object.
  const loaders = {} as NexusLoaders;
  loaders.datasetById = createByIdLoader((id) => client.getDataset(id), () => loaders.datasets);
  loaders.jobById = createByIdLoader((id) => client.getJob(id), () => loaders.jobs);
  loaders.webhookById = createByIdLoader((id) => client.getWebhook(id), () => loaders.webhooks);
  loaders.datasets = createListWalker((query) => client.listDatasets(query), limit, (item) => {
    loaders.datasetById.prime(item.id, item);
  });
  loaders.jobs = createListWalker((query) => client.listJobs(query), limit, (item) => {
    loaders.jobById.prime(item.id, item);
  });
  loaders.webhooks = createListWalker((query) => client.listWebhooks(query), limit, (item) => {
    loaders.webhookById.prime(item.id, item);
  });
  loaders.jobsByDatasetId = new DataLoader<string, NexusJob[]>(async (datasetIds) => {
    const byDataset = new Map<string, NexusJob[]>();
    for (const job of await loaders.jobs.all()) {
      const datasetId = job.spec?.datasetId;
      if (datasetId === undefined) continue;
      const list = byDataset.get(datasetId);
      if (list === undefined) byDataset.set(datasetId, [job]);
      else list.push(job);
    }
    return datasetIds.map((id) => byDataset.get(id) ?? []);
  });
  loaders.logsByJobId = new DataLoader<LogsKey, NexusJobLogs | null, string>(
    (keys) =>
      Promise.all(
        keys.map(({ jobId, ...query }) =>
          getOrNull(() => client.getJobLogs(jobId, query)).catch((error: unknown) =>
            error instanceof Error ? error : new Error(String(error)),
          ),
        ),
      ),
    { cacheKeyFn: logsCacheKey },
  );
  return loaders;
}
