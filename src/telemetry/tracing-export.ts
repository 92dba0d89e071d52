/**
 * OTLP/HTTP export of ended spans over `fetch` (https://opentelemetry.io/docs/specs/otlp/#otlphttp): the SDK's
 * serializers (`http/json` or `http/protobuf`) and one POST to the traces URL with the configured headers. Called
 * under `waitUntil` once the work answered, so it never delays or fails an answer; a collector that refuses or
 * cannot be reached costs one log line (its origin and the status or error name: never the headers, never the
 * query string, where a key may be), and the spans are dropped (no retry: the next export must not wait for them).
 */
import { JsonTraceSerializer, ProtobufTraceSerializer } from "@opentelemetry/otlp-transformer";
import type { ReadableSpan } from "@opentelemetry/sdk-trace";
import type { TracingSettings } from "./tracing-settings";

/** How long one export may take before it is given up (a collector that accepts and never answers). */
export const EXPORT_TIMEOUT_MS = 10_000;

/** Where an export went, for a log line: the URL without its query string or credentials. */
function placeOf(url: string): string {
  const parsed = new URL(url);
  return `${parsed.origin}${parsed.pathname}`;
}

/**
 * Sends `spans` to the collector of `settings`. Resolves when the collector answered or the export failed; never
 * rejects (a failure is one `console.warn` line).
 */
export async function exportSpans(settings: TracingSettings, spans: ReadableSpan[]): Promise<void> {
  const json = settings.protocol === "http/json";
  try {
    const body = (json ? JsonTraceSerializer : ProtobufTraceSerializer).serializeRequest(spans);
    if (body === undefined) return;
    const response = await fetch(settings.tracesUrl, {
      method: "POST",
      headers: { ...settings.headers, "content-type": json ? "application/json" : "application/x-protobuf" },
      // A copy typed over a plain ArrayBuffer, which fetch's types ask for (the serializers type theirs loosely).
      body: body.slice(),
      signal: AbortSignal.timeout(EXPORT_TIMEOUT_MS),
    });
    // The body is not needed; reading it ends the request and frees the connection.
    await response.arrayBuffer();
    if (!response.ok) {
      console.warn(`tracing: export of ${spans.length} spans to ${placeOf(settings.tracesUrl)} got ${response.status}`);
    }
  } catch (error) {
    const name = error instanceof Error ? error.name : typeof error;
    console.warn(`tracing: export of ${spans.length} spans to ${placeOf(settings.tracesUrl)} failed (${name})`);
  }
}
