/**
 * Opaque page tokens for list endpoints. Lists are ordered newest first by `createDate`, ties by id (descending),
 * and a token holds the key of the row it continues from: keyset paging stays correct while rows are added.
 *
 * Rule for bad tokens: anything that does not decode to a token this module wrote is a 400 naming `page`.
 */
import { badRequest } from "./errors";

/** Where a page continues: after (`next`) or before (`prev`) the row with this key. */
export interface PageCursor {
  direction: "next" | "prev";
  createDate: number;
  id: string;
}

/** Default and bounds of `limit` (emulator convention). */
export const LIMIT = { default: 100, min: 1, max: 1000 } as const;

function toBase64Url(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let binary = "";
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

function fromBase64Url(token: string): string {
  const base64 = token.replace(/-/g, "+").replace(/_/g, "/");
  const binary = atob(base64 + "=".repeat((4 - (base64.length % 4)) % 4));
  return new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(
    Uint8Array.from(binary, (c) => c.charCodeAt(0)),
  );
}

/** Encodes a cursor as an opaque base64url token. */
export function encodePageToken(cursor: PageCursor): string {
  return toBase64Url(
    JSON.stringify({ d: cursor.direction === "next" ? "n" : "p", c: cursor.createDate, i: cursor.id }),
  );
}

/** Decodes a token from {@link encodePageToken}; throws a 400 naming `page` for anything else. */
export function decodePageToken(token: string): PageCursor {
  const invalid = badRequest(`page: expected a page token from nextPage or prevPage, got ${JSON.stringify(token)}`);
  if (!/^[A-Za-z0-9_-]+$/.test(token)) throw invalid;
  let value: unknown;
  try {
    value = JSON.parse(fromBase64Url(token));
  } catch {
    throw invalid;
  }
  if (typeof value !== "object" || value === null) throw invalid;
  const { d, c, i } = value as Record<string, unknown>;
  if ((d !== "n" && d !== "p") || typeof c !== "number" || !Number.isSafeInteger(c) || typeof i !== "string") {
    throw invalid;
  }
  return { direction: d === "n" ? "next" : "prev", createDate: c, id: i };
}

/** Parses `limit` from a query: default 100; a 400 naming `limit` unless it is an integer from 1 to 1000. */
export function parseLimit(raw: string | null): number {
  if (raw === null) return LIMIT.default;
  const value = /^\d{1,7}$/.test(raw) ? Number(raw) : NaN;
  if (!(value >= LIMIT.min && value <= LIMIT.max)) {
    throw badRequest(`limit: expected an integer from ${LIMIT.min} to ${LIMIT.max}, got ${JSON.stringify(raw)}`);
  }
  return value;
}

/** Parses `page` from a query: undefined when absent, else a decoded cursor (400 when malformed or empty). */
export function parsePage(raw: string | null): PageCursor | undefined {
  return raw === null ? undefined : decodePageToken(raw);
}

/** Rows of one page plus whether rows lie beyond it on each side (what the store returns). */
export interface PageSlice<T> {
  rows: T[];
  hasNewer: boolean;
  hasOlder: boolean;
}

/** The wire page `{nextPage, prevPage, data}`: tokens only where rows lie beyond, so a null token means the end. */
export function pageToWire<T extends { createDate: number; id: string }, W>(
  slice: PageSlice<T>,
  toWire: (row: T) => W,
): { nextPage: string | null; prevPage: string | null; data: W[] } {
  const first = slice.rows[0];
  const last = slice.rows[slice.rows.length - 1];
  return {
    nextPage:
      slice.hasOlder && last ? encodePageToken({ direction: "next", createDate: last.createDate, id: last.id }) : null,
    prevPage:
      slice.hasNewer && first
        ? encodePageToken({ direction: "prev", createDate: first.createDate, id: first.id })
        : null,
    data: slice.rows.map(toWire),
  };
}
