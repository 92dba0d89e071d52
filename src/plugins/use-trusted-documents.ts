/**
 * Yoga plugin: trusted documents (see `src/trusted-documents.ts`) on every transport. With `TRUSTED_DOCUMENTS` set,
 * an operation's `documentId` (POST body, GET query string, graphql-ws `subscribe` payload) or
 * `extensions.persistedQuery.sha256Hash` is swapped for the manifest's document before it is parsed, so every later
 * rule (limits, introspection) sees the real document. An ad-hoc `query`, a missing id or an unknown one is refused
 * before any upstream call, with its code (and, over HTTP, its status). Unset: does nothing.
 *
 * One rule, two hooks, because the transports hand over their params at different points: over HTTP and SSE Yoga
 * checks the params (`onParams`, which refuses a `documentId` it does not know) before it calls `getEnveloped`;
 * any other transport (graphql-ws) calls `gateway.getEnveloped({ ..., params })` itself, where `onEnveloped` applies
 * the same {@link trustedParams}. Params that `onParams` already resolved are not resolved twice. With the documents
 * in KV, `onParams` first reads the named one into the isolate's cache (`kv-trusted-documents.ts`); graphql-ws awaits
 * {@link prefetchTrustedParams} before each operation and event.
 */
import { createGraphQLError, type GraphQLParams, type Plugin } from "graphql-yoga";
import type { GraphQLError } from "graphql";
import { isSettingsProblem } from "../auth/auth-settings";
import type { GatewayServerContext } from "../server-context";
import {
  prefetchTrustedDocument,
  resolveTrustedDocument,
  trustedDocumentsFromEnv,
  type TrustedDocumentsEnv,
} from "../trusted-documents";

/** Params this plugin produced (the manifest's document in `query`): not to be checked again. */
const RESOLVED = new WeakSet<object>();

/** The Yoga params without the id fields Yoga's own check would refuse as unexpected. */
function withoutIds(params: Record<string, unknown>, query: string): Record<string, unknown> {
  const { documentId: _documentId, ...rest } = params;
  const extensions = rest["extensions"];
  if (typeof extensions === "object" && extensions !== null && "persistedQuery" in extensions) {
    const { persistedQuery: _persisted, ...otherExtensions } = extensions as Record<string, unknown>;
    rest["extensions"] = otherExtensions;
  }
  return { ...rest, query };
}

/**
 * The one rule: the params an operation runs with (unchanged when trusted documents are off or `params` were
 * resolved already), or the coded error it is refused with: the resolution's code and message, with its HTTP status
 * in `extensions.http` (which only HTTP answers use), or `GATEWAY_MISCONFIGURED` for an unusable manifest. Never
 * throws. `documentIdFallback` is where a transport carries the id outside the params (a GET's query string).
 */
export function trustedParams(
  env: TrustedDocumentsEnv,
  params: Record<string, unknown>,
  documentIdFallback: unknown = null,
): Record<string, unknown> | GraphQLError {
  const documents = trustedDocumentsFromEnv(env);
  if (documents === null || RESOLVED.has(params)) return params;
  if (isSettingsProblem(documents)) {
    return createGraphQLError(documents.message, {
      extensions: { code: "GATEWAY_MISCONFIGURED", http: { status: 500 } },
    });
  }
  const documentId = params["documentId"] ?? documentIdFallback;
  const resolution = resolveTrustedDocument(documents, {
    query: params["query"],
    documentId,
    extensions: params["extensions"],
  });
  if ("refusal" in resolution) {
    const { code, status, message } = resolution.refusal;
    return createGraphQLError(message, { extensions: { code, http: { status } } });
  }
  const resolved = withoutIds(params, resolution.query);
  RESOLVED.add(resolved);
  return resolved;
}

/**
 * With the documents in KV (`TRUSTED_DOCUMENTS` bound as a namespace), reads the document `params` name into the
 * isolate's cache, so that the rule (synchronous where graphql-ws applies it, in `onEnveloped`) finds it. A transport
 * that calls `gateway.getEnveloped` itself awaits this first; Yoga's `onParams` below does it for HTTP and SSE. Does
 * nothing otherwise. Rejects only when KV cannot be read.
 */
export function prefetchTrustedParams(env: TrustedDocumentsEnv, params: object): Promise<void> {
  return prefetchTrustedDocument(env, {
    query: Reflect.get(params, "query"),
    documentId: Reflect.get(params, "documentId"),
    extensions: Reflect.get(params, "extensions"),
  });
}

/** The plugin: see the module comment. */
export function useTrustedDocuments(): Plugin<Record<string, unknown>, GatewayServerContext> {
  return {
    // HTTP and SSE: before Yoga's own params check. Off (the default), it returns at once, with no promise: an async
    // hook would make the rest of every request's hooks asynchronous.
    onParams({ params, request, context, setParams }) {
      if (trustedDocumentsFromEnv(context.env) === null) return undefined;
      // Yoga's GET parser keeps only query, variables, operationName and extensions: the id comes from the URL.
      const fromUrl = request.method === "GET" ? new URL(request.url).searchParams.get("documentId") : null;
      const raw = params as Record<string, unknown>;
      return prefetchTrustedParams(
        context.env,
        fromUrl === null ? raw : { ...raw, documentId: raw["documentId"] ?? fromUrl },
      ).then(() => {
        const outcome = trustedParams(context.env, params as Record<string, unknown>, fromUrl);
        if (outcome instanceof Error) throw outcome;
        setParams(outcome as GraphQLParams);
      });
    },
    // Every other transport: when it asks for the enveloped functions with its params in the initial context.
    onEnveloped({ context, extendContext }) {
      const params = context?.["params"];
      if (context === undefined || typeof params !== "object" || params === null) return;
      const outcome = trustedParams(
        (context as unknown as GatewayServerContext).env,
        params as Record<string, unknown>,
      );
      if (outcome instanceof Error) throw outcome;
      if (outcome !== params) extendContext({ params: outcome });
    },
  };
}
