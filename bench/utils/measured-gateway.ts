/**
 * A gateway of a benchmark's own, with the workerd process that runs its code (`workerd-process.ts`), so that the
 * benchmark can read the Worker's CPU time. It talks to the suite's emulator, with gateway auth off and no held keys.
 */
import { PRODUCTION_BROWSER_AND_AUTH, startTestGateway } from "../../test/utils/test-gateway";
import type { StartedWorker } from "../../test/utils/workers";
import { cpuTimeNs, runtimeProcess, workerdChildren } from "./workerd-process";

/** A started gateway and the pid of its runtime process. */
export interface MeasuredGateway {
  worker: StartedWorker;
  /** The Worker's own address (requests go here, past wrangler's proxy). */
  url: string;
  pid: number;
  /** CPU time of the runtime process so far, in nanoseconds. */
  cpuNs(): number;
}

/**
 * Starts the gateway (extra `vars` override the defaults) and finds its runtime process. `root`: another checkout's
 * sources to build it from (default the run's copy of this one), for an A/B run.
 */
export async function startMeasuredGateway(vars: Record<string, string> = {}, root?: string): Promise<MeasuredGateway> {
  const before = new Set(workerdChildren());
  // The suite's settings (test/utils/test-gateway.ts) with production's browser settings, as the figures were first
  // taken with, and auth off. No terminal cache and no shared reads: the figures are the reads a page makes, not what
  // a cache saved.
  const { worker, url, proxyUrl } = await startTestGateway(
    {
      ...PRODUCTION_BROWSER_AND_AUTH,
      GATEWAY_AUTH: "off",
      TERMINAL_CACHE_TTL_SECONDS: "0",
      READ_CACHE_TTL_MS: "0",
      SHARED_READS: "false",
      ...vars,
    },
    root === undefined ? {} : { root },
  );
  // The runtime process is up once the Worker has answered.
  await (await fetch(`${url}/`)).text();
  // The proxy listens on the proxy's port; the runtime is the other new workerd child.
  const pid = runtimeProcess(
    workerdChildren().filter((child) => !before.has(child)),
    Number(new URL(proxyUrl).port),
  );
  return { worker, url, pid, cpuNs: () => cpuTimeNs(pid) };
}
