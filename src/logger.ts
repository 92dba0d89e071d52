/**
 * The gateway's log policy, as a Yoga logger: a client's own mistakes (`GatewayError`: bad input, no credentials)
 * are not logged (the client got the message); upstream failures are one warning line (method, path, status —
 * never a key); anything unexpected is logged in full as an error. Debug and info lines are dropped.
 */
import { GraphQLError } from "graphql";
import type { YogaLogger } from "graphql-yoga";
import { GatewayError, UpstreamError } from "./errors";

/** Where log lines go (default `console`). */
export interface LogSink {
  warn(...args: unknown[]): void;
  error(...args: unknown[]): void;
}

function innermost(value: unknown): unknown {
  let current = value;
  while (current instanceof GraphQLError && current.originalError != null) current = current.originalError;
  return current;
}

/** Creates the gateway's Yoga logger over `sink`. Never throws. */
export function createGatewayLogger(sink: LogSink = console): YogaLogger {
  return {
    debug: () => undefined,
    info: () => undefined,
    warn: (...args: unknown[]) => sink.warn(...args),
    error: (...args: unknown[]) => {
      for (const arg of args) {
        const error = innermost(arg);
        if (error instanceof GatewayError) continue;
        if (error instanceof GraphQLError) continue; // a client-facing GraphQL error: the client has it
        if (error instanceof UpstreamError) {
          sink.warn(`upstream failure: ${error.message}`);
          continue;
        }
        sink.error(arg);
      }
    },
  };
}
