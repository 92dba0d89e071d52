/**
 * The one fingerprint of a set of credentials, for naming things after who calls without keeping what they sent:
 * the circuit breaker of a session (`backends/session-transport.ts`) and the rate-limit counter of a caller
 * (`limits/rate-limit.ts`). Both must tell two keys for the same project apart, and neither may store or log a key,
 * so both use this one digest rather than two that could drift (another length, another text of the same
 * credentials).
 */
import { sha256HexOnce } from "./sha256-hex";

/** How many hex digits of the digest a fingerprint keeps: 128 bits, enough to tell callers apart. */
export const FINGERPRINT_HEX_DIGITS = 32;

/**
 * The fingerprint of `credentials`: the first {@link FINGERPRINT_HEX_DIGITS} hex digits of the SHA-256 of their
 * JSON (an object's keys in the order it holds them; `undefined`, which has no JSON, hashes as the empty text).
 * Not reversible; the same credentials always give the same text. Synchronous (`sha256-hex.ts`, made once per
 * isolate for credentials that come again), so a session can name its breaker while it is built. Never throws for
 * JSON-serialisable values; throws JSON.stringify's TypeError for a cyclic value or a BigInt.
 */
export function credentialsFingerprint(credentials: unknown): string {
  const text = JSON.stringify(credentials) ?? "";
  return sha256HexOnce(text).slice(0, FINGERPRINT_HEX_DIGITS);
}
