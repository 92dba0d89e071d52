/**
 * The jobs page's stylesheet and graphql-ws's browser client are bundled as text (wrangler.toml: `[[rules]]
 * type = "Text"`), so the Worker serves them from its own origin. The client's UMD file is not in graphql-ws's
 * package exports: wrangler's rule finds it by its path, and this declaration types it.
 */
declare module "*.css" {
  const text: string;
  export default text;
}

declare module "graphql-ws/umd/graphql-ws.min.js" {
  const text: string;
  export default text;
}
