/**
 * The live port (`topics.ts`) over the watch objects: subscription resolvers open live streams (SSE) through it,
 * so that no resolver touches `env` or a Durable Object binding. It checks the subscriber through its backend
 * session, then hands the stream to the watch object of its topic (`sse-bridge.ts`).
 */
import type { BackendSessions } from "../context";
import type { Provider } from "../model";
import { watchNamespace, type SubscriptionEnv } from "./bindings";
import { subscriptionSettingsFromEnv } from "./settings";
import { watchStream } from "./sse-bridge";
import { startSubscription, type SubscriptionStart } from "./subscription-start";
import type { JobListRequest, JobListTopic, LivePort, LiveRequest, WatchTopic } from "./topics";
import {
  credentialsTag,
  hasStateKey,
  listenerCredentialsOf,
  missingStateKeyError,
  type ListCredentials,
  type ListenerCredentials,
} from "./sealed-credentials";
import { jobListEventFor, jobListFilterFingerprint, readJobList } from "./job-list";

/** A checked subscriber: its start, and the credentials the watch object keeps (sealed) for it. */
export interface CheckedSubscriber {
  start: SubscriptionStart;
  /** Its own credentials, or the marker of the gateway's held ones (never the held ones themselves). */
  credentials: ListenerCredentials;
}

/**
 * Checks a subscriber through its backend's session (both transports): the topic gets the session's tenant, and the
 * first snapshot is read with the subscriber's own credentials. Rejects with `GATEWAY_MISCONFIGURED` when `env` has no
 * `STATE_ENCRYPTION_KEY` (the watch object could not keep the credentials sealed), with `UNAUTHENTICATED` when it
 * has none for that backend, and with the upstream's error otherwise.
 */
export async function checkSubscriber(
  backends: BackendSessions,
  request: LiveRequest,
  env: SubscriptionEnv,
): Promise<CheckedSubscriber> {
  if (!hasStateKey(env)) throw missingStateKeyError();
  if (request.kind === "jobList") return checkListSubscriber(backends, request, env);
  const session = backends.sessionOf(request.provider);
  const topic: WatchTopic = { ...request, tenant: session.tenant };
  const start = await startSubscription(session, topic);
  return { start, credentials: credentialsOf(backends, request.provider) };
}

/**
 * Checks a jobs list's subscriber: its first page is read with its own credentials (every platform it has, or the
 * one it names), and its topic names those platforms' tenants, a tag of its credentials and the filter, so that
 * one watch serves exactly the subscribers with the same credentials and filter. Rejects as `jobs` would
 * (`UNAUTHENTICATED`, `BAD_USER_INPUT`, the upstream's error).
 */
async function checkListSubscriber(
  backends: BackendSessions,
  request: JobListRequest,
  env: SubscriptionEnv,
): Promise<CheckedSubscriber> {
  const sessions = request.provider === null ? backends.available() : [backends.sessionOf(request.provider)];
  const [firstSession] = sessions;
  if (firstSession === undefined) throw new Error("live: no session for a jobs list after the sessions were made");
  const parts = sessions.map((session) => ({ provider: session.backend.provider, tenant: session.tenant }));
  const own: ListCredentials = {};
  for (const { provider } of parts) own[provider] = credentialsOf(backends, provider);
  const filter = {
    parts,
    named: request.provider,
    first: request.first,
    states: [...request.states].sort(),
    datasetRef: request.datasetRef,
  };
  const tenants = parts.map(({ provider, tenant }) => `${provider}=${tenant}`).join(",");
  const topic: JobListTopic = {
    kind: "jobList",
    provider: firstSession.backend.provider,
    tenant: `${tenants}#${await credentialsTag(env, own)}`,
    ref: `${request.first}:${jobListFilterFingerprint(filter)}`,
    ...filter,
  };
  const event = await readJobList(sessions, topic);
  const start: SubscriptionStart = {
    topic,
    first: jobListEventFor(event, null),
    ended: false,
    fingerprint: event.fingerprint,
    since: Date.now(),
    ...(event.digest === undefined ? {} : { digest: event.digest }),
  };
  return { start, credentials: { own } };
}

/** The port of one request; `signal` is the HTTP request's, which aborts when an SSE client goes. */
export function createLivePort(
  env: SubscriptionEnv,
  backends: BackendSessions,
  signal: AbortSignal | undefined,
): LivePort {
  return {
    async open(request) {
      const { start, credentials } = await checkSubscriber(backends, request, env);
      const settings = subscriptionSettingsFromEnv(env);
      return watchStream({
        namespace: watchNamespace(env),
        credentials,
        start,
        maxLifetimeMs: settings.maxLifetimeMs,
        signal,
        heartbeatMs: settings.sseHeartbeatMs,
      });
    },
  };
}

function credentialsOf(backends: BackendSessions, provider: Provider): ListenerCredentials {
  const found = backends.credentials[provider];
  if (found === undefined) throw new Error(`live: no credentials for ${provider} after its session was made`);
  return listenerCredentialsOf(found);
}
