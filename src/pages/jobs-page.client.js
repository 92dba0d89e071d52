// The live jobs page's script, served by the gateway at /jobs/app.js (pages/jobs-page.ts). Plain browser JavaScript:
// the page has no build step. It uses only the public GraphQL API of its own origin: the `jobs` query (Relay paging)
// over HTTP, and `jobUpdated` / `jobLogAdded` over graphql-ws (the client at /jobs/graphql-ws.js, also served by the
// gateway). Credentials: a bearer token (kept in sessionStorage, for this tab only) and/or project headers (kept in
// memory only, never stored), sent as headers over HTTP and in `connection_init` over the WebSocket.

const PAGE_SIZE = 10;
const LOG_LINES_KEPT = 200;
const TERMINAL = new Set(["FINISHED", "CANCELLED", "FAILED"]);
const TOKEN_KEY = "jobs-page:token";

const JOBS_QUERY = `query JobsPage($first: Int, $after: String, $last: Int, $before: String) {
  jobs(first: $first, after: $after, last: $last, before: $before) {
    totalCount
    edges { node { id name state progress createdAt } }
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
  }
}`;
const JOB_UPDATED = "subscription JobUpdated($id: ID!) { jobUpdated(id: $id) { id state progress } }";
const JOB_LOG_ADDED = `subscription JobLogAdded($jobId: ID!) {
  jobLogAdded(jobId: $jobId) { id createdAt level kind item reason }
}`;

const $ = (selector) => document.querySelector(selector);
const state = {
  token: sessionStorage.getItem(TOKEN_KEY) ?? "",
  projectHeaders: {},
  page: null,
  /** Relay arguments of the page on screen, to reload it. */
  pageArgs: { first: PAGE_SIZE },
  /** Job id -> the function that ends its jobUpdated subscription. */
  watches: new Map(),
  selected: null,
  stopLog: null,
  client: null,
};

/** The credentials as request headers: the bearer, then the project headers the user typed. */
function credentialHeaders() {
  const headers = { ...state.projectHeaders };
  if (state.token !== "") headers.authorization = `Bearer ${state.token}`;
  return headers;
}

/** `name: value` lines to a header object; throws on a line that is not one. */
function parseHeaderLines(text) {
  const headers = {};
  for (const line of text
    .split("\n")
    .map((entry) => entry.trim())
    .filter((entry) => entry !== "")) {
    const match = /^([A-Za-z0-9-]+)\s*:\s*(.+)$/.exec(line);
    if (match === null) throw new Error(`Not a "name: value" header line: ${line.slice(0, 40)}`);
    headers[match[1].toLowerCase()] = match[2];
  }
  return headers;
}

function showStatus(text, isError = false) {
  const status = $("#status");
  status.textContent = text;
  status.classList.toggle("error", isError);
}

/** A GraphQL error as one line: its code and message. */
function describeErrors(errors) {
  return errors.map((error) => `${error.extensions?.code ?? "ERROR"}: ${error.message}`).join("; ");
}

function wsClient() {
  if (state.client === null) {
    state.client = globalThis.graphqlWs.createClient({
      url: `${location.protocol === "https:" ? "wss" : "ws"}://${location.host}/graphql`,
      connectionParams: () => credentialHeaders(),
      lazy: true,
      retryAttempts: 3,
      on: {
        connected: () => $("#live").replaceChildren("live"),
        closed: () => $("#live").replaceChildren("offline"),
      },
    });
  }
  return state.client;
}

/** Subscribes once; `onData` gets each `data`; returns the function that ends it. */
function subscribe(query, variables, onData) {
  return wsClient().subscribe(
    { query, variables },
    {
      next: (result) => (result.errors ? showStatus(describeErrors(result.errors), true) : onData(result.data)),
      error: (error) => showStatus(`Live updates failed: ${error?.reason || error?.message || "socket closed"}`, true),
      complete: () => {},
    },
  );
}

async function fetchJobs(args) {
  const response = await fetch("/graphql", {
    method: "POST",
    headers: { "content-type": "application/json", accept: "application/json", ...credentialHeaders() },
    body: JSON.stringify({ query: JOBS_QUERY, variables: args }),
  });
  const body = await response.json();
  if (body.errors) throw new Error(describeErrors(body.errors));
  return body.data.jobs;
}

function percent(progress) {
  return `${Math.round(progress * 100)}%`;
}

/** Puts a job's state and progress into its row (the row is found by `data-job-id`). */
function paintJob(job) {
  const row = document.querySelector(`tr[data-job-id="${CSS.escape(job.id)}"]`);
  if (row === null) return;
  row.dataset.state = job.state;
  row.querySelector(".state").textContent = job.state;
  row.querySelector("progress").value = job.progress;
  row.querySelector(".percent").textContent = percent(job.progress);
}

