/**
 * Reading a batch of related objects by id the cheaper way, for any backend whose list can be read in sized reads
 * from its newest end (`pagination/positioned.ts`'s chunks): one GET per id, or a walk of the list that finds many
 * ids per call. Both count: calls (Workers allow 1,000 subrequests per request on paid plans, 50 on the free one,
 * and the gateway's per-request call cap stays) and bytes (a list read answers every object it holds, wanted or not).
 *
 * The rule: a batch of at most {@link GET_PER_ID_THRESHOLD} ids is fetched with one GET each. A bigger batch walks
 * the list in reads sized to the batch ({@link walkLimitOf}: half as many items again as ids, so a page's related
 * objects, which are mostly among the newest, come in one call of tens of kilobytes), each further read twice as
 * long, up to the list's most. The walk stops once every id is found, at the list's end (an id not in it does not
 * exist), when the ids still missing are few ({@link MAX_GETS_AFTER_WALK}), or when its last read found fewer than
 * two of them and they are not many ({@link MAX_GETS_INSTEAD_OF_READS}): a further read would then cost a call and
 * many objects' bytes to save at most a GET or two. The ids left are then fetched with one GET each by the caller.
 * Many ids left (more than the free plan's subrequests would bear) keep the walk going: its reads are bounded by the
 * list's length.
 */
import type { Chunk } from "../pagination/positioned";

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
 * among the newest, but not only there), at least {@link MIN_WALK_LIMIT}, at most `maxLimit` (the list's most).
 */
export function walkLimitOf(ids: number, maxLimit: number): number {
  return Math.min(maxLimit, Math.max(MIN_WALK_LIMIT, Math.ceil((ids * 3) / 2)));
}

/** What a by-id walk found. */
export interface ByIdWalk<T> {
  /** The wanted items it met, by their key. */
  found: Map<string, T>;
  /** True when it read to the list's end: a wanted key not found does not exist, and needs no GET to say so. */
  walkedWholeList: boolean;
}

/** How {@link walkForIds} reads the list. */
export interface ByIdWalkOptions<T> {
  /** One read of `size` items after the boundary `token` (null: the list's newest end), as the list's reader does. */
  read(token: string | null, size: number): Promise<Chunk<T>>;
  /** The key an item is wanted by (its id). */
  keyOf(item: T): string;
  /** The largest read the list allows. */
  maxLimit: number;
  /**
   * A batch of at most this many ids walks nothing (one GET each). Default {@link GET_PER_ID_THRESHOLD}; a list whose
   * first read costs more than one call says so with a higher one.
   */
  getPerIdThreshold?: number | undefined;
}

/**
 * Walks the list for the `wanted` keys by the module's rule, when the batch is big enough to pay for it (more than
 * `getPerIdThreshold`); for a smaller batch, reads nothing and finds nothing. The caller GETs the keys not
 * found, unless the whole list was walked. Rejects with the read's error.
 */
export async function walkForIds<T>(wanted: ReadonlySet<string>, options: ByIdWalkOptions<T>): Promise<ByIdWalk<T>> {
  const found = new Map<string, T>();
  if (wanted.size <= (options.getPerIdThreshold ?? GET_PER_ID_THRESHOLD)) return { found, walkedWholeList: false };
  let token: string | null = null;
  let size = walkLimitOf(wanted.size, options.maxLimit);
  for (;;) {
    const chunk: Chunk<T> = await options.read(token, size);
    const before = found.size;
    for (const item of chunk.items) {
      const key = options.keyOf(item);
      if (wanted.has(key)) found.set(key, item);
    }
    const missing = wanted.size - found.size;
    if (missing === 0) return { found, walkedWholeList: false };
    if (chunk.tail === null) return { found, walkedWholeList: true };
    // A GET each for the rest: they are few, or reads have stopped paying for their call and bytes.
    if (missing <= MAX_GETS_AFTER_WALK) return { found, walkedWholeList: false };
    if (found.size - before < 2 && missing <= MAX_GETS_INSTEAD_OF_READS) return { found, walkedWholeList: false };
    token = chunk.tail;
    size = Math.min(options.maxLimit, size * 2);
  }
}
