/**
 * `npm run profile -- [typename|jobs10|nested40] [requests]`: a CPU profile of the gateway Worker itself, taken
 * through workerd's inspector while one query is sent again and again. It starts the emulator and the gateway with
 * `wrangler dev` on free ports (the gateway built without minifying, so functions keep their names), warms the
 * gateway up, profiles `requests` sequential requests (default 400), and prints the functions that cost the most
 * per request, by self and by inclusive time. The whole profile is written to `profile-<query>.cpuprofile`, which
 * Chrome DevTools (Performance, "Load profile") or VS Code opens.
 *
 * The figures are sampled on whatever else the machine is doing: read the shares, not the milliseconds, and compare
 * runs of one machine. `(program)`, `(idle)` and `(garbage collector)` are the runtime's own. Each sample counts as
 * the sampler's typical interval, the median of the profile's `timeDeltas`, not as the time since the previous one:
 * on a loaded machine the sampler itself waits for a CPU, and those waits, charged to whatever frame it then finds
 * (mostly `(idle)`), made the wall-time weights say more about the load than about the Worker. Nor as the 50 µs it
 * is asked for: workerd's sampler takes one about every 130 to 160 µs here, so that figure gave a third of the real
 * time. Shares are of the non-idle samples.
 *
 * The operation log's `console.log` costs far more here than in the benchmarks: about a fifth of `{ __typename }`'s
 * samples (the native frame under `end`), where `telemetry-cost.bench.ts` finds the log next to free. The session
 * this script attaches is the likely difference (the runtime then serialises each logged object for the inspector
 * too); the benchmarks attach none. Read the rest of the profile without that frame.
 *
 * The same console printing is why `telemetry-cost.bench.ts` and `beside-mesh.bench.ts` measure a gateway with
 * `OPERATION_LOGS=off` too: workerd run locally formats each `console.log` with Node's `util.inspect` and prints it
 * to its stdout, in the Worker's own process; Cloudflare's runtime prints nothing (it keeps the line as JSON when
 * Workers Logs are on).
 *
 * `__name` with a native `set tracing` under it was esbuild's helper for wrangler's keep_names (a
 * `defineProperty(fn, "name")` for every named closure made at run time, two per field in Yoga's executor): a tenth
 * of the samples until wrangler.toml turned keep_names off. If they come back, so has keep_names.
 */
import { spawn } from "node:child_process";
import { writeFileSync } from "node:fs";
import { createServer } from "node:net";
import WebSocket from "ws";

const QUERIES = {
  typename: { query: "{ __typename }" },
  jobs10: { query: "{ jobs(first: 10) { edges { node { id name state progress } } } }" },
  nested40: {
    query:
      "{ jobs(first: 40) { edges { node { id name state progress ... on NexusJob { " +
      "dataset { name itemCount status { overview } } webhooks { name endpoint } } } } } }",
  },
};

const [name = "typename", countText = "400"] = process.argv.slice(2);
const body = QUERIES[name];
const requests = Number(countText);
if (body === undefined || !Number.isInteger(requests) || requests < 1) {
  console.error(`usage: npm run profile -- [${Object.keys(QUERIES).join("|")}] [requests ≥ 1]`);
  process.exit(2);
}

/** A port the system says is free now. */
function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

const children = [];
function wrangler(args) {
  const child = spawn("npx", ["wrangler", "dev", ...args], { stdio: ["ignore", "ignore", "pipe"], detached: true });
  let errors = "";
  child.stderr.on("data", (chunk) => (errors = (errors + chunk).slice(-4000)));
  children.push({ child, errors: () => errors });
  return child;
}
function stopAll() {
  for (const { child } of children) {
    try {
      process.kill(-child.pid, "SIGTERM");
    } catch {
      // Already gone.
    }
  }
}
process.on("exit", stopAll);
process.on("SIGINT", () => process.exit(130));

