/**
 * Query parameters and the create-export-task body of the ModelArts API, checked in one place. Every failure is a
 * 400 `ModelArts.0104` whose message names the parameter, what was expected and what arrived
 * (`limit: expected an integer from 1 to 100, got "0"`). Query parameters the API does not know are ignored.
 */
import { z } from "zod";
import { parseBody } from "../validation";
import { badParameter } from "./errors";
import type { DatasetQuery, ExportTaskQuery } from "./store";
import { SAMPLE_STATES } from "./sample-filter";
import { DATASET_TYPES } from "./types";

/** The largest `limit` of both lists (modelarts.md). */
export const MAX_LIMIT = 100;
/** The `limit` when none is given: the dataset list's (modelarts.md); the task list uses it too (emulator convention). */
export const DEFAULT_LIMIT = 10;

/** The `export_type` values: 0 labeled, 1 unlabeled, 2 all, 3 conditional search. */
export const EXPORT_TYPES = [0, 1, 2, 3] as const;

/** The `running_task_type` values of the get-dataset query (2 is an export). */
export const RUNNING_TASK_TYPES = [0, 1, 2, 3, 4, 5, 6, 7, 10] as const;

function integerParam(url: URL, name: string, min: number, max: number): number | undefined {
  const raw = url.searchParams.get(name);
  if (raw === null) return undefined;
  const value = /^-?\d+$/.test(raw) ? Number(raw) : Number.NaN;
  if (!Number.isSafeInteger(value) || value < min || value > max) {
    throw badParameter(`${name}: expected an integer from ${min} to ${max}, got ${JSON.stringify(raw)}`);
  }
  return value;
}

function oneOf<T extends string | number>(url: URL, name: string, values: readonly T[]): T | undefined {
  const raw = url.searchParams.get(name);
  if (raw === null) return undefined;
  const found = values.find((value) => String(value) === raw);
  if (found === undefined)
    throw badParameter(`${name}: expected one of ${values.join(", ")}, got ${JSON.stringify(raw)}`);
  return found;
}

function paging(url: URL): { offset: number; limit: number } {
  return {
    offset: integerParam(url, "offset", 0, 1_000_000_000) ?? 0,
    limit: integerParam(url, "limit", 1, MAX_LIMIT) ?? DEFAULT_LIMIT,
  };
}

/**
 * The query of `GET …/datasets`: `offset` (a record offset, default 0), `limit` 1–100 (default 10),
 * `search_content` (a substring of the name), `sort_by` (`create_time`, the default, or `dataset_name`), `order`
 * (`desc`, the default, or `asc`), `dataset_type`.
 */
export function datasetQueryOf(url: URL): DatasetQuery {
  const search = url.searchParams.get("search_content");
  if (search !== null && search.length > 256) {
    throw badParameter(`search_content: expected at most 256 characters, got ${search.length}`);
  }
  const query: DatasetQuery = {
    ...paging(url),
    sortBy: oneOf(url, "sort_by", ["create_time", "dataset_name"] as const) ?? "create_time",
    order: oneOf(url, "order", ["asc", "desc"] as const) ?? "desc",
  };
  // An empty search matches everything, as if it were absent.
  if (search !== null && search !== "") query.searchContent = search;
  const datasetType = oneOf(url, "dataset_type", DATASET_TYPES);
  if (datasetType !== undefined) query.datasetType = datasetType;
  return query;
}

/** The query of `GET …/export-tasks`: `offset`, `limit` 1–100 (default 10), `export_type`. */
export function exportTaskQueryOf(url: URL): ExportTaskQuery {
  const query: ExportTaskQuery = paging(url);
  const exportType = oneOf(url, "export_type", EXPORT_TYPES);
  if (exportType !== undefined) query.exportType = exportType;
  return query;
}

/**
 * The query of `GET …/datasets/{id}`: `check_running_task` (`true`/`false`, default false) and `running_task_type`
 * (which kind of running task to report; undefined for every kind).
 */
export function runningTaskQueryOf(url: URL): { check: boolean; type?: number } {
  const check = oneOf(url, "check_running_task", ["true", "false"] as const) === "true";
  const type = oneOf(url, "running_task_type", RUNNING_TASK_TYPES);
  return type === undefined ? { check } : { check, type };
}

