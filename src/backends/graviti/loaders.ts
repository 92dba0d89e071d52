/**
 * The request's DataLoader and list reads over one Graviti client. Within one request no list range and no dataset
 * is fetched twice: ranges are cached (a read inside one already asked is cut from it), every listed dataset primes
 * `datasetByRef`, and the walks that find datasets by id read the same cached ranges.
 *
 * Order: Graviti lists a workspace oldest first (creation order, new datasets at the end), and the gateway's lists
 * are newest first. So {@link GravitiLoaders.datasets} reads the list from its end, by position
 * (`pagination/positioned.ts`): a token is an upstream offset (a boundary in creation order, which new datasets
 * never move), and a read of `n` after it is the `n` datasets just older, newest first. A read from the newest end
 * must know the total first: the first such read of a request asks `offset=0&limit=n`, which gives the total (and,
 * for a workspace of at most `n` datasets, the whole list), then the newest `n`. So a first page of `datasets` costs
 * one list call for a small workspace and two beyond; a page from a cursor reads around the cursor's offset, two
 * small reads wherever it is (a cursor whose offset no longer fits, after older datasets were deleted, walks from the
 * newest end instead: more calls, never a wrong page); walking the whole list costs about ceil(total / 128) calls.
 *
 * Related reads (`datasetByRef`) choose between GETs and list reads by what each costs (`../by-id-walk.ts`, shared
 * with Nexus): up to two refs (three while the request has read no list range, as the walk's first read then costs
 * two calls), one GET each by workspace and name; more, a walk from the newest end in reads sized to the batch (one
 * and a half datasets per ref, at least 20, doubling up to 128), then a GET each for what it left. Renames: when the GET is `ResourceNotExist`, or finds a dataset with
 * another `id` (the name was taken again), the list is walked for the `id`: at most ceil(total / 128) list calls
 * (shared with the request's list reads), then null.
 */
import DataLoader from "dataloader";
import { asError, isNotFound } from "../../errors";
import type { Chunk, ChunkReader } from "../../pagination/positioned";
import type { PageSource } from "../../pagination/sources";
import { compareSortKeys, sortKeyOf } from "../../pagination/sort-key";
import { GET_PER_ID_THRESHOLD, walkForIds, type ByIdWalk } from "../by-id-walk";
import { MAX_LIST_LIMIT, type GravitiClient } from "./client";
import { parseGravitiRef } from "./ids";
import { datasetFromGraviti, type GravitiDatasetModel } from "./to-model";

/** The workspace's datasets, newest first, readable by position. */
export interface GravitiDatasetList extends PageSource<GravitiDatasetModel> {
  /** The reader by position (tokens are upstream offsets); the same one `positioned.reader` holds. */
  reader: ChunkReader<GravitiDatasetModel>;
}

/** The per-request loaders. */
export interface GravitiLoaders {
  /** A dataset by its ref (`ids.ts`); found by `id` when the name in the ref no longer finds it; null when gone. */
  datasetByRef: DataLoader<string, GravitiDatasetModel | null>;
  /** The workspace's datasets, newest first; `count()` is the upstream's `total_count` (one call, or none). */
  datasets: GravitiDatasetList;
}

/** Options of {@link createGravitiLoaders}. */
export interface GravitiLoadersOptions {
  /** Upstream page size of list calls, and the largest read, 1..128. Default {@link MAX_LIST_LIMIT}. */
  listLimit?: number;
}

interface UpstreamRange {
  /** Oldest first, as the upstream lists them. */
  items: GravitiDatasetModel[];
  total: number;
}

interface CachedRange {
  offset: number;
  limit: number;
  answer: Promise<UpstreamRange>;
}

/** A token this reader did not write (a forged cursor): refused like an expired one, so the page walks. */
class NotAGravitiOffset extends Error {}

function offsetOf(token: string): number {
  if (!/^\d{1,9}$/.test(token)) throw new NotAGravitiOffset(`not a Graviti list offset: ${token.slice(0, 20)}`);
  return Number(token);
}

