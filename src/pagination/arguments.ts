/**
 * The one rule for the Relay arguments (`first`, `after`, `last`, `before`) of every connection of the gateway:
 * `jobs`, `datasets`, `webhooks`, `NexusDataset.jobs`, `ModelArtsDataset.exportTasks` and `NexusJob.logs` all read
 * their arguments through {@link pageArgumentsOf} (`paginate.ts` calls it), so they accept and refuse the same
 * combinations with the same messages, before any upstream call.
 *
 * | arguments | the page |
 * |---|---|
 * | none | the first {@link DEFAULT_PAGE_SIZE} items |
 * | `first` | the first `first` items |
 * | `last` | the last `last` items |
 * | `after` and/or `before` | only the items strictly between them (either alone: after it, before it) |
 * | `first` and `last` | the first `first` items of the range, then the last `last` of those (discouraged) |
 * | `first` or `last` not an integer from 1 to {@link MAX_PAGE_SIZE} (0, negative, over the most) | refused |
 * | a cursor this API did not write, of another connection, or of other filter arguments | refused |
 *
 * A refusal is `BAD_USER_INPUT`, with a message that names the argument: `Argument "first" must be an integer from
 * 1 to 100, got 0.`; `Argument "after": this cursor belongs to the "webhooks" connection, not "jobs".` The arguments
 * are checked in the order `first`, `last`, `after`, `before`; the first one wrong is the one named.
 *
 * Why `first` with `last` is accepted: the Relay Cursor Connections spec allows it (it "is strongly discouraged",
 * not forbidden) and defines what it means, the algorithm above, which graphql-relay-js implements too. The page is
 * cheap to give (a forward page, cut down), and refusing would make the gateway stricter than the spec for no gain:
 * Relay, Apollo's `relayStylePagination` and urql's `relayPagination` never send both (they page with
 * `first`/`after` or `last`/`before`), so only a hand-written query meets the rule, and it gets the spec's answer.
 * Then `hasNextPage` says whether items of the range follow the first `first`, and `hasPreviousPage` whether those
 * held more than `last` (items of the range precede the page).
 *
 * Why sizes are refused, not clamped: a client that asked for 500 and got 100 could not tell a short page from a
 * server limit without reading this rule. The spec refuses negative sizes; `0` is refused too (the spec would give
 * an empty page, which carries no cursor to page on with: always a client's mistake). The rule for cursors is
 * `cursor.ts`'s.
 */
import { badUserInput } from "../errors";
import type { Provider } from "../model";
import { decodeCursorWithHint, type DecodedCursor } from "./cursor";

/** Largest page a client may ask for. */
export const MAX_PAGE_SIZE = 100;
/** Page size when the client gives neither `first` nor `last`. */
export const DEFAULT_PAGE_SIZE = 20;

/** The Relay arguments of a connection field, as GraphQL gives them. */
export interface ConnectionArgs {
  first?: number | null | undefined;
  after?: string | null | undefined;
  last?: number | null | undefined;
  before?: string | null | undefined;
}

/** The arguments of one page, checked: sizes in 1..{@link MAX_PAGE_SIZE}, cursors decoded. */
export interface PageArguments {
  /** Null only when `last` is given without `first`. */
  first: number | null;
  last: number | null;
  after: DecodedCursor | null;
  before: DecodedCursor | null;
}

/** The page size in `value`, or null when not given. Throws `BAD_USER_INPUT` naming the argument otherwise. */
export function pageSize(value: number | null | undefined, name: string): number | null {
  if (value === null || value === undefined) return null;
  if (!Number.isInteger(value) || value < 1 || value > MAX_PAGE_SIZE) {
    throw badUserInput(`Argument "${name}" must be an integer from 1 to ${MAX_PAGE_SIZE}, got ${value}.`);
  }
  return value;
}

/**
 * Checks the Relay arguments of a page of the connection `kind` under the filter fingerprint `filter` (the rule in
 * the module comment), with `first` = {@link DEFAULT_PAGE_SIZE} when neither size is given. A version 1 cursor's
 * item belongs to `v1Provider` (default null: refused, see `cursor.ts`). Throws `BAD_USER_INPUT` naming the first
 * wrong argument. Pure: no upstream call.
 */
export function pageArgumentsOf(
  args: ConnectionArgs,
  kind: string,
  filter: string,
  v1Provider: Provider | null = null,
): PageArguments {
  let first = pageSize(args.first, "first");
  const last = pageSize(args.last, "last");
  if (first === null && last === null) first = DEFAULT_PAGE_SIZE;
  const after = args.after == null ? null : decodeCursorWithHint(args.after, "after", kind, filter, v1Provider);
  const before = args.before == null ? null : decodeCursorWithHint(args.before, "before", kind, filter, v1Provider);
  return { first, last, after, before };
}
