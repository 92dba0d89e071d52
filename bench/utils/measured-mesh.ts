/**
 * GraphQL Mesh on Hive Gateway (`bench/mesh/`) as a Worker of a benchmark's own, with the workerd process that runs
 * it, measured exactly as `measured-gateway.ts` measures ours. It talks to the suite's emulator.
 *
 * Its packages are bench/mesh's own (`npm ci --prefix bench/mesh`, which `npm run bench:mesh` runs): without them it
 * cannot be built, and {@link meshInstalled} says so before anything starts.
 */
import { cpSync, existsSync, mkdtempSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { inject } from "vitest";
import { startWorker } from "../../test/utils/workers";
import type { MeasuredGateway } from "./measured-gateway";
import { cpuTimeNs, runtimeProcess, workerdChildren } from "./workerd-process";

/** The repository's root, and bench/mesh in it. */
const REPOSITORY = fileURLToPath(new URL("../..", import.meta.url));
const MESH_DIRECTORY = join(REPOSITORY, "bench", "mesh");

/** Whether bench/mesh's packages are installed (false in CI and a fresh clone: `npm run bench:mesh` installs them). */
export function meshInstalled(): boolean {
  return existsSync(join(MESH_DIRECTORY, "node_modules", "@graphql-hive", "gateway-runtime", "package.json"));
}

let copy: string | undefined;

/**
 * A copy of bench/mesh's sources (its packages linked), taken once per process, as test/utils/workers-root.ts copies
 * the gateway's: wrangler watches a Worker's sources and restarts it, on another port, when one changes.
 */
function meshRoot(): string {
  if (copy !== undefined) return copy;
  const root = mkdtempSync(join(tmpdir(), "mesh-bench-"));
  const target = join(root, "bench", "mesh");
  cpSync(MESH_DIRECTORY, target, {
    recursive: true,
    filter: (source) => !/[\\/](node_modules|\.wrangler)([\\/]|$)/.test(source.slice(MESH_DIRECTORY.length)),
  });
  symlinkSync(join(MESH_DIRECTORY, "node_modules"), join(target, "node_modules"));
  // bench/mesh's tsconfig extends the root's, which extends a package of the root's: wrangler's bundler reads them.
  cpSync(join(REPOSITORY, "tsconfig.json"), join(root, "tsconfig.json"));
  symlinkSync(join(REPOSITORY, "node_modules"), join(root, "node_modules"));
  process.once("exit", () => rmSync(root, { recursive: true, force: true }));
  copy = root;
  return root;
}

/**
 * Starts the Mesh Worker over the run's emulator (`dedupe`: with `useDeduplicateRequest`) and finds its runtime
 * process. Rejects when bench/mesh's packages are missing, or when wrangler cannot build or start it.
 */
export async function startMeasuredMesh(dedupe: boolean): Promise<MeasuredGateway> {
  if (!meshInstalled()) throw new Error("startMeasuredMesh: bench/mesh has no packages: run `npm run bench:mesh`");
  const before = new Set(workerdChildren());
  const { worker, url, proxyUrl } = await startWorker({
    config: "bench/mesh/wrangler.toml",
    root: meshRoot(),
    vars: { EMULATOR_URL: inject("emulatorUrl"), DEDUPE: String(dedupe) },
  });
  // The runtime process is up once the Worker has answered (`GET /` is answered without the gateway).
  await (await fetch(`${url}/`)).text();
  const pid = runtimeProcess(
    workerdChildren().filter((child) => !before.has(child)),
    Number(new URL(proxyUrl).port),
  );
  return { worker, url, pid, cpuNs: () => cpuTimeNs(pid) };
}
