/**
 * The request-body cap, applied by the Worker entry before Yoga reads the body: a declared `Content-Length` over
 * the maximum is refused at once, unread; a body without one (chunked) is read and counted (never more than the
 * maximum kept), and refused when it passes the maximum. Either way the answer is 413 with a `LIMIT_EXCEEDED` GraphQL error (`limit: "requestBytes"`).
 */
import { graphqlErrorResponse } from "../http-error-response";
import { limitExceeded } from "./limit-error";

function tooLarge(bytes: number, max: number): Response {
  return graphqlErrorResponse(
    413,
    limitExceeded("requestBytes", bytes, max, `The request body is ${bytes} bytes; at most ${max} bytes are allowed.`),
  );
}

/**
 * Reads a body to its end, keeping at most `max` bytes. Past `max` it keeps reading, only counting: a request body
 * left unread (or cancelled) can make the local proxy answer 503 in place of the 413. The platform caps a request
 * body (100 MB), so the count is bounded.
 */
async function readAtMost(
  body: ReadableStream<Uint8Array>,
  max: number,
): Promise<{ bytes: Uint8Array<ArrayBuffer> } | { over: number }> {
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total <= max) chunks.push(value);
  }
  if (total > max) return { over: total };
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return { bytes };
}

/**
 * The request to hand to Yoga, or the 413 answer. A request without a body, or with a `Content-Length` within
 * `maxBytes`, passes unchanged (its body untouched, so SSE and multipart stream as before); a chunked body within
 * the maximum is passed on buffered. A malformed `Content-Length` is left to the runtime (workerd refuses it).
 */
export async function limitRequestBody(request: Request, maxBytes: number): Promise<Request | Response> {
  if (request.body === null) return request;
  const declared = request.headers.get("content-length");
  if (declared !== null && /^\d+$/.test(declared.trim())) {
    const length = Number(declared);
    return length > maxBytes ? tooLarge(length, maxBytes) : request;
  }
  const read = await readAtMost(request.body, maxBytes);
  if ("over" in read) return tooLarge(read.over, maxBytes);
  return new Request(request.url, {
    method: request.method,
    headers: request.headers,
    body: read.bytes,
    signal: request.signal,
  });
}
