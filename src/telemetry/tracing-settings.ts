/**
 * The trace export settings, the standard OpenTelemetry variables (https://opentelemetry.io/docs/specs/otel/
 * configuration/sdk-environment-variables/), read and checked in this one place, once per `env` object
 * (`per-env.ts`). No endpoint: tracing is off, and nothing is made per request (see `tracing.ts`).
 *
 * Bad values never fail a request: an endpoint that is not an http(s) URL turns tracing off, any other bad value
 * falls back to its default; each is said once, in one log line that names the variable (never its value: the
 * headers are secrets, and an endpoint may carry a key in its query).
 */
import { perEnv } from "../per-env";

/** The wire format of the OTLP/HTTP export. */
export type OtlpProtocol = "http/json" | "http/protobuf";

/** Which traces are recorded (`OTEL_TRACES_SAMPLER` and its `_ARG`), as the specification names the samplers. */
export interface SamplerSetting {
  /** Follow a caller's sampled flag when a `traceparent` came (`parentbased_*`), else decide at the root. */
  readonly parentBased: boolean;
  /** The share of root traces recorded, 0 to 1 (`always_on`: 1, `always_off`: 0, `*traceidratio`: the ARG). */
  readonly ratio: number;
}

/** The trace export settings, checked. */
export interface TracingSettings {
  /** Where spans go: `OTEL_EXPORTER_OTLP_TRACES_ENDPOINT` as is, else `OTEL_EXPORTER_OTLP_ENDPOINT` + `/v1/traces`. */
  readonly tracesUrl: string;
  /** `OTEL_EXPORTER_OTLP_HEADERS` (`k=v,k2=v2`, values percent-decoded): sent with every export, never logged. */
  readonly headers: Readonly<Record<string, string>>;
  /** `OTEL_EXPORTER_OTLP_PROTOCOL`; default `http/protobuf`, the specification's default. */
  readonly protocol: OtlpProtocol;
  /** `OTEL_TRACES_SAMPLER` / `OTEL_TRACES_SAMPLER_ARG`; default `parentbased_always_on`. */
  readonly sampler: SamplerSetting;
  /** `OTEL_SERVICE_NAME`; default {@link DEFAULT_SERVICE_NAME}. */
  readonly serviceName: string;
}

/** The variables {@link tracingSettingsFromEnv} reads (plain-text vars and secrets arrive as strings). */
export interface TracingVars {
  OTEL_EXPORTER_OTLP_ENDPOINT?: string | undefined;
  OTEL_EXPORTER_OTLP_TRACES_ENDPOINT?: string | undefined;
  OTEL_EXPORTER_OTLP_HEADERS?: string | undefined;
  OTEL_EXPORTER_OTLP_PROTOCOL?: string | undefined;
  OTEL_TRACES_SAMPLER?: string | undefined;
  OTEL_TRACES_SAMPLER_ARG?: string | undefined;
  OTEL_SERVICE_NAME?: string | undefined;
}

/** The `service.name` of the exported spans without `OTEL_SERVICE_NAME`: the Worker's name in wrangler.toml. */
export const DEFAULT_SERVICE_NAME = "ml-batch-graphql-gateway";

/** Where a setting's problem is said; `console` by default, a test's sink in the unit tests. */
export type SettingsWarn = (message: string) => void;

const trimmed = (value: string | undefined): string => value?.trim() ?? "";

/** The traces URL, or null (off) when no endpoint is set or it is not an http(s) URL. */
function tracesUrlOf(env: TracingVars, warn: SettingsWarn): string | null {
  const signal = trimmed(env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT);
  const base = trimmed(env.OTEL_EXPORTER_OTLP_ENDPOINT);
  if (signal === "" && base === "") return null;
  const name = signal === "" ? "OTEL_EXPORTER_OTLP_ENDPOINT" : "OTEL_EXPORTER_OTLP_TRACES_ENDPOINT";
  // The signal's own endpoint is used as is; the base gets the signal's path (the specification's rule).
  const raw = signal === "" ? `${base.replace(/\/+$/, "")}/v1/traces` : signal;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    warn(`tracing: ${name} is not a URL; traces are not exported`);
    return null;
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    warn(`tracing: ${name} must be an http(s) URL, got ${url.protocol}; traces are not exported`);
    return null;
  }
  return url.toString();
}