function rowOf(job) {
  const row = document.createElement("tr");
  row.dataset.jobId = job.id;
  row.tabIndex = 0;
  const cells = ["name", "state", "bar", "created"].map((name) => {
    const cell = document.createElement("td");
    cell.className = name;
    row.append(cell);
    return cell;
  });
  cells[0].textContent = job.name;
  const bar = document.createElement("progress");
  bar.max = 1;
  const label = document.createElement("span");
  label.className = "percent";
  cells[2].append(bar, label);
  cells[3].textContent = new Date(job.createdAt).toLocaleString();
  row.addEventListener("click", () => selectJob(job));
  row.addEventListener("keydown", (event) => event.key === "Enter" && selectJob(job));
  return row;
}

function stopWatches() {
  for (const stop of state.watches.values()) stop();
  state.watches.clear();
}

async function showPage(args) {
  showStatus("Loading jobs…");
  let page;
  try {
    page = await fetchJobs(args);
  } catch (error) {
    showStatus(error.message, true);
    return;
  }
  stopWatches();
  state.page = page;
  state.pageArgs = args;
  const jobs = page.edges.map((edge) => edge.node);
  $("#jobs tbody").replaceChildren(...jobs.map(rowOf));
  jobs.forEach(paintJob);
  for (const job of jobs.filter((entry) => !TERMINAL.has(entry.state))) {
    state.watches.set(
      job.id,
      subscribe(JOB_UPDATED, { id: job.id }, (data) => paintJob(data.jobUpdated)),
    );
  }
  $("#newer").disabled = !page.pageInfo.hasPreviousPage;
  $("#older").disabled = !page.pageInfo.hasNextPage;
  showStatus(`${page.totalCount} jobs; ${state.watches.size} on this page are live.`);
}

function selectJob(job) {
  state.stopLog?.();
  state.selected = job.id;
  for (const row of document.querySelectorAll("tr[data-job-id]"))
    row.classList.toggle("selected", row.dataset.jobId === job.id);
  $("#log-job").textContent = job.name;
  const lines = $("#log-lines");
  lines.replaceChildren();
  $("#log-note").textContent = "New entries appear here as the job writes them.";
  state.stopLog = subscribe(JOB_LOG_ADDED, { jobId: job.id }, (data) => {
    const entry = data.jobLogAdded;
    const line = document.createElement("li");
    line.dataset.level = entry.level;
    const time = new Date(entry.createdAt).toLocaleTimeString();
    const about = [entry.item, entry.reason && `: ${entry.reason}`].filter(Boolean).join("");
    line.textContent = `${time} ${entry.level} ${entry.kind} ${about}`.trimEnd();
    lines.append(line);
    while (lines.childElementCount > LOG_LINES_KEPT) lines.firstElementChild.remove();
  });
}

/** Ends every subscription and closes the socket; the next use opens a new one with the current credentials. */
function closeLive() {
  stopWatches();
  state.stopLog?.();
  state.stopLog = null;
  state.client?.dispose();
  state.client = null;
}

$("#credentials").addEventListener("submit", (event) => {
  event.preventDefault();
  try {
    state.projectHeaders = parseHeaderLines($("#project-headers").value);
  } catch (error) {
    showStatus(error.message, true);
    return;
  }
  // The key leaves the form at once: it lives in memory only, and the page shows which headers it sends.
  $("#project-headers").value = "";
  $("#project-headers").placeholder =
    Object.keys(state.projectHeaders).length === 0
      ? "x-nexus-project-id: proj_…\nx-nexus-secret-key: …"
      : `Sending ${Object.keys(state.projectHeaders).join(", ")} (kept in memory only)`;
  state.token = $("#token").value.trim();
  if (state.token === "") sessionStorage.removeItem(TOKEN_KEY);
  else sessionStorage.setItem(TOKEN_KEY, state.token);
  closeLive();
  void showPage({ first: PAGE_SIZE });
});

$("#forget").addEventListener("click", () => {
  sessionStorage.removeItem(TOKEN_KEY);
  state.token = "";
  state.projectHeaders = {};
  $("#token").value = "";
  $("#project-headers").value = "";
  closeLive();
  showStatus("Credentials forgotten.");
});

$("#older").addEventListener("click", () => void showPage({ first: PAGE_SIZE, after: state.page?.pageInfo.endCursor }));
$("#newer").addEventListener(
  "click",
  () => void showPage({ last: PAGE_SIZE, before: state.page?.pageInfo.startCursor }),
);
$("#reload").addEventListener("click", () => void showPage(state.pageArgs));
// Leaving the page ends its subscriptions at once (the gateway stops polling for them).
addEventListener("pagehide", closeLive);
// A page restored from the back-forward cache left its subscriptions behind: start them again.
addEventListener("pageshow", (event) => event.persisted && void showPage(state.pageArgs));

$("#token").value = state.token;
void showPage({ first: PAGE_SIZE });
