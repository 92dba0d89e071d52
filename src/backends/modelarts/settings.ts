/**
 * The ModelArts settings, read and validated in this one place: the API's base URL and the bound on how many
 * datasets one `jobs` list scans for export tasks. Pure code over `GatewayVars`; never throws.
 */
import { positiveIntegerSetting } from "../../settings";
import type { GatewayVars } from "../../vars";

/** The base URL when `MODELARTS_API_URL` is unset (`wrangler.toml` sets it; one region per gateway). */
export const DEFAULT_MODELARTS_API_URL = "https://modelarts.cn-north-4.myhuaweicloud.com";

/** Datasets scanned per `jobs` list when `MODELARTS_JOBS_MAX_DATASETS` is unset or invalid. */
export const DEFAULT_JOBS_MAX_DATASETS = 30;
/** The most `MODELARTS_JOBS_MAX_DATASETS` may be: the datasets of one list call. */
export const MAX_JOBS_MAX_DATASETS = 100;

/** The ModelArts API's base URL, or the problem with `MODELARTS_API_URL`. */
export type ModelArtsApiUrl = { ok: true; url: string } | { ok: false; problem: string };

/**
 * Reads `MODELARTS_API_URL`: an absolute http(s) URL (a trailing slash is dropped), else a problem naming the
 * setting, which every ModelArts call then reports. Unset or empty: {@link DEFAULT_MODELARTS_API_URL}.
 */
export function modelArtsApiUrlFromEnv(env: Pick<GatewayVars, "MODELARTS_API_URL">): ModelArtsApiUrl {
  const raw = env.MODELARTS_API_URL?.trim() ?? "";
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
export function jobsMaxDatasetsFromEnv(env: Pick<GatewayVars, "MODELARTS_JOBS_MAX_DATASETS">): number {
  const value = positiveIntegerSetting(env.MODELARTS_JOBS_MAX_DATASETS, DEFAULT_JOBS_MAX_DATASETS);
  return value <= MAX_JOBS_MAX_DATASETS ? value : DEFAULT_JOBS_MAX_DATASETS;
}
