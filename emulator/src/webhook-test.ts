/**
 * `POST …/webhooks/{id}:test`: deliver a sample payload to the webhook's endpoint for real.
 *
 * Signing convention (emulator convention, documented in the README): header `x-nexus-signature:
 * sha256=<hex HMAC-SHA256 of the raw body>`, keyed with the base64-decoded webhook secret. Headers
 * `x-nexus-webhook-id` and `x-nexus-attempt` (1-based) are sent too.
 *
 * Retries: a network error, a timeout, 408, 429 or any 5xx is retried up to `retries.maxRetries` times, waiting
 * `min(100 ms × 2ⁿ, retries.maxBackoffMs)` before retry n (0-based). Other statuses end the test at once.
 */
import type { NexusWebhookTestResult } from "../../src/backends/nexus/types";
import type { WebhookRecord } from "./types";

/** Header that carries the body's signature. */
export const SIGNATURE_HEADER = "x-nexus-signature";

/** Base delay of the retry backoff. */
export const BASE_BACKOFF_MS = 100;

/** Each attempt is abandoned after this long. */
export const ATTEMPT_TIMEOUT_MS = 5_000;

/** The wire result of a webhook test: every count, a known status. `responseCode` is 0 when no HTTP response arrived. */
export interface WebhookTestResult extends NexusWebhookTestResult {
  status: "Ok" | "Failed" | "Unreachable";
  responseCode: number;
  latencyMs: number;
  attemptCount: number;
}

/** What the test needs from the outside world (replaceable for unit tests). */
export interface WebhookTestIo {
  fetch: (request: Request) => Promise<Response>;
  sleep: (ms: number) => Promise<void>;
  clock: () => number;
}

const defaultIo: WebhookTestIo = {
  fetch: (request) => fetch(request),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  clock: () => Date.now(),
};

function base64ToBytes(base64: string): Uint8Array<ArrayBuffer> {
  return Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
}

/** `sha256=<hex>`: the HMAC-SHA256 of `body` keyed with the base64-decoded `secret`. */
export async function signBody(secret: string, body: string): Promise<string> {
  const key = await crypto.subtle.importKey("raw", base64ToBytes(secret), { name: "HMAC", hash: "SHA-256" }, false, [
    "sign",
  ]);
  const mac = new Uint8Array(await crypto.subtle.sign("HMAC", key, new TextEncoder().encode(body)));
  return `sha256=${Array.from(mac, (b) => b.toString(16).padStart(2, "0")).join("")}`;
}

/** The sample payload of a test delivery: shaped like a delivered prediction of one item. */
export function samplePayload(webhook: WebhookRecord, now: number): Record<string, unknown> {
  return {
    event: "webhook.test",
    webhookId: webhook.id,
    projectId: webhook.projectId,
    sentAt: now,
    data: {
      jobId: "batchjob_00000000-0000-4000-8000-000000000000",
      item: "item_1",
      status: "Delivered",
      predictions: [{ label: "example", confidence: 0.98, boundingBox: [0.1, 0.2, 0.5, 0.6] }],
    },
  };
}

const retryable = (status: number): boolean => status === 408 || status === 429 || status >= 500;

/** Runs the test delivery with retries and reports how it ended. Never throws for endpoint failures. */
export async function runWebhookTest(
  webhook: WebhookRecord,
  now: number,
  io: WebhookTestIo = defaultIo,
): Promise<WebhookTestResult> {
  const body = JSON.stringify(samplePayload(webhook, now));
  const signature = await signBody(webhook.secret, body);
  const maxAttempts = webhook.retries.maxRetries + 1;
  let result: WebhookTestResult = { status: "Unreachable", responseCode: 0, latencyMs: 0, attemptCount: 0 };
  for (let attempt = 1; attempt <= maxAttempts; attempt++) {
    if (attempt > 1) await io.sleep(Math.min(BASE_BACKOFF_MS * 2 ** (attempt - 2), webhook.retries.maxBackoffMs));
    const request = new Request(webhook.endpoint, {
      method: "POST",
      body,
      headers: {
        "content-type": "application/json",
        [SIGNATURE_HEADER]: signature,
        "x-nexus-webhook-id": webhook.id,
        "x-nexus-attempt": String(attempt),
        "user-agent": "nexus-emulator-webhook-test",
      },
      signal: AbortSignal.timeout(ATTEMPT_TIMEOUT_MS),
    });
    const started = io.clock();
    try {
      const response = await io.fetch(request);
      const text = (await response.text()).slice(0, 1024);
      const latencyMs = Math.max(0, io.clock() - started);
      result = {
        status: response.ok ? "Ok" : "Failed",
        responseCode: response.status,
        latencyMs,
        attemptCount: attempt,
      };
      if (text !== "") result.body = text;
      if (!response.ok) result.reason = `Endpoint answered ${response.status} ${response.statusText}`.trim();
      if (response.ok || !retryable(response.status)) return result;
    } catch (error) {
      const latencyMs = Math.max(0, io.clock() - started);
      const detail = error instanceof Error ? error.message : String(error);
      const reason = `Could not reach ${webhook.endpoint}: ${detail}`;
      result = { status: "Unreachable", responseCode: 0, latencyMs, attemptCount: attempt, reason };
    }
  }
  if (result.reason !== undefined) result.reason += ` (after ${result.attemptCount} attempts)`;
  return result;
}
