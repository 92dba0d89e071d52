/**
 * ModelArts ids: 19 to 20 letters and digits, like the real ones (`gfghHSokody6AJigS5A`). Seeded ids derive from a
 * seed string, so they are the same on every reset; new ones are random.
 */
import { hash32 } from "../ids";

const ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

/** A 20-character id fixed by `seed` (same seed, same id). */
export function idFromSeed(seed: string): string {
  return Array.from({ length: 20 }, (_, i) => ALPHABET.charAt(hash32(seed, i + 1) % ALPHABET.length)).join("");
}

/** A new random 20-character id. */
export function newModelArtsId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(20));
  return Array.from(bytes, (byte) => ALPHABET.charAt(byte % ALPHABET.length)).join("");
}
