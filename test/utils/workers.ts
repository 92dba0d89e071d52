/**
 * Starts the real Workers (emulator and gateway) under workerd through wrangler's `unstable_startWorker`, each on
 * its own free loopback port, so that tests talk to them over real HTTP and WebSockets exactly as clients do.
 */
import type { unstable_startWorker } from "wrangler";
import { startDirectlyReachableWorker } from "./direct-worker";

export type StartedWorker = Awaited<ReturnType<typeof unstable_startWorker>>;

/** Options for {@link startWorker}. */
export interface StartWorkerOptions {
  /** Path of the wrangler config, relative to the repository root. */
  config: string;
  /** Plain-text bindings that override the config's `[vars]` (and `.dev.vars`). */
  vars?: Record<string, string>;
  /** A directory for the Worker's Durable Object storage, kept across restarts (default: in memory, gone on dispose). */
  persistTo?: string;
  /** The copy of the sources to build it from (default: the run's, `workersRoot()`; see workers-root.ts). */
  root?: string;
  /**
   * wrangler's log level for this Worker (default `warn`): `log` also prints the Worker's `console.log` lines in this
   * process (through `console.log`), for tests that read them.
   */
  logLevel?: "warn" | "log";
}

/**
 * Starts one Worker with in-memory storage and no inspector, and resolves with it and the base URL of its own workerd
 * process (for example `http://127.0.0.1:41234`), past wrangler's dev proxy: the proxy re-sends every request with a
 * fetch of its own (CPU on every call, and its "Your worker restarted mid-request" 503s), which is not what clients
 * meet at the edge. `proxyUrl` is the proxy's address. Rejects if wrangler cannot build or start it.
 */
export async function startWorker(
  options: StartWorkerOptions,
): Promise<{ worker: StartedWorker; url: string; proxyUrl: string }> {
  const started = await startDirectlyReachableWorker(options);
  return { worker: started.worker, url: started.directUrl, proxyUrl: started.url };
}
