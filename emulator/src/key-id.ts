/**
 * The id of a credential in the request log: the first 8 hex digits of the SHA-256 of the key or token, so that a
 * test can tell which key a request used (after a rotation, say) without the log ever holding a key.
 */

/** How many hex digits of the SHA-256 a key id keeps. */
export const KEY_ID_LENGTH = 8;

/** The key id of `key`: `sha256(key)` in lowercase hex, cut to {@link KEY_ID_LENGTH} digits. */
export async function keyIdOf(key: string): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", new TextEncoder().encode(key)));
  return Array.from(digest.subarray(0, KEY_ID_LENGTH / 2), (byte) => byte.toString(16).padStart(2, "0")).join("");
}

/** The key id of a request's credential header, or null when the request carried none (absent or empty). */
export async function keyIdOfHeader(request: Request, header: string): Promise<string | null> {
  const key = request.headers.get(header);
  return key === null || key === "" ? null : keyIdOf(key);
}
