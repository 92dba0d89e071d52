/**
 * Vitest global setup: one emulator and one gateway for the whole run, both real Workers under workerd, wired to
 * each other over real HTTP. Tests read their URLs with `inject("emulatorUrl")` and `inject("gatewayUrl")`, and
 * `startTestGateway` the gateway's prebuilt bundle with `inject("gatewayBundle")`.
 */
import type { TestProject } from "vitest/node";
import { watchProcessOutput } from "./utils/leak-needles";
import { startTestEmulator, startTestGateway } from "./utils/test-gateway";
import { buildGatewayBundle } from "./utils/workers-root";

declare module "vitest" {
  export interface ProvidedContext {
    /** Base URL of the Nexus emulator, for example `http://127.0.0.1:41234`. */
    emulatorUrl: string;
    /** Base URL of the gateway; GraphQL is at `${gatewayUrl}/graphql`. */
    gatewayUrl: string;
    /**
     * Directory of the gateway built once for the run (`buildGatewayBundle()`), which `startTestGateway` starts
     * instead of bundling the gateway again; undefined in a run whose setup did not build one.
     */
    gatewayBundle: string | undefined;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  // The Workers' log lines come out of this process: none may carry an upstream key (issue 7's leak test).
  const output = watchProcessOutput();
  // The gateway is built once here, for every gateway of the run's sources (each test file is a process of its own
  // and would otherwise bundle it at each start: 4-8 s of CPU), while the emulator starts.
  const [emulator, bundle] = await Promise.all([startTestEmulator(), buildGatewayBundle()]);
  // The suite's gateway settings (test/utils/test-gateway.ts): the emulator behind it, no default credentials, fast
  // polling, no terminal cache, and the local-development browser settings.
  const gateway = await startTestGateway({}, { emulatorUrl: emulator.url, bundle });
  project.provide("emulatorUrl", emulator.url);
  project.provide("gatewayUrl", gateway.url);
  project.provide("gatewayBundle", bundle);
  return async () => {
    await Promise.all([gateway.dispose(), emulator.dispose()]);
    output.stop();
    const leaks = output.found();
    if (leaks.length > 0) {
      // vitest reports an error thrown here but still exits 0: fail the run explicitly.
      process.exitCode = 1;
      throw new Error(`Upstream keys in the Workers' output:\n${leaks.join("\n")}`);
    }
  };
}
