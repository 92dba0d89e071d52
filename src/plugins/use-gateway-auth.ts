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
import { credentialsFromHeaders } from "../context";
import type { GatewayServerContext } from "../server-context";

/** The HTTP status each refusal is sent with. */
const STATUS: Record<AccessRefusalCode, number> = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  GATEWAY_MISCONFIGURED: 500,
  UPSTREAM_UNAVAILABLE: 503,
};

async function decide(request: Request, context: GatewayServerContext): Promise<AccessDecision> {
  const browser = browserSettingsFromEnv(context.env);
  if (isSettingsProblem(browser)) return { outcome: "refuse", code: "GATEWAY_MISCONFIGURED", message: browser.message };
  return authorize(callerFromHeaders(request.headers), context.env);
}

/**
 * Refuses a GraphQL request (HTTP or SSE) that {@link authorize} refuses, with its code and message and a matching
 * status (401 with `WWW-Authenticate: Bearer`, 403, 500 or 503). Lets everything else through untouched.
 */
export function useGatewayAuth(): Plugin<Record<string, unknown>, GatewayServerContext> {
  return {
    async onRequestParse({ request, serverContext }) {
      const decision = await decide(request, serverContext);
      if (decision.outcome === "allow") {
        const { serverHeld, principal } = decision;
        const env = serverContext.env;
        serverContext.caller = {
          transport: "http",
          serverHeld,
          ...(principal === undefined ? {} : { principal }),
          // Read when a resolver first needs a backend (not for `{ __typename }`).
          credentials: () => credentialsFromHeaders(request.headers, env, serverHeld),
        };
        return;
      }
      const headers: Record<string, string> =
        decision.code === "UNAUTHENTICATED" ? { "WWW-Authenticate": 'Bearer realm="graphql"' } : {};
      throw createGraphQLError(decision.message, {
        extensions: { code: decision.code, http: { status: STATUS[decision.code], headers } },
      });
    },
  };
}
