/**
 * The ModelArts settings, read and validated in this one place: the API's base URL and the bound on how many
 * datasets one `jobs` list scans for export tasks. Pure code over `GatewayVars`; never throws.
 */
import { positiveIntegerSetting } from "../../settings";
import { backendVar, type VarsSource } from "../../vars";
import type { BackendSetting } from "../backend";

/** The base URL when `MODELARTS_API_URL` is unset (`wrangler.toml` sets it; one region per gateway). */
export const DEFAULT_MODELARTS_API_URL = "https://modelarts.cn-north-4.myhuaweicloud.com";

/** Datasets scanned per `jobs` list when `MODELARTS_JOBS_MAX_DATASETS` is unset or invalid. */
export const DEFAULT_JOBS_MAX_DATASETS = 30;
/** The most `MODELARTS_JOBS_MAX_DATASETS` may be: the datasets of one list call. */
export const MAX_JOBS_MAX_DATASETS = 100;

/** Every setting the ModelArts backend reads. */
export const MODELARTS_SETTINGS: readonly BackendSetting[] = [
  {
    name: "MODELARTS_API_URL",
    description: `the ModelArts API's base URL, one region per gateway; default ${DEFAULT_MODELARTS_API_URL}`,
  },
  { name: "MODELARTS_PROJECT_ID", description: "the project for requests without an x-modelarts-project-id header" },
  {
    name: "MODELARTS_TOKEN",
    description: "the IAM token for requests without an x-modelarts-token header",
    secret: true,
  },
  {
    name: "MODELARTS_JOBS_MAX_DATASETS",
    description: `the most datasets whose export tasks one jobs list scans; default ${DEFAULT_JOBS_MAX_DATASETS}, at most ${MAX_JOBS_MAX_DATASETS}`,
  },
];

/** The emulator's ModelArts API (under `/modelarts`) and its public demo project and token. */
export function modelArtsEmulatorSettings(emulatorUrl: string, demo: boolean): Record<string, string> {
  return {
    MODELARTS_API_URL: `${emulatorUrl}/modelarts`,
    MODELARTS_PROJECT_ID: demo ? "modelarts_demo" : "",
    MODELARTS_TOKEN: demo ? "demo-iam-token" : "",
  };
}

/** The ModelArts API's base URL, or the problem with `MODELARTS_API_URL`. */
export type ModelArtsApiUrl = { ok: true; url: string } | { ok: false; problem: string };

/**
 * Reads `MODELARTS_API_URL`: an absolute http(s) URL (a trailing slash is dropped), else a problem naming the
 * setting, which every ModelArts call then reports. Unset or empty: {@link DEFAULT_MODELARTS_API_URL}.
 */
export function modelArtsApiUrlFromEnv(env: VarsSource): ModelArtsApiUrl {
  const raw = backendVar(env, "MODELARTS_API_URL")?.trim() ?? "";
  if (raw === "") return { ok: true, url: DEFAULT_MODELARTS_API_URL };
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return { ok: false, problem: "MODELARTS_API_URL is not an absolute URL" };
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") {
    return { ok: false, problem: `MODELARTS_API_URL must be an http(s) URL, got the scheme "${url.protocol}"` };
  }
  return { ok: true, url: raw.replace(/\/+$/, "") };
}

/**
 * Reads `MODELARTS_JOBS_MAX_DATASETS`: the datasets (newest first) whose export tasks one `jobs` list scans, a
 * positive integer up to {@link MAX_JOBS_MAX_DATASETS}; otherwise {@link DEFAULT_JOBS_MAX_DATASETS}.
 */
export function jobsMaxDatasetsFromEnv(env: VarsSource): number {
  const value = positiveIntegerSetting(backendVar(env, "MODELARTS_JOBS_MAX_DATASETS"), DEFAULT_JOBS_MAX_DATASETS);
  return value <= MAX_JOBS_MAX_DATASETS ? value : DEFAULT_JOBS_MAX_DATASETS;
}
