/**
 * Trusted documents (persisted operations): with `TRUSTED_DOCUMENTS` set, the gateway runs only the operations of a
 * manifest, named by their id, and refuses any other. Off (every document accepted) when unset.
 *
 * The manifest is the JSON object `{ "<id>": "<document>" }` that GraphQL Code Generator's client preset writes
 * (`persisted-documents.json`, with `persistedDocuments: { hashAlgorithm: "sha256" }`: the id is the sha256 hex of
 * the printed document) and the Relay compiler writes with `persistConfig` (`persisted_queries.json`). The ids are
 * taken as given, not recomputed: the manifest is the allow-list, whatever hash made it.
 *
 * A request names its document with `documentId` (the GraphQL-over-HTTP draft's name: the POST body's field, the GET
 * query string's parameter, the graphql-ws `subscribe` payload's field), or with Apollo's
 * `extensions.persistedQuery.sha256Hash`. An id may carry the draft's `sha256:` prefix. The one rule that applies it
 * is the plugin `plugins/use-trusted-documents.ts`, which every transport runs.
 *
 * The manifest comes from one of two sources under the one name `TRUSTED_DOCUMENTS`: a var or secret holding the
 * JSON (bundled at deploy; a secret holds at most 5 KB, a few dozen operations), or a Workers KV namespace bound
 * under that name (`kv-trusted-documents.ts`: key the id, value the document), for manifests of thousands.
 */
import type { SettingsProblem } from "./auth/auth-settings";
import { documentsFromKv, isKvNamespace, type DocumentNamespace } from "./kv-trusted-documents";

/** The environment field this module reads: the manifest's JSON, or a KV namespace of documents. */
export interface TrustedDocumentsEnv {
  TRUSTED_DOCUMENTS?: string | DocumentNamespace | undefined;
}

/** The KV namespace of documents, when one is bound as `TRUSTED_DOCUMENTS`. */
function kvSourceOf(env: TrustedDocumentsEnv): DocumentNamespace | null {
  const source = env.TRUSTED_DOCUMENTS;
  return isKvNamespace(source) ? source : null;
}

/** The manifest, or what of it this isolate has read from KV: document id to document text. */
export type TrustedDocuments = Pick<ReadonlyMap<string, string>, "get">;

/** What a request asked for, as its transport carries it. */
export interface OperationRequest {
  query?: unknown;
  documentId?: unknown;
  extensions?: unknown;
}

/** Why a request is refused, with the code and HTTP status it is answered with. */
export interface TrustedDocumentRefusal {
  code: "PERSISTED_QUERY_NOT_FOUND" | "PERSISTED_QUERY_ONLY" | "BAD_REQUEST";
  status: 400 | 404;
  message: string;
}

/** The document a request runs, or why it may not run. */
export type TrustedDocumentResolution = { query: string } | { refusal: TrustedDocumentRefusal };

/** A document id as manifests write them: hex digests and the like, at most 200 characters. */
const ID_PATTERN = /^[A-Za-z0-9_:.+/=-]{1,200}$/;
const SHA256_PREFIX = "sha256:";

function problem(detail: string): SettingsProblem {
  return {
    setting: "TRUSTED_DOCUMENTS",
    message:
      `The gateway's TRUSTED_DOCUMENTS setting is invalid: ${detail}. Expected the JSON object { "<id>": "<document>" } ` +
      "that GraphQL Code Generator's client preset (persisted-documents.json) or the Relay compiler writes.",
  };
}

/** Parses a manifest. Returns a {@link SettingsProblem} naming the setting and what is wrong; never throws. */
export function parseTrustedDocuments(raw: string): TrustedDocuments | SettingsProblem {
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    return problem("it is not JSON");
  }
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) return problem("it is not a JSON object");
  const documents = new Map<string, string>();
  for (const [id, document] of Object.entries(parsed)) {
    if (!ID_PATTERN.test(id)) return problem(`the id "${id.slice(0, 40)}" is not a document id`);
    if (typeof document !== "string" || document.trim() === "")
      return problem(`the document of "${id.slice(0, 80)}" is not a non-empty string`);
    documents.set(id, document);
  }
  if (documents.size === 0) return problem("it lists no document");
  return documents;
}

let cache: { raw: string; value: TrustedDocuments | SettingsProblem } | undefined;

