/**
 * Listeners of a watch object: what they ask for, how a socket listener's request is read, and which events each
 * one gets from a poll (its own fingerprint, since and minimum log level). Pure data and functions.
 */
import { passesMinLevel } from "../log-levels";
import type { SnapshotEvent } from "./snapshots";
import { eventFingerprint, type WatchEvent, type WatchTopic } from "./topics";

/** What a listener asks for when it attaches. */
export interface ListenerSpec {
  topic: WatchTopic;
  /** When the subscriber subscribed (ms): a log tail delivers entries created from then on. */
  since: number;
  /** Fingerprint of the snapshot the subscriber already sent (from its own check), or null. */
  fingerprint: string | null;
}

/** A listener that lives in a WebSocket connection object: events go back by RPC. */
export interface ConnectionListener extends ListenerSpec {
  connectionId: string;
  subscriptionId: string;
}

/** The request a connection object sends to attach one of its subscriptions. */
export interface AttachRequest {
  /** The subscriber's credentials for the topic's backend (the watch object polls with the last ones). */
  credentials: unknown;
  listener: ConnectionListener;
}

/** Header carrying a socket listener's {@link ListenerSpec} as JSON (the SSE bridge sets it). */
export const LISTENER_HEADER = "x-watch-listener";
/** Header carrying a socket listener's credentials for the topic's backend, as JSON (the SSE bridge sets it). */
export const CREDENTIALS_HEADER = "x-watch-credentials";

/** Reads the {@link LISTENER_HEADER} value; null when it is missing or malformed. Never throws. */
export function parseListenerSpec(raw: string | null): ListenerSpec | null {
  if (raw === null) return null;
  try {
    const value = JSON.parse(raw) as Partial<ListenerSpec>;
    if (typeof value.topic !== "object" || value.topic === null || typeof value.since !== "number") return null;
    return { topic: value.topic, since: value.since, fingerprint: value.fingerprint ?? null };
  } catch {
    return null;
  }
}

/**
 * The events one listener gets from one poll, in order: for a job or dataset listener the snapshot when it differs
 * from what the listener has (or `complete` when the terminal state is what it has); for a log tail its entries
 * (created since it subscribed, at or above its level), then `complete` when the job is over.
 */
export function eventsForListener(
  spec: ListenerSpec,
  snapshot: SnapshotEvent,
  logEvents: WatchEvent[],
  logsComplete: boolean,
): WatchEvent[] {
  if (spec.topic.kind === "jobLogs") {
    const minLevel = spec.topic.minLevel;
    const mine = logEvents.filter(
      (event) => event.type === "log" && event.entry.createdAt >= spec.since && passesMinLevel(event.entry.level, minLevel),
    );
    return logsComplete ? [...mine, { type: "complete" }] : mine;
  }
  if (eventFingerprint(snapshot) !== spec.fingerprint) return [snapshot];
  return snapshot.terminal ? [{ type: "complete" }] : [];
}