/**
 * `k=v,k2=v2` as the specification writes it (W3C Baggage's format: values percent-encoded); a pair without `=` or
 * a name that is not a header name is skipped, with one warning that names neither value.
 */
export function parseOtlpHeaders(raw: string | undefined, warn: SettingsWarn): Record<string, string> {
  const headers: Record<string, string> = {};
  let skipped = 0;
  for (const pair of trimmed(raw).split(",")) {
    if (pair.trim() === "") continue;
    const at = pair.indexOf("=");
    const name = at < 0 ? "" : pair.slice(0, at).trim();
    if (!/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/.test(name)) {
      skipped += 1;
      continue;
    }
    let value = pair.slice(at + 1).trim();
    try {
      value = decodeURIComponent(value);
    } catch {
      // Not percent-encoded after all: sent as written.
    }
    headers[name.toLowerCase()] = value;
  }
  if (skipped > 0) warn(`tracing: OTEL_EXPORTER_OTLP_HEADERS has ${skipped} entries that are not name=value; skipped`);
  return headers;
}

function protocolOf(raw: string | undefined, warn: SettingsWarn): OtlpProtocol {
  const value = trimmed(raw).toLowerCase();
  if (value === "http/json" || value === "http/protobuf") return value;
  if (value !== "")
    warn(`tracing: OTEL_EXPORTER_OTLP_PROTOCOL must be http/json or http/protobuf; using http/protobuf`);
  return "http/protobuf";
}

function ratioOf(raw: string | undefined, warn: SettingsWarn): number {
  const value = trimmed(raw);
  if (value === "") return 1;
  const ratio = Number(value);
  if (Number.isFinite(ratio) && ratio >= 0 && ratio <= 1) return ratio;
  warn("tracing: OTEL_TRACES_SAMPLER_ARG must be a number from 0 to 1; using 1");
  return 1;
}

/** The sampler the specification's names ask for; an unknown name gives the default, `parentbased_always_on`. */
export function samplerOf(name: string | undefined, arg: string | undefined, warn: SettingsWarn): SamplerSetting {
  switch (trimmed(name).toLowerCase()) {
    case "always_on":
      return { parentBased: false, ratio: 1 };
    case "always_off":
      return { parentBased: false, ratio: 0 };
    case "traceidratio":
      return { parentBased: false, ratio: ratioOf(arg, warn) };
    case "parentbased_always_off":
      return { parentBased: true, ratio: 0 };
    case "parentbased_traceidratio":
      return { parentBased: true, ratio: ratioOf(arg, warn) };
    case "":
    case "parentbased_always_on":
      return { parentBased: true, ratio: 1 };
    default:
      warn("tracing: OTEL_TRACES_SAMPLER is not a sampler this gateway knows; using parentbased_always_on");
      return { parentBased: true, ratio: 1 };
  }
}

/** Reads the settings from `env`; null when no endpoint is set (tracing off). Never throws. */
export function readTracingSettings(env: TracingVars, warn: SettingsWarn): TracingSettings | null {
  const tracesUrl = tracesUrlOf(env, warn);
  if (tracesUrl === null) return null;
  return {
    tracesUrl,
    headers: parseOtlpHeaders(env.OTEL_EXPORTER_OTLP_HEADERS, warn),
    protocol: protocolOf(env.OTEL_EXPORTER_OTLP_PROTOCOL, warn),
    sampler: samplerOf(env.OTEL_TRACES_SAMPLER, env.OTEL_TRACES_SAMPLER_ARG, warn),
    serviceName: trimmed(env.OTEL_SERVICE_NAME) || DEFAULT_SERVICE_NAME,
  };
}

/**
 * {@link readTracingSettings} once per `env` object (`per-env.ts`), warnings to `console.warn`. Null: tracing off.
 * Never throws.
 */
export const tracingSettingsFromEnv: (env: TracingVars) => TracingSettings | null = perEnv((env: TracingVars) =>
  readTracingSettings(env, (message) => console.warn(message)),
);
