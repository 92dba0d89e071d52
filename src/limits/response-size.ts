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
  if (bytes === null) return result;
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
