/**
 * Yoga plugin: trusted documents over HTTP (GET and POST) and SSE (see `src/trusted-documents.ts`). With
 * `TRUSTED_DOCUMENTS` set, a request's `documentId` (POST body, GET query string) or
 * `extensions.persistedQuery.sha256Hash` is swapped for the manifest's document before Yoga checks, parses and
 * validates it, so every later rule (limits, introspection, CSRF, auth) sees the real document. An ad-hoc `query`,
 * a missing id or an unknown one is refused before any upstream call, with its code and status. Unset: does nothing.
 *
 * Written here rather than taken from `@graphql-yoga/plugin-persisted-operations` because graphql-ws runs outside
 * Yoga in this gateway (its own connection objects): both transports need the one manifest and the one rule, and
 * the rule is a map lookup.
 */
import { createGraphQLError, type Plugin } from "graphql-yoga";
import { isSettingsProblem } from "../auth/auth-settings";
import type { GatewayServerContext } from "../gateway";
import { resolveTrustedDocument, trustedDocumentsFromEnv } from "../trusted-documents";

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

/** The plugin: see the module comment. */
export function useTrustedDocuments(): Plugin<Record<string, unknown>, GatewayServerContext> {
  return {
    onParams({ params, request, context, setParams }) {
      const documents = trustedDocumentsFromEnv(context.env);
      if (documents === null) return;
      if (isSettingsProblem(documents)) {
        throw createGraphQLError(documents.message, { extensions: { code: "GATEWAY_MISCONFIGURED", http: { status: 500 } } });
      }
      const fields = params as Record<string, unknown>;
      // Yoga's GET parser keeps only query, variables, operationName and extensions: the id comes from the URL.
      const documentId = fields["documentId"] ?? (request.method === "GET" ? new URL(request.url).searchParams.get("documentId") : null);
      const resolution = resolveTrustedDocument(documents, { query: fields["query"], documentId, extensions: fields["extensions"] });
      if ("refusal" in resolution) {
        const { code, status, message } = resolution.refusal;
        throw createGraphQLError(message, { extensions: { code, http: { status } } });
      }
      setParams(withoutIds(fields, resolution.query));
    },
  };
}
