/**
 * The live jobs page (`JOBS_PAGE`, off unless "true"): the caller's jobs with their state and a progress bar that
 * moves live over graphql-ws, a log tail for a selected job, and paging through older jobs. It is plain HTML, one
 * small ES module (jobs-page.client.js), a stylesheet and graphql-ws's browser client, all served by the Worker
 * from its own origin and bundled as text by wrangler (no build step of its own, works offline). The page uses only
 * the public GraphQL API at `/graphql`, as any client would.
 *
 * It holds no credentials: in local development the gateway holds the demo ones; elsewhere the user gives a bearer
 * token or their own project headers in the page (a token may stay in sessionStorage, a key stays in memory).
 */
import GRAPHQL_WS_BROWSER from "graphql-ws/umd/graphql-ws.min.js";
import { isSettingsProblem } from "../auth/auth-settings";
import { browserSettingsFromEnv, type BrowserEnv } from "../browser/browser-settings";
import { FAVICON_PATH } from "./favicon";
import JOBS_PAGE_SCRIPT from "./jobs-page.client.js";
import JOBS_PAGE_STYLE from "./jobs-page.css";

/** Where the page is served; its files are below it. */
export const JOBS_PAGE_PATH = "/jobs";

/**
 * The page's Content-Security-Policy: scripts, styles, images and connections (HTTP and WebSocket) from its own
 * origin only, no inline code, no frames, no forms posted elsewhere. CSP Level 3 `'self'` covers `ws:`/`wss:` to the
 * same host.
 */
export const JOBS_PAGE_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self'",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join("; ");

const PAGE_HTML = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Jobs · ML batch GraphQL gateway</title>
<link rel="icon" href="${FAVICON_PATH}" type="image/svg+xml">
<link rel="stylesheet" href="${JOBS_PAGE_PATH}/style.css">
<script src="${JOBS_PAGE_PATH}/graphql-ws.js"></script>
<script type="module" src="${JOBS_PAGE_PATH}/app.js"></script>
</head>
<body>
<header><h1>Jobs</h1><span id="live">offline</span></header>
<form id="credentials" autocomplete="off">
  <label>Bearer token <input id="token" type="password" placeholder="the gateway token you were given"></label>
  <label>Project headers
    <textarea id="project-headers" placeholder="x-nexus-project-id: proj_…&#10;x-nexus-secret-key: …"></textarea></label>
  <span><button type="submit">Use</button> <button type="button" id="forget">Forget</button></span>
  <p class="hint">Local development needs neither (the gateway holds the demo credentials). A token is kept for this
  tab only (sessionStorage); project headers are kept in memory only.</p>
</form>
<p id="status" role="status"></p>
<table id="jobs">
  <thead><tr><th>Name</th><th>State</th><th>Progress</th><th>Created</th></tr></thead>
  <tbody></tbody>
</table>
<nav><button id="newer" disabled>Newer</button><button id="older" disabled>Older</button><button id="reload">Reload</button></nav>
<section id="log">
  <h2>Log tail: <span id="log-job">select a job</span></h2>
  <p id="log-note"></p>
  <ol id="log-lines"></ol>
</section>
</body>
</html>
`;

/** The page's files: path below {@link JOBS_PAGE_PATH}, body and content type. */
const FILES: Record<string, { body: string; type: string }> = {
  "": { body: PAGE_HTML, type: "text/html; charset=utf-8" },
  "/app.js": { body: JOBS_PAGE_SCRIPT, type: "text/javascript; charset=utf-8" },
  "/graphql-ws.js": { body: GRAPHQL_WS_BROWSER, type: "text/javascript; charset=utf-8" },
  "/style.css": { body: JOBS_PAGE_STYLE, type: "text/css; charset=utf-8" },
};

/**
 * The answer for a request of the jobs page or one of its files, or null when `url` is not one of them or the page
 * is off (`JOBS_PAGE` unset or "false"): the request then goes on to the gateway, which answers 404. An unusable
 * browser setting is a 500 that names it (as every GraphQL request then gets `GATEWAY_MISCONFIGURED`). Never throws.
 */
export function jobsPageResponse(request: Request, url: URL, env: BrowserEnv): Response | null {
  if (url.pathname !== JOBS_PAGE_PATH && !url.pathname.startsWith(`${JOBS_PAGE_PATH}/`)) return null;
  const file = FILES[url.pathname.slice(JOBS_PAGE_PATH.length)];
  if (file === undefined) return null;
  const settings = browserSettingsFromEnv(env);
  if (isSettingsProblem(settings)) {
    return new Response(`${settings.message}\n`, {
      status: 500,
      headers: { "content-type": "text/plain; charset=utf-8" },
    });
  }
  if (!settings.jobsPage) return null;
  if (request.method !== "GET" && request.method !== "HEAD") {
    return new Response("Method not allowed: the jobs page answers GET.\n", {
      status: 405,
      headers: { allow: "GET, HEAD", "content-type": "text/plain; charset=utf-8" },
    });
  }
  return new Response(request.method === "HEAD" ? null : file.body, {
    headers: {
      "content-type": file.type,
      "content-security-policy": JOBS_PAGE_CSP,
      "x-content-type-options": "nosniff",
      "referrer-policy": "no-referrer",
      // The files change with each deployment and are small: always ask again.
      "cache-control": "no-cache",
    },
  });
}
