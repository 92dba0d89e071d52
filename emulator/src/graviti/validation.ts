/**
 * Checks of what a Graviti client sends, each failure a 400 whose message names the parameter, what was expected and
 * what arrived: `RequestParamsMissing` for a required parameter that is absent, `InvalidParamsValue` for one that is
 * there but wrong (emulator conventions: the real API's messages are not known).
 */
import { invalidParamsValue, requestParamsMissing } from "./errors";

/** A dataset name (emulator convention): 1 to 64 letters, digits, hyphens or underscores, starting with a letter or digit. */
export const DATASET_NAME = /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/;
const NAME_EXPECTED = "expected 1 to 64 letters, digits, hyphens or underscores, starting with a letter or digit";

/** Longest alias (emulator convention). */
export const MAX_ALIAS_LENGTH = 256;

/** Paging of `GET /v2/datasets`: `offset` default 0, `limit` default 128 (graviti.md) and at most 128 (emulator convention). */
export const PAGING = {
  defaultOffset: 0,
  maxOffset: 1_000_000_000,
  defaultLimit: 128,
  minLimit: 1,
  maxLimit: 128,
} as const;

/** Body of `POST /v2/datasets`. */
export interface CreateDatasetBody {
  name: string;
  alias: string;
  storage_config?: string;
  with_draft: boolean;
}

/** Body of `PATCH /v2/datasets/{workspace}/{dataset}`: at least one field. */
export interface UpdateDatasetBody {
  name?: string;
  alias?: string;
  default_branch?: string;
}

const describe = (value: unknown): string => {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  if (typeof value === "string") return JSON.stringify(value.length > 80 ? `${value.slice(0, 80)}…` : value);
  if (typeof value === "object") return "an object";
  // eslint-disable-next-line @typescript-eslint/no-base-to-string -- a primitive here (objects returned above)
  return `${typeof value} ${String(value)}`;
};

/** Reads a JSON object body; `InvalidParamsValue` naming `body` when it is empty, not JSON or not an object. */
export async function readJsonObject(request: Request): Promise<Record<string, unknown>> {
  const raw = await request.text();
  if (raw.trim() === "") throw invalidParamsValue("body: expected a JSON object, got nothing");
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    throw invalidParamsValue("body: expected valid JSON");
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw invalidParamsValue(`body: expected a JSON object, got ${describe(value)}`);
  }
  return value as Record<string, unknown>;
}

function datasetName(field: string, value: unknown): string {
  if (typeof value !== "string" || !DATASET_NAME.test(value)) {
    throw invalidParamsValue(`${field}: ${NAME_EXPECTED}, got ${describe(value)}`);
  }
  return value;
}

function alias(value: unknown): string {
  if (typeof value !== "string" || value.length > MAX_ALIAS_LENGTH) {
    throw invalidParamsValue(
      `alias: expected a string of at most ${MAX_ALIAS_LENGTH} characters, got ${describe(value)}`,
    );
  }
  return value;
}

function nonEmptyString(field: string, value: unknown): string {
  if (typeof value !== "string" || value === "")
    throw invalidParamsValue(`${field}: expected a non-empty string, got ${describe(value)}`);
  return value;
}

/**
 * Parses the body of `POST /v2/datasets` (`{name, alias?: "", storage_config?, with_draft?: false}`); other fields
 * are ignored. Throws `RequestParamsMissing` without `name`, `InvalidParamsValue` for a bad value.
 */
export function createDatasetBody(body: Record<string, unknown>): CreateDatasetBody {
  if (body.name === undefined) throw requestParamsMissing("name: required");
  const parsed: CreateDatasetBody = {
    name: datasetName("name", body.name),
    alias: body.alias === undefined ? "" : alias(body.alias),
    with_draft: false,
  };
  if (body.storage_config !== undefined) parsed.storage_config = nonEmptyString("storage_config", body.storage_config);
  if (body.with_draft !== undefined) {
    if (typeof body.with_draft !== "boolean") {
      throw invalidParamsValue(`with_draft: expected a boolean, got ${describe(body.with_draft)}`);
    }
    parsed.with_draft = body.with_draft;
  }
  return parsed;
}

/**
 * Parses the body of `PATCH /v2/datasets/{workspace}/{dataset}` (any of `{name, alias, default_branch}`; other fields
 * are ignored). Throws `RequestParamsMissing` when none of the three is there, `InvalidParamsValue` for a bad value.
 */
export function updateDatasetBody(body: Record<string, unknown>): UpdateDatasetBody {
  if (body.name === undefined && body.alias === undefined && body.default_branch === undefined) {
    throw requestParamsMissing("body: expected at least one of name, alias, default_branch");
  }
  const parsed: UpdateDatasetBody = {};
  if (body.name !== undefined) parsed.name = datasetName("name", body.name);
  if (body.alias !== undefined) parsed.alias = alias(body.alias);
  if (body.default_branch !== undefined) parsed.default_branch = nonEmptyString("default_branch", body.default_branch);
  return parsed;
}

function integerParam(url: URL, name: string, fallback: number, min: number, max: number): number {
  const raw = url.searchParams.get(name);
  if (raw === null) return fallback;
  const value = /^\d{1,10}$/.test(raw) ? Number(raw) : NaN;
  if (!(value >= min && value <= max)) {
    throw invalidParamsValue(`${name}: expected an integer from ${min} to ${max}, got ${JSON.stringify(raw)}`);
  }
  return value;
}

/** `offset` and `limit` of a list request, with their defaults; `InvalidParamsValue` naming the bad one. */
export function pagingOf(url: URL): { offset: number; limit: number } {
  return {
    offset: integerParam(url, "offset", PAGING.defaultOffset, 0, PAGING.maxOffset),
    limit: integerParam(url, "limit", PAGING.defaultLimit, PAGING.minLimit, PAGING.maxLimit),
  };
}
