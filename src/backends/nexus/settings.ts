/**
 * Nexus's settings, read in one place: `NEXUS_API_URL` (default {@link DEFAULT_NEXUS_API_URL}); the credentials'
 * settings are read by `credentials.ts`.
 */
import { backendVar, type VarsSource } from "../../vars";
import type { BackendSetting } from "../backend";

/** The production API (nexus.md). Local development and tests point `NEXUS_API_URL` at the emulator instead. */
export const DEFAULT_NEXUS_API_URL = "https://api.datature.io";

/** Every setting the Nexus backend reads. */
export const NEXUS_SETTINGS: readonly BackendSetting[] = [
  { name: "NEXUS_API_URL", description: `the Nexus API's base URL; default ${DEFAULT_NEXUS_API_URL}` },
  { name: "NEXUS_PROJECT_ID", description: "the project for requests without an x-nexus-project-id header" },
  { name: "NEXUS_SECRET_KEY", description: "the key for requests without an x-nexus-secret-key header", secret: true },
];

/** The emulator's Nexus API (at its root) and its public demo project. */
export function nexusEmulatorSettings(emulatorUrl: string, demo: boolean): Record<string, string> {
  return {
    NEXUS_API_URL: emulatorUrl,
    NEXUS_PROJECT_ID: demo ? "proj_demo" : "",
    NEXUS_SECRET_KEY: demo ? "demo-secret-key" : "",
  };
}

/** The Nexus base URL: `NEXUS_API_URL` when set and not blank (a trailing slash dropped), else the default. */
export function nexusApiUrlFromEnv(env: VarsSource): string {
  const raw = backendVar(env, "NEXUS_API_URL")?.trim() ?? "";
  return raw === "" ? DEFAULT_NEXUS_API_URL : raw.replace(/\/+$/, "");
}