/**
 * The manifest of `TRUSTED_DOCUMENTS`: null when unset or empty (trusted documents off, the default), the documents,
 * or a {@link SettingsProblem} (the gateway then answers every operation with `GATEWAY_MISCONFIGURED`). Parsed once
 * per isolate and value; never throws.
 */
export function trustedDocumentsFromEnv(env: TrustedDocumentsEnv): TrustedDocuments | SettingsProblem | null {
  const source = env.TRUSTED_DOCUMENTS;
  // A KV namespace: the documents this isolate has fetched (`prefetchTrustedDocument` fetches a request's first).
  const kv = kvSourceOf(env);
  if (kv !== null) return documentsFromKv(kv);
  const raw = typeof source === "string" ? source : "";
  if (raw.trim() === "") return null;
  if (cache?.raw !== raw) cache = { raw, value: parseTrustedDocuments(raw) };
  return cache.value;
}

/**
 * With `TRUSTED_DOCUMENTS` a KV namespace, fetches the document a request names (both spellings of its id) into the
 * isolate's cache, so that the synchronous {@link resolveTrustedDocument} that follows finds it; an id KV does not
 * hold is refused there like an id the manifest does not hold. Does nothing for a manifest, or when off. Rejects only
 * when KV cannot be read (the client then sees a masked error, and nothing runs).
 */
export async function prefetchTrustedDocument(env: TrustedDocumentsEnv, request: OperationRequest): Promise<void> {
  const kv = kvSourceOf(env);
  if (kv === null) return;
  const id = requestedId(request);
  if (typeof id !== "string" || !ID_PATTERN.test(id)) return;
  await documentsFromKv(kv).fetch(idSpellings(id));
}

/** An id as given, then in its other spelling (with or without `sha256:`): either finds either. */
function idSpellings(id: string): [string, string] {
  return [id, id.startsWith(SHA256_PREFIX) ? id.slice(SHA256_PREFIX.length) : `${SHA256_PREFIX}${id}`];
}

function requestedId(request: OperationRequest): unknown {
  if (request.documentId !== undefined && request.documentId !== null) return request.documentId;
  const extensions = request.extensions;
  if (typeof extensions !== "object" || extensions === null) return undefined;
  const persisted = (extensions as Record<string, unknown>)["persistedQuery"];
  if (typeof persisted !== "object" || persisted === null) return undefined;
  return (persisted as Record<string, unknown>)["sha256Hash"];
}

/**
 * Decides what a request runs on a gateway with trusted documents: the manifest's document for its id, or a
 * refusal: `PERSISTED_QUERY_ONLY` (400) for a document sent as text, or for no document at all;
 * `PERSISTED_QUERY_NOT_FOUND` (404) for an id the manifest does not hold; `BAD_REQUEST` (400) for an id that is not a
 * string. Never throws.
 */
export function resolveTrustedDocument(
  documents: TrustedDocuments,
  request: OperationRequest,
): TrustedDocumentResolution {
  const id = requestedId(request);
  const text = typeof request.query === "string" ? request.query.trim() : "";
  if (text !== "") {
    return {
      refusal: {
        code: "PERSISTED_QUERY_ONLY",
        status: 400,
        message:
          'This gateway runs trusted documents only: send the operation\'s "documentId" from your persisted-documents ' +
          'manifest instead of its "query".',
      },
    };
  }
  if (id === undefined || id === null) {
    return {
      refusal: {
        code: "PERSISTED_QUERY_ONLY",
        status: 400,
        message:
          'This gateway runs trusted documents only: send the operation\'s "documentId" from your persisted-documents manifest.',
      },
    };
  }
  if (typeof id !== "string") {
    return {
      refusal: {
        code: "BAD_REQUEST",
        status: 400,
        message: '"documentId" must be a string: the id of a document in the manifest.',
      },
    };
  }
  // Codegen writes `sha256:<hex>`, Relay and Apollo clients send the bare hex: either finds either.
  const [given, other] = idSpellings(id);
  const query = documents.get(given) ?? documents.get(other);
  if (query === undefined) {
    return {
      refusal: {
        code: "PERSISTED_QUERY_NOT_FOUND",
        status: 404,
        message: `No trusted document has the id "${id.slice(0, 80)}". This gateway runs only the documents of its manifest (TRUSTED_DOCUMENTS).`,
      },
    };
  }
  return { query };
}
