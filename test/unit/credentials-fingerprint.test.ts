/**
 * The one fingerprint of credentials (src/encoding/credentials-fingerprint.ts), which names both a session's circuit
 * breaker and a caller's rate-limit counter: 128 bits of the SHA-256 of the credentials' JSON, the same for the
 * same credentials, never the credentials themselves.
 */
import { describe, expect, it } from "vitest";
import { credentialsFingerprint, FINGERPRINT_HEX_DIGITS } from "../../src/encoding/credentials-fingerprint";

/** SHA-256 by WebCrypto, as hex: an independent computation to compare with. */
async function webCryptoSha256Hex(text: string): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", new TextEncoder().encode(text)));
  return Array.from(digest, (byte) => byte.toString(16).padStart(2, "0")).join("");
}

describe("credentialsFingerprint", () => {
  it("is the first 32 hex digits of the SHA-256 of the credentials' JSON", async () => {
    const credentials = { projectId: "proj_a", secretKey: "s3cret" };
    expect(FINGERPRINT_HEX_DIGITS).toBe(32);
    expect(credentialsFingerprint(credentials)).toBe(
      (await webCryptoSha256Hex(JSON.stringify(credentials))).slice(0, 32),
    );
    // undefined has no JSON: it hashes as the empty text (the SHA-256 of "" is e3b0c442…).
    expect(credentialsFingerprint(undefined)).toBe("e3b0c44298fc1c149afbf4c8996fb924");
  });

  it("tells two keys of one project apart and never contains the key", () => {
    const right = credentialsFingerprint({ projectId: "proj_a", secretKey: "right-key" });
    expect(right).not.toBe(credentialsFingerprint({ projectId: "proj_a", secretKey: "wrong-key" }));
    expect(right).toBe(credentialsFingerprint({ projectId: "proj_a", secretKey: "right-key" }));
    expect(right).not.toContain("right-key");
  });
});
