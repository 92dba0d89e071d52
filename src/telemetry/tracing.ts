/**
 * Traces, with the OpenTelemetry JS SDK (`@opentelemetry/sdk-trace`, spans and samplers) and its OTLP serializers
 * (`@opentelemetry/otlp-transformer`), exported by `tracing-export.ts` over `fetch`. One {@link WorkTrace} per unit
 * of work (`request-telemetry.ts`): a root span, the steps under it (parse, validate, execute; each upstream attempt,
 * `tracing-upstream.ts`; a poll's deliveries), and the export of its ended spans once the work answered.
 *
 * No context manager: Workers have no `AsyncLocalStorage` without `nodejs_compat`'s, and every span here knows its
 * parent (the work's root) from the object that makes it, so the parent context is always passed explicitly.
 *
 * Off (no `OTEL_EXPORTER_OTLP_ENDPOINT`): {@link workTracerFromEnv} is null and nothing here runs, so a request makes
 * no span object and pays one cached settings look-up.
 */
import {
  createContextKey,
  ROOT_CONTEXT,
  SpanKind,
  SpanStatusCode,
  TraceFlags,
  trace,
  type Attributes,
  type Context,
  type Span,
} from "@opentelemetry/api";
import { resourceFromAttributes } from "@opentelemetry/resources";
import {
  AlwaysOffSampler,
  AlwaysOnSampler,
  ParentBasedSampler,
  TraceIdRatioBasedSampler,
  TracerProvider,
  type ReadableSpan,
  type Sampler,
  type SpanProcessor,
} from "@opentelemetry/sdk-trace";
import { perEnv } from "../per-env";
import type { UpstreamObserver } from "../upstream/upstream-observer";
import type { TraceParent } from "./trace-context";
import { exportSpans } from "./tracing-export";
import type { StepSpan } from "./tracing-step";
import {
  tracingSettingsFromEnv,
  type SamplerSetting,
  type TracingSettings,
  type TracingVars,
} from "./tracing-settings";
import { createUpstreamSpans } from "./tracing-upstream";

export { SpanKind } from "@opentelemetry/api";
export type { StepSpan } from "./tracing-step";

/** The trace of one unit of work: see the module comment. */
export interface WorkTrace {
  /** The trace id (32 hex digits): the caller's when a `traceparent` came, else the root span's new one. */
  readonly traceId: string;
  /** Whether the trace is recorded (sampled); false: its spans are no-ops, ids still propagate upstream. */
  readonly recording: boolean;
  /** Renames the root span and adds to its attributes (the HTTP method, the GraphQL operation once known). */
  describe(name: string | undefined, attributes: Attributes): void;
  /** Starts a step under the root span, now. */
  startStep(name: string, attributes?: Attributes, kind?: SpanKind): StepSpan;
  /** A span per upstream attempt under the root, and the `traceparent` each attempt sends. */
  readonly upstreamObserver: UpstreamObserver;
  /** Ends the root span (once; later calls do nothing), as failed with `error`. */
  end(error?: string): void;
  /** Exports the spans ended so far (after {@link end}: all of them). Never rejects; a failure is one log line. */
  flush(): Promise<void>;
}

/** Makes the traces of one isolate's work; one per settings (`workTracerFromEnv`). */
export interface WorkTracer {
  /** Starts the trace of a unit of work now, as a child of `parent` (a caller's `traceparent`) when there is one. */
  startTrace(rootName: string, parent: TraceParent | null, attributes?: Attributes): WorkTrace;
}

// The ended spans of one unit of work, found by the processor through the context its spans are started in.
const BUFFER = createContextKey("gateway work spans");

/** Hands every ended span to the buffer of its unit of work (carried in its start context). */
class WorkSpanProcessor implements SpanProcessor {
  readonly #buffers = new WeakMap<object, ReadableSpan[]>();

  onStart(span: ReadableSpan, parentContext: Context): void {
    const buffer = parentContext.getValue(BUFFER);
    if (Array.isArray(buffer)) this.#buffers.set(span, buffer as ReadableSpan[]);
  }