/** The body of the first 2xx answer of `url` (any answer at all when `anyStatus`), polling until it comes. */
async function waitFor(url, init, anyStatus = false) {
  const until = Date.now() + 120_000;
  for (;;) {
    try {
      const response = await fetch(url, init);
      if (response.ok || anyStatus) return await response.text();
    } catch {
      // Not listening yet.
    }
    if (Date.now() > until) {
      for (const { errors } of children) console.error(errors());
      throw new Error(`${url} did not answer within 120 s`);
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

const [emulatorPort, emulatorInspector, gatewayPort, gatewayInspector] = await Promise.all(
  [0, 1, 2, 3].map(() => freePort()),
);
const emulatorUrl = `http://127.0.0.1:${emulatorPort}`;
wrangler([
  "--config",
  "emulator/wrangler.toml",
  "--port",
  `${emulatorPort}`,
  "--inspector-port",
  `${emulatorInspector}`,
]);
wrangler([
  "--port",
  `${gatewayPort}`,
  "--inspector-port",
  `${gatewayInspector}`,
  "--no-minify",
  // The emulator above, no per-caller rate limit (the profile sends hundreds of requests), and the page the
  // benchmarks measure: no held demo keys (they would merge the other platforms into the page), no terminal cache,
  // no read cache and no shared reads (the profile is of the reads a page makes, not of what a cache saved).
  "--var",
  `EMULATOR_URL:${emulatorUrl}`,
  "--var",
  "EMULATOR_DEMO_CREDENTIALS:false",
  "--var",
  "RATE_LIMIT_REQUESTS_PER_MINUTE:0",
  "--var",
  "TERMINAL_CACHE_TTL_SECONDS:0",
  "--var",
  "READ_CACHE_TTL_MS:0",
  "--var",
  "SHARED_READS:false",
]);

const graphql = `http://127.0.0.1:${gatewayPort}/graphql`;
// The demo project's Nexus credentials, as the benchmarks send them (bench/utils/cpu-probes.ts).
const headers = {
  "content-type": "application/json",
  "x-nexus-project-id": "proj_demo",
  "x-nexus-secret-key": "demo-secret-key",
};
const init = { method: "POST", headers, body: JSON.stringify(body) };
await waitFor(emulatorUrl, undefined, true);
const first = await waitFor(graphql, init);
if (!first.includes('"data"') || first.includes('"errors"')) throw new Error(`the query failed: ${first}`);
for (let i = 0; i < 50; i += 1) await (await fetch(graphql, init)).text();

const socket = new WebSocket(`ws://127.0.0.1:${gatewayInspector}/ws`);
await new Promise((resolve, reject) => {
  socket.once("open", resolve);
  socket.once("error", reject);
});
let nextId = 0;
const pending = new Map();
socket.on("message", (data) => {
  const message = JSON.parse(String(data));
  pending.get(message.id)?.(message);
  pending.delete(message.id);
});
const call = (method, params = {}) =>
  new Promise((resolve) => {
    nextId += 1;
    pending.set(nextId, resolve);
    socket.send(JSON.stringify({ id: nextId, method, params }));
  });

await call("Profiler.enable");
await call("Profiler.setSamplingInterval", { interval: 50 });
await call("Profiler.start");
for (let i = 0; i < requests; i += 1) await (await fetch(graphql, init)).text();
const { result } = await call("Profiler.stop");
socket.close();
const profile = result.profile;
const file = `profile-${name}.cpuprofile`;
writeFileSync(file, JSON.stringify(profile));

// Self time per node, one typical sampling interval per sample (see the module comment); inclusive time by walking
// each sample's stack once per function.
const deltas = [...(profile.timeDeltas ?? [])].filter((delta) => delta > 0).sort((a, b) => a - b);
const SAMPLE_US = deltas.length === 0 ? 50 : deltas[Math.floor(deltas.length / 2)];
const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
const parents = new Map();
for (const node of profile.nodes) for (const child of node.children ?? []) parents.set(child, node.id);
const selfUs = new Map();
for (const sample of profile.samples) selfUs.set(sample, (selfUs.get(sample) ?? 0) + SAMPLE_US);
const label = ({ callFrame }) =>
  `${callFrame.functionName || "(anonymous)"} ${callFrame.url.split("/").pop()}:${callFrame.lineNumber + 1}`;
const self = new Map();
const inclusive = new Map();
let busyUs = 0;
for (const [id, us] of selfUs) {
  if (label(nodes.get(id)) === "(idle) :0") continue;
  busyUs += us;
  self.set(label(nodes.get(id)), (self.get(label(nodes.get(id))) ?? 0) + us);
  const seen = new Set();
  for (let at = id; at !== undefined; at = parents.get(at)) {
    const key = label(nodes.get(at));
    if (seen.has(key)) continue;
    seen.add(key);
    inclusive.set(key, (inclusive.get(key) ?? 0) + us);
  }
}
inclusive.delete("(root) :0");
const perRequest = (us) => (us / 1000 / requests).toFixed(3).padStart(7);
const share = (us) => `${((100 * us) / busyUs).toFixed(1).padStart(5)}%`;
const top = (map, count) => [...map].sort((a, b) => b[1] - a[1]).slice(0, count);
console.log(
  `${name}: ${requests} requests, ${perRequest(busyUs)} ms sampled per request (idle left out; ` +
    `one sample every ${SAMPLE_US} µs)`,
);
console.log("\nself time (ms per request, share):");
for (const [key, us] of top(self, 25)) console.log(`${perRequest(us)} ${share(us)}  ${key}`);
console.log("\ninclusive time (ms per request, share):");
for (const [key, us] of top(inclusive, 40)) console.log(`${perRequest(us)} ${share(us)}  ${key}`);
console.log(`\nThe whole profile: ${file} (Chrome DevTools, Performance, "Load profile").`);
process.exit(0);
