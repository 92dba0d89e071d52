/**
 * The interface every platform implements: how it reads credentials, the per-request session (loaders keyed by
 * the backend's own references, page sources for its lists, snapshot reads for watching), what it can do, and the
 * resolvers of its own GraphQL types. Shared resolvers (`resources/`) and the watch objects (`subscriptions/`)
 * use only this; a backend's own fields (`NexusJob.logs`, webhooks, its mutations) live in its folder and reach its
 * session through the context.
 */
import type { GatewayVars, VarsSource } from "../vars";
import type { DatasetModel, DatasetState, JobModel, JobState, LogEntryModel, NodeModel, Provider } from "../model";
import type { PageSource } from "../pagination/sources";
import type { UpstreamObserver } from "../upstream/upstream-observer";
import type { UpstreamGuards } from "../upstream/guards";
import type { LogCursor } from "../subscriptions/log-tail";

/** One GraphQL type of a backend whose objects have global ids (`NexusJob`, …). */
export interface NodeTypeSpec {
  /** The GraphQL type name; global ids start with it. */
  typename: string;
  /** What it is: `dataset` and `job` types implement the shared interfaces. */
  kind: string;
  /** The grammar of the reference inside a global id; anything else is not an id of this type. */
  isRef(ref: string): boolean;
  /** True when a raw upstream id (given where a global id is expected) is of this type, e.g. `batchjob_…`. */
  isRawId?(id: string): boolean;
}

/** One setting a backend reads, documented in the backend's folder (the README's Settings table lists them). */
export interface BackendSetting {
  /** `NEXUS_API_URL`. */
  readonly name: string;
  /** What it holds and its default. */
  readonly description: string;
  /** A secret: set it with `wrangler secret put`, never as a plain var. */
  readonly secret?: boolean;
}

/** What a backend can do beyond the shared interfaces. */
export interface Capabilities {
  /** Webhooks that receive job results. */
  webhooks: boolean;
  /** Job logs (and so `jobLogAdded`). */
  logs: boolean;
  /** Dataset content uploads. */
  uploads: boolean;
  /** One list call that lists every job of a tenant (without it, jobs are gathered per dataset). */
  listAllJobs: boolean;
}

/** Where a request's credentials for one backend came from. */
export interface CredentialsFound<C> {
  credentials: C;
  /** `request`: the caller's own (headers or `connection_init`); `environment`: the gateway's server-held ones. */
  source: "request" | "environment";
}

/** A request's credentials, by provider (only the backends it has credentials for). */
export type CredentialsByProvider = Readonly<Partial<Record<Provider, CredentialsFound<unknown>>>>;

/** Options of a session. */
export interface SessionOptions {
  /** The fetch to use (default the global one). */
  fetch?: typeof fetch;
  /** A session of a watch object's poll: no retries (the poll schedule is the retry) and no per-request call cap. */
  polling?: boolean;
  /** The request's deadline, retry settings and circuit breakers (`src/upstream/`); none for a poll. */
  guards?: UpstreamGuards;
  /** Told of every upstream attempt (the request's or the poll's telemetry, `src/telemetry/`). Default: none. */
  observer?: UpstreamObserver;
}

/** The filter arguments of a dataset list. */
export interface DatasetFilter {
  includeExpired: boolean;
  states?: readonly DatasetState[];
}

/** The filter arguments of a job list. */
export interface JobFilter {
  states: readonly JobState[];
  /** Only the jobs over this dataset of this backend (its reference), or every job. */
  datasetRef: string | null;
}

/** A job as a watch object reads it: the job, and its dataset when the job's progress needs it. */
export interface JobSnapshot {
  job: JobModel;
  /** The job's dataset when its progress needs it (Nexus), else null. */
  dataset: DatasetModel | null;
  /** What of the dataset the job's fields depend on (Nexus: its item count); a change of it is a change. */
  progressInput: unknown;
}

