/**
 * The Nexus wire checks (`src/backends/nexus/wire-checks.ts`): a valid body passes unchanged, and every load-bearing
 * field that is missing or of the wrong kind is refused with the message naming it, in a single object and inside a
 * page. The checks take a shortcut for valid bodies; these cases are what the shortcut must never let through.
 */
import { describe, expect, it } from "vitest";
import {
  checkDataset,
  checkDatasetPage,
  checkDelete,
  checkJob,
  checkJobLogs,
  checkJobPage,
  checkWebhook,
  checkWebhookPage,
  checkWebhookTestResult,
  NEXUS_OBJECT_SHAPES,
  type WireCheck,
} from "../../src/backends/nexus/wire-checks";

const times = { createDate: 1_700_000_000_000, updateDate: 1_700_000_000_500 };
const dataset = { id: "dataset_1", name: "d", projectId: "proj_1", status: { overview: "Uploaded" }, ...times };
const job = { id: "batchjob_1", name: "j", projectId: "proj_1", spec: {}, status: { overview: "Running" }, ...times };
const webhook = { id: "webhook_1", name: "w", projectId: "proj_1", endpoint: "https://x.example", ...times };
const logs = { entries: [{ id: "log_1", kind: "Event", level: "Info", createTime: 1 }] };

/** A copy of `body` with the value at `path` set (undefined: removed). */
function withValue(body: unknown, path: readonly (string | number)[], value: unknown): unknown {
  const copy = structuredClone(body) as Record<string | number, unknown>;
  let at = copy;
  for (const key of path.slice(0, -1)) at = at[key] as Record<string | number, unknown>;
  const last = path.at(-1) as string | number;
  if (value === undefined) delete at[last];
  else at[last] = value;
  return copy;
}

const STRING = "Invalid input: expected string, received ";
const NUMBER = "Invalid input: expected number, received ";
const OBJECT = "Invalid input: expected object, received ";

/** Each field of a shape, a wrong value for it, and the message that follows. */
type Case = [path: (string | number)[], value: unknown, message: string];

function refusals(fields: Record<string, "id" | "string" | "time" | "object" | "status">): Case[] {
  const cases: Case[] = [];
  for (const [name, kind] of Object.entries(fields)) {
    if (kind === "id") cases.push([[name], "", "Too small: expected string to have >=1 characters"]);
    if (kind === "id" || kind === "string")
      cases.push([[name], undefined, `${STRING}undefined`], [[name], 7, `${STRING}number`]);
    if (kind === "time") {
      cases.push([[name], undefined, `${NUMBER}undefined`], [[name], "1", `${NUMBER}string`]);
      cases.push([[name], Number.NaN, `${NUMBER}NaN`], [[name], Number.POSITIVE_INFINITY, `${NUMBER}Infinity`]);
    }
    if (kind === "object" || kind === "status") {
      cases.push(
        [[name], undefined, `${OBJECT}undefined`],
        [[name], [], `${OBJECT}array`],
        [[name], null, `${OBJECT}null`],
      );
    }
    if (kind === "status") cases.push([[name, "overview"], undefined, `${STRING}undefined`]);
  }
  return cases;
}

const shapes: [string, WireCheck<unknown>, WireCheck<unknown>, unknown, Case[]][] = [
  [
    "dataset",
    checkDataset,
    checkDatasetPage,
    dataset,
    refusals({
      id: "id",
      name: "string",
      projectId: "string",
      status: "status",
      createDate: "time",
      updateDate: "time",
    }),
  ],
  [
    "job",
    checkJob,
    checkJobPage,
    job,
    refusals({
      id: "id",
      name: "string",
      projectId: "string",
      spec: "object",
      status: "status",
      createDate: "time",
      updateDate: "time",
    }),
  ],
  [
    "webhook",
    checkWebhook,
    checkWebhookPage,
    webhook,
    refusals({
      id: "id",
      name: "string",
      projectId: "string",
      endpoint: "string",
      createDate: "time",
      updateDate: "time",
    }),
  ],
];

describe("Nexus wire checks", () => {
  it("check every field of each zod shape in its table of refusals (so its predicate is held to it)", () => {
    for (const [name, , , , cases] of shapes) {
      const shape = NEXUS_OBJECT_SHAPES[name as keyof typeof NEXUS_OBJECT_SHAPES];
      const tested = new Set(cases.map(([path]) => path[0]));
      expect([...tested].sort(), name).toEqual(Object.keys(shape.def.shape).sort());
    }
  });

  for (const [name, check, checkPage, valid, cases] of shapes) {
    it(`pass a valid ${name} and a page of them unchanged`, () => {
      expect(check(valid)).toEqual({ ok: true, value: valid });
      const page = { nextPage: "n", prevPage: null, data: [valid, valid] };
      const checked = checkPage(page);
      expect(checked.ok && checked.value).toBe(page);
      expect(checkPage({ data: [] })).toEqual({ ok: true, value: { data: [] } });
    });

    it(`refuse a ${name} whose load-bearing field is missing or of the wrong kind, naming it`, () => {
      for (const [path, value, message] of cases) {
        expect(check(withValue(valid, path, value)), `${path.join(".")} = ${String(value)}`).toEqual({
          ok: false,
          problem: `${path.join(".")}: ${message}`,
        });
        const page = { data: [valid, withValue(valid, path, value)] };
        expect(checkPage(page), `data.1.${path.join(".")}`).toEqual({
          ok: false,
          problem: `data.1.${path.join(".")}: ${message}`,
        });
      }
    });

    it(`refuse a page of ${name}s that is not one`, () => {
      expect(checkPage([valid])).toEqual({ ok: false, problem: `body: ${OBJECT}array` });
      expect(checkPage({ data: valid })).toEqual({
        ok: false,
        problem: "data: Invalid input: expected array, received object",
      });
      expect(checkPage({ data: [], nextPage: 3 })).toEqual({ ok: false, problem: `nextPage: ${STRING}number` });
      expect(checkPage({ data: [], prevPage: false })).toEqual({ ok: false, problem: `prevPage: ${STRING}boolean` });
      expect(check(null)).toEqual({ ok: false, problem: `body: ${OBJECT}null` });
    });
  }

  it("pass valid logs, test results and deletes, and refuse them without their fields", () => {
    expect(checkJobLogs(logs)).toEqual({ ok: true, value: logs });
    expect(checkJobLogs({ entries: [] })).toEqual({ ok: true, value: { entries: [] } });
    for (const [field, value, message] of [
      ["id", "", "Too small: expected string to have >=1 characters"],
      ["kind", undefined, `${STRING}undefined`],
      ["level", 3, `${STRING}number`],
      ["createTime", Number.NaN, `${NUMBER}NaN`],
    ] as const) {
      expect(checkJobLogs(withValue(logs, ["entries", 0, field], value))).toEqual({
        ok: false,
        problem: `entries.0.${field}: ${message}`,
      });
    }
    expect(checkJobLogs({})).toEqual({
      ok: false,
      problem: "entries: Invalid input: expected array, received undefined",
    });
    expect(checkWebhookTestResult({ status: "ok" })).toEqual({ ok: true, value: { status: "ok" } });
    expect(checkWebhookTestResult({ status: 200 })).toEqual({ ok: false, problem: `status: ${STRING}number` });
    expect(checkDelete({ deleted: true })).toEqual({ ok: true, value: { deleted: true } });
    expect(checkDelete({ deleted: "yes" })).toEqual({
      ok: false,
      problem: "deleted: Invalid input: expected boolean, received string",
    });
  });
});
