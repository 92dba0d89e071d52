/**
 * Opaque bearer tokens (`GATEWAY_TOKENS`): the gateway stores only their SHA-256, hashes what a caller presents
 * with WebCrypto and compares digests in constant time, so neither the stored hashes nor the time a comparison
 * takes tell a caller anything about which tokens exist.
 */
import type { TokenEntry } from "./auth-settings";
import type { Principal } from "./principal";

/** The SHA-256 digest of a token's UTF-8 bytes (what `GATEWAY_TOKENS` is keyed by, in hex). */
export async function sha256(token: string): Promise<Uint8Array> {
  return new Uint8Array(await crypto.subtle.digest("SHA-256", new TextEncoder().encode(token)));
}

/** The SHA-256 of a token as lowercase hex, the form `GATEWAY_TOKENS` keys take. */
export async function sha256Hex(token: string): Promise<string> {
  return [...(await sha256(token))].map((byte) => byte.toString(16).padStart(2, "0")).join("");
}

/**
 * True when `a` and `b` hold the same bytes. Takes the same time for every pair of equal-length inputs: it folds
 * every byte difference together instead of stopping at the first one. Different lengths are unequal at once
 * (digests all have the same length, so that reveals nothing).
 */
export function timingSafeEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let difference = 0;
  for (let index = 0; index < a.length; index += 1) difference |= (a[index] ?? 0) ^ (b[index] ?? 0);
  return difference === 0;
}

/**
 * The principal of a presented token, or null when no configured hash matches. Compares against every entry, even
 * after a match, so the time taken does not depend on where (or whether) the token's hash is in the list.
 */
export async function principalFromToken(token: string, entries: readonly TokenEntry[]): Promise<Principal | null> {
  const digest = await sha256(token);
  let found: Principal | null = null;
  for (const entry of entries) {
    if (timingSafeEqual(digest, entry.sha256) && found === null) found = entry.principal;
  }
  return found;
}
