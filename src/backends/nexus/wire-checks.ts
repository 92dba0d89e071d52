/**
 * Checks that an upstream body has the fields the gateway relies on, before anything reads it. Only the load-bearing
 * fields are checked (ids, names, timestamps, the status overview); the rest stays open so that a new or unknown
 * field never breaks a response. The checked body is returned unchanged (never stripped).
 *
 * zod/mini, not classic zod: classic `import { z } from "zod"` loads every locale and the chaining API, about 760
 * KiB of the Worker. Only the English messages are loaded here, handed to each parse (no global zod config).
 */
import * as z from "zod/mini";
import englishMessages from "zod/v4/locales/en.js";
import type {
  NexusDataset,
  NexusDelete,
  NexusJob,
  NexusJobLogs,
  NexusPage,
  NexusWebhook,
  NexusWebhookTestResult,
} from "./types";

// zod 4's number refuses NaN and Infinity by itself.
const timestamp = z.number();
const id = z.string().check(z.minLength(1));

const datasetShape = z.looseObject({
  id,
  name: z.string(),
  projectId: z.string(),
  status: z.looseObject({ overview: z.string() }),
  createDate: timestamp,
  updateDate: timestamp,
});

const jobShape = z.looseObject({
  id,
  name: z.string(),
  projectId: z.string(),
  spec: z.looseObject({}),
  status: z.looseObject({ overview: z.string() }),
  createDate: timestamp,
  updateDate: timestamp,
});

const webhookShape = z.looseObject({
  id,
  name: z.string(),
  projectId: z.string(),
  endpoint: z.string(),
  createDate: timestamp,
  updateDate: timestamp,
});

const logsShape = z.looseObject({
  entries: z.array(z.looseObject({ id, kind: z.string(), level: z.string(), createTime: timestamp })),
});

const testResultShape = z.looseObject({ status: z.string() });
const deleteShape = z.looseObject({ deleted: z.boolean() });

function pageShape(item: z.ZodMiniType): z.ZodMiniType {
  return z.looseObject({
    nextPage: z.optional(z.nullable(z.string())),
    prevPage: z.optional(z.nullable(z.string())),
    data: z.array(item),
  });
}

/** A wire check: returns the body typed, or a one-line description of what is wrong with it. */
export type WireCheck<T> = (body: unknown) => { ok: true; value: T } | { ok: false; problem: string };

// The messages classic zod gives ("Invalid input: expected string, received undefined"), without its global config.
const { localeError } = englishMessages();

function checker<T>(shape: z.ZodMiniType): WireCheck<T> {
  return (body) => {
    const result = shape.safeParse(body, { error: localeError });
    if (result.success) return { ok: true, value: body as T };
    const issue = result.error.issues[0];
    const where = issue && issue.path.length > 0 ? issue.path.join(".") : "body";
    return { ok: false, problem: `${where}: ${issue?.message ?? "invalid"}` };
  };
}

/** Checks a dataset body. */
export const checkDataset: WireCheck<NexusDataset> = checker(datasetShape);
/** Checks a job body. */
export const checkJob: WireCheck<NexusJob> = checker(jobShape);
/** Checks a webhook body. */
export const checkWebhook: WireCheck<NexusWebhook> = checker(webhookShape);
/** Checks a job logs body. */
export const checkJobLogs: WireCheck<NexusJobLogs> = checker(logsShape);
/** Checks a webhook test result body. */
export const checkWebhookTestResult: WireCheck<NexusWebhookTestResult> = checker(testResultShape);
/** Checks a delete body. */
export const checkDelete: WireCheck<NexusDelete> = checker(deleteShape);
/** Checks a page of datasets. */
export const checkDatasetPage: WireCheck<NexusPage<NexusDataset>> = checker(pageShape(datasetShape));
/** Checks a page of jobs. */
export const checkJobPage: WireCheck<NexusPage<NexusJob>> = checker(pageShape(jobShape));
/** Checks a page of webhooks. */
export const checkWebhookPage: WireCheck<NexusPage<NexusWebhook>> = checker(pageShape(webhookShape));
