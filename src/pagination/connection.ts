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
}
