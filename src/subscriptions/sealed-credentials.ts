/**
 * A listener's credentials as a watch object keeps them: sealed with AES-GCM under a key derived from the
 * `STATE_ENCRYPTION_KEY` secret, so that Durable Object storage never holds an upstream key in plain text. The
 * gateway's own server-held credentials are never sealed nor stored: a listener that uses them keeps only the marker
 * `{ held: true }`, resolved at poll time from the watch object's environment.
 *
 * Why a setting and not a random key per isolate: a watch object may be evicted and restarted in another isolate,
 * and a random key would make every stored listener unreadable. Without the setting the gateway refuses
 * subscriptions (`GATEWAY_MISCONFIGURED`, naming it); `.dev.vars` and the tests set a development key.
 */
import { GraphQLError } from "graphql";
import { backendOf } from "../backends/registry";
import type { CredentialsFound } from "../backends/backend";
import type { Provider } from "../model";
import type { GatewayVars } from "../vars";

/** The setting (a secret) that seals listeners' credentials. */
export const STATE_ENCRYPTION_KEY_SETTING = "STATE_ENCRYPTION_KEY";

/** The credentials a subscriber hands its watch object: its own, or the marker of the gateway's held ones. */
export type ListenerCredentials = { held: true } | { own: unknown };

/** {@link ListenerCredentials} at rest: the held marker, or the caller's own sealed (base64 IV and ciphertext). */
export type SealedCredentials = { held: true } | { iv: string; sealed: string };

/** The credentials to hand a watch object for what the request found: never the held ones themselves. */
export function listenerCredentialsOf(found: CredentialsFound<unknown>): ListenerCredentials {
  return found.source === "environment" ? { held: true } : { own: found.credentials };
}

/** The refusal of a subscription when the gateway has no {@link STATE_ENCRYPTION_KEY_SETTING}. */
export function missingStateKeyError(): GraphQLError {
  return new GraphQLError(
    `Subscriptions need the ${STATE_ENCRYPTION_KEY_SETTING} setting (a secret that seals subscribers' credentials in Durable Object storage); it is not set.`,
    { extensions: { code: "GATEWAY_MISCONFIGURED" } },
  );
}

/** True when `env` has a non-empty {@link STATE_ENCRYPTION_KEY_SETTING}. */
export function hasStateKey(env: GatewayVars): boolean {
  return typeof env.STATE_ENCRYPTION_KEY === "string" && env.STATE_ENCRYPTION_KEY.length > 0;
}

// Derived once per isolate and secret (HKDF is cheap, but every poll opens every listener's credentials).
let derived: { secret: string; key: Promise<CryptoKey> } | null = null;

/**
 * The AES-GCM key of `env`'s {@link STATE_ENCRYPTION_KEY_SETTING} (HKDF-SHA-256 of it, fixed salt and purpose), made
 * once per isolate. Rejects with {@link missingStateKeyError} when the setting is unset or empty.
 */
export function sealingKeyFromEnv(env: GatewayVars): Promise<CryptoKey> {
  const secret = env.STATE_ENCRYPTION_KEY;
  if (typeof secret !== "string" || secret.length === 0) return Promise.reject(missingStateKeyError());
  if (derived === null || derived.secret !== secret) derived = { secret, key: deriveKey(secret) };
  return derived.key;
}

async function deriveKey(secret: string): Promise<CryptoKey> {
  const material = await crypto.subtle.importKey("raw", new TextEncoder().encode(secret), "HKDF", false, ["deriveKey"]);
  return crypto.subtle.deriveKey(
    {
      name: "HKDF",
      hash: "SHA-256",
      salt: new TextEncoder().encode("gateway-state-v1"),
      info: new TextEncoder().encode("watch listener credentials"),
    },
    material,
    { name: "AES-GCM", length: 256 },
    false,
    ["encrypt", "decrypt"],
  );
}