/** Newest first; a sort (not a reverse) also orders datasets created in the same second by the tie-break. */
function newestFirst(items: readonly GravitiDatasetModel[]): GravitiDatasetModel[] {
  return [...items].sort((a, b) => compareSortKeys(sortKeyOf(a), sortKeyOf(b)));
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
  // Every range asked in this request, so that two reads share every call: a read inside a range already asked
  // (answered or not) is cut from it.
  const ranges: CachedRange[] = [];
  const loaders = {} as GravitiLoaders;

  const range = (offset: number, size: number): Promise<UpstreamRange> => {
    const cached = ranges.find((each) => each.offset <= offset && offset + size <= each.offset + each.limit);
    if (cached !== undefined) {
      const from = offset - cached.offset;
      return cached.answer.then(({ items, total }) => ({ items: items.slice(from, from + size), total }));
    }
    const answer = client.listDatasets(offset, size).then((result) => {
      const items = result.datasets.map((wire) => datasetFromGraviti(wire, tenant));
      for (const item of items) loaders.datasetByRef.prime(item.ref, item);
      return { items, total: result.total_count };
    });
    ranges.push({ offset, limit: size, answer });
    return answer;
  };

  // The upstream datasets [start, end), newest first, with the tokens (offsets) at both ends.
  const chunkOf = async (start: number, end: number): Promise<Chunk<GravitiDatasetModel>> => {
    if (end <= start) return { items: [], head: String(start), tail: null };
    const { items, total } = await range(start, end - start);
    const reached = start + items.length;
    return {
      items: newestFirst(items),
      head: items.length > 0 && reached < total ? String(reached) : null,
      tail: start > 0 ? String(start) : null,
    };
  };

  // The newest `size` datasets. The total comes first: from the first range asked (offset 0, `size` long, which
  // holds the whole list of a workspace that small), then the newest `size` when there are more.
  const newest = async (size: number): Promise<Chunk<GravitiDatasetModel>> => {
    const known = ranges[0]?.answer ?? range(0, size);
    const { total } = await known;
    // An empty workspace: nothing newer, nothing older.
    if (total === 0) return { items: [], head: null, tail: null };
    return chunkOf(Math.max(0, total - size), total);
  };

  const reader: ChunkReader<GravitiDatasetModel> = {
    after: (token, size) => {
      const wanted = Math.min(limit, size);
      if (token === null) return newest(wanted);
      const end = offsetOf(token);
      return chunkOf(Math.max(0, end - wanted), end);
    },
    before: (token, size) => {
      const start = offsetOf(token);
      return chunkOf(start, start + Math.min(limit, size));
    },
    maxLimit: limit,
    isRefusedToken: (error) => error instanceof NotAGravitiOffset,
  };

  loaders.datasets = {
    reader,
    pages: async function* (firstSize?: number) {
      let chunk = await reader.after(null, Math.min(limit, firstSize ?? limit));
      if (chunk.items.length === 0) return;
      yield chunk.items;
      while (chunk.tail !== null) {
        chunk = await reader.after(chunk.tail, limit);
        // A list that shrank while we walked ends early.
        if (chunk.items.length === 0) return;
        yield chunk.items;
      }
    },
    // Counting needs only the total, which every range carries: the first one asked, or one call.
    count: async () => (await (ranges[0]?.answer ?? range(0, limit))).total,
    positioned: { provider: "GRAVITI", reader, include: () => true },
  };

  // The rename walk: every page from the newest end until each id is found.
  const findById = async (ids: ReadonlySet<string>): Promise<Map<string, GravitiDatasetModel>> => {
    const found = new Map<string, GravitiDatasetModel>();
    for await (const page of loaders.datasets.pages()) {
      for (const item of page) if (ids.has(item.wire.id)) found.set(item.wire.id, item);
      if (found.size === ids.size) break;
    }
    return found;
  };

  // By name (one GET), or "walk" when the name no longer finds this dataset, or the error of the GET.
  const byName = async (ref: string): Promise<GravitiDatasetModel | null | "walk" | Error> => {
    const parsed = parseGravitiRef(ref);
    if (parsed === null) return null;
    try {
      const dataset = datasetFromGraviti(await client.getDataset(parsed.workspace, parsed.name), tenant);
      // The name was taken again by another dataset: this is not the one the id was handed out for.
      return dataset.wire.id === parsed.id ? dataset : "walk";
    } catch (error) {
      return isNotFound(error) ? "walk" : asError(error);
    }
  };

  loaders.datasetByRef = new DataLoader<string, GravitiDatasetModel | null>(async (refs) => {
    const ids = refs.map((ref) => parseGravitiRef(ref)?.id ?? null);
    let walk: ByIdWalk<GravitiDatasetModel>;
    try {
      // Many refs: read the list from its newest end first, by id (a renamed dataset is found too).
      walk = await walkForIds(new Set(ids.filter((id): id is string => id !== null)), {
        read: (token, size) => reader.after(token, size),
        keyOf: (item) => item.wire.id,
        maxLimit: limit,
        // Until the request has the total, the first read from the newest end costs two calls (the total, then the
        // newest): three GETs cost one call more and far fewer bytes.
        getPerIdThreshold: ranges.length > 0 ? GET_PER_ID_THRESHOLD : GET_PER_ID_THRESHOLD + 1,
      });
    } catch (error) {
      const failure = asError(error);
      return ids.map((id) => (id === null ? null : failure));
    }
    const first = await Promise.all(
      refs.map((ref, index): Promise<GravitiDatasetModel | null | "walk" | Error> => {
        const id = ids[index] ?? null;
        const found = id === null ? undefined : walk.found.get(id);
        if (found !== undefined) return Promise.resolve(found);
        if (id === null || walk.walkedWholeList) return Promise.resolve(null);
        return byName(ref);
      }),
    );
    const missing = new Set<string>();
    first.forEach((result, index) => {
      if (result === "walk") missing.add(ids[index] ?? "");
    });
    let found = new Map<string, GravitiDatasetModel>();
    if (missing.size > 0) {
      try {
        found = await findById(missing);
      } catch (error) {
        const failure = asError(error);
        return first.map((result) => (result === "walk" ? failure : result));
      }
    }
    return first.map((result, index) => {
      if (result !== "walk") return result;
      return found.get(ids[index] ?? "") ?? null;
    });
  });
  return loaders;
}