const text = (max: number) => {
  const error = `expected a non-empty string of at most ${max} characters`;
  return z.string({ error }).min(1, { error }).max(max, { error });
};

/** An OBS path as the API writes it: `/bucket/dir/` (a leading slash, a bucket, a trailing slash). */
const obsPath = () => {
  const error = "expected an OBS path such as /bucket/dir/";
  return z
    .string({ error })
    .regex(/^\/[a-z0-9][a-z0-9.-]{1,62}\/(?:[^/]+\/)*$/, { error })
    .max(1024, { error });
};

const enumInt = (values: readonly number[]) => {
  const error = `expected one of ${values.join(", ")}`;
  return z.int({ error }).refine((value) => values.includes(value), { error });
};

/** `sample_state`: one of the documented states, or `""` (no filter, as in the documented request example). */
const sampleState = () => {
  const error = `expected "" or one of ${SAMPLE_STATES.join(", ")}`;
  return z
    .string({ error })
    .refine((value) => value === "" || (SAMPLE_STATES as readonly string[]).includes(value), { error });
};

const oneOfText = (values: readonly string[]) => {
  const error = `expected one of ${values.join(", ")}`;
  return z.string({ error }).refine((value) => values.includes(value), { error });
};

const boolean = () => z.boolean({ error: "expected a boolean" });
const optionalText = () =>
  z.string({ error: "expected a string" }).max(1024, { error: "expected at most 1024 characters" });
const andOr = () => oneOfText(["AND", "OR"]);
/** A map of attribute names to the values searched for (`Map<String,Array<String>>`). */
const props = () =>
  z.record(z.string(), z.array(z.string({ error: "expected a string" }), { error: "expected an array of strings" }), {
    error: "expected an object of string arrays",
  });

/** The version formats of a dataset version. */
export const VERSION_FORMATS = ["Default", "CarbonData", "CSV"] as const;

/** A documented `SearchCondition`; unknown fields are refused, so a misspelt condition is not silently ignored. */
const searchCondition = z.strictObject(
  {
    coefficient: optionalText().optional(),
    frame_in_video: z
      .int({ error: "expected an integer" })
      .min(0, { error: "expected an integer of 0 or more" })
      .optional(),
    hard: oneOfText(["0", "1"]).optional(),
    import_origin: optionalText().optional(),
    kvp: optionalText().optional(),
    label_list: z
      .strictObject(
        {
          labels: z
            .array(
              z.strictObject(
                {
                  name: optionalText().optional(),
                  type: z.int({ error: "expected an integer" }).optional(),
                  op: andOr().optional(),
                  property: props().optional(),
                },
                { error: "expected a label object (name, type, op, property)" },
              ),
              { error: "expected an array of labels" },
            )
            .optional(),
          op: andOr().optional(),
        },
        { error: "expected an object (labels, op)" },
      )
      .optional(),
    labeler: optionalText().optional(),
    metadata: z
      .strictObject({ op: andOr().optional(), props: props().optional() }, { error: "expected an object (op, props)" })
      .optional(),
    parent_sample_id: optionalText().optional(),
    sample_dir: optionalText().optional(),
    sample_name: optionalText().optional(),
    sample_time: optionalText().optional(),
    score: optionalText().optional(),
    slice_thickness: optionalText().optional(),
    study_date: optionalText().optional(),
    time_in_video: optionalText().optional(),
  },
  { error: "expected a search condition object" },
);

/** `train_sample_ratio`: text from `"0"` to `"1.00"` as documented, or the number the documented example sends. */
const ratio = () => {
  const error = 'expected a ratio from 0 to 1 such as "0.80"';
  const text = /^(?:0(?:\.\d{1,2})?|1(?:\.0{1,2})?)$/;
  return z
    .union([z.string(), z.number()], { error })
    .refine((value) => (typeof value === "number" ? value >= 0 && value <= 1 : text.test(value)), { error });
};

