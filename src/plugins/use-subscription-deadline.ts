/**
 * Ends the request deadline of an SSE subscription once it has started. The deadline bounds the start check (the
 * subscriber check and the first snapshot, with their retries), but the stream's events resolve their fields on the
 * same context for as long as the stream lives (up to SUBSCRIPTION_MAX_LIFETIME_MS): bound by the request's
 * deadline, every nested upstream call after the first seconds would fail. After the start, each call keeps its own
 * timeout. (Over the WebSocket each event runs on a context of its own, with a deadline of its own.)
 */
import type { Plugin } from "graphql-yoga";
import type { GatewayContext } from "../context";

/** The Yoga plugin: see the module comment. Never throws. */
export function useSubscriptionDeadline(): Plugin<GatewayContext> {
  return {
    onSubscribe: () => ({
      onSubscribeResult: ({ args }) => {
        args.contextValue.upstream.deadline.release();
      },
    }),
  };
}
