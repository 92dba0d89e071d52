/**
 * Lists that can be read from any position, in reads sized to the page: what lets a page cost what the page needs,
 * not what the project holds (issue 12). A {@link ChunkReader} reads the items after or before an upstream
 * boundary token (Nexus `nextPage`/`prevPage`; an offset for offset-paged APIs), as many as asked. Each read comes
 * back as a {@link Chunk} that knows the tokens at both of its ends.
 *
 * A page built over such a list remembers where its items sat among the chunks it read (a `Region`, `region.ts`), and each
 * cursor it issues carries a {@link PositionHint}: the token of a boundary near its item, and how many items on the
 * far side of that boundary must be read again. A page from that cursor then reads only around it: two small reads
 * (the items past the boundary, and the few before it, which overlap what the earlier page saw).
 *
 * Why the overlap: upstreams break ties of one creation time their own way, while the gateway orders ties by
 * provider and ref (`sort-key.ts`). So a page next to an item X must start reading before every item of X's time.
 * The hint's re-read reaches one item past X's time (the anchor), and the page checks that it did. If it did not
 * (the list changed under an offset-like token, or the upstream refused an expired token), the page is built by the
 * slower path, walking from the list's start: a cursor may cost more than it promised, never give a wrong page
 * (`read-from-hint.ts`).
 *
 * This module holds the interface (what a backend implements, what a cursor carries); `region.ts` and
 * `read-from-hint.ts` the reads of a page; `paginate.ts` builds the page.
 */
import type { Provider } from "../model";

/** One read: items in list order, and the tokens that read on from either end. */
export interface Chunk<T> {
  items: readonly T[];
  /** Reads the items just before this chunk; null when it starts the list. */
  head: string | null;
  /** Reads the items after this chunk; null when it ends the list. */
  tail: string | null;
}

/** Reads a list from boundary tokens. A backend implements it over its list call. */
export interface ChunkReader<T> {
  /** Up to `limit` items after the boundary `token` (null: from the list's start), in list order. */
  after(token: string | null, limit: number): Promise<Chunk<T>>;
  /** Up to `limit` items just before the boundary `token` (the ones closest to it), in list order. */
  before(token: string, limit: number): Promise<Chunk<T>>;
  /** The largest `limit` one read may ask for. */
  maxLimit: number;
  /** True when `error` says the upstream refused a token (expired, or not its own): rebuild from the start. */
  isRefusedToken(error: unknown): boolean;
}

/** A list readable by position, with the filter the gateway applies on top (the upstream cannot). */
export interface PositionedList<T> {
  /** The one platform the list reads (a hint is used only with a cursor of its items). */
  provider: Provider;
  reader: ChunkReader<T>;
  /** True for the items the list shows; the others still take up positions upstream. */
  include(this: void, item: T): boolean;
  /**
   * True when `include` may leave out most items (a client's filter by state or dataset, not the few expired
   * datasets hidden by default): then every read asks for the most, as reads sized to the page would only add calls.
   */
  sparse?: boolean | undefined;
}

/**
 * Where a cursor's item sat, as the cursor carries it (JSON, short keys). Each field is one way to read next to it:
 * - `a: [token, k]`, forwards: read after `token`, and the `k` items just before that boundary again;
 * - `s: [token, k]`, forwards: read after `token` (null: the list's start), `k` items again and then the new ones;
 * - `b: [token, k]`, backwards: read before `token`, and the `k` items just after that boundary again;
 * - `z: k`, backwards: read the `k` first items of the list again (the item was near the start).
 */
export interface PositionHint {
  a?: [string, number];
  s?: [string | null, number];
  b?: [string, number];
  z?: number;
}

const MAX_TOKEN_LENGTH = 2048;

function isCount(value: unknown): value is number {
  return typeof value === "number" && Number.isInteger(value) && value >= 1 && value <= 100_000;
}

function isToken(value: unknown): value is string {
  return typeof value === "string" && value.length > 0 && value.length <= MAX_TOKEN_LENGTH;
}

/**
 * The hint in a decoded cursor, or undefined when it holds none this module wrote. A hint is only advice: a forged
 * one can cost reads, never a wrong page (every hinted read is checked, see the module comment).
 */
export function hintOfJson(value: unknown): PositionHint | undefined {
  if (typeof value !== "object" || value === null) return undefined;
  const record = value as Record<string, unknown>;
  const hint: PositionHint = {};
  const pair = (entry: unknown, nullable: boolean): [string | null, number] | undefined => {
    if (!Array.isArray(entry) || entry.length !== 2) return undefined;
    const [token, count] = entry as unknown[];
    if (!isCount(count)) return undefined;
    if (token === null && nullable) return [null, count];
    return isToken(token) ? [token, count] : undefined;
  };
  const a = pair(record["a"], false);
  if (a !== undefined) hint.a = a as [string, number];
  const s = pair(record["s"], true);
  if (s !== undefined) hint.s = s;
  const b = pair(record["b"], false);
  if (b !== undefined) hint.b = b as [string, number];
  if (isCount(record["z"])) hint.z = record["z"];
  return Object.keys(hint).length > 0 ? hint : undefined;
}
