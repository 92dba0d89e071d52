/**
 * Yoga plugin: the response-size cap (limits/response-size.ts) on every result of every transport, including each
 * event of an SSE subscription and each event a graphql-ws socket executes. It backs the cost estimate up: a result
 * that is too large becomes a `LIMIT_EXCEEDED` error.
 */
import type { Plugin } from "graphql-yoga";
import { limitsOf } from "../limits/limits-of";
import { resultWithinSize } from "../limits/response-size";

/** The response-size cap as a Yoga plugin; the maximum comes from the server context (see limits-of.ts). */
export function useResponseSizeLimit(): Plugin {
  return {
    onExecute({ args }) {
      const max = limitsOf(args.contextValue).maxResponseBytes;
      return {
        onExecuteDone({ result, setResult }) {
          if (Symbol.asyncIterator in result) {
            return { onNext: ({ result: next, setResult: setNext }) => setNext(resultWithinSize(next, max)) };
          }
          setResult(resultWithinSize(result, max));
          return undefined;
        },
      };
    },
    onSubscribe({ args }) {
      const max = limitsOf(args.contextValue).maxResponseBytes;
      return {
        onSubscribeResult: () => ({
          onNext: ({ result, setResult }) => setResult(resultWithinSize(result, max)),
        }),
      };
    },
  };
}
