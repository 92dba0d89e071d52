/**
 * GraphiQL's page, our own template instead of Yoga's. Yoga's page loads its favicon from GitHub and its files from
 * a CDN, and Yoga's GraphiQL component forces whatever `initialQuery` it is given over a shared link's `?query=`.
 * This page loads everything from the gateway's origin (`/graphiql/`, `/favicon.svg`) and decides what the first
 * tab shows in the browser, before GraphiQL starts (the opening script below):
 *
 * - a link `?query=…` (with `&variables=…` and `&operationName=…`) opens that query: in the user's tab that already
 *   holds it, else in a new tab added after theirs;
 * - without a link, a returning user gets their own tabs back, the active one in front (GraphiQL matches its stored
 *   tabs against the query it opens with, and adds a tab when none matches, so it is given the active tab's own);
 * - a newcomer (no stored tabs) gets the gateway's `defaultQuery`.
 *
 * The link is read in the browser, never written into the HTML: a query in a URL is untrusted text.
 */
import type { renderGraphiQL } from "graphql-yoga";
import { FAVICON_PATH } from "./favicon";

/** The options Yoga hands to its `renderGraphiQL` option (`title`, `defaultQuery`, `subscriptionsProtocol`, …). */
export type GraphiQLPageOptions = NonNullable<Parameters<typeof renderGraphiQL>[0]>;

/** Where GraphiQL's own files are served (same origin as the API; see graphiql-assets.ts). */
export const GRAPHIQL_ASSETS_PATH = "/graphiql/";

/** Text for an HTML text node or a quoted attribute. */
function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

/** JSON that is safe inside a `<script>`: no `</script>`, no `<!--`, no line separators that end a JS string. */
function jsonForScript(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, "\\u003c")
    .replace(/\u2028/g, "\\u2028")
    .replace(/\u2029/g, "\\u2029");
}

/**
 * The opening script: from the page's URL and GraphiQL's stored tabs (`localStorage["graphiql:tabState"]`), the
 * `initialQuery`, `initialVariables`, `initialHeaders` and `operationName` to start GraphiQL with. Plain browser
 * JavaScript (this page has no build step). `null` for `initialQuery` makes GraphiQL fall back to its stored tabs,
 * then to `defaultQuery`.
 */
const OPENING_SCRIPT = `
function storedTabs() {
  try {
    const state = JSON.parse(localStorage.getItem("graphiql:tabState") || "null");
    return state && Array.isArray(state.tabs) && typeof state.activeTabIndex === "number" ? state : null;
  } catch {
    return null;
  }
}
function definesOperation(query, name) {
  return new RegExp("\\\\b(query|mutation|subscription)\\\\s+" + name.replace(/[^A-Za-z0-9_]/g, "") + "\\\\b").test(query);
}
function sameTabAs(tab) {
  return { initialQuery: tab.query || "", initialVariables: tab.variables || "", initialHeaders: tab.headers || "" };
}
function openingOptions(serverOptions) {
  const link = new URLSearchParams(location.search);
  const query = link.get("query");
  const variables = link.get("variables");
  const operationName = link.get("operationName");
  const stored = storedTabs();
  const opening = { ...serverOptions, initialQuery: null };
  if (query !== null && query.trim() !== "") {
    const own = stored && stored.tabs.find((tab) => tab.query === query && (variables === null || tab.variables === variables));
    Object.assign(opening, own ? sameTabAs(own) : { initialQuery: query, initialVariables: variables || "" });
    // GraphiQL's own prop for a link's operation: Run executes it. Only when the document defines it.
    if (operationName && definesOperation(query, operationName)) opening.operationName = operationName;
  } else if (stored && stored.tabs[stored.activeTabIndex]) {
    Object.assign(opening, sameTabAs(stored.tabs[stored.activeTabIndex]));
  }
  return opening;
}
`;

/**
 * Renders GraphiQL's page for Yoga's `renderGraphiQL` option. Every URL it loads is on the gateway's origin: the
 * styles, the script and the three editor workers under {@link GRAPHIQL_ASSETS_PATH}, the favicon at
 * {@link FAVICON_PATH}. `options` are embedded as JSON (escaped for a script); never throws.
 */
export function renderGraphiQLPage(options: GraphiQLPageOptions): string {
  const title = escapeHtml(options.title ?? "GraphiQL");
  const workers = {
    editorWorkerService: `${GRAPHIQL_ASSETS_PATH}monacoeditorwork/editor.worker.bundle.js`,
    json: `${GRAPHIQL_ASSETS_PATH}monacoeditorwork/json.worker.bundle.js`,
    graphql: `${GRAPHIQL_ASSETS_PATH}monacoeditorwork/graphql.worker..bundle.js`,
  };
  // The structure of Yoga's own page (graphql-yoga's graphiql-html): the editor workers are fetched first and run
  // from blob URLs, then the UMD bundle renders into #root.
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>${title}</title>
<link rel="icon" href="${FAVICON_PATH}" type="image/svg+xml">
<link rel="stylesheet" href="${GRAPHIQL_ASSETS_PATH}graphiql.css">
</head>
<body id="body" class="no-focus-outline">
<noscript>You need to enable JavaScript to run GraphiQL.</noscript>
<div id="root">Loading ${title}…</div>
<script>
const workerUrls = ${jsonForScript(workers)};
const workers = {};
function prepareWorkers() {
  return Promise.all(Object.entries(workerUrls).map(async ([name, url]) => {
    const text = await (await fetch(url)).text();
    workers[name] = URL.createObjectURL(new Blob([text], { type: "application/javascript" }));
  }));
}
self.MonacoEnvironment = { globalAPI: false, getWorkerUrl: (_moduleId, label) => workers[label] };
${OPENING_SCRIPT}
</script>
<script src="${GRAPHIQL_ASSETS_PATH}yoga-graphiql.umd.js"></script>
<script>
prepareWorkers().finally(() => YogaGraphiQL.renderYogaGraphiQL(root, openingOptions(${jsonForScript(options)})));
</script>
</body>
</html>
`;
}
