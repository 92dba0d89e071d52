/**
 * Helpers for the gateway's front-door tests: GraphQL over HTTP as a Nexus project (through the one client,
 * test/utils/graphql-client.ts), the emulator's control API (reset, request log, faults), and Relay connection walks.
 */
import { expect, inject } from "vitest";
import type { GraphQLResponse, GraphQLTestClient } from "../utils/graphql-client";
import { suiteGraphQL } from "../utils/test-gateway";
import { useTenant } from "../utils/tenant";

/** The seeded demo project of this file's tenant and its key (`test/utils/tenant.ts`). */
export const DEMO = useTenant().demo;
/** The second seeded project of this file's tenant, for isolation tests. */
export const OTHER = useTenant().other;

/** Who a request acts as: a project and key, or no credentials at all. */
export type Caller = { project: string; key: string } | null;

export type { GqlError, GraphQLResponse } from "../utils/graphql-client";

/** The credential headers of `caller`: none for `null`. */
export function nexusHeaders(caller: Caller): Record<string, string> {
  return caller === null ? {} : { "x-nexus-project-id": caller.project, "x-nexus-secret-key": caller.key };
}

/** The run's gateway's GraphQL URL (for graphql-ws and graphql-sse clients; HTTP requests go through {@link suiteGraphQL}). */
export function graphqlUrl(): string {
  return suiteGraphQL().endpoint;
}

/** Sends a GraphQL POST as `caller` (default the demo project) to `client` (default the run's gateway). */
export function gql<T = Record<string, unknown>>(
  query: string,
  variables: Record<string, unknown> = {},
  caller: Caller = DEMO,
  client: GraphQLTestClient = suiteGraphQL(),
): Promise<GraphQLResponse<T>> {
  return client.query<T>(query, variables, { headers: nexusHeaders(caller) });
}

/** Like {@link gql}, but fails the test on any GraphQL error and returns `data`. */
export async function gqlData<T = Record<string, unknown>>(
  query: string,
  variables: Record<string, unknown> = {},
  caller: Caller = DEMO,
): Promise<T> {
  const result = await gql<T>(query, variables, caller);
  expect(result.body.errors, result.text).toBeUndefined();
  expect(result.body.data).toBeTruthy();
  return result.body.data as T;
}

// The emulator's control API, shared with the subscription tests and the benchmarks.
export {
  clearFaults,
  clearUpstreamRequests,
  resetEmulator,
  setFaults,
  upstreamRequests,
  type UpstreamRequest,
} from "../utils/emulator-control";

/** Calls the emulator's REST API directly as the demo project (to check what the gateway did upstream). */
export async function upstreamGet<T>(
  resource: string,
  caller: { project: string; key: string } = DEMO,
): Promise<{ status: number; body: T }> {
  const response = await fetch(`${inject("emulatorUrl")}/projects/${caller.project}/batch/${resource}`, {
    headers: { "Secret-Key": caller.key },
  });
  return { status: response.status, body: (await response.json()) as T };
}

/** A connection page as tests select it. */
export interface Page<N> {
  edges: { cursor: string; node: N }[];
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
}

/**
 * Walks a connection to its end, forwards (`first`/`after`) or backwards (`last`/`before`), and returns the nodes
 * in list order (newest first) with the number of pages. `fetchPage` gets the Relay arguments of each page.
 * Fails the test after `maxPages` pages (a walk that never ends).
 */
export async function walk<N>(
  direction: "forward" | "backward",
  size: number,
  fetchPage: (args: Record<string, unknown>) => Promise<Page<N>>,
  maxPages = 200,
): Promise<{ nodes: N[]; pages: number }> {
  const nodes: N[] = [];
  let cursor: string | null = null;
  for (let pages = 1; pages <= maxPages; pages += 1) {
    const args: Record<string, unknown> =
      direction === "forward" ? { first: size, after: cursor } : { last: size, before: cursor };
    const page = await fetchPage(args);
    expect(page.edges.length).toBeLessThanOrEqual(size);
    const pageNodes = page.edges.map((edge) => edge.node);
    if (direction === "forward") nodes.push(...pageNodes);
    else nodes.unshift(...pageNodes);
    const more = direction === "forward" ? page.pageInfo.hasNextPage : page.pageInfo.hasPreviousPage;
    if (!more) return { nodes, pages };
    expect(page.edges.length).toBe(size);
    cursor = direction === "forward" ? page.pageInfo.endCursor : page.pageInfo.startCursor;
    expect(cursor).not.toBeNull();
  }
  throw new Error(`walk: still going after ${maxPages} pages`);
}
