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
import type { LivePort, LiveRequest, WatchTopic } from "./topics";
import {
  hasStateKey,
  listenerCredentialsOf,
  missingStateKeyError,
  type ListenerCredentials,
} from "./sealed-credentials";

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
  const session = backends.sessionOf(request.provider);
  const topic: WatchTopic = { ...request, tenant: session.tenant };
  const start = await startSubscription(session, topic);
  return { start, credentials: credentialsOf(backends, request.provider) };
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
