/**
 * Relay connection shapes, as plain data (graphql-relay-js style): a page of edges and where it sits in the list.
 */

/** One item and its opaque cursor. */
export interface Edge<T> {
  cursor: string;
  node: T;
}

/** Where a page sits in the whole list (Relay Cursor Connections spec). */
export interface PageInfo {
  hasNextPage: boolean;
  hasPreviousPage: boolean;
  startCursor: string | null;
  endCursor: string | null;
}

/**
 * An edge whose cursor is encoded on first read, then kept: a page's cursors cost a JSON text and a base64 encoding
 * each (and a merged list's, every part's position at the item's time), and most queries select none of them (a
 * page of nodes), or only `pageInfo.endCursor`. The getter is an own enumerable property, so GraphQL's default
 * resolver, spreads and `JSON.stringify` all read it as a plain field. `cursorOf` must not throw (it only encodes
 * what the page already holds).
 */
export function lazyEdge<T>(node: T, cursorOf: () => string): Edge<T> {
  let cursor: string | undefined;
  return {
    node,
    get cursor(): string {
      cursor ??= cursorOf();
      return cursor;
    },
  };
}

/**
 * The `pageInfo` of a page of `edges`: its start and end cursors are its first and last edge's, read when a client
 * selects them (so a lazy edge's cursor is still encoded at most once); null for an empty page.
 */
export function pageInfoOf<T>(edges: readonly Edge<T>[], hasNextPage: boolean, hasPreviousPage: boolean): PageInfo {
  return {
    hasNextPage,
    hasPreviousPage,
    get startCursor(): string | null {
      return edges[0]?.cursor ?? null;
    },
    get endCursor(): string | null {
      return edges.at(-1)?.cursor ?? null;
    },
  };
}

/** One page of a list. */
export interface Connection<T> {
  edges: Edge<T>[];
  pageInfo: PageInfo;
  /** Counts the whole list under the page's filters; called only when a client selects `totalCount`. */
  count?: () => Promise<number>;
}

/**
 * The `totalCount` of a connection built with a way to count (every list connection is). Throws if it was built
 * without one: a wrong number would be worse than an error.
 */
export function totalCountOf<T>(connection: Connection<T>): Promise<number> {
  if (connection.count === undefined) return Promise.reject(new Error("totalCount: this connection cannot count"));
  return connection.count();
}
