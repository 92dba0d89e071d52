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
