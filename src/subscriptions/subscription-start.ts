/**
 * Starting a subscription, the same for both transports: check the subscriber against the upstream with ITS OWN
 * credentials (an unknown id rejects with NOT_FOUND, a foreign tenant with FORBIDDEN), and work out the first event
 * and whether the stream is already over (a finished job sends once and completes; a finished job's log tail has
 * nothing new to send).
 */
import type { BackendSession } from "../backends/backend";
import { readSnapshot } from "./snapshots";
import { eventFingerprint, resourceOfTopic, type JobListDigest, type WatchEvent, type WatchTopic } from "./topics";

/** What a subscriber starts with. */
export interface SubscriptionStart {
  topic: WatchTopic;
  /** The event to send at once (a job or dataset snapshot), or null for a log tail. */
  first: WatchEvent | null;
  /** True when nothing follows `first`: the stream completes without attaching to a watch object. */
  ended: boolean;
  /** The fingerprint of `first`, so the watch object only sends what differs from it. */
  fingerprint: string | null;
  /** When the subscriber subscribed (ms): a log tail starts here. */
  since: number;
  /** For a jobs list: the digest of `first`, so the watch says what changed since it (`job-list.ts`). */
  digest?: JobListDigest;
}

/** Checks the subscriber and returns its start. Rejects with the upstream's error (mapped later by `toGraphQLError`). */
export async function startSubscription(session: BackendSession, topic: WatchTopic): Promise<SubscriptionStart> {
  const since = Date.now();
  const resource = resourceOfTopic(topic);
  if (resource === "jobList") throw new Error("startSubscription: a jobs list starts with its sessions (live-port.ts)");
  const snapshot = await readSnapshot(session.watch, resource, topic.ref);
  if (topic.kind === "jobLogs") return { topic, first: null, ended: snapshot.terminal, fingerprint: null, since };
  return { topic, first: snapshot, ended: snapshot.terminal, fingerprint: eventFingerprint(snapshot), since };
}
