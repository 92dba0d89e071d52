/**
 * The emulator's control API (`/__emulator/…`) for the gateway and subscription tests and the benchmarks: reset,
 * request log and faults. The emulator's own tests use theirs (`test/emulator/helpers.ts`), which also checks every
 * answer against the OpenAPI document.
 */
import { inject } from "vitest";

/** One upstream request as the emulator recorded it. */
export interface UpstreamRequest {
  method: string;
  /** The path, without the query string. */
  path: string;
  /** The raw query string, without `?`. */
  query: string;
  status: number;
  durationMs: number;
}

/** Fault settings (every field optional; each call replaces the previous setting). */
export interface Faults {
  latencyMs?: number;
  jitterMs?: number;
  errorRate?: number;
  errorStatus?: number;
  throttleRate?: number;
  retryAfterSeconds?: number;
  /** A regular expression: faults apply only to matching paths. */
  path?: string;
}

/** Calls the control API; throws an error naming the call and the answer unless it answers 2xx. */
async function control(method: string, path: string, body?: unknown): Promise<Response> {
  const response = await fetch(`${inject("emulatorUrl")}/__emulator/${path}`, {
    method,
    headers: body === undefined ? {} : { "content-type": "application/json" },
    body: body === undefined ? null : JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${method} /__emulator/${path}: expected 2xx, got ${response.status} ${await response.text()}`);
  return response;
}

/**
 * Back to the seeded data; also clears the request log and the faults. `msPerItem` sets how long each item takes
 * at each stage for jobs created from now on.
 */
export async function resetEmulator(options: { msPerItem?: number; uploadUrlTtlMs?: number } = {}): Promise<void> {
  await control("POST", "reset", options);
}

/** Every API request the emulator saw since the last reset or clear, oldest first. */
export async function upstreamRequests(): Promise<UpstreamRequest[]> {
  return (await (await control("GET", "requests")).json()) as UpstreamRequest[];
}

/** Clears the emulator's request log. */
export async function clearUpstreamRequests(): Promise<void> {
  await control("DELETE", "requests");
}

/** Sets the emulator's faults, replacing the previous setting. */
export async function setFaults(faults: Faults): Promise<void> {
  await control("POST", "faults", faults);
}

/** Removes every fault. */
export async function clearFaults(): Promise<void> {
  await control("DELETE", "faults");
}
