/**
 * A gateway with the in-memory backend (test/fixtures/memory-backend/) added the way a new backend is added: its
 * folder copied to `src/backends/memory/` of a copy of the sources, and one import and one entry in the registry.
 */
import { cpSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { startTestGateway, type TestGateway } from "../utils/test-gateway";
import { copyOfSources } from "../utils/workers-root";

const FIXTURE = fileURLToPath(new URL("../fixtures/memory-backend", import.meta.url));

/**
 * The registry's text with the memory backend added (its import and its entry, last). Throws when the registry no
 * longer has the shape this expects (its Nexus import, its list of three).
 */
export function registerMemoryBackend(registry: string): string {
  const withImport = registry.replace(
    'import { nexusBackend } from "./nexus";',
    'import { nexusBackend } from "./nexus";\nimport { memoryBackend } from "./memory";',
  );
  const withEntry = withImport.replace(
    "[nexusBackend, gravitiBackend, modelArtsBackend]",
    "[nexusBackend, gravitiBackend, modelArtsBackend, memoryBackend]",
  );
  if (withEntry === withImport || withImport === registry)
    throw new Error("the registry's list or imports changed shape");
  return withEntry;
}

/**
 * Starts a gateway (the suite's settings, over the run's emulator) built from a copy of the sources with the memory
 * backend registered. Rejects if the registry changed shape or wrangler cannot build or start it.
 */
export async function startMemoryGateway(): Promise<TestGateway> {
  const root = copyOfSources();
  cpSync(FIXTURE, join(root, "src/backends/memory"), { recursive: true });
  const registryPath = join(root, "src/backends/registry.ts");
  writeFileSync(registryPath, registerMemoryBackend(readFileSync(registryPath, "utf8")));
  return startTestGateway({}, { root });
}
