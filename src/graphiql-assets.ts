/**
 * GraphiQL served from the Worker itself. Yoga's GraphiQL page loads its script, styles and editor workers from a
 * CDN (unpkg) and its favicon from GitHub; that fails offline (our development machines), behind egress filters and
 * under a strict CSP. The same files ship in the `@graphql-yoga/graphiql` package, which `wrangler.toml` binds as
 * static assets (`ASSETS`), and the page is our own template (pages/graphiql-page.ts) that loads them from
 * `/graphiql/`.
 */
import { GRAPHIQL_ASSETS_PATH } from "./pages/graphiql-page";

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
