/**
 * Yoga plugin: the gateway's own authentication for HTTP and SSE, before the request is even parsed, so a refused
 * request never reaches validation, execution or the upstream. It also refuses every GraphQL request while a
 * security setting is unusable (`GATEWAY_MISCONFIGURED`, naming the setting). See `src/auth/decide-access.ts`.
 *
 * An allowed request's caller goes into the server context (`server-context.ts`), where every later hook of every
 * transport finds it. graphql-ws decides the same rule once per socket, at `connection_init`
 * (`auth/connection-init-auth.ts`: a refusal there is a close code, not a GraphQL error), and puts its caller in the
 * same place; the context factory (gateway.ts) reads the credentials only from there.
 */
import { createGraphQLError, type Plugin } from "graphql-yoga";
import { authorize, callerFromHeaders } from "../auth/authorize";
import { isSettingsProblem } from "../auth/auth-settings";
import type { AccessDecision, AccessRefusalCode } from "../auth/decide-access";
import { browserSettingsFromEnv } from "../browser/browser-settings";
import { credentialsFromHeaders, type CredentialsByProvider } from "../context";
import type { GatewayServerContext } from "../server-context";

/** The HTTP status each refusal is sent with. */
const STATUS: Record<AccessRefusalCode, number> = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  GATEWAY_MISCONFIGURED: 500,
  UPSTREAM_UNAVAILABLE: 503,
};

/** The access decision of an HTTP request: synchronous unless a bearer must be verified (see `authorize`). */
function decide(request: Request, context: GatewayServerContext): AccessDecision | Promise<AccessDecision> {
  const browser = browserSettingsFromEnv(context.env);
  if (isSettingsProblem(browser)) return { outcome: "refuse", code: "GATEWAY_MISCONFIGURED", message: browser.message };
  return authorize(callerFromHeaders(request.headers), context.env);
}

/** Lets an allowed request through with its caller in the server context; throws a refusal's coded error. */
function admit(decision: AccessDecision, request: Request, serverContext: GatewayServerContext): void {
  if (decision.outcome === "allow") {
    const { serverHeld, principal } = decision;
    const env = serverContext.env;
    let credentials: CredentialsByProvider | undefined;
    serverContext.caller = {
      transport: "http",
      serverHeld,
      ...(principal === undefined ? {} : { principal }),
      // Read when a resolver first needs a backend (not for `{ __typename }`), once: the log line's caller label
      // reads them again at the end.
      credentials: () => (credentials ??= credentialsFromHeaders(request.headers, env, serverHeld)),
    };
    return;
  }
  const headers: Record<string, string> =
    decision.code === "UNAUTHENTICATED" ? { "WWW-Authenticate": 'Bearer realm="graphql"' } : {};
  throw createGraphQLError(decision.message, {
    extensions: { code: decision.code, http: { status: STATUS[decision.code], headers } },
  });
}

/**
 * Refuses a GraphQL request (HTTP or SSE) that {@link authorize} refuses, with its code and message and a matching
 * status (401 with `WWW-Authenticate: Bearer`, 403, 500 or 503). Lets everything else through untouched.
 * Synchronous when the decision is (no bearer to verify), so the rest of the request's hooks stay synchronous too.
 */
export function useGatewayAuth(): Plugin<Record<string, unknown>, GatewayServerContext> {
  return {
    onRequestParse({ request, serverContext }) {
      const decision = decide(request, serverContext);
      if (decision instanceof Promise) return decision.then((decided) => admit(decided, request, serverContext));
      admit(decision, request, serverContext);
      return undefined;
    },
  };
}