/** The reads a watch object makes, through the same session code as queries. Each rejects with `UpstreamError`. */
export interface WatchReader {
  /** A job and what its progress needs; `known` is the previous read, whose settled parts may be reused. */
  job(ref: string, known: JobSnapshot | null): Promise<JobSnapshot>;
  /** A dataset. */
  dataset(ref: string): Promise<DatasetModel>;
  /** Log entries of a job from the cursor on, any order, possibly repeated (the tail sorts them out). */
  logsSince?(jobRef: string, cursor: LogCursor): Promise<LogEntryModel[]>;
}

/** What one request (or one poll) can do with one backend, with one set of credentials. */
export interface BackendSession {
  readonly backend: Backend;
  /** The tenant these credentials act in (a Nexus project). */
  readonly tenant: string;
  /** The object behind a reference of one of the backend's node types; null when it does not exist. */
  node(typename: string, ref: string): Promise<NodeModel | null>;
  /** The tenant's datasets, newest first. */
  datasets(filter: DatasetFilter): PageSource<DatasetModel>;
  /** The tenant's jobs, newest first. */
  jobs(filter: JobFilter): PageSource<JobModel>;
  /** The reads of watch objects. */
  readonly watch: WatchReader;
  /** Puts an object the request already has (from a watch event) into the loaders, replacing what they held. */
  prime?(model: NodeModel): void;
}

/** A platform behind the gateway. One object per backend, listed once in `registry.ts`. */
export interface Backend<C = unknown, S extends BackendSession = BackendSession> {
  readonly provider: Provider;
  /** The name in messages and settings (`nexus`). */
  readonly name: string;
  readonly nodeTypes: readonly NodeTypeSpec[];
  readonly capabilities: Capabilities;
  /** How a caller gives credentials, for the `UNAUTHENTICATED` message. */
  readonly credentialsHint: string;
  /**
   * The request headers (and `connection_init` payload keys) that carry its credentials, lower case: CORS allows
   * them, they prove a CSRF preflight, and a caller that sends any of them brings its own credentials.
   */
  readonly credentialHeaders: readonly string[];
  /** The settings that hold its server-held credentials (`NEXUS_PROJECT_ID`, …), for messages. */
  readonly credentialSettings: readonly string[];
  /** The credentials of an HTTP request (headers, else the environment's), or null. Never throws. */
  credentialsFromHeaders(headers: Headers, env: VarsSource): CredentialsFound<C> | null;
  /** The credentials of a graphql-ws `connection_init` payload (same names as the headers), or null. */
  credentialsFromPayload(payload: Readonly<Record<string, unknown>>, env: VarsSource): CredentialsFound<C> | null;
  /**
   * Its own fields of a job, as an inline fragment, for GraphiQL's opening query (`src/graphiql-default-query.ts`);
   * none when absent.
   */
  readonly exampleJobFields?: string;
  /** Every setting it reads, its credentials' included. */
  readonly settings: readonly BackendSetting[];
  /**
   * The settings that point it at its part of the embedded emulator served at `emulatorUrl` (local development and
   * the tests), with the emulator's public demo credentials when `demo` is true, and empty credentials otherwise.
   */
  emulatorSettings(emulatorUrl: string, demo: boolean): Readonly<Record<string, string>>;
  /** The tenant of a set of credentials. */
  tenantOf(credentials: C): string;
  /** A session; cheap (clients and loaders are made on first use). */
  createSession(credentials: C, env: GatewayVars, options?: SessionOptions): S;
  /**
   * The resolver maps of the backend's own types and fields. Each is typed by the generated `Resolvers` where it is
   * written; here a map is only an object, so the seam does not import the generated types (which import the seam's
   * context type in turn).
   */
  readonly resolvers: readonly object[];
  /**
   * The backend's schema fragment (its `schema.graphql`, bundled as text): its types, its `Provider` value
   * (`extend enum Provider { … }`) and its root fields (`extend type Query { … }`, …), added to the shared SDL in
   * registry order (`src/schema.ts`). A fragment that does not fit fails the isolate's start with graphql-js's message.
   */
  readonly typeDefs: string;
}

/**
 * Any backend, whatever its credentials type (methods are bivariant in their parameters, so every `Backend<C>` is
 * one): what the registry holds and the watch objects use.
 */
export type AnyBackend = Backend<unknown, BackendSession>;
