/**
 * Checks that an upstream body has the fields the gateway relies on, before anything reads it. Only the load-bearing
 * fields are checked (ids, names, timestamps, the status overview); the rest stays open so that a new or unknown
 * field never breaks a response. The checked body is returned unchanged (never stripped).
 *
 * zod/mini, not classic zod: classic `import { z } from "zod"` loads every locale and the chaining API, about 760
 * KiB of the Worker. Only the English messages are loaded here, handed to each parse (no global zod config).
 *
 * Each shape also has a plain predicate that accepts only what its zod shape accepts, and runs first: zod cannot
 * compile its checks on Workers (no `new Function`), and a page of 50 jobs through its interpreted object parse was
 * a visible share of a nested page's CPU. A body the predicate refuses goes through zod, whose first issue is the
 * message (and which has the last word: the predicate is only ever a shortcut to "valid").
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

/**
 * The object shapes whose predicates below are written field for field, for the unit test that keeps the two in
 * step (it fails when a shape has a field its table of refusals, and so the predicate, has not been checked for).
 */
export const NEXUS_OBJECT_SHAPES: Readonly<Record<"dataset" | "job" | "webhook", z.ZodMiniObject>> = Object.freeze({
  dataset: datasetShape,
  job: jobShape,
  webhook: webhookShape,
});

function pageShape(item: z.ZodMiniType): z.ZodMiniType {
  return z.looseObject({
    nextPage: z.optional(z.nullable(z.string())),
    prevPage: z.optional(z.nullable(z.string())),
    data: z.array(item),
  });
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
const isString = (value: unknown): value is string => typeof value === "string";
const isId = (value: unknown): boolean => typeof value === "string" && value.length > 0;
const isTimestamp = (value: unknown): boolean => typeof value === "number" && Number.isFinite(value);
const hasOverview = (value: unknown): boolean => isRecord(value) && isString(value["overview"]);

/** The fields every resource shape above has (id, name, project, both times): what the predicates below share. */
const isResource = (body: unknown): body is Record<string, unknown> =>
  isRecord(body) &&
  isId(body["id"]) &&
  isString(body["name"]) &&
  isString(body["projectId"]) &&
  isTimestamp(body["createDate"]) &&
  isTimestamp(body["updateDate"]);

/** The predicates of the shapes above, field for field. */
const isDataset = (body: unknown): boolean => isResource(body) && hasOverview(body["status"]);

const isJob = (body: unknown): boolean => isResource(body) && isRecord(body["spec"]) && hasOverview(body["status"]);

const isWebhook = (body: unknown): boolean => isResource(body) && isString(body["endpoint"]);

const isLogEntry = (entry: unknown): boolean =>
  isRecord(entry) &&
  isId(entry["id"]) &&
  isString(entry["kind"]) &&
  isString(entry["level"]) &&
  isTimestamp(entry["createTime"]);

const isLogs = (body: unknown): boolean => {
  const entries = isRecord(body) ? body["entries"] : undefined;
  return Array.isArray(entries) && entries.every(isLogEntry);
};

const isToken = (value: unknown): boolean => value === undefined || value === null || typeof value === "string";

function isPageOf(isItem: (item: unknown) => boolean): (body: unknown) => boolean {
  return (body) => {
    if (!isRecord(body) || !isToken(body["nextPage"]) || !isToken(body["prevPage"])) return false;
    const data = body["data"];
    return Array.isArray(data) && data.every(isItem);
  };
}

/** A wire check: returns the body typed, or a one-line description of what is wrong with it. */
export type WireCheck<T> = (body: unknown) => { ok: true; value: T } | { ok: false; problem: string };

// The messages classic zod gives ("Invalid input: expected string, received undefined"), without its global config.
const { localeError } = englishMessages();

function checker<T>(shape: z.ZodMiniType, accepts: (body: unknown) => boolean): WireCheck<T> {
  return (body) => {
    if (accepts(body)) return { ok: true, value: body as T };
    const result = shape.safeParse(body, { error: localeError });
    if (result.success) return { ok: true, value: body as T };
    const issue = result.error.issues[0];
    const where = issue && issue.path.length > 0 ? issue.path.join(".") : "body";
    return { ok: false, problem: `${where}: ${issue?.message ?? "invalid"}` };
  };
}

/** Checks a dataset body. */
export const checkDataset: WireCheck<NexusDataset> = checker(datasetShape, isDataset);
/** Checks a job body. */
export const checkJob: WireCheck<NexusJob> = checker(jobShape, isJob);
/** Checks a webhook body. */
export const checkWebhook: WireCheck<NexusWebhook> = checker(webhookShape, isWebhook);
/** Checks a job logs body. */
export const checkJobLogs: WireCheck<NexusJobLogs> = checker(logsShape, isLogs);
/** Checks a webhook test result body. */
export const checkWebhookTestResult: WireCheck<NexusWebhookTestResult> = checker(
  testResultShape,
  (body) => isRecord(body) && isString(body["status"]),
);
/** Checks a delete body. */
export const checkDelete: WireCheck<NexusDelete> = checker(
  deleteShape,
  (body) => isRecord(body) && typeof body["deleted"] === "boolean",
);
/** Checks a page of datasets. */
export const checkDatasetPage: WireCheck<NexusPage<NexusDataset>> = checker(
  pageShape(datasetShape),
  isPageOf(isDataset),
);
/** Checks a page of jobs. */
export const checkJobPage: WireCheck<NexusPage<NexusJob>> = checker(pageShape(jobShape), isPageOf(isJob));
/** Checks a page of webhooks. */
export const checkWebhookPage: WireCheck<NexusPage<NexusWebhook>> = checker(
  pageShape(webhookShape),
  isPageOf(isWebhook),
);
