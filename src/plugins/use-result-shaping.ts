/**
 * Yoga plugin: what every result of every transport carries before it is sent, in this order, in one hook:
 * 1. the errors fields reported without nulling their value (`src/field-errors.ts`), such as one platform failing
 *    inside a list over several, appended to a single (non-streamed) result and to each message of an SSE
 *    subscription (a `jobListUpdated` message that lacks a platform; graphql-ws executes each message as a single
 *    result). A message is resolved before the next one is (graphql-js maps the stream in order), so the context's
 *    sink holds only that message's errors;
 * 2. the response-size cap (limits/response-size.ts), on that result, on each event of an SSE subscription and on
 *    each event a graphql-ws socket executes. It backs the cost estimate up: a result that is too large becomes a
 *    `LIMIT_EXCEEDED` error. The maximum comes from the server context (see limits-of.ts).
 *
 * One plugin, not two: envelop builds a payload (with its callbacks) for every plugin's `onExecute` and
 * `onExecuteDone` on every operation, and both steps act on the same result.
 */
import type { Plugin } from "graphql-yoga";
import type { GatewayContext } from "../context";
import { withFieldErrors } from "../field-errors";
import { limitsOf } from "../limits/limits-of";
import { resultWithinSize } from "../limits/response-size";

/** The field errors, then the size cap, as one Yoga plugin; see the module comment. Never throws. */
export function useResultShaping(): Plugin<GatewayContext> {
  return {
    onExecute({ args }) {
      const max = limitsOf(args.contextValue).maxResponseBytes;
      return {
        onExecuteDone({ result, setResult }) {
          if (Symbol.asyncIterator in result) {
            return { onNext: ({ result: next, setResult: setNext }) => setNext(resultWithinSize(next, max)) };
          }
          setResult(resultWithinSize(withFieldErrors(result, args.contextValue.fieldErrors), max));
          return undefined;
        },
      };
    },
    onSubscribe({ args }) {
      const max = limitsOf(args.contextValue).maxResponseBytes;
      return {
        onSubscribeResult: () => ({
          onNext: ({ result, setResult }) =>
            setResult(resultWithinSize(withFieldErrors(result, args.contextValue.fieldErrors), max)),
        }),
      };
    },
  };
}
