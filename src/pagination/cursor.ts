/**
 * Opaque cursors: base64url of the gateway's own JSON `{v: 2, k, f, c, p, r, h?}`: version, connection kind, filter
 * fingerprint, and the item's position key (createdAt, provider, ref; see `sort-key.ts`). A position key (not an
 * offset) keeps a walk correct when items are added or deleted between pages, and it means the same thing whatever
 * the paging of the upstreams behind the connection, so one cursor works across merged sources. `h`, when present,
 * is where the item sat among the upstream's pages (`positioned.ts`): advice that lets the next page read only
 * around it. The key alone decides what a page holds; a cursor without `h` (or with one that no longer works) is
 * served by walking the list.
 *
 * `m`, when present, is a merged list's (`merged-page.ts`): the position, at the item's time, of each part of the
 * list other than the one in `h` (each platform's, keyed by its provider; for a platform whose list is itself
 * merged, such as ModelArts's export tasks of each dataset, a map of its parts' positions). Advice too, checked
 * like `h`; a gateway that does not know `m` ignores it, and a cursor without it pages the parts from their start.
 *
 * Version 1 cursors (`{v: 1, k, f, c, i}`, issued before the backend registry, when one backend served every list)
 * still decode: `i` is an id of that backend and `c` its creation time, so they are the key `(c, provider, i)`. This
 * module does not know which backend that was: the connection says (`v1Provider`: its own backend's provider, or
 * for the shared lists the registry's `VERSION_1_CURSOR_PROVIDER`), and a connection that says none refuses them
 * like any text it did not write.
 *
 * The rule for bad cursors: anything that does not decode, has an unknown version, belongs to another connection or
 * was issued for other filter arguments is `BAD_USER_INPUT`, with a message naming the argument and what was wrong.
 */
import { base64UrlDecode, base64UrlEncode } from "../encoding/base64url";
import { badUserInput } from "../errors";
import type { Provider } from "../model";
import { hintOfJson, type PositionHint } from "./positioned";
import type { SortKey } from "./sort-key";

/** What a cursor holds. */
export interface CursorPayload {
  /** Which connection issued it, e.g. `datasets`, `jobs`, `dataset.jobs`. */
  kind: string;
  /** A fingerprint of the filter arguments it was issued under. */
  filter: string;
  key: SortKey;
  /** Where the item sat among the upstream's pages, when the page knows. */
  hint?: PositionHint | undefined;
  /** A merged list's positions of its other parts at the item's time (JSON, `merged-page.ts`). */
  lanes?: Readonly<Record<string, unknown>> | undefined;
}

/** A decoded cursor: its item's key, and its hint if it carries one. */
export interface DecodedCursor {
  key: SortKey;
  hint: PositionHint | undefined;
  /** A merged list's positions of its parts (undefined when the cursor carries none). */
  lanes?: Readonly<Record<string, unknown>> | undefined;
}

const VERSION = 2;
/** A provider name as cursors carry it (an unknown one sorts like any other and finds nothing). */
const PROVIDER_PATTERN = /^[A-Z][A-Z_]{0,31}$/;

/** Encodes a cursor. */
export function encodeCursor(payload: CursorPayload): string {
  const { key } = payload;
  const record: Record<string, unknown> = {
    v: VERSION,
    k: payload.kind,
    f: payload.filter,
    c: key.createdAt,
    p: key.provider,
    r: key.ref,
  };
  if (payload.hint !== undefined) record["h"] = payload.hint;
  if (payload.lanes !== undefined) record["m"] = payload.lanes;
  return base64UrlEncode(JSON.stringify(record));
}

function keyOfRecord(record: Record<string, unknown>, v1Provider: Provider | null): SortKey | null {
  const createdAt = record["c"];
  if (typeof createdAt !== "number" || !Number.isFinite(createdAt)) return null;
  if (record["v"] === 1) {
    return typeof record["i"] === "string" && v1Provider !== null
      ? { createdAt, provider: v1Provider, ref: record["i"] }
      : null;
  }
  if (record["v"] !== VERSION) return null;
  const provider = record["p"];
  const ref = record["r"];
  if (typeof provider !== "string" || !PROVIDER_PATTERN.test(provider) || typeof ref !== "string") return null;
  return { createdAt, provider, ref };
}

/**
 * Decodes the cursor given as `argumentName` (`after` or `before`) for the connection `kind` under `filter`; a
 * version 1 cursor's item belongs to `v1Provider` (default null: the connection issued none, and one is refused).
 * Throws `BAD_USER_INPUT` when it is not a cursor of this gateway, of this connection, or of these filters.
 */
export function decodeCursor(
  cursor: string,
  argumentName: string,
  kind: string,
  filter: string,
  v1Provider: Provider | null = null,
): SortKey {
  return decodeCursorWithHint(cursor, argumentName, kind, filter, v1Provider).key;
}

/** {@link decodeCursor}, with the cursor's position hint (undefined when it has none, or one this gateway did not write). */
export function decodeCursorWithHint(
  cursor: string,
  argumentName: string,
  kind: string,
  filter: string,
  v1Provider: Provider | null = null,
): DecodedCursor {
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
  const key = record === null ? null : keyOfRecord(record, v1Provider);
  if (record === null || key === null || typeof record["k"] !== "string" || typeof record["f"] !== "string") {
    throw badUserInput(
      `Argument "${argumentName}": not a cursor issued by this API. Use a cursor from pageInfo or an edge.`,
    );
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
  if (record["v"] !== VERSION) return { key, hint: undefined };
  const lanes = record["m"];
  return {
    key,
    hint: hintOfJson(record["h"]),
    lanes:
      typeof lanes === "object" && lanes !== null && !Array.isArray(lanes)
        ? (lanes as Record<string, unknown>)
        : undefined,
  };
}
