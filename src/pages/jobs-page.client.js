// The live jobs page's script, served by the gateway at /jobs/app.js (pages/jobs-page.ts). Plain browser JavaScript:
// the page has no build step. It uses only the public GraphQL API of its own origin: over HTTP the `jobs` query
// (Relay paging, filters) and `jobCounts`; over graphql-ws (the client at /jobs/graphql-ws.js, also served by the
// gateway) `jobListUpdated` for the first page, and `jobUpdated` / `jobLogAdded`. The page and the API ship in one
// Worker, so the page never meets an API without them. Credentials: a bearer token (kept in sessionStorage, for this tab only) and/or project headers (kept in
// memory only, never stored), sent as headers over HTTP and in `connection_init` over the WebSocket.

const PAGE_SIZE = 10;
const LOG_LINES_KEPT = 200;
/** Counts are read again at most this often (on a change the page saw, or on Reload). */
const COUNTS_MIN_INTERVAL_MS = 5_000;
/** Progress samples kept per job (the chart and the rate). */
const SAMPLES_KEPT = 200;
/** The rate (items per second, estimated end) is taken over the samples of this last stretch of time. */
const RATE_WINDOW_MS = 60_000;
/** Resubscribe delay when a SUBSCRIPTION_ENDED error does not say one. */
const DEFAULT_RETRY_SECONDS = 5;
/**
 * Codes a later try can get past (the upstream was down or slow, or a limit was reached), unlike a refused request:
 * a live stream that fails with one is started again, after `retryAfterSeconds` when the error says it, else after a
 * wait that doubles from the first to the longest, so an open dashboard comes back by itself after an outage.
 */
const TRANSIENT_CODES = new Set(["UPSTREAM_UNAVAILABLE", "UPSTREAM_TIMEOUT", "RATE_LIMITED"]);
const TRANSIENT_RETRY_FIRST_SECONDS = 2;
const TRANSIENT_RETRY_MAX_SECONDS = 30;
const STATES = ["WAITING", "RUNNING", "FINISHED", "CANCELLED", "FAILED"];
const TERMINAL = new Set(["FINISHED", "CANCELLED", "FAILED"]);
const TOKEN_KEY = "jobs-page:token";

// Only fields of the shared `Job` interface, so every platform's jobs show the same way and a new platform needs no
// edit here: a failed job's reason, and the items handled for the rate (null where a platform does not count them).
const JOB_FIELDS = "id name provider state progress createdAt failureReason itemsDone itemsFailed";

const JOBS_QUERY = `query JobsPage($first: Int, $after: String, $last: Int, $before: String, $provider: Provider,
  $state: [JobState!]) {
  jobs(first: $first, after: $after, last: $last, before: $before, provider: $provider, state: $state) {
    totalCount
    edges { node { ${JOB_FIELDS} } }
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
  }
}`;
const JOB_LIST_UPDATED = `subscription JobList($first: Int, $provider: Provider, $state: [JobState!]) {
  jobListUpdated(first: $first, provider: $provider, state: $state) {
    jobs {
      edges { node { ${JOB_FIELDS} } }
      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
    }
    added removed changed
  }
}`;
const JOB_COUNTS = "query JobCounts { jobCounts { provider state count } }";
const JOB_UPDATED = `subscription JobUpdated($id: ID!) { jobUpdated(id: $id) { ${JOB_FIELDS} } }`;
const JOB_LOG_ADDED = `subscription JobLogAdded($jobId: ID!) {
  jobLogAdded(jobId: $jobId) { id createdAt level kind item reason }
}`;

const $ = (selector) => document.querySelector(selector);
/** The credential headers' hint the page came with (the gateway's platforms), shown again once the form is empty. */
const HEADERS_PLACEHOLDER = $("#project-headers").placeholder;

