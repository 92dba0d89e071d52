/**
 * Errors a field reports beside the data it still returns: a list over several backends gives the items of the
 * platforms that answered, and one error per platform that failed, at the list's path. graphql-js can only attach
 * an error to a field whose value it nulls, so the request's context collects these and the result gets them after
 * execution (Yoga: `plugins/use-result-shaping.ts`; graphql-ws: `subscriptions/execute-event.ts`).
 */
import { GraphQLError, type ExecutionResult } from "graphql";

/** Where a request's fields report errors that do not null them. */
export interface FieldErrorSink {
  /** Adds an error to the request's result (already coded and located: it is appended as it is). */
  report(error: GraphQLError): void;
  /** The errors reported so far, in order; they are removed from the sink. */
  take(): GraphQLError[];
}

/** A sink for one request (or one graphql-ws operation's event). */
export function createFieldErrorSink(): FieldErrorSink {
  let errors: GraphQLError[] = [];
  return {
    report: (error) => {
      errors.push(error);
    },
    take: () => {
      const taken = errors;
      errors = [];
      return taken;
    },
  };
}

/** `result` with the sink's errors appended after its own (unchanged when there are none). */
export function withFieldErrors<R extends ExecutionResult>(result: R, sink: FieldErrorSink | undefined): R {
  const reported = sink?.take() ?? [];
  if (reported.length === 0) return result;
  return { ...result, errors: [...(result.errors ?? []), ...reported] };
}
