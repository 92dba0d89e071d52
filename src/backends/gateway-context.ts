/**
 * What every resolver receives as its context, described at the seam: shared resolvers and each backend's own
 * resolvers see the same interface, and nothing here knows which backends exist. The gateway core builds it
 * (`src/context.ts`) over the registry; a backend's resolvers reach their own typed session through a
 * {@link SessionKey} and resolve ids through {@link IdResolver}, so no backend imports the core or the registry.
 */
import type { FieldErrorSink } from "../field-errors";
import type { Provider } from "../model";
import type { LivePort } from "../subscriptions/topics";
import type { UpstreamGuards } from "../upstream/guards";
import type { AnyBackend, BackendSession, CredentialsByProvider, NodeTypeSpec } from "./backend";

/**
 * A typed handle on one backend's session: made once in the backend's folder (`sessionKey<NexusSession>("NEXUS")`),
 * it lets that backend's resolvers ask the context for their own session type without a cast of their own.
 */
export interface SessionKey<S extends BackendSession> {
  readonly provider: Provider;
  /** Never set: it only carries the session type (a phantom, so the key stays a plain object). */
  readonly sessionType?: (session: S) => S;
}

/** A {@link SessionKey} for the backend of `provider`, whose sessions are of type `S`. */
export function sessionKey<S extends BackendSession>(provider: Provider): SessionKey<S> {
  return { provider };
}

/** The backends of one request, and their sessions. */
export interface BackendSessions {
  /** The credentials the request has, by provider (subscriptions hand them to the watch objects). */
  readonly credentials: CredentialsByProvider;
  /**
   * The sessions of every backend the request has credentials for, in registry order. Throws `UNAUTHENTICATED`
   * (saying how to give credentials) when there is none.
   */
  available(): BackendSession[];
  /** The session of one backend. Throws `UNAUTHENTICATED` (saying how) when the request has no credentials for it. */
  sessionOf(provider: Provider): BackendSession;
  /** The session of the backend `key` names, typed as that backend's own. Throws like {@link sessionOf}. */
  sessionFor<S extends BackendSession>(key: SessionKey<S>): S;
}

/** A global (or raw upstream) id, resolved to its backend, its type and the backend's reference. */
export interface ResolvedId {
  backend: AnyBackend;
  nodeType: NodeTypeSpec;
  ref: string;
}

/** What an id argument must be: of one kind (`job`, `dataset`: the shared interfaces) or of one GraphQL type. */
export type ExpectedId = { kind: string } | { typename: string };

/** Resolves the ids a caller sends, over every registered backend. */
export interface IdResolver {
  /**
   * Resolves a global id, or a raw upstream id that a backend recognises (`batchjob_…`). Null for anything else,
   * including a ref outside its type's grammar (`NexusJob:..`). Never throws.
   */
  resolve(id: string): ResolvedId | null;
  /**
   * The id given as `argumentName` (default `id`), which must be `expected`. Throws `BAD_USER_INPUT` naming the
   * argument when the text is not an id at all, or an id of something else.
   */
  resolveOf(id: string, expected: ExpectedId, argumentName?: string): ResolvedId;
}

/** What every resolver receives as its context. */
export interface GatewayContext {
  backends: BackendSessions;
  /** The ids of every registered backend. */
  ids: IdResolver;
  /** Opens live streams for subscriptions (SSE). */
  live: LivePort;
  /** The request's deadline and retry settings, and its upstreams' circuit breakers (see `src/upstream/`). */
  upstream: UpstreamGuards;
  /** Errors of fields that still return data (one platform of several failing), added to the result afterwards. */
  fieldErrors: FieldErrorSink;
}
