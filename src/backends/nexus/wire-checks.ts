/**
 * Checks that an upstream body has the fields the gateway relies on, before anything reads it. Only the load-bearing
 * fields are checked (ids, names, timestamps, the status overview); the rest stays open so that a new or unknown
 * field never breaks a response. The checked body is returned unchanged (never stripped).
 */
import { z } from "zod";
import type {
  NexusDataset,
  NexusDelete,
  NexusJob,
  NexusJobLogs,
  NexusPage,
  NexusWebhook,
  NexusWebhookTestResult,
} from "./types";

const timestamp = z.number().finite();

const datasetShape = z.looseObject({
  id: z.string().min(1),
  name: z.string(),
  projectId: z.string(),
  status: z.looseObject({ overview: z.string() }),
  createDate: timestamp,
  updateDate: timestamp,
});

const jobShape = z.looseObject({
  id: z.string().min(1),
  name: z.string(),
  projectId: z.string(),
  spec: z.looseObject({}),
  status: z.looseObject({ overview: z.string() }),
  createDate: timestamp,
  updateDate: timestamp,
});

const webhookShape = z.looseObject({
  id: z.string().min(1),
  name: z.string(),
  projectId: z.string(),
  endpoint: z.string(),
  createDate: timestamp,
  updateDate: timestamp,
});

const logsShape = z.looseObject({
  entries: z.array(z.looseObject({ id: z.string().min(1), kind: z.string(), level: z.string(), createTime: timestamp })),
});

const testResultShape = z.looseObject({ status: z.string() });
const deleteShape = z.looseObject({ deleted: z.boolean() });

function pageShape(item: z.ZodType): z.ZodType {
  return z.looseObject({
    nextPage: z.string().nullable().optional(),
    prevPage: z.string().nullable().optional(),
    data: z.array(item),
  });
}

/** A wire check: returns the body typed, or a one-line description of what is wrong with it. */
export type WireCheck<T> = (body: unknown) => { ok: true; value: T } | { ok: false; problem: string };

function checker<T>(shape: z.ZodType): WireCheck<T> {
  return (body) => {
    const result = shape.safeParse(body);
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