const state = {
  token: sessionStorage.getItem(TOKEN_KEY) ?? "",
  projectHeaders: {},
  page: null,
  /** Relay arguments of the page on screen, to reload it. */
  pageArgs: { first: PAGE_SIZE },
  /** The function that ends the live list. */
  stopList: null,
  /** Job id -> the function that ends its jobUpdated subscription (older and newer pages). */
  watches: new Map(),
  /** Job id -> its latest data, and its progress samples `{ t, progress, done }`. */
  jobs: new Map(),
  samples: new Map(),
  selected: null,
  stopLog: null,
  client: null,
  counts: { last: 0, timer: null, running: false },
  /** Incremented on every new list, so that a late answer for an older one is dropped. */
  generation: 0,
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

/**
 * The errors of a result that still has data because only some platforms failed (each error names its
 * `extensions.provider`: a list over several platforms shows the others' jobs); null for any other result.
 */
function platformErrors(result) {
  if (!result.errors || result.data == null) return null;
  return result.errors.every((error) => typeof error.extensions?.provider === "string") ? result.errors : null;
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

/**
 * Subscribes; `onData` gets each `data`, and the errors of the platforms a message lacks (`platformErrors`: the
 * others' jobs still show). A stream the server ends early (a SUBSCRIPTION_ENDED error: its lifetime,
 * a restart) is started again after its `retryAfterSeconds`; one that fails with a transient error
 * (`TRANSIENT_CODES`) is started again after a growing wait, saying so on the status line; any other error goes to
 * the status line. Returns the function that ends it for good.
 */
function subscribe(query, variables, onData) {
  let stopCurrent = () => {};
  let timer = null;
  let stopped = false;
  let transientWait = TRANSIENT_RETRY_FIRST_SECONDS;
  const restartAfter = (seconds) => {
    stopCurrent();
    clearTimeout(timer);
    timer = setTimeout(start, Math.max(0, seconds) * 1000);
  };
  const onErrors = (errors) => {
    const ended = errors.find((error) => error.extensions?.code === "SUBSCRIPTION_ENDED");
    if (ended !== undefined) {
      restartAfter(Number(ended.extensions.retryAfterSeconds ?? DEFAULT_RETRY_SECONDS));
      return;
    }
    if (errors.every((error) => TRANSIENT_CODES.has(error.extensions?.code))) {
      const said = Math.max(0, ...errors.map((error) => Number(error.extensions?.retryAfterSeconds ?? 0)));
      const seconds = said > 0 ? said : transientWait;
      transientWait = Math.min(transientWait * 2, TRANSIENT_RETRY_MAX_SECONDS);
      showStatus(`${describeErrors(errors)} (trying again in ${seconds} s)`, true);
      restartAfter(seconds);
      return;
    }
    showStatus(describeErrors(errors), true);
  };
  const onResult = (result) => {
    const missing = platformErrors(result);
    if (result.errors && missing === null) return onErrors(result.errors);
    transientWait = TRANSIENT_RETRY_FIRST_SECONDS;
    return onData(result.data, missing ?? []);
  };
  function start() {
    if (stopped) return;
    stopCurrent = wsClient().subscribe(
      { query, variables },
      {
        next: onResult,
        error: (error) =>
          Array.isArray(error)
            ? onErrors(error)
            : showStatus(`Live updates failed: ${error?.reason || error?.message || "socket closed"}`, true),
        complete: () => {},
      },
    );
  }
  start();
  return () => {
    stopped = true;
    clearTimeout(timer);
    stopCurrent();
  };
}

/** Sends a query over HTTP; resolves with the whole result (data and errors); rejects on a non-JSON answer. */
async function request(query, variables) {
  const response = await fetch("/graphql", {
    method: "POST",
    headers: { "content-type": "application/json", accept: "application/json", ...credentialHeaders() },
    body: JSON.stringify({ query, variables }),
  });
  return response.json();
}

/** The filters as the list's arguments (a filter left at "all" is left out). */
function filterArgs() {
  const args = {};
  if ($("#provider").value !== "") args.provider = $("#provider").value;
  if ($("#state").value !== "") args.state = [$("#state").value];
  return args;
}

function percent(progress) {
  return `${Math.round(progress * 100)}%`;
}

/**
 * Why a job failed, and how many items it has handled, successfully or not (null when its platform does not say;
 * a platform that counts no failed items counts its done ones).
 */
function detailsOf(job) {
  const done = typeof job.itemsDone === "number" ? job.itemsDone + (job.itemsFailed ?? 0) : null;
  return { reason: job.failureReason ?? null, done };
}

/** Notes a job's progress at this moment (once per change), for its rate and chart. */
function sample(job) {
  const samples = state.samples.get(job.id) ?? [];
  const last = samples.at(-1);
  const done = detailsOf(job).done;
  if (last === undefined || last.progress !== job.progress || last.done !== done) {
    samples.push({ t: Date.now(), progress: job.progress, done });
    if (samples.length > SAMPLES_KEPT) samples.shift();
  }
  state.samples.set(job.id, samples);
}

/**
 * Items per second and the estimated end, from the first and last samples of the last RATE_WINDOW_MS; null until
 * two samples show progress.
 */
function rateOf(job) {
  const samples = state.samples.get(job.id) ?? [];
  const last = samples.at(-1);
  if (last === undefined) return null;
  const first = samples.find((entry) => entry.t >= last.t - RATE_WINDOW_MS);
  const seconds = (last.t - first.t) / 1000;
  const share = last.progress - first.progress;
  if (seconds <= 0 || share <= 0) return null;
  const itemsPerSecond = first.done !== null && last.done !== null ? (last.done - first.done) / seconds : null;
  const end = new Date(last.t + ((1 - last.progress) / (share / seconds)) * 1000);
  return { itemsPerSecond, end };
}

function formatRate({ itemsPerSecond, end }) {
  const speed =
    itemsPerSecond === null
      ? null
      : `${itemsPerSecond >= 10 ? Math.round(itemsPerSecond) : itemsPerSecond.toFixed(1)} items/s`;
  return [speed, `ends ≈ ${end.toLocaleTimeString()}`].filter(Boolean).join(" · ");
}

const SVG = "http://www.w3.org/2000/svg";

/** Draws a job's progress over time into its chart: time left to right, progress bottom to top. */
function drawChart(svg, samples) {
  const line = svg.querySelector("polyline");
  if (samples.length < 2) {
    svg.classList.add("empty");
    line.setAttribute("points", "");
    return;
  }
  const t0 = samples[0].t;
  const span = Math.max(samples.at(-1).t - t0, 1);
  const points = samples.map((entry) => {
    const x = ((entry.t - t0) / span) * 100;
    const y = 22 - entry.progress * 20;
    return `${x.toFixed(1)},${y.toFixed(1)}`;
  });
  svg.classList.remove("empty");
  line.setAttribute("points", points.join(" "));
  const seconds = Math.round(span / 1000);
  svg.setAttribute(
    "aria-label",
    `Progress over time: ${percent(samples[0].progress)} to ${percent(samples.at(-1).progress)} in ${seconds} s`,
  );
}

function chartOf() {
  const svg = document.createElementNS(SVG, "svg");
  svg.setAttribute("class", "chart empty");
  svg.setAttribute("viewBox", "0 0 100 24");
  svg.setAttribute("preserveAspectRatio", "none");
  svg.setAttribute("role", "img");
  svg.setAttribute("aria-label", "Progress over time: not enough samples yet");
  const line = document.createElementNS(SVG, "polyline");
  line.setAttribute("vector-effect", "non-scaling-stroke");
  svg.append(line);
  return svg;
}

/** Puts a job's state, progress, details and chart into its row (the row is found by `data-job-id`). */
function paintJob(job) {
  const row = document.querySelector(`tr[data-job-id="${CSS.escape(job.id)}"]`);
  if (row === null) return;
  row.dataset.state = job.state;
  row.querySelector(".state").textContent = job.state;
  row.querySelector("progress").value = job.progress;
  row.querySelector(".percent").textContent = percent(job.progress);
  const details = row.querySelector("td.details");
  const { reason } = detailsOf(job);
  const rate = job.state === "RUNNING" ? rateOf(job) : null;
  if (job.state === "FAILED") {
    details.textContent = reason ?? "no reason given";
    details.className = "details reason";
  } else {
    details.textContent = rate === null ? "" : formatRate(rate);
    details.className = "details rate";
  }
  drawChart(row.querySelector("svg.chart"), state.samples.get(job.id) ?? []);
}

function rowOf(job) {
  const row = document.createElement("tr");
  row.dataset.jobId = job.id;
  const cells = ["name", "provider", "state", "bar", "details", "created"].map((name) => {
    const cell = document.createElement("td");
    cell.className = name;
    row.append(cell);
    return cell;
  });
  const open = document.createElement("button");
  open.type = "button";
  open.className = "open";
  open.textContent = job.name;
  open.title = "Tail this job's log";
  cells[0].append(open);
  cells[1].textContent = job.provider;
  const bar = document.createElement("progress");
  bar.max = 1;
  bar.setAttribute("aria-label", `Progress of ${job.name}`);
  const label = document.createElement("span");
  label.className = "percent";
  cells[3].append(bar, label, chartOf());
  cells[5].textContent = new Date(job.createdAt).toLocaleString();
  // The whole row selects the job for a pointer; the name's button does for a keyboard (Enter or Space).
  row.addEventListener("click", () => selectJob(job));
  return row;
}

/** Notes `job` (its latest data and a progress sample) and repaints its row; true when its state changed. */
function updateJob(job) {
  const before = state.jobs.get(job.id);
  state.jobs.set(job.id, job);
  sample(job);
  paintJob(job);
  return before !== undefined && before.state !== job.state;
}

/** Shows `jobs` in order, reusing the rows already there (a focused row that stays keeps its focus). */
function showJobs(jobs) {
  const body = $("#jobs tbody");
  const existing = new Map([...body.querySelectorAll("tr[data-job-id]")].map((row) => [row.dataset.jobId, row]));
  const rows = jobs.map((job) => existing.get(job.id) ?? rowOf(job));
  for (const [id, row] of existing) if (!jobs.some((job) => job.id === id)) row.remove();
  rows.forEach((row, index) => {
    if (body.children[index] !== row) body.insertBefore(row, body.children[index] ?? null);
  });
  let stateChanged = false;
  for (const job of jobs) stateChanged = updateJob(job) || stateChanged;
  const ids = new Set(jobs.map((job) => job.id));
  for (const id of state.samples.keys()) if (!ids.has(id) && id !== state.selected) state.samples.delete(id);
  return stateChanged;
}

/** Notes the page on screen (for paging) and says what it shows; `how` says how it is kept current. */
function showPageInfo(page, how, missing = []) {
  state.page = page;
  $("#newer").disabled = !page.pageInfo.hasPreviousPage;
  $("#older").disabled = !page.pageInfo.hasNextPage;
  // A live list message carries no totalCount (the gateway does not walk the list for each message).
  const total = page.totalCount === undefined ? `${page.edges.length} newest jobs` : `${page.totalCount} jobs`;
  // A platform that failed is said, beside the jobs of those that answered.
  if (missing.length > 0) showStatus(`${total}; ${how}. Not shown: ${describeErrors(missing)}`, true);
  else showStatus(`${total}; ${how}.`);
}

/** Follows each unfinished job on the page with jobUpdated (and stops following the others). */
function watchJobs(jobs) {
  const wanted = new Set(jobs.filter((job) => !TERMINAL.has(job.state)).map((job) => job.id));
  for (const [id, stop] of state.watches) {
    if (!wanted.has(id)) {
      stop();
      state.watches.delete(id);
    }
  }
  for (const id of wanted) {
    if (state.watches.has(id)) continue;
    state.watches.set(
      id,
      subscribe(JOB_UPDATED, { id }, (data) => {
        if (updateJob(data.jobUpdated)) scheduleCounts();
      }),
    );
  }
}

function stopWatches() {
  for (const stop of state.watches.values()) stop();
  state.watches.clear();
}

function stopList() {
  state.stopList?.();
  state.stopList = null;
  stopWatches();
}

/** Reads one page with the `jobs` query and follows its jobs one by one; false when it failed. */
async function showQueriedPage(args, generation) {
  let result;
  try {
    result = await request(JOBS_QUERY, { ...args, ...filterArgs() });
  } catch (error) {
    showStatus(error.message, true);
    return false;
  }
  if (generation !== state.generation) return false;
  const missing = platformErrors(result);
  if ((result.errors && missing === null) || !result.data?.jobs) {
    showStatus(describeErrors(result.errors ?? [{ message: "no jobs in the answer" }]), true);
    return false;
  }
  const page = result.data.jobs;
  // Back on the newest page: that one is kept current.
  if (args.last !== undefined && !page.pageInfo.hasPreviousPage) {
    showFirstPage();
    return true;
  }
  state.pageArgs = args;
  const jobs = page.edges.map((edge) => edge.node);
  if (showJobs(jobs)) scheduleCounts();
  watchJobs(jobs);
  showPageInfo(page, `${state.watches.size} on this page are live`, missing ?? []);
  return true;
}

/** The first page, kept current by the live list (`jobListUpdated`): new jobs appear without a reload. */
function showFirstPage() {
  stopList();
  state.generation += 1;
  state.pageArgs = { first: PAGE_SIZE };
  showStatus("Loading jobs…");
  state.stopList = subscribe(JOB_LIST_UPDATED, { first: PAGE_SIZE, ...filterArgs() }, (data, missing) => {
    const update = data.jobListUpdated;
    const jobs = update.jobs.edges.map((edge) => edge.node);
    const stateChanged = showJobs(jobs);
    if (stateChanged || update.added.length > 0 || update.removed.length > 0) scheduleCounts();
    showPageInfo(update.jobs, "the list is live", missing);
  });
}

/** Shows an older or newer page: a plain query, its jobs followed one by one (new jobs appear on the first page). */
function showOtherPage(args) {
  stopList();
  void showQueriedPage(args, ++state.generation);
}

/** Counts as `{ provider: { state: count } }`, from `jobCounts`. */
async function readCounts() {
  const result = await request(JOB_COUNTS, {});
  if (!result.data?.jobCounts) throw new Error(describeErrors(result.errors ?? []));
  const counts = {};
  for (const { provider, state: jobState, count } of result.data.jobCounts) {
    counts[provider] ??= {};
    counts[provider][jobState] = count;
  }
  return counts;
}

function showCounts(counts) {
  const cell = (text, jobState) => {
    const td = document.createElement("td");
    td.textContent = String(text);
    if (jobState) td.dataset.state = jobState;
    return td;
  };
  const rows = Object.entries(counts)
    .filter(([, byState]) => STATES.some((name) => (byState[name] ?? 0) > 0))
    .map(([provider, byState]) => {
      const row = document.createElement("tr");
      row.dataset.provider = provider;
      const name = document.createElement("th");
      name.scope = "row";
      name.textContent = provider;
      const total = STATES.reduce((sum, name) => sum + (byState[name] ?? 0), 0);
      row.append(name, ...STATES.map((jobState) => cell(byState[jobState] ?? 0, jobState)), cell(total));
      return row;
    });
  $("#counts tbody").replaceChildren(...rows);
  $("#counts-note").textContent = `(as of ${new Date().toLocaleTimeString()})`;
  $("#counts").dataset.updated = String(Date.now());
}

/** Reads the counts now (Reload, a new list), or within COUNTS_MIN_INTERVAL_MS when `soon`: a change was seen. */
function scheduleCounts(soon = true) {
  const counts = state.counts;
  clearTimeout(counts.timer);
  const wait = soon ? Math.max(0, counts.last + COUNTS_MIN_INTERVAL_MS - Date.now()) : 0;
  counts.timer = setTimeout(() => void refreshCounts(), wait);
}

async function refreshCounts() {
  const counts = state.counts;
  if (counts.running) return scheduleCounts();
  counts.running = true;
  counts.last = Date.now();
  try {
    showCounts(await readCounts());
  } catch (error) {
    $("#counts tbody").replaceChildren();
    $("#counts-note").textContent = `(not available: ${error.message.split(":")[0]})`;
  } finally {
    counts.running = false;
  }
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
  stopList();
  state.generation += 1;
  state.stopLog?.();
  state.stopLog = null;
  state.client?.dispose();
  state.client = null;
}

/** Starts over: the first page, its counts. */
function start() {
  state.jobs.clear();
  state.samples.clear();
  $("#jobs tbody").replaceChildren();
  showFirstPage();
  scheduleCounts(false);
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
      ? HEADERS_PLACEHOLDER
      : `Sending ${Object.keys(state.projectHeaders).join(", ")} (kept in memory only)`;
  state.token = $("#token").value.trim();
  if (state.token === "") sessionStorage.removeItem(TOKEN_KEY);
  else sessionStorage.setItem(TOKEN_KEY, state.token);
  closeLive();
  start();
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

for (const filter of ["#provider", "#state"]) $(filter).addEventListener("change", () => showFirstPage());
$("#older").addEventListener("click", () => showOtherPage({ first: PAGE_SIZE, after: state.page?.pageInfo.endCursor }));
$("#newer").addEventListener("click", () =>
  showOtherPage({ last: PAGE_SIZE, before: state.page?.pageInfo.startCursor }),
);
$("#reload").addEventListener("click", () => {
  if (state.pageArgs.after === undefined && state.pageArgs.before === undefined) showFirstPage();
  else showOtherPage(state.pageArgs);
  scheduleCounts(false);
});
// Leaving the page ends its subscriptions at once (the gateway stops polling for them).
addEventListener("pagehide", closeLive);
// A page restored from the back-forward cache left its subscriptions behind: start them again.
addEventListener("pageshow", (event) => event.persisted && start());

$("#token").value = state.token;
start();
