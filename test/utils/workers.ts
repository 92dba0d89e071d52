/**
 * Starts the real Workers (emulator and gateway) under workerd through wrangler's `unstable_startWorker`, each on
 * its own free loopback port, so that tests talk to them over real HTTP and WebSockets exactly as clients do.
 */
import { unstable_startWorker } from "wrangler";

export type StartedWorker = Awaited<ReturnType<typeof unstable_startWorker>>;

/** Options for {@link startWorker}. */
export interface StartWorkerOptions {
  /** Path of the wrangler config, relative to the repository root. */
  config: string;
  /** Plain-text bindings that override the config's `[vars]` (and `.dev.vars`). */
  vars?: Record<string, string>;
}

/**
 * Starts one Worker with in-memory storage and no inspector, and resolves with it and its base URL
 * (for example `http://127.0.0.1:41234`). Rejects if wrangler cannot build or start it.
 */
export async function startWorker(options: StartWorkerOptions): Promise<{ worker: StartedWorker; url: string }> {
  const bindings = Object.fromEntries(
    Object.entries(options.vars ?? {}).map(([name, value]) => [name, { type: "plain_text" as const, value }]),
  );
  const worker = await unstable_startWorker({
    config: options.config,
    bindings,
    // No .dev.vars: tests say exactly which settings the Worker gets. An empty list is not enough (wrangler then
    // reads .dev.vars); an empty file is read instead of it.
    envFiles: ["/dev/null"],
    dev: {
      server: { hostname: "127.0.0.1", port: 0 },
      inspector: false,
      persist: false,
      watch: false,
      logLevel: "warn",
    },
  });
  const url = (await worker.url).origin;
  return { worker, url };
}
