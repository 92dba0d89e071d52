/**
 * Request body schemas (zod) and the one place that turns a validation failure into a 400 whose message names the
 * field, what was expected and what arrived, e.g. `spec.source.sizeBytes: expected an integer from 1 to 104857600,
 * got "12"`.
 */
import { z } from "zod";
import { badRequest } from "./errors";

/** Largest upload the emulator accepts (100 MiB): the bytes pass through a Durable Object in memory. */
export const MAX_UPLOAD_BYTES = 100 * 1024 * 1024;

const describe = (value: unknown): string => {
  if (value === undefined) return "nothing";
  // JSON.stringify gives undefined only for a function or a symbol, which parsed JSON never holds.
  const text = JSON.stringify(value) ?? typeof value;
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
};

const text = (what = "a non-empty string of at most 256 characters") =>
  z
    .string({ error: `expected ${what}` })
    .min(1, { error: `expected ${what}` })
    .max(256, { error: `expected ${what}` });

const int = (min: number, max: number) =>
  z
    .int({ error: `expected an integer from ${min} to ${max}` })
    .min(min, { error: `expected an integer from ${min} to ${max}` })
    .max(max, { error: `expected an integer from ${min} to ${max}` });

/** A share of requests, from 0 to 1. */
const share = () => {
  const error = "expected a number from 0 to 1";
  return z.number({ error }).min(0, { error }).max(1, { error });
};

/** Milliseconds since the epoch, as the API uses for every time. */
const epochMs = () => int(0, 8_640_000_000_000_000);

const base64 = (what: string) =>
  z
    .string({ error: `expected ${what}` })
    .regex(/^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/, { error: `expected ${what}` })
    .min(1, { error: `expected ${what}` });