  onEnd(span: ReadableSpan): void {
    this.#buffers.get(span)?.push(span);
  }

  forceFlush(): Promise<void> {
    return Promise.resolve();
  }

  shutdown(): Promise<void> {
    return Promise.resolve();
  }
}

/** The SDK sampler of a setting: the ratio at the root, the caller's decision under a `parentbased_*` one. */
function samplerFor(setting: SamplerSetting): Sampler {
  const root =
    setting.ratio >= 1
      ? new AlwaysOnSampler()
      : setting.ratio <= 0
        ? new AlwaysOffSampler()
        : new TraceIdRatioBasedSampler(setting.ratio);
  return setting.parentBased ? new ParentBasedSampler({ root }) : root;
}

/** A step span over an SDK span. */
function stepOf(span: Span): StepSpan {
  return {
    setAttributes: (attributes) => span.setAttributes(attributes),
    end: (error) => {
      if (error !== undefined) {
        span.setAttribute("error.type", error);
        span.setStatus({ code: SpanStatusCode.ERROR });
      }
      span.end();
    },
  };
}

/** Creates the tracer of `settings`: the SDK's provider, its sampler, and the export of each trace's spans. */
export function createWorkTracer(settings: TracingSettings): WorkTracer {
  const provider = new TracerProvider({
    sampler: samplerFor(settings.sampler),
    resource: resourceFromAttributes({ "service.name": settings.serviceName }),
    spanProcessors: [new WorkSpanProcessor()],
    // A GraphQL document can be long; a span attribute need not be.
    spanLimits: { attributeValueLengthLimit: 4096 },
  });
  const tracer = provider.getTracer("ml-batch-graphql-gateway");
  return {
    startTrace(rootName, parent, attributes) {
      const buffer: ReadableSpan[] = [];
      const base =
        parent === null
          ? ROOT_CONTEXT
          : trace.setSpanContext(ROOT_CONTEXT, {
              traceId: parent.traceId,
              spanId: parent.parentSpanId,
              traceFlags: parent.sampled ? TraceFlags.SAMPLED : TraceFlags.NONE,
              isRemote: true,
            });
      const withBuffer = base.setValue(BUFFER, buffer);
      const root = tracer.startSpan(
        rootName,
        { kind: SpanKind.SERVER, ...(attributes ? { attributes } : {}) },
        withBuffer,
      );
      const under = trace.setSpan(withBuffer, root);
      const rootStep = stepOf(root);
      let ended = false;
      const startStep = (name: string, stepAttributes?: Attributes, kind?: SpanKind): StepSpan =>
        stepOf(
          tracer.startSpan(
            name,
            { kind: kind ?? SpanKind.INTERNAL, ...(stepAttributes ? { attributes: stepAttributes } : {}) },
            under,
          ),
        );
      return {
        traceId: root.spanContext().traceId,
        recording: root.isRecording(),
        describe(name, rootAttributes) {
          if (name !== undefined) root.updateName(name);
          root.setAttributes(rootAttributes);
        },
        startStep,
        upstreamObserver: createUpstreamSpans((name, stepAttributes) => {
          const span = tracer.startSpan(name, { kind: SpanKind.CLIENT, attributes: stepAttributes }, under);
          return { span: stepOf(span), context: span.spanContext() };
        }),
        end(error) {
          if (ended) return;
          ended = true;
          rootStep.end(error);
        },
        flush() {
          // Whatever has ended goes now; a span that ends later (a straggling attempt) goes with a later flush.
          const spans = buffer.splice(0);
          return spans.length === 0 ? Promise.resolve() : exportSpans(settings, spans);
        },
      };
    },
  };
}

/**
 * The tracer of `env`'s settings (`tracing-settings.ts`), made once per `env` object; null when tracing is off (no
 * endpoint). Never throws.
 */
export const workTracerFromEnv: (env: TracingVars) => WorkTracer | null = perEnv((env: TracingVars) => {
  const settings = tracingSettingsFromEnv(env);
  return settings === null ? null : createWorkTracer(settings);
});
