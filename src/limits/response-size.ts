/**
 * The response-size cap, behind the cost estimate: a result whose JSON is larger than the maximum is replaced by a
 * `LIMIT_EXCEEDED` error (`limit: "responseBytes"`) instead of being sent.
 */
import type { ExecutionResult } from "graphql";
import { limitExceededGraphQLError } from "./limit-error";

const encoder = new TextEncoder();

/** UTF-8 bytes of a string; skips the encoding when its length alone decides (each UTF-16 unit is 1 to 3 bytes). */
function exceedsBytes(json: string, max: number): number | null {
  if (json.length * 3 <= max) return null;
  const bytes = json.length > max ? json.length : encoder.encode(json).byteLength;
  return bytes > max ? bytes : null;
}

/** Yoga's `ExecutionResultWithSerializer` (not exported by its entry): a result that brings its own encoder. */
type ResultWithJson = ExecutionResult & { stringify?: (result: ExecutionResult) => string };

/**
 * `result`, carrying the JSON just made as Yoga's serializer (`ExecutionResultWithSerializer.stringify`), so that an
 * HTTP or SSE answer sends that text instead of encoding the result a second time. Only for the object measured:
 * Yoga hands the serializer a copy when it must strip internals first (a result with errors), and a plugin that
 * changes the result makes a new object; either is encoded afresh. Not enumerable, so no encoder ever writes it.
 */
function withJson(result: ExecutionResult, json: string): ResultWithJson {
  // A frozen result cannot carry it (and defineProperty would throw): it is then encoded again, as before.
  if (!Object.isExtensible(result)) return result;
  const stringify = (value: ExecutionResult): string => (value === result ? json : JSON.stringify(value));
  return Object.defineProperty(result, "stringify", { value: stringify, configurable: true, writable: true });
}

/**
 * The result to send: `result` itself when its JSON is at most `maxBytes` bytes, else a result with only the
 * `LIMIT_EXCEEDED` error. (For a result past the cap by its length alone, `value` is its length in UTF-16 units,
 * a lower bound of its bytes.) Never throws.
 */
export function resultWithinSize(result: ExecutionResult, maxBytes: number): ExecutionResult {
  if (maxBytes === Number.POSITIVE_INFINITY) return result;
  let json: string;
  try {
    json = JSON.stringify(result);
  } catch {
    return result; // Not serialisable as is: the result processor will report it, we only measure.
  }
  const bytes = exceedsBytes(json, maxBytes);
  if (bytes === null) return withJson(result, json);
  return {
    errors: [
      limitExceededGraphQLError(
        "responseBytes",
        bytes,
        maxBytes,
        `The result is ${bytes} bytes; at most ${maxBytes} are allowed. Ask for smaller pages or fewer fields.`,
      ),
    ],
  };
}
