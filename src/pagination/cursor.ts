/**
 * Opaque cursors: base64url of the gateway's own JSON `{v, k, f, c, i}` — version, connection kind, filter
 * fingerprint, and the item's position key (createDate, id). A position key (not an offset) keeps a walk correct
 * when items are added or deleted between pages. The rule for bad cursors: anything that does not decode, has
 * another version, belongs to another connection or was issued for other filter arguments is `BAD_USER_INPUT`,
 * with a message naming the argument and what was wrong.
 */
import { badUserInput } from "../errors";
import { base64UrlDecode, base64UrlEncodeText } from "../global-id";

/** The position of an item in a list ordered newest first: `createDate` descending, then `id` ascending. */
export interface SortKey {
  createDate: number;
  id: string;
}

/** What a cursor holds. */
export interface CursorPayload {
  /** Which connection issued it, e.g. `datasets`, `jobs`, `dataset.jobs`. */
  kind: string;
  /** A fingerprint of the filter arguments it was issued under. */
  filter: string;
  key: SortKey;
}

const VERSION = 1;

/** Encodes a cursor. */
export function encodeCursor(payload: CursorPayload): string {
  return base64UrlEncodeText(
    JSON.stringify({ v: VERSION, k: payload.kind, f: payload.filter, c: payload.key.createDate, i: payload.key.id }),
  );
}

/**
 * Decodes the cursor given as `argumentName` (`after` or `before`) for the connection `kind` under `filter`.
 * Throws `BAD_USER_INPUT` when it is not a cursor of this gateway, of this connection, or of these filters.
 */
export function decodeCursor(cursor: string, argumentName: string, kind: string, filter: string): SortKey {
  const text = base64UrlDecode(cursor);
  let parsed: unknown = null;
  if (text !== null) {
    try {
      parsed = JSON.parse(text);
    } catch {
      parsed = null;
    }
  }
  const record = typeof parsed === "object" && parsed !== null ? (parsed as Record<string, unknown>) : null;
  if (
    record === null ||
    record["v"] !== VERSION ||
    typeof record["k"] !== "string" ||
    typeof record["f"] !== "string" ||
    typeof record["c"] !== "number" ||
    !Number.isFinite(record["c"]) ||
    typeof record["i"] !== "string"
  ) {
    throw badUserInput(`Argument "${argumentName}": not a cursor issued by this API. Use a cursor from pageInfo or an edge.`);
  }
  if (record["k"] !== kind) {
    throw badUserInput(
      `Argument "${argumentName}": this cursor belongs to the "${record["k"]}" connection, not "${kind}".`,
    );
  }
  if (record["f"] !== filter) {
    throw badUserInput(
      `Argument "${argumentName}": this cursor was issued for other filter arguments; ` +
        "use the same filters as the page it came from, or start again without a cursor.",
    );
  }
  return { createDate: record["c"], id: record["i"] };
}

/** Orders keys newest first: `createDate` descending, then `id` ascending. Negative when `a` comes first. */
export function compareSortKeys(a: SortKey, b: SortKey): number {
  if (a.createDate !== b.createDate) return b.createDate - a.createDate;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}
