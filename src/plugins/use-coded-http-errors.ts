/**
 * Yoga plugin: every HTTP error answer carries a GraphQL JSON body with `extensions.code`. HTTP-only by nature
 * (`onResponse`): graphql-ws answers its protocol errors with close codes (`graphql-ws-protocol.ts`). Yoga answers an
 * unsupported content type (415), an unacceptable `Accept` (406) and an unknown route (404) with an empty body;
 * this gives them one, with code `BAD_REQUEST` (or `NOT_FOUND`) and a message saying what to send instead.
 * Answers that are GraphQL already (Yoga's own JSON errors, errors in the SSE or multipart format) pass unchanged.
 */
import { createGraphQLError, type Plugin } from "graphql-yoga";
import { graphqlErrorResponse } from "../http-error-response";

/** What each bodiless status means for the client. */
function explain(status: number): { code: string; message: string } {
  switch (status) {
    case 415:
      return {
        code: "BAD_REQUEST",
        message:
          "Unsupported content type: send application/json (or application/graphql+json), multipart/form-data, " +
          "or a GET with the query in the URL.",
      };
    case 406:
      return {
        code: "BAD_REQUEST",
        message:
          "Not acceptable: accept application/json or application/graphql-response+json (and text/event-stream " +
          "or multipart/mixed for subscriptions).",
      };
    case 404:
      return { code: "NOT_FOUND", message: "Not found: GraphQL is at /graphql." };
    case 405:
      return { code: "BAD_REQUEST", message: "Method not allowed: use GET or POST." };
    default:
      return { code: "BAD_REQUEST", message: `The request could not be handled (HTTP ${status}).` };
  }
}

/** The plugin: see the module comment. */
export function useCodedHttpErrors(): Plugin {
  return {
    onResponse(payload) {
      const { response } = payload;
      // Yoga's own error answers are GraphQL JSON already, and refusals of an SSE request (the gateway auth's 401,
      // say) are GraphQL errors in its event-stream format; the bare ones have no body, or an empty text one (404).
      if (
        response.status < 400 ||
        /json|event-stream|multipart\/mixed/.test(response.headers.get("content-type") ?? "")
      )
        return;
      const { code, message } = explain(response.status);
      const headers = new Headers(response.headers);
      headers.delete("content-length");
      headers.delete("content-type");
      payload.setResponse(
        graphqlErrorResponse(response.status, createGraphQLError(message, { extensions: { code } }), headers),
      );
    },
  };
}
