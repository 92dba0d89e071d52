/**
 * Yoga plugin: CSRF prevention. HTTP-only by nature (a browser's form or link; its hook, `onRequestParse`, is
 * HTTP's): a WebSocket upgrade's Origin is checked by the Worker entry instead (`browser/websocket-origin.ts`). A browser sends some requests cross-site without a CORS preflight (a form POST as
 * multipart/form-data, x-www-form-urlencoded or text/plain, or a plain GET). Those are refused, before parsing and
 * before any upstream call, unless they carry a header that only a preflighted request can carry. The gateway's own
 * credential headers count, so the README's `curl -F` upload and GET queries with credentials keep working; JSON
 * POSTs (GraphiQL, graphql-sse), GraphiQL's page and WebSockets are not affected.
 *
 * It is Yoga's `useCSRFPrevention`, with the refusal given a code and a message that says what to send.
 */
import { useCSRFPrevention as useYogaCSRFPrevention } from "@graphql-yoga/plugin-csrf-prevention";
import { createGraphQLError, type Plugin } from "graphql-yoga";
import { CREDENTIAL_HEADERS } from "../backends/registry";

/**
 * Headers whose presence proves a preflight: Yoga's own, and every header the gateway reads (none is
 * CORS-safelisted, so a cross-site page can only send one after the CORS allow-list said yes).
 */
export const CSRF_PREFLIGHT_HEADERS = ["x-graphql-yoga-csrf", "authorization", ...CREDENTIAL_HEADERS];

/** The message of a refused request. */
export const CSRF_REFUSAL_MESSAGE =
  "This request could have been sent by another site's form or link, so it is refused (CSRF prevention): send " +
  `content-type application/json, or one of the headers ${CSRF_PREFLIGHT_HEADERS.join(", ")}.`;

/** Refuses requests a browser could send without a preflight (see the module comment) with code `CSRF_PREVENTED`, status 403. */
export function useCsrfPrevention(): Plugin {
  const yoga = useYogaCSRFPrevention({ requestHeaders: CSRF_PREFLIGHT_HEADERS });
  return {
    onRequestParse(payload) {
      try {
        return yoga.onRequestParse?.(payload);
      } catch {
        // Yoga's refusal has no code and a terse message: replace it with ours.
        throw createGraphQLError(CSRF_REFUSAL_MESSAGE, {
          extensions: { code: "CSRF_PREVENTED", http: { status: 403 } },
        });
      }
    },
  };
}