const httpUrl = z
  .string({ error: "expected an http or https URL" })
  .refine((value) => /^https?:\/\//i.test(value) && URL.canParse(value), { error: "expected an http or https URL" });

const retries = z.object(
  { maxRetries: int(0, 10), maxBackoffMs: int(0, 3_600_000) },
  { error: "expected an object {maxRetries, maxBackoffMs}" },
);

const prefixedId = (prefix: string) => {
  const error = `expected an id starting with ${prefix}`;
  return z.string({ error }).startsWith(prefix, { error });
};

/** Body of `POST …/datasets`. */
export const createDatasetBody = z.object({
  name: text(),
  spec: z.object(
    {
      source: z.object(
        {
          kind: z.literal("UploadedNewlineDelimitedJsonFile", { error: 'expected "UploadedNewlineDelimitedJsonFile"' }),
          sizeBytes: int(1, MAX_UPLOAD_BYTES),
          crc32c: base64("the base64 of a 4-byte big-endian CRC32C").length(8, {
            error: "expected the base64 of a 4-byte big-endian CRC32C",
          }),
        },
        { error: "expected an object {kind, sizeBytes, crc32c}" },
      ),
    },
    { error: "expected an object {source}" },
  ),
});

const deployment = z.discriminatedUnion(
  "kind",
  [
    z.object({ kind: z.literal("ExistingDeployment"), deploymentId: prefixedId("deploy_") }),
    z.object({
      kind: z.literal("NewEphemeralDeployment"),
      // The SDK creates a template with `instanceId` or with `resources` instead: one of them is required.
      template: z
        .looseObject(
          {
            artifactId: text(),
            instanceId: text().optional(),
            resources: z.record(z.string(), z.unknown(), { error: "expected an object" }).optional(),
            replicas: int(1, 100),
            name: text().optional(),
            region: text().optional(),
            versionTag: text().optional(),
            options: z.record(z.string(), z.unknown(), { error: "expected an object" }).optional(),
          },
          { error: "expected an object {artifactId, instanceId or resources, replicas}" },
        )
        .refine((template) => template.instanceId !== undefined || template.resources !== undefined, {
          error: "expected instanceId or resources",
          path: ["instanceId"],
        }),
    }),
  ],
  { error: 'expected "ExistingDeployment" or "NewEphemeralDeployment"' },
);

/** Body of `POST …/jobs`. */
export const createJobBody = z.object({
  name: text(),
  spec: z.object(
    {
      startAtTime: epochMs().optional(),
      stopAtTime: epochMs().optional(),
      datasetId: prefixedId("dataset_"),
      deployment,
      resultDelivery: z.object(
        {
          destinations: z
            .array(
              z.object(
                {
                  kind: z.literal("Webhook", { error: 'expected "Webhook"' }),
                  webhookId: prefixedId("webhook_"),
                },
                { error: "expected an object {kind, webhookId}" },
              ),
              { error: "expected an array of destinations" },
            )
            .max(10, { error: "expected at most 10 destinations" }),
        },
        { error: "expected an object {destinations}" },
      ),
    },
    { error: "expected an object {datasetId, deployment, resultDelivery}" },
  ),
});

/** Body of `PATCH …/jobs/{id}`: the only change the API knows is a stop time (cancel). */
export const patchJobBody = z.object({
  spec: z.object({ stopAtTime: epochMs() }, { error: "expected an object {stopAtTime}" }),
});

/** Body of `POST …/webhooks`. */
export const createWebhookBody = z.object({
  name: text(),
  spec: z.object(
    {
      endpoint: httpUrl,
      secret: z.object({ contents: base64("a non-empty base64 string") }, { error: "expected an object {contents}" }),
      retries: retries.optional(),
    },
    { error: "expected an object {endpoint, secret, retries}" },
  ),
});

/** Body of `PATCH …/webhooks/{id}`. */
export const patchWebhookBody = z.object({
  spec: z.object(
    { endpoint: httpUrl.optional(), retries: retries.optional() },
    { error: "expected an object {endpoint?, retries?}" },
  ),
});

/** Body of `PUT …/webhooks/{id}/secret`. */
export const rotateSecretBody = z.object({ contents: base64("a non-empty base64 string") });

/** Body of `POST /__emulator/reset` (every field optional). */
export const resetBody = z.object({
  // At least 10 ms: log entry times stay unique only while a stage slot is wider than 7 ms (job-lifecycle.ts).
  msPerItem: int(10, 3_600_000).optional(),
  uploadUrlTtlMs: int(1, 7 * 24 * 3_600_000).optional(),
  datasetLifetimeMs: int(1, 365 * 24 * 3_600_000).optional(),
  jobRunMs: int(1, 365 * 24 * 3_600_000).optional(),
  // A third project at scale, for paging tests and the benchmark (large-project.ts); the bounds keep a reset fast.
  largeProject: z
    .object(
      {
        jobs: int(1, 20_000).optional(),
        datasets: int(1, 5_000).optional(),
      },
      { error: "expected an object {jobs?, datasets?}" },
    )
    .optional(),
});

/** Body of `POST /__emulator/faults` (every field optional). */
export const faultsBody = z.object({
  latencyMs: int(0, 60_000).optional(),
  jitterMs: int(0, 60_000).optional(),
  errorRate: share().optional(),
  errorStatus: int(400, 599).optional(),
  throttleRate: share().optional(),
  retryAfterSeconds: int(0, 3600).optional(),
  path: z.string({ error: "expected a regular expression as a string" }).optional(),
  redirectTo: z.string({ error: "expected a URL as a string" }).optional(),
});

/** Any JSON object, for bodies whose fields are checked by hand (`POST /__emulator/keys`, key-ring.ts). */
export const anyObject = z.record(z.string(), z.unknown());

/**
 * Parses a JSON body with a schema. An empty body counts as `{}` when `emptyAsObject` (control API), else as missing.
 * Throws a 400 naming the first bad field (`body` when the JSON itself is bad).
 */
export async function parseBody<T>(request: Request, schema: z.ZodType<T>, emptyAsObject = false): Promise<T> {
  const raw = await request.text();
  let value: unknown;
  if (raw.trim() === "") {
    if (!emptyAsObject) throw badRequest("body: expected a JSON object, got nothing");
    value = {};
  } else {
    try {
      value = JSON.parse(raw);
    } catch {
      throw badRequest("body: expected valid JSON");
    }
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw badRequest(`body: expected a JSON object, got ${describe(value)}`);
  }
  const result = schema.safeParse(value, { reportInput: true });
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  if (issue === undefined) throw badRequest("body: invalid");
  const path = issue.path.length === 0 ? "body" : issue.path.map(String).join(".");
  // A bad discriminator reports the whole object as its input; show just the discriminator that was wrong.
  const input =
    issue.code === "invalid_union" &&
    "discriminator" in issue &&
    typeof issue.input === "object" &&
    issue.input !== null
      ? (issue.input as Record<string, unknown>)[String(issue.discriminator)]
      : issue.input;
  throw badRequest(`${path}: ${issue.message}, got ${describe(input)}`);
}

/** Body of `POST /__emulator/jobs/{id}/log` (synthetic-log.ts). */
export const syntheticLogBody = z.object({
  entries: int(1, 100_000),
  sameTime: z.array(int(1, 5_000)).min(1, { error: "expected at least one group size" }).max(1_000).optional(),
});