/** The body of `POST …/export-tasks` (every field optional; unknown top-level fields are ignored). */
export const createExportTaskBody = z.looseObject({
  path: obsPath().optional(),
  export_type: enumInt(EXPORT_TYPES).optional(),
  export_format: enumInt([1, 2]).optional(),
  export_params: z
    .looseObject(
      {
        export_dest: z.enum(["DIR", "NEW_DATASET"], { error: 'expected "DIR" or "NEW_DATASET"' }).optional(),
        export_new_dataset_name: text(64).optional(),
        export_new_dataset_work_path: obsPath().optional(),
        sample_state: sampleState().optional(),
        samples: z
          .array(text(128), { error: "expected an array of sample ids" })
          .max(10_000, { error: "expected at most 10000 sample ids" })
          .optional(),
        search_conditions: z
          .array(searchCondition, { error: "expected an array" })
          .max(100, { error: "expected at most 100 conditions" })
          .optional(),
        clear_hard_property: boolean().optional(),
        clear_difficult: boolean().optional(),
        export_dataset_version_name: z
          .string({ error: "expected a version name of 1 to 32 letters, digits, _ or -" })
          .regex(/^[A-Za-z0-9_-]{1,32}$/, { error: "expected a version name of 1 to 32 letters, digits, _ or -" })
          .optional(),
        export_dataset_version_format: oneOfText(VERSION_FORMATS).optional(),
        ratio_sample_usage: boolean().optional(),
        train_sample_ratio: ratio().optional(),
      },
      { error: "expected an object" },
    )
    .optional(),
  version_id: text(64).optional(),
  version_format: oneOfText(VERSION_FORMATS).optional(),
  annotation_format: oneOfText(["VOC", "COCO"]).optional(),
  source_type_header: oneOfText(["obs://", "s3://"]).optional(),
  with_column_header: boolean().optional(),
  dataset_type: enumInt(DATASET_TYPES).optional(),
  sample_state: sampleState().optional(),
});

/** A create-export-task body as parsed. */
export type CreateExportTaskBody = z.infer<typeof createExportTaskBody>;

/**
 * Parses the create body; an empty body counts as `{}` (every field is optional). Exporting to a new dataset needs
 * its name and work path (emulator convention); `sample_state` may be given at the top level or in `export_params`
 * (both documented), but not as two different states; several labels of one search condition need their `op`
 * (documented). Throws a 400 naming the first bad field.
 */
export async function parseCreateExportTask(request: Request): Promise<CreateExportTaskBody> {
  const body = await parseBody(request, createExportTaskBody, true);
  const params = body.export_params;
  const nested = params?.sample_state;
  if (
    nested !== undefined &&
    body.sample_state !== undefined &&
    nested !== "" &&
    body.sample_state !== "" &&
    nested !== body.sample_state
  ) {
    throw badParameter(
      `sample_state: expected the same state as export_params.sample_state (${JSON.stringify(nested)}), got ${JSON.stringify(body.sample_state)}`,
    );
  }
  for (const [i, condition] of (params?.search_conditions ?? []).entries()) {
    const labels = condition.label_list?.labels ?? [];
    if (labels.length > 1 && condition.label_list?.op === undefined) {
      throw badParameter(
        `export_params.search_conditions.${i}.label_list.op: expected AND or OR with more than one label, got nothing`,
      );
    }
  }
  if (params?.export_dest === "NEW_DATASET") {
    for (const field of ["export_new_dataset_name", "export_new_dataset_work_path"] as const) {
      if (params[field] === undefined) {
        throw badParameter(`export_params.${field}: expected it when export_dest is "NEW_DATASET", got nothing`);
      }
    }
  }
  return body;
}

/** The body of `POST /__emulator/modelarts/reset` (every field optional). */
export const modelArtsResetBody = z.object({
  msPerSample: z
    .int({ error: "expected an integer from 1 to 3600000" })
    .min(1, { error: "expected an integer from 1 to 3600000" })
    .max(3_600_000, { error: "expected an integer from 1 to 3600000" })
    .optional(),
});

/** Options of a ModelArts reset. */
export type ModelArtsResetOptions = z.infer<typeof modelArtsResetBody>;
