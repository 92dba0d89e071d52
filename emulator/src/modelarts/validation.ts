/**
 * Query parameters and the create-export-task body of the ModelArts API, checked in one place. Every failure is a
 * 400 `ModelArts.0104` whose message names the parameter, what was expected and what arrived
 * (`limit: expected an integer from 1 to 100, got "0"`). Query parameters the API does not know are ignored.
 */
import { z } from "zod";
import { parseBody } from "../validation";
import { badParameter } from "./errors";
import type { DatasetQuery, ExportTaskQuery } from "./store";
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

/** The body of `POST …/export-tasks` (every field optional; unknown fields are ignored). */
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
        sample_state: z.string({ error: "expected a string" }).optional(),
        samples: z
          .array(text(128), { error: "expected an array of sample ids" })
          .max(10_000, { error: "expected at most 10000 sample ids" })
          .optional(),
        search_conditions: z.array(z.unknown(), { error: "expected an array" }).optional(),
      },
      { error: "expected an object" },
    )
    .optional(),
  version_id: text(64).optional(),
  version_format: text(64).optional(),
  annotation_format: text(64).optional(),
  source_type_header: z.boolean({ error: "expected a boolean" }).optional(),
  with_column_header: z.boolean({ error: "expected a boolean" }).optional(),
});

/** A create-export-task body as parsed. */
export type CreateExportTaskBody = z.infer<typeof createExportTaskBody>;

/**
 * Parses the create body; an empty body counts as `{}` (every field is optional). Exporting to a new dataset needs
 * its name and work path (emulator convention). Throws a 400 naming the first bad field.
 */
export async function parseCreateExportTask(request: Request): Promise<CreateExportTaskBody> {
  const body = await parseBody(request, createExportTaskBody, true);
  const params = body.export_params;
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
