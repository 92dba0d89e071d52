/**
 * Yoga plugin: appends the errors that fields reported without nulling their value (`src/field-errors.ts`), such as
 * one platform failing inside a list over several, to the operation's result.
 */
import type { Plugin } from "graphql-yoga";
import { withFieldErrors } from "../field-errors";
import type { GatewayContext } from "../context";

/** Appends the context's reported field errors to every single (non-streamed) result. */
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
  };
}
