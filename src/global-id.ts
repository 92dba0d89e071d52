/**
 * Global ids: every `Node.id` is base64url (no padding) of `"<TypeName>:<upstream id>"`, so `node(id:)` can route it
 * to the right resource. Typed fields (`job(id:)`, `jobUpdated(id:)` …) also accept raw upstream ids
 * (`batchjob_…`, `dataset_…`, `webhook_…`), recognised by their prefix.
 */
import { badUserInput } from "./errors";

/** The Node types whose ids the gateway issues. */
export type NodeTypename = "NexusDataset" | "NexusJob" | "NexusWebhook" | "NexusLogEntry";

const NODE_TYPENAMES: ReadonlySet<string> = new Set<NodeTypename>([
  "NexusDataset",
  "NexusJob",
  "NexusWebhook",
  "NexusLogEntry",
]);

/** Raw upstream id prefixes and the type they belong to. */
const RAW_ID_PREFIXES: ReadonlyArray<readonly [string, NodeTypename]> = [
  ["dataset_", "NexusDataset"],
  ["batchjob_", "NexusJob"],
  ["webhook_", "NexusWebhook"],
];

/** What an upstream id may contain: letters, digits, `_`, `-`, `.` and, for composite log-entry ids, `:`. */
const RAW_ID_PATTERN = /^[A-Za-z0-9_.:-]{1,200}$/;

/** A decoded global id. */
export interface DecodedGlobalId {
  typename: NodeTypename;
  rawId: string;
}

function base64UrlEncode(text: string): string {
  let binary = "";
  for (const byte of new TextEncoder().encode(text)) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

/** Decodes base64url (padding optional); null when the text is not valid base64url or not UTF-8. */
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

/** Encodes text as base64url without padding (used for global ids and cursors). */
export function base64UrlEncodeText(text: string): string {
  return base64UrlEncode(text);
}

/** The global id of an object: base64url of `"<typename>:<rawId>"`. */
export function toGlobalId(typename: NodeTypename, rawId: string): string {
  return base64UrlEncode(`${typename}:${rawId}`);
}

/**
 * Decodes a global id, or recognises a raw upstream id by its prefix. Returns null for anything else (never
 * throws), including a decoded id whose upstream part has characters no upstream id has.
 */
export function fromGlobalId(id: string): DecodedGlobalId | null {
  for (const [prefix, typename] of RAW_ID_PREFIXES) {
    if (id.startsWith(prefix) && RAW_ID_PATTERN.test(id)) return { typename, rawId: id };
  }
  const decoded = base64UrlDecode(id);
  if (decoded === null) return null;
  const colon = decoded.indexOf(":");
  if (colon <= 0) return null;
  const typename = decoded.slice(0, colon);
  const rawId = decoded.slice(colon + 1);
  if (!NODE_TYPENAMES.has(typename) || !RAW_ID_PATTERN.test(rawId)) return null;
  return { typename: typename as NodeTypename, rawId };
}

/**
 * The upstream id behind `id` (a global id or a raw upstream id) for a field that takes one type.
 * Throws `BAD_USER_INPUT` naming the argument when the id is not an id at all, or belongs to another type.
 */
export function rawIdFor(typename: NodeTypename, id: string, argumentName = "id"): string {
  const decoded = fromGlobalId(id);
  if (decoded === null) {
    throw badUserInput(`Argument "${argumentName}": "${id.slice(0, 100)}" is not a valid id.`);
  }
  if (decoded.typename !== typename) {
    throw badUserInput(
      `Argument "${argumentName}": expected a ${typename} id, got a ${decoded.typename} id.`,
    );
  }
  return decoded.rawId;
}
