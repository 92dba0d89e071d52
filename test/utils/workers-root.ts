/**
 * Where the test run's Workers are built from: a copy of their sources, taken once per process.
 *
 * Why a copy: wrangler's dev bundler always watches the Worker's sources, whatever `dev.watch` says (wrangler 4.86
 * starts esbuild with `watch: true`), and rebuilds and restarts the Worker when one changes; the restarted runtime
 * listens on a new port. So an edit or a merge in the checkout during a run (someone working while the suite runs)
 * used to restart the run's Workers mid-request: behind wrangler's proxy that was a few "Your worker restarted
 * mid-request" 503s, and at the Worker's own address every later request of the run would fail. Built from a copy,
 * the Workers of a run are the code the run started with. The copy holds what the two wrangler configs read (their
 * sources, the schema, the OpenAPI documents) and links the checkout's node_modules.
 */
import { cpSync, mkdtempSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

/** The repository's root. */
const REPOSITORY = fileURLToPath(new URL("../..", import.meta.url));

/** What the Workers' builds read, relative to the root (the gateway's `src/` imports `schema.graphql`). */
const SOURCES = ["src", "emulator", "schema.graphql", "wrangler.toml", "package.json", "tsconfig.json"];

let root: string | undefined;

/** The copy's directory (made on the first call of this process, removed when the process exits). */
export function workersRoot(): string {
  root ??= copyOfSources();
  return root;
}

/**
 * A new copy of the Workers' sources, for a test that changes them (one that adds a backend); removed when the
 * process exits. Start a Worker from it with `startTestGateway(vars, { root })`.
 */
export function copyOfSources(): string {
  const copy = mkdtempSync(join(tmpdir(), "gateway-workers-"));
  for (const source of SOURCES) cpSync(join(REPOSITORY, source), join(copy, source), { recursive: true });
  symlinkSync(join(REPOSITORY, "node_modules"), join(copy, "node_modules"));
  process.once("exit", () => rmSync(copy, { recursive: true, force: true }));
  return copy;
}
