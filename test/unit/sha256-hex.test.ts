/**
 * The memoised SHA-256 that names breakers, tenants and log callers: the same hash as computed afresh, for texts it
 * keeps, texts too long to keep, and after its memo has started again.
 */
import { describe, expect, it } from "vitest";
import { sha256Hex, sha256HexOnce } from "../../src/encoding/sha256-hex";

describe("sha256HexOnce", () => {
  it("answers each text's own SHA-256, the first time and again, short or past the kept length", () => {
    const long = "x".repeat(20_000);
    for (const text of ["", "abc", `{"projectId":"proj_demo","secretKey":"k"}`, long]) {
      expect(sha256HexOnce(text)).toBe(sha256Hex(text));
      expect(sha256HexOnce(text)).toBe(sha256Hex(text));
    }
    expect(sha256HexOnce("abc")).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  });

  it("keeps answering right after more texts than it keeps", () => {
    const texts = Array.from({ length: 1_200 }, (_, index) => `key-${index}`);
    for (const text of texts) sha256HexOnce(text);
    for (const text of [texts[0] ?? "", texts[600] ?? "", texts[1_199] ?? ""]) {
      expect(sha256HexOnce(text)).toBe(sha256Hex(text));
    }
  });
});
