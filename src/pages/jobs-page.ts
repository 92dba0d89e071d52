/**
 * The live jobs page (`JOBS_PAGE`, off unless "true"): the caller's jobs with their platform, state (and a failed
 * job's reason), a progress bar, items per second, an estimated end and a small progress-over-time chart that move
 * live over graphql-ws; counts by state per platform; filters by platform and state; a log tail for a selected job,
 * and paging through older jobs. The first page is one live list (`jobListUpdated`) where the API has it, so new
 * jobs appear without a reload; otherwise the page reloads its list on an interval and follows its jobs one by one
 * (`jobUpdated`). It is plain HTML, one
 * small ES module (jobs-page.client.js), a stylesheet and graphql-ws's browser client, all served by the Worker
 * from its own origin and bundled as text by wrangler (no build step of its own, works offline). The page uses only
 * the public GraphQL API at `/graphql`, as any client would.
 *
 * It holds no credentials: in local development the gateway holds the demo ones; elsewhere the user gives a bearer
 * token or their own project headers in the page (a token may stay in sessionStorage, a key stays in memory).
 */
import GRAPHQL_WS_BROWSER from "graphql-ws/umd/graphql-ws.min.js";
import { isSettingsProblem } from "../auth/auth-settings";
import { BACKENDS } from "../backends/registry";
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

/** The job states, in the order a job goes through them (the columns of the counts table). */
const JOB_STATES = ["WAITING", "RUNNING", "FINISHED", "CANCELLED", "FAILED"] as const;

/**
 * The platform filter's options: the registry's backends that have jobs (a node type of kind `job`), in registry
 * order, so a new backend shows up without an edit here. The client reads its platform list from these options.
 */
const JOB_BACKENDS = BACKENDS.filter((backend) => backend.nodeTypes.some((type) => type.kind === "job"));
const PROVIDER_OPTIONS = JOB_BACKENDS.map(
  (backend) => `<option value="${backend.provider}">${backend.provider}</option>`,
).join("");

/** The project headers' hint: the credential headers of those backends, one `name: …` a line (`&#10;` in HTML). */
const HEADERS_PLACEHOLDER = JOB_BACKENDS.flatMap((backend) => backend.credentialHeaders)
  .map((header) => `${header}: …`)
  .join("&#10;");

const STATE_OPTIONS = JOB_STATES.map((state) => `<option value="${state}">${state}</option>`).join("");
const COUNT_HEADERS = JOB_STATES.map((state) => `<th scope="col" data-state="${state}">${state}</th>`).join("");

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
    <textarea id="project-headers" placeholder="${HEADERS_PLACEHOLDER}"></textarea></label>
  <span class="buttons"><button type="submit">Use</button> <button type="button" id="forget">Forget</button></span>
  <p class="hint">Local development needs neither (the gateway holds the demo credentials). A token is kept for this
  tab only (sessionStorage); project headers are kept in memory only.</p>
</form>
<section id="summary" aria-labelledby="counts-title">
  <h2 id="counts-title">Jobs by state <span id="counts-note"></span></h2>
  <div class="scroll"><table id="counts">
    <thead><tr><th scope="col">Platform</th>${COUNT_HEADERS}<th scope="col">Total</th></tr></thead>
    <tbody></tbody>
  </table></div>
</section>
<form id="filters" role="search" aria-label="Filter jobs">
  <label>Platform <select id="provider"><option value="">All platforms</option>${PROVIDER_OPTIONS}</select></label>
  <label>State <select id="state"><option value="">All states</option>${STATE_OPTIONS}</select></label>
</form>
<p id="status" role="status"></p>
<table id="jobs">
  <caption>Newest jobs first. Choose a job's name to tail its log.</caption>
  <thead><tr><th scope="col">Name</th><th scope="col">Platform</th><th scope="col">State</th>
    <th scope="col">Progress</th><th scope="col">Details</th><th scope="col">Created</th></tr></thead>
  <tbody></tbody>
</table>
<nav aria-label="Pages"><button id="newer" disabled>Newer</button><button id="older" disabled>Older</button><button id="reload">Reload</button></nav>
<section id="log" aria-labelledby="log-title">
  <h2 id="log-title">Log tail: <span id="log-job">select a job</span></h2>
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
