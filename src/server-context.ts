/**
 * What every transport hands the gateway's one plugin chain with an operation: the server context (Yoga's over
 * HTTP and SSE, the initial context of `gateway.getEnveloped` over graphql-ws). The plugins import this module, not
 * the gateway, so the layering is: Worker entry > gateway > plugins > this.
 *
 * Who is calling is transport-neutral: each transport decides it its own way (HTTP: the request's headers, in the
 * gateway auth plugin's `onRequestParse`; graphql-ws: the `connection_init` payload, before `connection_ack`) and
 * puts the same {@link OperationCaller} here. A plugin that needs the caller (scopes, rate limits, telemetry) reads
 * {@link callerOf} in an envelop hook (`onContextBuilding`, `onExecute`, …) and so applies to every transport.
 */
import type { Principal } from "./auth/principal";
import type { BackendSessions, CredentialsByProvider, ServerHeldAccess } from "./context";
import type { GatewayEnv } from "./env";
import type { LimitSettings } from "./limits/limit-settings";
import type { LivePort } from "./subscriptions/topics";
import type { RequestTelemetry } from "./telemetry/request-telemetry";

/** The transports an operation arrives by. SSE is HTTP: the same request, the same hooks. */
export type Transport = "http" | "graphql-ws";

/** Who is calling, as their transport established it (after the gateway's own authentication allowed them). */
export interface OperationCaller {
  transport: Transport;
  /** Which backends' server-held credentials the caller may use (`src/auth/decide-access.ts`). */
  serverHeld: ServerHeldAccess;
  /**
   * The verified caller (a `GATEWAY_TOKENS` token or a JWT), when the access decision needed one: a caller of the
   * gateway's held credentials. Absent for a caller with upstream credentials of its own, or with gateway auth off.
   */
  principal?: Principal;
  /** The caller's credentials by provider; read on first use (HTTP reads headers only when a resolver needs them). */
  credentials(): CredentialsByProvider;
}

/** What a transport passes with each operation. */
export interface GatewayServerContext {
  env: GatewayEnv;
  /** The Worker's execution context, for `waitUntil` (HTTP only). */
  executionContext?: ExecutionContext;
  /** The operation's limits, read from `env` by the transport (the plugins fall back to the defaults without). */
  limits?: LimitSettings;
  /** Who is calling; unset until the gateway's authentication allowed them. */
  caller?: OperationCaller;
  /**
   * Makes the operation's live port (what a subscription's `subscribe` opens). HTTP: SSE streams over the watch
   * objects; graphql-ws: the start of a subscription whose later events arrive by RPC. Default: a port that refuses.
   */
  live?: (backends: BackendSessions) => LivePort;
  /** The operation's telemetry (`src/telemetry/`), made by its transport; none: nothing is observed. */
  telemetry?: RequestTelemetry;
}

/** The caller in a context (server or GraphQL), or undefined when no transport set one (then: no credentials). */
export function callerOf(context: unknown): OperationCaller | undefined {
  if (typeof context !== "object" || context === null || !("caller" in context)) return undefined;
  return (context as GatewayServerContext).caller;
}
