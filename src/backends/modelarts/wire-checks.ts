/**
 * Checks that a ModelArts body has the fields the gateway relies on, before anything reads it: ids, names, times,
 * the task status and the page totals. Everything else stays open (loose objects, integer codes of any value), so
 * an unknown field or code never breaks a response. The checked body is returned unchanged. zod/mini keeps the
 * bundle small.
 */
import * as z from "zod/mini";
import type {
  ModelArtsCreatedTask,
  ModelArtsDataset,
  ModelArtsDatasetPage,
  ModelArtsExportTask,
  ModelArtsExportTaskPage,
} from "./types";

const id = z.string().check(z.minLength(1));
const timestamp = z.number().check(z.refine(Number.isFinite));
const count = z.number().check(z.refine((value) => Number.isInteger(value) && value >= 0));

const datasetShape = z.looseObject({
  dataset_id: id,
  dataset_name: z.string(),
  create_time: timestamp,
  update_time: z.optional(timestamp),
});

const exportTaskShape = z.looseObject({
  task_id: id,
  status: z.string(),
  progress: z.optional(z.number()),
  create_time: timestamp,
  update_time: z.optional(timestamp),
});

const datasetPageShape = z.looseObject({ datasets: z.array(datasetShape), total_number: count });
const exportTaskPageShape = z.looseObject({ export_tasks: z.array(exportTaskShape), total_count: count });
const createdTaskShape = z.looseObject({ task_id: id });

/** A wire check: the body typed, or a one-line description of what is wrong with it. */
export type WireCheck<T> = (body: unknown) => { ok: true; value: T } | { ok: false; problem: string };

/** A short "what was expected" for one issue (zod/mini has no locale, so its messages are all "Invalid input"). */
function expectation(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case "invalid_type":
      return `expected ${issue.expected}`;
    case "too_small":
      return "expected a non-empty value";
    default:
      return "not a valid value";
  }
}

function checker<T>(shape: z.ZodMiniType): WireCheck<T> {
  return (body) => {
    const result = z.safeParse(shape, body);
    if (result.success) return { ok: true, value: body as T };
    const issue = result.error.issues[0];
    if (issue === undefined) return { ok: false, problem: "body: invalid" };
    const where = issue.path.length > 0 ? issue.path.join(".") : "body";
    return { ok: false, problem: `${where}: ${expectation(issue)}` };
  };
}

/** Checks a dataset body. */
export const checkDataset: WireCheck<ModelArtsDataset> = checker(datasetShape);
/** Checks a page of datasets (`{datasets, total_number}`). */
export const checkDatasetPage: WireCheck<ModelArtsDatasetPage> = checker(datasetPageShape);
/** Checks an export task body. */
export const checkExportTask: WireCheck<ModelArtsExportTask> = checker(exportTaskShape);
/** Checks a page of export tasks (`{total_count, export_tasks}`). */
export const checkExportTaskPage: WireCheck<ModelArtsExportTaskPage> = checker(exportTaskPageShape);
/** Checks the answer of a create (`{task_id}`). */
export const checkCreatedTask: WireCheck<ModelArtsCreatedTask> = checker(createdTaskShape);
