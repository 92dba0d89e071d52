/**
 * NDJSON content for dataset uploads: checked line by line before anything is sent, normalised (blank lines
 * dropped, `\n` line ends, one final newline), then measured: size in bytes and CRC32C as the upstream expects it
 * (base64 of the 4 big-endian bytes of the digest).
 */
import { crc32c } from "@aws-crypto/crc32c";
import { badUserInput } from "../../../errors";

/** Normalised NDJSON bytes and what the upstream needs to know about them. */
export interface PreparedNdjson {
  bytes: Uint8Array<ArrayBuffer>;
  sizeBytes: number;
  crc32c: string;
  itemCount: number;
}

/** Base64 of the 4 big-endian bytes of the CRC32C of `bytes`. */
export function crc32cBase64(bytes: Uint8Array): string {
  const value = crc32c(bytes);
  return btoa(String.fromCharCode((value >>> 24) & 0xff, (value >>> 16) & 0xff, (value >>> 8) & 0xff, value & 0xff));
}

function preview(line: string): string {
  return line.length > 60 ? `${line.slice(0, 57)}...` : line;
}

/**
 * Checks and normalises NDJSON text: every non-blank line must be a JSON object. Throws `BAD_USER_INPUT` naming
 * `source` (e.g. `input.ndjson`) and the 1-based line number of the first bad line, or saying the content has no item.
 */
export function prepareNdjson(text: string, source: string): PreparedNdjson {
  const lines: string[] = [];
  for (const [index, rawLine] of text.split("\n").entries()) {
    const line = rawLine.endsWith("\r") ? rawLine.slice(0, -1) : rawLine;
    if (line.trim() === "") continue;
    let item: unknown;
    try {
      item = JSON.parse(line);
    } catch {
      throw badUserInput(`${source}, line ${index + 1}: not valid JSON: ${preview(line)}`);
    }
    if (typeof item !== "object" || item === null || Array.isArray(item)) {
      throw badUserInput(`${source}, line ${index + 1}: expected a JSON object, got ${preview(line)}`);
    }
    lines.push(line);
  }
  if (lines.length === 0) throw badUserInput(`${source}: no items (expected one JSON object per line).`);
  const bytes = new TextEncoder().encode(`${lines.join("\n")}\n`);
  return { bytes, sizeBytes: bytes.byteLength, crc32c: crc32cBase64(bytes), itemCount: lines.length };
}

/** Decodes an uploaded file as UTF-8 text. Throws `BAD_USER_INPUT` naming `source` when it is not UTF-8. */
export async function fileText(file: Blob, source: string): Promise<string> {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(await file.arrayBuffer());
  } catch {
    throw badUserInput(`${source}: the file is not UTF-8 text.`);
  }
}
