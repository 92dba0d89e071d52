/**
 * SHA-256 as hex, synchronously, and once per isolate for texts that come again. Synchronous because its users run
 * where no promise can be awaited (a session names its circuit breaker while it is built, a tenant is named in
 * `Backend.tenantOf`, a log line is built in a hook); Web Crypto's `digest` is asynchronous and the Workers types
 * offer no synchronous hash, hence `@noble/hashes` (audited, dependency-free, about 5 KiB here).
 *
 * In JavaScript the hash is not cheap next to a small request: a profile of the nested page of 40 jobs put the one
 * credentials fingerprint of its session at about 3% of the Worker's JavaScript. Its inputs are few and repeat on
 * every request (a gateway's documents, its callers' keys), so {@link sha256HexOnce} keeps the hashes it made.
 */
import { sha256 } from "@noble/hashes/sha2.js";
import { bytesToHex, utf8ToBytes } from "@noble/hashes/utils.js";

/** SHA-256 of `text` (UTF-8), as 64 hex digits. */
export function sha256Hex(text: string): string {
  return bytesToHex(sha256(utf8ToBytes(text)));
}

/** Most hashes {@link sha256HexOnce} keeps per isolate; past it the memo starts again (a bound, not an eviction policy). */
const MAX_KEPT_HASHES = 512;
/**
 * The longest text whose hash is kept, in UTF-16 units: a document or a set of keys is far shorter, and a bound on
 * each text bounds the memo (512 of them at most 16 MiB), whatever the documents callers send.
 */
const MAX_KEPT_TEXT_LENGTH = 16_384;
const keptHashes = new Map<string, string>();

/**
 * {@link sha256Hex} of `text`, computed once per isolate for texts that come again. The memo holds the texts it was
 * given, some of them callers' keys, in the isolate's memory only (as every request's headers are while it runs):
 * it is never listed, logged or stored, and it answers a text only with that text's own hash. At most
 * {@link MAX_KEPT_HASHES} texts are kept, none longer than {@link MAX_KEPT_TEXT_LENGTH}. Never throws.
 */
export function sha256HexOnce(text: string): string {
  if (text.length > MAX_KEPT_TEXT_LENGTH) return sha256Hex(text);
  let hash = keptHashes.get(text);
  if (hash === undefined) {
    hash = sha256Hex(text);
    if (keptHashes.size >= MAX_KEPT_HASHES) keptHashes.clear();
    keptHashes.set(text, hash);
  }
  return hash;
}
