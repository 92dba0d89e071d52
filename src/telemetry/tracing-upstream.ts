/**
 * A span per upstream attempt (the OpenTelemetry HTTP client conventions: `{method} {url.template}`, kind CLIENT),
 * and the W3C `traceparent` the attempt sends, whose parent-id is that span: the upstream's own spans (or the
 * emulator's request log) then sit under the call that made them.
 *
 * A span names its backend, operation, attempt (`http.request.resend_count` from the first retry on), the breaker's
 * state, the status, the failure kind and the upstream's `Retry-After`, and the path as a template: every segment
 * that is not a word of the backends' REST vocabulary becomes `{id}`, so no id, name or signed URL reaches a span.
 */
import type { Attributes, SpanContext } from "@opentelemetry/api";
import type { UpstreamObserver } from "../upstream/upstream-observer";
import { formatTraceParent } from "./trace-context";
import type { StepSpan } from "./tracing-step";

/** Starts a client span with `attributes` under the work's root; its context names the `traceparent`. */
export type StartClientSpan = (name: string, attributes: Attributes) => { span: StepSpan; context: SpanContext };

/**
 * The static path segments of the backends' REST APIs (Nexus, Graviti, ModelArts: their `client.ts` and
 * `transport.ts`). Anything else in a path is an id or a name, and is templated away; a new backend's words read
 * `{id}` until added here, which hides, never leaks.
 */
const PATH_WORDS: ReadonlySet<string> = new Set([
  "v1",
  "v2",
  "v3",
  "projects",
  "batch",
  "datasets",
  "jobs",
  "logs",
  "webhooks",
  "secret",
  "export-tasks",
  "training-jobs",
  "versions",
]);

/** A custom method after a colon (`/webhooks/{id}:test`), kept when it is a plain word. */
const VERB = /^[a-z]+$/;

/**
 * `path` (no query string) as a template: `/projects/p-1/batch/jobs/j-9/logs` → `/projects/{id}/batch/jobs/{id}/logs`.
 * A placeholder path (`(signed upload URL)`) is kept as it is. Never throws.
 */
export function pathTemplate(path: string): string {
  if (!path.startsWith("/")) return path;
  return path
    .split("/")
    .map((segment, index) => {
      if (index === 0 || segment === "") return segment;
      const colon = segment.lastIndexOf(":");
      const [word, verb] = colon > 0 ? [segment.slice(0, colon), segment.slice(colon + 1)] : [segment, undefined];
      const kept = PATH_WORDS.has(word) ? word : "{id}";
      return verb !== undefined && VERB.test(verb) ? `${kept}:${verb}` : kept;
    })
    .join("/");
}

/** The observer that traces upstream attempts with `startSpan`. Never throws. */
export function createUpstreamSpans(startSpan: StartClientSpan): UpstreamObserver {
  return {
    attemptStarted(attempt) {
      const template = pathTemplate(attempt.path);
      const attributes: Attributes = {
        "http.request.method": attempt.method,
        "url.template": template,
        "gateway.upstream.backend": attempt.backend,
        "gateway.upstream.operation": attempt.operation,
        "gateway.upstream.attempt": attempt.attempt,
      };
      // The HTTP conventions' retry count: set from the first retry on.
      if (attempt.attempt > 0) attributes["http.request.resend_count"] = attempt.attempt;
      if (attempt.breakerState !== undefined) attributes["gateway.upstream.breaker_state"] = attempt.breakerState;
      const { span, context } = startSpan(`${attempt.method} ${template}`, attributes);
      const sampled = (context.traceFlags & 1) === 1;
      return {
        headers: { traceparent: formatTraceParent(context.traceId, context.spanId, sampled) },
        end(result) {
          const ended: Attributes = { "gateway.upstream.sent": result.sent };
          if (result.status !== 0) ended["http.response.status_code"] = result.status;
          if (result.retryAfterSeconds !== undefined) {
            // The conventions' response-header attribute: the header's values, as strings.
            ended["http.response.header.retry-after"] = [String(result.retryAfterSeconds)];
          }
          span.setAttributes(ended);
          span.end(result.failure);
        },
      };
    },
  };
}
