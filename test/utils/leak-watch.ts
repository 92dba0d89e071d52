/**
 * The leak watch (issue 7): every HTTP answer any integration test receives, from the gateway or the emulator, is
 * searched for the upstream keys and for the webhook secrets handed out in the run. A secret may appear in exactly
 * one place: the answer of the mutation that returns it, once (`createWebhook`, `rotateWebhookSecret`). Anything
 * else that carries a key or a secret fails the test file, naming the request. Loaded as a vitest setup file for the
 * projects that start Workers; `test/global-setup.ts` watches the Workers' log lines the same way.
 *
 * What is not seen here: WebSocket frames (the `ws` client does not use fetch); the graphql-ws tests check their
 * own messages for keys where it matters.
 */
import { afterAll, expect } from "vitest";
import { LEAK_NEEDLES, leakIn } from "./leak-needles";

/** Webhook secrets returned by mutations so far in this file (base64 text, as the client received it). */
const secrets = new Set<string>();
/** What leaked: one line per answer. */
const leaks: string[] = [];
/** Answers still being read (streams end when their test ends them). */
const pending = new Set<Promise<void>>();

function secretsHandedOut(requestBody: string, answer: string): string[] {
  if (!/createWebhook|rotateWebhookSecret/.test(requestBody)) return [];
  try {
    const data = (JSON.parse(answer) as { data?: Record<string, { secret?: unknown } | null> }).data ?? {};
    return Object.values(data).flatMap((payload) => (typeof payload?.secret === "string" ? [payload.secret] : []));
  } catch {
    return [];
  }
}

function requestText(init: RequestInit | undefined): string {
  return typeof init?.body === "string" ? init.body : "";
}

/**
 * Answers that may name the emulator's public demo keys: its OpenAPI documents give them as examples. Nothing the
 * gateway answers is exempt.
 */
function mayNameDemoKeys(url: string): boolean {
  return /\/openapi\.json$/.test(new URL(url).pathname);
}

const realFetch = globalThis.fetch;
globalThis.fetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
  const response = await realFetch(input, init);
  const url = input instanceof Request ? input.url : String(input);
  if (mayNameDemoKeys(url)) return response;
  const body = requestText(init);
  const reading = response
    .clone()
    .text()
    .then((answer) => {
      const handedOut = secretsHandedOut(body, answer);
      const known = [...secrets].filter((secret) => !handedOut.includes(secret));
      const found = leakIn(answer, [...LEAK_NEEDLES, ...known]);
      if (found !== null) leaks.push(`${init?.method ?? "GET"} ${url}: the answer contains ${found}`);
      for (const secret of handedOut) secrets.add(secret);
    })
    .catch(() => undefined)
    .finally(() => pending.delete(reading));
  pending.add(reading);
  return response;
};

afterAll(async () => {
  // Answers still streaming are given a moment; a stream its test left open is not waited for.
  await Promise.race([Promise.all(pending), new Promise((resolve) => setTimeout(resolve, 1_000))]);
  expect(leaks, "answers that carry an upstream key or a webhook secret").toEqual([]);
});
