/**
 * Yoga plugin: over graphql-ws an operation runs with graphql-js's own `execute`. The connection object executes a
 * subscription's selection once per watch event, with the event as root value (events arrive by RPC, possibly after
 * the object hibernated, so there is no long-lived stream to subscribe to); Yoga's executor would instead subscribe
 * to any subscription operation it is given. Queries and mutations execute alike with either. HTTP and SSE keep
 * Yoga's executor. Every other hook of the chain (limits, size cap, field errors, masking) still wraps the call.
 */
import { execute } from "graphql";
import type { Plugin } from "graphql-yoga";
import { callerOf } from "../server-context";

/** The plugin: see the module comment. Never throws. */
export function useEventExecution(): Plugin {
  return {
    onExecute({ args, setExecuteFn }) {
      if (callerOf(args.contextValue)?.transport === "graphql-ws") setExecuteFn(execute);
    },
  };
}
