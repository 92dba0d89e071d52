/**
 * base64url without padding (RFC 4648 §5) over UTF-8 text: the one encoding of global ids and cursors.
 */

const encoder = new TextEncoder();

/** Encodes text as base64url without padding. */
export function base64UrlEncode(text: string): string {
  // Every id and cursor of a page goes through here, and they are printable ASCII: ASCII text is its own UTF-8 (and
  // a string btoa takes as is), so only other text is encoded to bytes first.
  let binary = text;
  if (!/^[ -~]*$/.test(text)) {
    binary = "";
    for (const byte of encoder.encode(text)) binary += String.fromCharCode(byte);
  }
  const base64 = btoa(binary);
  const padding = base64.endsWith("==") ? 2 : base64.endsWith("=") ? 1 : 0;
  return base64
    .slice(0, base64.length - padding)
    .replaceAll("+", "-")
    .replaceAll("/", "_");
}

/** Decodes base64url (padding optional); null when the text is not valid base64url or not UTF-8. Never throws. */
export function base64UrlDecode(text: string): string | null {
  if (!/^[A-Za-z0-9_-]*$/.test(text) || text.length % 4 === 1) return null;
  try {
    const binary = atob(text.replace(/-/g, "+").replace(/_/g, "/"));
    const bytes = Uint8Array.from(binary, (char) => char.charCodeAt(0));
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}
