/**
 * Listeners of a watch object: what they ask for, how a socket listener's request is read, and which events each
 * one gets from a poll (its own fingerprint, since and minimum log level). Pure data and functions.
 */
import type { GraphQLFormattedError } from "graphql";
import { passesMinLevel } from "../log-levels";
import type { ListenerCredentials, SealedCredentials } from "./sealed-credentials";
import type { SnapshotEvent } from "./snapshots";
import { eventFingerprint, type JobListDigest, type WatchEvent, type WatchTopic } from "./topics";
import { subscriptionEndedEvent } from "./stream-end";

/** What a listener asks for when it attaches. */
export interface ListenerSpec {
  topic: WatchTopic;
  /** When the subscriber subscribed (ms): a log tail delivers entries created from then on. */
  since: number;
  /** Fingerprint of the snapshot the subscriber already sent (from its own check), or null. */
  fingerprint: string | null;
  /**
   * A jobs list's first page as the subscriber sent it, so that its next message says what changed since (only on
   * the way in: the watch keeps it in its state, not with the listener).
   */
  digest?: JobListDigest;
}

/** A listener that lives in a WebSocket connection object: events go back by RPC. */
export interface ConnectionListener extends ListenerSpec {
  connectionId: string;
  subscriptionId: string;
}

/** The request a connection object sends to attach one of its subscriptions. */
export interface AttachRequest {
  /**
   * The subscriber's own credentials for the topic's backend, or the marker of the gateway's held ones. The watch
   * object keeps them sealed with this listener only, polls with them only while it is attached, and forgets them
   * when it leaves.
   */
  credentials: ListenerCredentials;
  listener: ConnectionListener;
}

/** Header carrying a socket listener's {@link ListenerSpec} as JSON (the SSE bridge sets it). */
export const LISTENER_HEADER = "x-watch-listener";
/**
 * Header carrying a socket listener's {@link ListenerCredentials} as JSON (the SSE bridge sets it, on the internal
 * request to the watch object only; the object seals them before it stores them).
 */
export const CREDENTIALS_HEADER = "x-watch-credentials";

/** What a watch object keeps with each listener beside its spec (in storage, never in a socket attachment). */
export interface ListenerKeeping {
  /** Its credentials, sealed (`sealed-credentials.ts`). */
  credentials: SealedCredentials;
  /** When it attached (ms): the longest-attached listeners' credentials poll. */
  attachedAt: number;
  /** When its credentials were last seen accepted upstream (ms). */
  checkedAt: number;
}

/** Listeners whose credentials are identical: one read polls or checks for all of them. */
export interface CredentialGroup<L> {
  credentials: unknown;
  members: L[];
  /** The earliest attach among the members. */
  attachedAt: number;
  /** The oldest check among the members. */
  checkedAt: number;
}

/**
 * Groups listeners by identical credentials (compared as JSON, in memory only), longest-attached group first: the
 * order in which groups take over the poll. Never throws.
 */
export function groupByCredentials<L extends { keeping: Pick<ListenerKeeping, "attachedAt" | "checkedAt"> }>(
  opened: readonly { listener: L; credentials: unknown }[],
): CredentialGroup<L>[] {
  const groups = new Map<string, CredentialGroup<L>>();
  for (const { listener, credentials } of opened) {
    const id = JSON.stringify(credentials);
    const group = groups.get(id);
    const { attachedAt, checkedAt } = listener.keeping;
    if (group === undefined) {
      groups.set(id, { credentials, members: [listener], attachedAt, checkedAt });
    } else {
      group.members.push(listener);
      group.attachedAt = Math.min(group.attachedAt, attachedAt);
      group.checkedAt = Math.min(group.checkedAt, checkedAt);
    }
  }
  return [...groups.values()].sort((a, b) => a.attachedAt - b.attachedAt);
}

/** True when credentials last checked at `checkedAt` are due for a check at `nowMs`, every `recheckMs`. */
export function isRecheckDue(checkedAt: number, nowMs: number, recheckMs: number): boolean {
  return nowMs - checkedAt >= recheckMs;
}

/** Reads the {@link LISTENER_HEADER} value; null when it is missing or malformed. Never throws. */
export function parseListenerSpec(raw: string | null): ListenerSpec | null {
  if (raw === null) return null;
  try {
    const value = JSON.parse(raw) as Partial<ListenerSpec>;
    if (typeof value.topic !== "object" || value.topic === null || typeof value.since !== "number") return null;
    const digest = value.digest;
    const validDigest =
      typeof digest === "object" && digest !== null && Array.isArray(digest.ids) && Array.isArray(digest.prints);
    return {
      topic: value.topic,
      since: value.since,
      fingerprint: value.fingerprint ?? null,
      ...(validDigest ? { digest: { ids: digest.ids.map(String), prints: digest.prints.map(String) } } : {}),
    };
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
      (event) =>
        event.type === "log" && event.entry.createdAt >= spec.since && passesMinLevel(event.entry.level, minLevel),
    );
    return logsComplete ? [...mine, { type: "complete" }] : mine;
  }
  if (eventFingerprint(snapshot) !== spec.fingerprint) return [snapshot];
  return snapshot.terminal ? [{ type: "complete" }] : [];
}

/**
 * The last event of a listener whose credentials the upstream refused (revoked, expired, or never valid for this
 * resource), ended alone while the others go on: the upstream's refusal (`refusal`, mapped already: `FORBIDDEN`),
 * its code kept, with a message that says the watch ended and why. Never throws.
 */
export function credentialsRefusedEvent(refusal: GraphQLFormattedError): WatchEvent {
  return {
    type: "error",
    error: {
      message:
        `The live update stream ended: the upstream refused this subscriber's credentials (${refusal.message}). ` +
        "Subscribe again with valid credentials.",
      extensions: { ...refusal.extensions, code: refusal.extensions?.["code"] ?? "FORBIDDEN" },
    },
  };
}

/**
 * The last event of a listener dropped because it did not take its events in time (a delivery past its deadline,
 * or one that failed): `UPSTREAM_UNAVAILABLE`, the code of an interrupted stream (`sse-bridge.ts`), which a client
 * may retry. `deadlineMs` is the deadline it missed.
 */
export function tooSlowEvent(deadlineMs: number): WatchEvent {
  // A stream that ends for the subscriber's own slowness, not the object's end: SUBSCRIPTION_ENDED (stream-end.ts),
  // so a client can tell it from the watched job's terminal state and subscribe again at once.
  const ended = subscriptionEndedEvent("DELIVERY_FAILED");
  if (ended.type !== "error") return ended;
  return {
    type: "error",
    error: {
      ...ended.error,
      message:
        `The live update stream ended: this subscriber did not take its events within ${Math.ceil(deadlineMs / 1000)} s ` +
        "(a slow or stalled connection); subscribe again.",
    },
  };
}