/** Seals a listener's credentials: the held marker stays a marker; its own are encrypted with a fresh 96-bit IV. */
export async function sealCredentials(key: CryptoKey, credentials: ListenerCredentials): Promise<SealedCredentials> {
  if ("held" in credentials) return { held: true };
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const plain = new TextEncoder().encode(JSON.stringify(credentials.own));
  const sealed = new Uint8Array(await crypto.subtle.encrypt({ name: "AES-GCM", iv }, key, plain));
  return { iv: toBase64(iv), sealed: toBase64(sealed) };
}

/**
 * The credentials to poll with for sealed ones: the caller's own, decrypted, or the gateway's held ones for
 * `provider`, read now from `env`. Null when they cannot be had (another key sealed them, or the gateway no longer
 * holds credentials for that backend). Never throws.
 */
export async function openCredentials(
  key: CryptoKey,
  sealed: SealedCredentials,
  provider: Provider,
  env: GatewayVars,
): Promise<unknown> {
  if ("held" in sealed) {
    const held = backendOf(provider).credentialsFromHeaders(new Headers(), env);
    return held?.source === "environment" ? held.credentials : null;
  }
  try {
    const plain = await crypto.subtle.decrypt(
      { name: "AES-GCM", iv: fromBase64(sealed.iv) },
      key,
      fromBase64(sealed.sealed),
    );
    return JSON.parse(new TextDecoder().decode(plain)) as unknown;
  } catch {
    return null;
  }
}

/** Reads a {@link ListenerCredentials} value (from a header or an RPC); null when it is neither form. Never throws. */
export function parseListenerCredentials(value: unknown): ListenerCredentials | null {
  if (typeof value !== "object" || value === null) return null;
  if ((value as { held?: unknown }).held === true) return { held: true };
  return "own" in value ? { own: value.own } : null;
}

/** A list listener's credentials: one {@link ListenerCredentials} per platform the list reads. */
export type ListCredentials = Partial<Record<Provider, ListenerCredentials>>;

/**
 * A short tag of a list subscriber's credentials (HMAC-SHA-256 under `STATE_ENCRYPTION_KEY`, 32 hex digits), for the
 * list watch's object name: two sets of credentials never share a list, and the name says nothing of the keys (the
 * held ones are a marker, so every caller of the gateway's held keys shares). Rejects like {@link sealingKeyFromEnv}.
 */
export async function credentialsTag(env: GatewayVars, credentials: ListCredentials): Promise<string> {
  const secret = env.STATE_ENCRYPTION_KEY;
  if (typeof secret !== "string" || secret.length === 0) throw missingStateKeyError();
  const key = await crypto.subtle.importKey(
    "raw",
    new TextEncoder().encode(`list-tag:${secret}`),
    { name: "HMAC", hash: "SHA-256" },
    false,
    ["sign"],
  );
  const ordered = Object.keys(credentials)
    .sort()
    .map((provider) => [provider, credentials[provider]]);
  const mac = new Uint8Array(await crypto.subtle.sign("HMAC", key, new TextEncoder().encode(JSON.stringify(ordered))));
  return [...mac.slice(0, 16)].map((byte) => byte.toString(16).padStart(2, "0")).join("");
}

/**
 * The credentials to poll a list with, per platform, from what a list listener's sealed record opened to: each
 * platform's own credentials, or the gateway's held ones read now from `env`. Null when the value is not a list's
 * credentials, or a platform's held ones are gone. Never throws.
 */
export function openListCredentials(
  opened: unknown,
  providers: readonly Provider[],
  env: GatewayVars,
): Map<Provider, unknown> | null {
  if (typeof opened !== "object" || opened === null) return null;
  const result = new Map<Provider, unknown>();
  for (const provider of providers) {
    const entry = parseListenerCredentials((opened as Record<string, unknown>)[provider]);
    if (entry === null) return null;
    if ("own" in entry) {
      result.set(provider, entry.own);
      continue;
    }
    const held = backendOf(provider).credentialsFromHeaders(new Headers(), env);
    if (held?.source !== "environment") return null;
    result.set(provider, held.credentials);
  }
  return result;
}

function toBase64(bytes: Uint8Array): string {
  let binary = "";
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}

function fromBase64(text: string): Uint8Array<ArrayBuffer> {
  return Uint8Array.from(atob(text), (char) => char.charCodeAt(0));
}
