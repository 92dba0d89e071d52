/**
 * GraphiQL served from the Worker itself. Yoga's GraphiQL page loads its script, styles and editor workers from a
 * CDN (unpkg); that fails offline (our development machines), behind egress filters and under a strict CSP. The
 * same files ship in the `@graphql-yoga/graphiql` package, which `wrangler.toml` binds as static assets (`ASSETS`),
 * and the page is rewritten to load them from `/graphiql/`.
 */
import { renderGraphiQL } from "graphql-yoga";

/** Where GraphiQL's own files are served (same origin as the API). */
export const GRAPHIQL_ASSETS_PATH = "/graphiql/";

// Any version: the bound package is pinned in package.json beside graphql-yoga.
const CDN_PREFIX = /https:\/\/unpkg\.com\/@graphql-yoga\/graphiql@[^/"']+\/dist\//g;

type GraphiQLOptions = Parameters<typeof renderGraphiQL>[0];

/**
 * Renders Yoga's GraphiQL page with every CDN asset URL replaced by its same-origin copy under `/graphiql/`.
 * GraphiQL 4 opens its first tab with `initialQuery` (it uses `defaultQuery` only for tabs opened later), so the
 * default query is passed as both: a newcomer's first tab shows the gateway's own example.
 */
export function renderSelfHostedGraphiQL(options: GraphiQLOptions): string {
  const withInitialQuery = { ...options, initialQuery: options.defaultQuery } as GraphiQLOptions;
  return renderGraphiQL(withInitialQuery).replace(CDN_PREFIX, GRAPHIQL_ASSETS_PATH);
}

/** True for a request of one of GraphiQL's own files. */
export function isGraphiQLAssetRequest(url: URL): boolean {
  return url.pathname.startsWith(GRAPHIQL_ASSETS_PATH);
}

/**
 * Serves one of GraphiQL's files from the static assets binding, at its path below the package's `dist/`.
 * Answers 404 when the binding is missing (a deployment without `[assets]`) or the file does not exist.
 */
export async function serveGraphiQLAsset(request: Request, url: URL, assets: Fetcher | undefined): Promise<Response> {
  if (assets === undefined) return new Response("GraphiQL assets are not bound (ASSETS)\n", { status: 404 });
  const assetUrl = new URL(url.pathname.slice(GRAPHIQL_ASSETS_PATH.length - 1), url.origin);
  return assets.fetch(new Request(assetUrl, { method: request.method, headers: request.headers }));
}
