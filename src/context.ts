/**
 * Per-request state: which backends the caller has credentials for, a session per backend (made on first use:
 * client, loaders), and the port through which subscriptions open live streams. Built by Yoga's context factory
 * (gateway.ts) for every operation of every transport: HTTP and SSE requests, and graphql-ws operations, which run
 * the same plugin chain through `gateway.getEnveloped`; usable outside it (tests).
 * The only place that turns `env` into what resolvers see: no resolver reads `env`.
 */
import type { AnyBackend, BackendSession, CredentialsByProvider, CredentialsFound } from "./backends/backend";
import type { BackendSessions, GatewayContext, SessionKey } from "./backends/gateway-context";
import { BACKENDS, backendOf, idResolver } from "./backends/registry";
import { GatewayError } from "./errors";
import { createFieldErrorSink } from "./field-errors";
import type { Provider } from "./model";
import type { LivePort } from "./subscriptions/topics";
import type { GatewayVars } from "./vars";
import { createUpstreamGuards } from "./upstream/guards";
import type { UpstreamObserver } from "./upstream/upstream-observer";

export type { BackendSessions, CredentialsByProvider, GatewayContext };

/** Options of {@link createContext}. */
export interface ContextOptions {
  /** Replaces the global fetch for upstream calls (tests). */
  fetch?: typeof fetch;
  /**
   * Makes the request's live port (the Worker's HTTP context passes one over the watch objects). Default: a port
   * that refuses, for contexts that serve no live stream (a transport passes its own port in the server context).
   */
  live?: (backends: BackendSessions) => LivePort;
  /** Observes every upstream attempt of the request (its telemetry). Default: nothing observes. */
  observer?: UpstreamObserver;
}

const NO_LIVE_PORT: LivePort = {
  open: () => Promise.reject(new Error("This context serves no live streams.")),
};

/**
 * Which backends' server-held credentials a request may use, as the gateway's authentication decided
 * (`src/auth/decide-access.ts`): all of them, or those of the backends named.
 */
export type ServerHeldAccess = "all" | readonly string[];

function collect(
  read: (backend: AnyBackend) => CredentialsFound<unknown> | null,
  serverHeld: ServerHeldAccess,
): CredentialsByProvider {
  const found: Partial<Record<Provider, CredentialsFound<unknown>>> = {};
  for (const backend of BACKENDS) {
    const credentials = read(backend);
    if (credentials === null) continue;
    // The environment's credentials only for a caller who may use them: a caller who brought keys for one backend
    // has not proved who they are, so the gateway's keys for another backend are not theirs to use.
    if (credentials.source === "environment" && serverHeld !== "all" && !serverHeld.includes(backend.name)) continue;
    found[backend.provider] = credentials;
  }
  return found;
}

/**
 * The credentials of an HTTP request, for every backend: its headers, else the environment's where `serverHeld`
 * allows them. Never throws.
 */
export function credentialsFromHeaders(
  headers: Headers,
  env: GatewayVars,
  serverHeld: ServerHeldAccess,
): CredentialsByProvider {
  return collect((backend) => backend.credentialsFromHeaders(headers, env), serverHeld);
}

/** The credentials of a graphql-ws `connection_init` payload, for every backend, with the same rule. Never throws. */
export function credentialsFromPayload(
  payload: Readonly<Record<string, unknown>> | null | undefined,
  env: GatewayVars,
  serverHeld: ServerHeldAccess,
): CredentialsByProvider {
  return collect((backend) => backend.credentialsFromPayload(payload ?? {}, env), serverHeld);
}

/** The error every upstream-backed field gives when the request has no credentials for what it needs. */
export function unauthenticatedError(backends: readonly AnyBackend[] = BACKENDS): GatewayError {
  const hints = backends.map((backend) =>
    backends.length === 1 ? backend.credentialsHint : `${backend.name}: ${backend.credentialsHint}`,
  );
  return new GatewayError("UNAUTHENTICATED", `No credentials: ${hints.join("; ")}.`);
}

/**
 * Creates the per-request context. Cheap: the credentials are collected (when given as a function) and the sessions
 * made on first use, so a request that reaches no backend (`{ __typename }`, a refused operation) reads no
 * credential header and makes no client or loader. Never throws.
 */
export function createContext(
  env: GatewayVars,
  credentialsOrReader: CredentialsByProvider | (() => CredentialsByProvider),
  options: ContextOptions = {},
): GatewayContext {
  // The deadline starts now, with the request; every backend's client shares it.
  const upstream = createUpstreamGuards(env);
  let read: CredentialsByProvider | undefined =
    typeof credentialsOrReader === "function" ? undefined : credentialsOrReader;
  const credentialsNow = (): CredentialsByProvider => {
    if (read === undefined && typeof credentialsOrReader === "function") read = credentialsOrReader();
    return read ?? {};
  };
  const sessions = new Map<Provider, BackendSession>();
  const sessionOf = (provider: Provider): BackendSession => {
    const existing = sessions.get(provider);
    if (existing !== undefined) return existing;
    const backend = backendOf(provider);
    const found = credentialsNow()[provider];
    if (found === undefined) throw unauthenticatedError([backend]);
    const session = backend.createSession(found.credentials, env, {
      guards: upstream,
      ...(options.fetch === undefined ? {} : { fetch: options.fetch }),
      ...(options.observer === undefined ? {} : { observer: options.observer }),
    });
    sessions.set(provider, session);
    return session;
  };
  const backends: BackendSessions = {
    get credentials() {
      return credentialsNow();
    },
    available: () => {
      const credentials = credentialsNow();
      const providers = BACKENDS.map((backend) => backend.provider).filter(
        (provider) => credentials[provider] !== undefined,
      );
      if (providers.length === 0) throw unauthenticatedError();
      return providers.map(sessionOf);
    },
    sessionOf,
    // The one cast of a session to its backend's own type: a key names its backend's provider, and that backend's
    // `createSession` made the session (`Backend<C, S>`), so it is an `S`.
    sessionFor: <S extends BackendSession>(key: SessionKey<S>) => sessionOf(key.provider) as S,
  };
  return {
    backends,
    ids: idResolver,
    live: options.live?.(backends) ?? NO_LIVE_PORT,
    upstream,
    fieldErrors: createFieldErrorSink(),
  };
}
