/**
 * Yoga plugin: appends the errors that fields reported without nulling their value (`src/field-errors.ts`), such as
 * one platform failing inside a list over several, to the operation's result, and to each message of a
 * subscription over SSE (graphql-ws runs each message through `onExecute`: `subscriptions/execute-event.ts`).
 */
import type { Plugin } from "graphql-yoga";
import { withFieldErrors } from "../field-errors";
import type { GatewayContext } from "../context";

/** Appends the context's reported field errors to every single result and to every subscription message. */
export function useFieldErrors(): Plugin<GatewayContext> {
  return {
    onExecute({ args }) {
      return {
        onExecuteDone({ result, setResult }) {
          // Lists over several backends are queries and mutations, never streamed: nothing to add to a stream.
          if (Symbol.asyncIterator in result) return undefined;
          setResult(withFieldErrors(result, args.contextValue.fieldErrors));
          return undefined;
        },
      };
    },
    onSubscribe({ args }) {
      return {
        // A message is resolved before the next one is (graphql-js maps the stream in order): the sink holds only its.
        onSubscribeResult: () => ({
          onNext({ result, setResult }) {
            setResult(withFieldErrors(result, args.contextValue.fieldErrors));
          },
        }),
      };
    },
  };
}
