/**
 * Checks that a Graviti body has the fields the gateway relies on, before anything reads it: ids, names, the
 * workspace, times that parse, the commit id (or null), and the list envelope. The rest stays open, so an unknown
 * field or value never breaks a response. The checked body is returned unchanged. zod/mini keeps the bundle small.
 */
import * as z from "zod/mini";
import type { GravitiDataset, GravitiDatasetPage } from "./types";

const isoTime = z
  .string()
  .check(z.refine((value) => !Number.isNaN(Date.parse(value)), { message: "expected an ISO-8601 time" }));

const datasetShape = z.looseObject({
  id: z.string().check(z.regex(/^[0-9a-f]{32}$/i, { message: "expected 32 hex digits" })),
  name: z.string().check(z.minLength(1)),
  workspace: z.string().check(z.minLength(1)),
  commit_id: z.nullable(z.string()),
  created_at: isoTime,
  updated_at: isoTime,
});

const pageShape = z.looseObject({
  datasets: z.array(datasetShape),
  total_count: z.number().check(z.int(), z.nonnegative()),
});

/** A wire check: returns the body typed, or a one-line description of what is wrong with it. */
export type WireCheck<T> = (body: unknown) => { ok: true; value: T } | { ok: false; problem: string };

function checker<T>(shape: z.ZodMiniType): WireCheck<T> {
  return (body) => {
    const result = shape.safeParse(body);
    if (result.success) return { ok: true, value: body as T };
    const issue = result.error.issues[0];
    const where = issue && issue.path.length > 0 ? issue.path.join(".") : "body";
    return { ok: false, problem: `${where}: ${issue?.message ?? "invalid"}` };
  };
}

/** Checks a dataset body. */
export const checkDataset: WireCheck<GravitiDataset> = checker(datasetShape);
/** Checks a page of datasets. */
export const checkDatasetPage: WireCheck<GravitiDatasetPage> = checker(pageShape);
