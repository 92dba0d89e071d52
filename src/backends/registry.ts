/**
 * Which backends exist: one line per backend. Everything that routes by provider or by global id asks here.
 */
import { badUserInput } from "../errors";
import { decodeGlobalId } from "../global-id";
import type { Provider } from "../model";
import type { AnyBackend } from "./backend";
import type { ExpectedId, IdResolver, ResolvedId } from "./gateway-context";
import { gravitiBackend } from "./graviti";
import { modelArtsBackend } from "./modelarts";
import { nexusBackend } from "./nexus";

/** Every backend, in the order their credentials are read and their items merged on ties. */
export const BACKENDS: readonly AnyBackend[] = [nexusBackend, gravitiBackend, modelArtsBackend];

/**
 * Whose ids version 1 cursors carry (`pagination/cursor.ts`): they were issued before the registry, when one backend
 * served every list, and that backend is the first registered one with jobs. Null when no backend has jobs (then
 * version 1 cursors are refused like any text the gateway did not write).
 */
export const VERSION_1_CURSOR_PROVIDER: Provider | null =
  BACKENDS.find((backend) => backend.nodeTypes.some((nodeType) => nodeType.kind === "job"))?.provider ?? null;

/** Every backend's credential headers (lower case), in registry order. */
export const CREDENTIAL_HEADERS: readonly string[] = BACKENDS.flatMap((backend) => backend.credentialHeaders);

/** The backend of a provider. Throws a plain error for a provider no backend serves (a programming mistake). */
export function backendOf(provider: Provider): AnyBackend {
  const backend = BACKENDS.find((candidate) => candidate.provider === provider);
  if (backend === undefined) throw new Error(`No backend for provider ${provider}.`);
  return backend;
}

/**
 * Resolves a global id, or a raw upstream id that a backend recognises (`batchjob_…`). Null for anything else,
 * including a ref outside its type's grammar (`NexusJob:..`): such a text is not an id, and never reaches a path.
 * Never throws.
 */
export function resolveId(id: string): ResolvedId | null {
  for (const backend of BACKENDS) {
    for (const nodeType of backend.nodeTypes) {
      if (nodeType.isRawId?.(id) === true) return { backend, nodeType, ref: id };
    }
  }
  const decoded = decodeGlobalId(id);
  if (decoded === null) return null;
  for (const backend of BACKENDS) {
    const nodeType = backend.nodeTypes.find((candidate) => candidate.typename === decoded.typename);
    if (nodeType !== undefined) return nodeType.isRef(decoded.ref) ? { backend, nodeType, ref: decoded.ref } : null;
  }
  return null;
}

/**
 * The id given as `argumentName`, for a field that takes objects of one kind (`job`, `dataset`) or one type
 * (`NexusWebhook`). Throws `BAD_USER_INPUT` naming the argument when the text is not an id at all, or an id of
 * something else.
 */
export function resolveIdOf(id: string, expected: ExpectedId, argumentName = "id"): ResolvedId {
  const resolved = resolveId(id);
  if (resolved === null) throw badUserInput(`Argument "${argumentName}": "${id.slice(0, 100)}" is not a valid id.`);
  const { nodeType } = resolved;
  if ("kind" in expected ? nodeType.kind !== expected.kind : nodeType.typename !== expected.typename) {
    // A kind is named as its GraphQL interface (`Job`), a type as itself (`NexusWebhook`).
    const wanted =
      "kind" in expected ? expected.kind.charAt(0).toUpperCase() + expected.kind.slice(1) : expected.typename;
    throw badUserInput(`Argument "${argumentName}": expected a ${wanted} id, got a ${nodeType.typename} id.`);
  }
  return resolved;
}

/** The ids of every registered backend, as the context hands them to resolvers (backends never import this file). */
export const idResolver: IdResolver = { resolve: resolveId, resolveOf: resolveIdOf };
