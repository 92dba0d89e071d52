/**
 * Starts a Worker like `startWorker` (`workers.ts`), and also returns the address of its own workerd process, past
 * wrangler's dev proxy. `unstable_startWorker` only gives the proxy's URL; the proxy (a Durable Object of its own,
 * `ProxyWorker`) forwards each request with a fetch of its own, so what a client's disconnect does there is not
 * what it does at the edge. Tests of client departure use both addresses.
 *
 * The direct address comes from the dev environment's `reloadComplete` event (its `proxyData.userWorkerUrl`), an
 * internal of wrangler 4: if wrangler stops sending it, this rejects with a message saying so.
 */
import { join } from "node:path";
import { unstable_DevEnv } from "wrangler";
import { workersRoot } from "./workers-root";
import type { StartedWorker, StartWorkerOptions } from "./workers";

interface ReloadCompleteEvent {
  type: "reloadComplete";
  proxyData: { userWorkerUrl: { protocol: string; hostname: string; port: string } };
}

function isReloadComplete(event: unknown): event is ReloadCompleteEvent {
  return (
    typeof event === "object" &&
    event !== null &&
    (event as { type?: unknown }).type === "reloadComplete" &&
    typeof (event as { proxyData?: { userWorkerUrl?: unknown } }).proxyData?.userWorkerUrl === "object"
  );
}

/** A started Worker with its proxy URL (`url`) and its own workerd URL (`directUrl`). */
export interface DirectlyReachableWorker {
  worker: StartedWorker;
  url: string;
  directUrl: string;
}

/** Starts one Worker (in-memory storage unless `persistTo`, no inspector, no .dev.vars) and resolves with both of its addresses. */
export async function startDirectlyReachableWorker(options: StartWorkerOptions): Promise<DirectlyReachableWorker> {
  const devEnv = new unstable_DevEnv();
  let reportDirectUrl: (url: string) => void = () => {};
  const directUrl = new Promise<string>((resolve) => (reportDirectUrl = resolve));
  const dispatch = devEnv.dispatch.bind(devEnv);
  devEnv.dispatch = (event: Parameters<typeof dispatch>[0]): void => {
    if (isReloadComplete(event)) {
      const { protocol, hostname, port } = event.proxyData.userWorkerUrl;
      reportDirectUrl(`${protocol}//${hostname}:${port}`);
    }
    dispatch(event);
  };
  const bindings = Object.fromEntries(
    Object.entries(options.vars ?? {}).map(([name, value]) => [name, { type: "plain_text" as const, value }]),
  );
  const worker = await devEnv.startWorker({
    // From a copy of the sources taken when the run began (workers-root.ts): an edit in the checkout meanwhile
    // would make wrangler rebuild and restart the Worker, on another port.
    config: join(options.root ?? workersRoot(), options.config),
    bindings,
    // No .dev.vars: an empty list is not enough (wrangler then reads .dev.vars); an empty file is read instead.
    envFiles: ["/dev/null"],
    dev: {
      server: { hostname: "127.0.0.1", port: 0 },
      inspector: false,
      persist: options.persistTo ?? false,
      watch: false,
      logLevel: options.logLevel ?? "warn",
    },
  });
  const url = (await worker.url).origin;
  // The proxy is ready before the user worker is: its address comes with the first reload.
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<null>((resolve) => (timer = setTimeout(() => resolve(null), 30_000)));
  const direct = await Promise.race([directUrl, timeout]);
  clearTimeout(timer);
  if (direct === null) {
    await worker.dispose();
    throw new Error(
      "startDirectlyReachableWorker: wrangler sent no reloadComplete event with the user worker's URL in 30 s",
    );
  }
  return { worker, url, directUrl: direct };
}
