/**
 * Vitest global setup: one emulator and one gateway for the whole run, both real Workers under workerd, wired to
 * each other over real HTTP. Tests read their URLs with `inject("emulatorUrl")` and `inject("gatewayUrl")`.
 */
import type { TestProject } from "vitest/node";
import { watchProcessOutput } from "./utils/leak-needles";
import { startTestEmulator, startTestGateway } from "./utils/test-gateway";

declare module "vitest" {
  export interface ProvidedContext {
    /** Base URL of the Nexus emulator, for example `http://127.0.0.1:41234`. */
    emulatorUrl: string;
    /** Base URL of the gateway; GraphQL is at `${gatewayUrl}/graphql`. */
    gatewayUrl: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  // The Workers' log lines come out of this process: none may carry an upstream key (issue 7's leak test).
  const output = watchProcessOutput();
  const emulator = await startTestEmulator();
  // The suite's gateway settings (test/utils/test-gateway.ts): the emulator behind it, no default credentials, fast
  // polling, no terminal cache, and the local-development browser settings.
  const gateway = await startTestGateway({}, { emulatorUrl: emulator.url });
  project.provide("emulatorUrl", emulator.url);
  project.provide("gatewayUrl", gateway.url);
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
