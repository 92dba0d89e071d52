/**
 * The trace settings and the upstream path templates, as pure code: what each standard OTEL_* variable gives, what
 * a bad value falls back to (and that its warning never quotes a value), and that no id reaches a span's path.
 */
import { describe, expect, it } from "vitest";
import { parse } from "graphql";
import { documentForSpan } from "../../src/telemetry/tracing-document";
import { readTracingSettings, samplerOf } from "../../src/telemetry/tracing-settings";
import { pathTemplate } from "../../src/telemetry/tracing-upstream";

function read(env: Record<string, string>): { settings: ReturnType<typeof readTracingSettings>; warnings: string[] } {
  const warnings: string[] = [];
  return { settings: readTracingSettings(env, (message) => warnings.push(message)), warnings };
}

describe("trace settings", () => {
  it("are off without an endpoint, and with one that is not an http(s) URL", () => {
    expect(read({}).settings).toBeNull();
    expect(read({ OTEL_EXPORTER_OTLP_ENDPOINT: "  " }).settings).toBeNull();
    const ftp = read({ OTEL_EXPORTER_OTLP_ENDPOINT: "ftp://collector.example" });
    expect(ftp.settings).toBeNull();
    expect(ftp.warnings).toEqual([
      "tracing: OTEL_EXPORTER_OTLP_ENDPOINT must be an http(s) URL, got ftp:; traces are not exported",
    ]);
  });

  it("send traces to <endpoint>/v1/traces, or to the traces endpoint as is", () => {
    expect(read({ OTEL_EXPORTER_OTLP_ENDPOINT: "http://127.0.0.1:4318/" }).settings?.tracesUrl).toBe(
      "http://127.0.0.1:4318/v1/traces",
    );
    expect(
      read({ OTEL_EXPORTER_OTLP_ENDPOINT: "http://a", OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: "https://b/otlp/spans" })
        .settings?.tracesUrl,
    ).toBe("https://b/otlp/spans");
  });

  it("default to http/protobuf, parentbased_always_on and the Worker's name", () => {
    expect(read({ OTEL_EXPORTER_OTLP_ENDPOINT: "http://a" }).settings).toEqual({
      tracesUrl: "http://a/v1/traces",
      headers: {},
      protocol: "http/protobuf",
      sampler: { parentBased: true, ratio: 1 },
      serviceName: "ml-batch-graphql-gateway",
    });
  });

  it("read the headers percent-decoded, and skip malformed pairs without quoting them", () => {
    const { settings, warnings } = read({
      OTEL_EXPORTER_OTLP_ENDPOINT: "http://a",
      OTEL_EXPORTER_OTLP_HEADERS: "Authorization=Bearer%20tok-123, x-team = k1 ,secret-without-name,=v",
    });
    expect(settings?.headers).toEqual({ authorization: "Bearer tok-123", "x-team": "k1" });
    expect(warnings).toEqual(["tracing: OTEL_EXPORTER_OTLP_HEADERS has 2 entries that are not name=value; skipped"]);
  });

  it("know the specification's samplers, and fall back on a bad name or ratio", () => {
    const warnings: string[] = [];
    const warn = (message: string): number => warnings.push(message);
    expect(samplerOf("always_off", undefined, warn)).toEqual({ parentBased: false, ratio: 0 });
    expect(samplerOf("traceidratio", "0.25", warn)).toEqual({ parentBased: false, ratio: 0.25 });
    expect(samplerOf("parentbased_traceidratio", "0.1", warn)).toEqual({ parentBased: true, ratio: 0.1 });
    expect(samplerOf("PARENTBASED_ALWAYS_OFF", undefined, warn)).toEqual({ parentBased: true, ratio: 0 });
    expect(warnings).toEqual([]);
    expect(samplerOf("traceidratio", "2", warn)).toEqual({ parentBased: false, ratio: 1 });
    expect(samplerOf("jaeger_remote", undefined, warn)).toEqual({ parentBased: true, ratio: 1 });
    expect(warnings).toEqual([
      "tracing: OTEL_TRACES_SAMPLER_ARG must be a number from 0 to 1; using 1",
      "tracing: OTEL_TRACES_SAMPLER is not a sampler this gateway knows; using parentbased_always_on",
    ]);
  });
});

describe("upstream path templates", () => {
  it("replace every segment that is not a word of the backends' APIs by {id}", () => {
    expect(pathTemplate("/projects/proj_demo/batch/jobs/job_9f2/logs")).toBe("/projects/{id}/batch/jobs/{id}/logs");
    expect(pathTemplate("/projects/p/batch/webhooks/wh_1:test")).toBe("/projects/{id}/batch/webhooks/{id}:test");
    expect(pathTemplate("/v2/ws-name/datasets/mnist")).toBe("/v2/{id}/datasets/{id}");
    expect(pathTemplate("/v2/datasets/team-a/street-scenes")).toBe("/v2/datasets/{id}/{id}");
    expect(pathTemplate("/v2/0a1b/datasets/d1/export-tasks/t1")).toBe("/v2/{id}/datasets/{id}/export-tasks/{id}");
  });

  it("keep a placeholder path as it is", () => {
    expect(pathTemplate("(signed upload URL)")).toBe("(signed upload URL)");
  });
});

describe("documents in spans", () => {
  it("have every string literal replaced", () => {
    expect(documentForSpan(parse(`mutation { createWebhook(input: { secret: "s3cr3t", n: 3 }) { id } }`))).toBe(
      `mutation {\n  createWebhook(input: {secret: "…", n: 3}) {\n    id\n  }\n}`,
    );
  });
});
