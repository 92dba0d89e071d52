/**
 * Per-request state: who the caller is (credentials), the one upstream client and the request's DataLoaders. Built
 * by Yoga's context factory for every HTTP request, and usable outside Yoga (a Durable Object builds one per poll).
 */
import { NexusClient, type NexusCredentials } from "./backends/nexus/client";
import { createNexusLoaders, type NexusLoaders } from "./backends/nexus/loaders";
import type { GatewayEnv } from "./env";
import { upstreamTimeoutFromEnv } from "./settings";
import { GatewayError } from "./errors";

/** Header (and graphql-ws `connection_init` payload key) that carries the project id. */
export const PROJECT_ID_HEADER = "x-nexus-project-id";
/** Header (and graphql-ws `connection_init` payload key) that carries the secret key. */
export const SECRET_KEY_HEADER = "x-nexus-secret-key";

/**
 * Upstream calls one GraphQL request may make (retries included). Far above what a sensible query needs (a page of
 * 100 jobs with their datasets, webhooks and logs is about 103), and below the Workers subrequest limit, so an
 * oversized query gets a clear `LIMIT_EXCEEDED` instead of an opaque runtime failure.
 */
export const MAX_UPSTREAM_CALLS_PER_REQUEST = 500;

/** What every resolver receives as its context. */
export interface GatewayContext {
  /** The Worker's settings. */
  env: GatewayEnv;
  /** The caller's credentials, or null when neither the request nor the environment gave any. */
  credentials: NexusCredentials | null;
  /**
   * The request's upstream client, made on first use. Throws `UNAUTHENTICATED` when there are no credentials, so
   * every field that needs the upstream fails with that code.
   */
  client(): NexusClient;
  /** The request's DataLoaders (made on first use, on the same client). Throws like {@link client}. */
  loaders(): NexusLoaders;
}

function nonEmpty(value: unknown): string | null {
  return typeof value === "string" && value.trim() !== "" ? value.trim() : null;
}

function pickCredentials(
  projectId: string | null,
  secretKey: string | null,
  env: GatewayEnv,
): NexusCredentials | null {
  // The caller's own credentials win, but only as a pair: half from the request and half from the environment
  // would act on a project with a key the caller never chose.
  if (projectId !== null || secretKey !== null) {
    return projectId !== null && secretKey !== null ? { projectId, secretKey } : null;
  }
  const defaultProject = nonEmpty(env.NEXUS_PROJECT_ID);
  const defaultKey = nonEmpty(env.NEXUS_SECRET_KEY);
  return defaultProject !== null && defaultKey !== null ? { projectId: defaultProject, secretKey: defaultKey } : null;
}

/**
 * The credentials of an HTTP request: both `x-nexus-project-id` and `x-nexus-secret-key` when the request has
 * either (null if it has only one), else `NEXUS_PROJECT_ID`/`NEXUS_SECRET_KEY` from the environment when both are
 * set and non-empty, else null.
 */
export function credentialsFromHeaders(headers: Headers, env: GatewayEnv): NexusCredentials | null {
  return pickCredentials(nonEmpty(headers.get(PROJECT_ID_HEADER)), nonEmpty(headers.get(SECRET_KEY_HEADER)), env);
}

/**
 * The credentials of a graphql-ws `connection_init` payload, under the same names as the headers
 * (`x-nexus-project-id`, `x-nexus-secret-key`, matched case-insensitively), with the same fallback rules as
 * {@link credentialsFromHeaders}.
 */
export function credentialsFromPayload(
  payload: Record<string, unknown> | null | undefined,
  env: GatewayEnv,
): NexusCredentials | null {
  let projectId: string | null = null;
  let secretKey: string | null = null;
  for (const [name, value] of Object.entries(payload ?? {})) {
    const lower = name.toLowerCase();
    if (lower === PROJECT_ID_HEADER) projectId = nonEmpty(value);
    if (lower === SECRET_KEY_HEADER) secretKey = nonEmpty(value);
  }
  return pickCredentials(projectId, secretKey, env);
}

/** The error every upstream-backed field gives when there are no credentials. */
export function unauthenticatedError(): GatewayError {
  return new GatewayError(
    "UNAUTHENTICATED",
    `No credentials: send the ${PROJECT_ID_HEADER} and ${SECRET_KEY_HEADER} headers (both), ` +
      "or configure NEXUS_PROJECT_ID and NEXUS_SECRET_KEY on the gateway.",
  );
}

/**
 * Creates the per-request context. Cheap: the client and loaders are made on first use. `fetchImpl` replaces the
 * global fetch (tests, Durable Objects with their own fetch). Never throws.
 */
export function createContext(
  env: GatewayEnv,
  credentials: NexusCredentials | null,
  fetchImpl?: typeof fetch,
): GatewayContext {
  let client: NexusClient | undefined;
  let loaders: NexusLoaders | undefined;
  const getClient = (): NexusClient => {
    if (credentials === null) throw unauthenticatedError();
    client ??= new NexusClient({
      baseUrl: env.NEXUS_API_URL,
      credentials,
      timeoutMs: upstreamTimeoutFromEnv(env),
      maxCalls: MAX_UPSTREAM_CALLS_PER_REQUEST,
      ...(fetchImpl === undefined ? {} : { fetch: fetchImpl }),
    });
    return client;
  };
  return {
    env,
    credentials,
    client: getClient,
    loaders: () => (loaders ??= createNexusLoaders(getClient())),
  };
}
