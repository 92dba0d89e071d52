/**
 * The request's DataLoader and list pages over one Graviti client. Within one request no list page and no dataset
 * is fetched twice: pages are cached by their range, every listed dataset primes `datasetByRef`, and the walk that
 * finds renamed datasets reads the same cached pages.
 *
 * Order: Graviti lists a workspace oldest first (creation order, new datasets at the end), and the gateway's lists
 * are newest first. So {@link GravitiLoaders.datasets} reads the list from its end: the first call asks
 * `offset=0&limit=128`, which gives the total (and, for a workspace of at most 128 datasets, the whole list); each
 * further page is the next 128 from the end, newest first. A first page of `datasets` costs one list call for a
 * workspace of up to 128 datasets and two beyond; walking the whole list costs ceil(total / 128) calls.
 *
 * Renames: `datasetByRef` asks by workspace and name (one GET). When that is `ResourceNotExist`, or finds a
 * dataset with another `id` (the name was taken again), it walks the list for the `id`: at most ceil(total / 128)
 * list calls (shared with the request's list walks), then null.
 */
import DataLoader from "dataloader";
import { asError, isNotFound } from "../../errors";
import { offsetPageSource, type OffsetPage, type PageSource } from "../../pagination/sources";
import { compareSortKeys, sortKeyOf } from "../../pagination/sort-key";
import { MAX_LIST_LIMIT, type GravitiClient } from "./client";
import { parseGravitiRef } from "./ids";
import { datasetFromGraviti, type GravitiDatasetModel } from "./to-model";

/** The per-request loaders. */
export interface GravitiLoaders {
  /** A dataset by its ref (`ids.ts`); found by `id` when the name in the ref no longer finds it; null when gone. */
  datasetByRef: DataLoader<string, GravitiDatasetModel | null>;
  /** The workspace's datasets, newest first; `count()` is the upstream's `total_count` (one call). */
  datasets: PageSource<GravitiDatasetModel>;
}

/** Options of {@link createGravitiLoaders}. */
export interface GravitiLoadersOptions {
  /** Upstream page size of list calls, 1..128. Default {@link MAX_LIST_LIMIT}. */
  listLimit?: number;
}

interface UpstreamRange {
  items: GravitiDatasetModel[];
  total: number;
}

/**
 * Creates the loaders of one request over `client`, for `tenant`. Loaders cache for the whole request; make a new set
 * per request. Loads reject with the client's `UpstreamError` for anything but a not-found.
 */
export function createGravitiLoaders(
  client: GravitiClient,
  tenant: string,
  options: GravitiLoadersOptions = {},
): GravitiLoaders {
  const limit = Math.min(MAX_LIST_LIMIT, Math.max(1, options.listLimit ?? MAX_LIST_LIMIT));
  // Upstream ranges by `offset:limit`, so two walks in one request share every call.
  const ranges = new Map<string, Promise<UpstreamRange>>();
  const loaders = {} as GravitiLoaders;

  const range = (offset: number, size: number): Promise<UpstreamRange> => {
    const key = `${offset}:${size}`;
    let page = ranges.get(key);
    if (page === undefined) {
      page = client.listDatasets(offset, size).then((result) => {
        const items = result.datasets.map((wire) => datasetFromGraviti(wire, tenant));
        for (const item of items) loaders.datasetByRef.prime(item.ref, item);
        return { items, total: result.total_count };
      });
      ranges.set(key, page);
    }
    return page;
  };

  // Page `skip` items from the newest end, `size` long, newest first. The oldest range [0, limit) is always read
  // first: it gives the total, and it is the list's last page from the newest end.
  const fromNewest = async (skip: number, size: number): Promise<OffsetPage<GravitiDatasetModel>> => {
    const oldest = await range(0, limit);
    const total = oldest.total;
    const end = total - skip;
    if (end <= 0) return { items: [], total };
    const start = Math.max(0, end - size);
    const items = end <= oldest.items.length ? oldest.items.slice(start, end) : (await range(start, end - start)).items;
    // Newest first; a sort (not a reverse) also orders datasets created in the same second by the tie-break.
    return { items: [...items].sort((a, b) => compareSortKeys(sortKeyOf(a), sortKeyOf(b))), total };
  };
  // Counting needs only the total, which the oldest range already carries: one call, never a second.
  loaders.datasets = { ...offsetPageSource(fromNewest, limit), count: async () => (await range(0, limit)).total };

  const findById = async (ids: ReadonlySet<string>): Promise<Map<string, GravitiDatasetModel>> => {
    const found = new Map<string, GravitiDatasetModel>();
    for await (const page of loaders.datasets.pages()) {
      for (const item of page) if (ids.has(item.wire.id)) found.set(item.wire.id, item);
      if (found.size === ids.size) break;
    }
    return found;
  };

  loaders.datasetByRef = new DataLoader<string, GravitiDatasetModel | null>(async (refs) => {
    const byName = await Promise.all(
      refs.map(async (ref): Promise<GravitiDatasetModel | null | "walk" | Error> => {
        const parsed = parseGravitiRef(ref);
        if (parsed === null) return null;
        try {
          const dataset = datasetFromGraviti(await client.getDataset(parsed.workspace, parsed.name), tenant);
          // The name was taken again by another dataset: this is not the one the id was handed out for.
          return dataset.wire.id === parsed.id ? dataset : "walk";
        } catch (error) {
          return isNotFound(error) ? "walk" : asError(error);
        }
      }),
    );
    const missing = new Set<string>();
    refs.forEach((ref, index) => {
      if (byName[index] === "walk") missing.add(parseGravitiRef(ref)?.id ?? "");
    });
    let found = new Map<string, GravitiDatasetModel>();
    if (missing.size > 0) {
      try {
        found = await findById(missing);
      } catch (error) {
        const failure = asError(error);
        return byName.map((result) => (result === "walk" ? failure : result));
      }
    }
    return refs.map((ref, index) => {
      const result = byName[index];
      if (result !== "walk") return result ?? null;
      return found.get(parseGravitiRef(ref)?.id ?? "") ?? null;
    });
  });
  return loaders;
}
