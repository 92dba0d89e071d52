/**
 * Graviti's settings, read and validated in one place: `GRAVITI_API_URL` (default {@link DEFAULT_GRAVITI_API_URL})
 * and `GRAVITI_ACCESS_KEY` (read by `credentials.ts`). graviti.md: keys that start `Accesskey-` belong to the
 * `.cn` service, so with the default URL those keys go to {@link GRAVITI_CN_API_URL}.
 */
import { UpstreamError } from "../../errors";
import { backendVar, type VarsSource } from "../../vars";
import type { BackendSetting } from "../backend";

/** The production API (graviti.md). `wrangler.toml` spells it out; `.dev.vars` points at the emulator instead. */
export const DEFAULT_GRAVITI_API_URL = "https://api.graviti.com";

/** Graviti's service in China, for access keys that start `Accesskey-` (graviti.md). */
export const GRAVITI_CN_API_URL = "https://api.graviti.cn";

/** Every setting the Graviti backend reads. */
export const GRAVITI_SETTINGS: readonly BackendSetting[] = [
  {
    name: "GRAVITI_API_URL",
    description: `the Graviti API's base URL; default ${DEFAULT_GRAVITI_API_URL} (keys that start Accesskey- then go to ${GRAVITI_CN_API_URL})`,
  },
  {
    name: "GRAVITI_ACCESS_KEY",
    description: "the access key for requests without an x-graviti-access-key header",
    secret: true,
  },
];

/** The emulator's Graviti API (under `/graviti`) and its public demo workspace's key. */
export function gravitiEmulatorSettings(emulatorUrl: string, demo: boolean): Record<string, string> {
  return { GRAVITI_API_URL: `${emulatorUrl}/graviti`, GRAVITI_ACCESS_KEY: demo ? "ACCESSKEY-demo" : "" };
}

/**
 * The base URL for one access key: {@link gravitiApiUrlFromEnv}, except that a key starting `Accesskey-` goes to
 * {@link GRAVITI_CN_API_URL} while the URL is the default (`.com`) one; a URL set to anything else is used as is
 * (the emulator, a proxy). Throws like {@link gravitiApiUrlFromEnv}.
 */
export function gravitiApiUrlFor(env: VarsSource, accessKey: string): string {
  const url = gravitiApiUrlFromEnv(env);
  return url === DEFAULT_GRAVITI_API_URL && accessKey.startsWith("Accesskey-") ? GRAVITI_CN_API_URL : url;
}

/**
 * The Graviti base URL: `GRAVITI_API_URL` when set, else {@link DEFAULT_GRAVITI_API_URL}. Throws an
 * `UpstreamError` (`unavailable`, naming the setting but not its value's query) when it is not an http(s) URL:
 * Graviti's part of a request then fails with `UPSTREAM_UNAVAILABLE`, and the other platforms still answer.
 */
export function gravitiApiUrlFromEnv(env: VarsSource): string {
  const raw = backendVar(env, "GRAVITI_API_URL")?.trim() ?? "";
  if (raw === "") return DEFAULT_GRAVITI_API_URL;
  let url: URL | null;
  try {
    url = new URL(raw);
  } catch {
    url = null;
  }
  if (
    url === null ||
    (url.protocol !== "https:" && url.protocol !== "http:") ||
    url.search !== "" ||
    url.username !== ""
  ) {
    throw new UpstreamError(
      "graviti: GRAVITI_API_URL must be an http(s) URL without query or user info; fix the gateway's setting",
      {
        backend: "graviti",
        operation: "settings",
        reason: "unavailable",
        kind: "network",
        method: "",
        path: "",
        status: 0,
      },
    );
  }
  return raw.replace(/\/+$/, "");
}
