/**
 * The ModelArts export task life as pure code (emulator/src/modelarts/export-lifecycle.ts): what each moment of a
 * task reads as, and, for any task and any two moments, that nothing goes backwards.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { exportStateAt, exportTaskToWire, newExportLife } from "../../emulator/src/modelarts/export-lifecycle";
import type { ExportTaskRecord } from "../../emulator/src/modelarts/types";

function task(sampleCount: number, msPerSample: number, createdAt = 1_000_000): ExportTaskRecord {
  return {
    task_id: "T",
    dataset_id: "D",
    create_time: createdAt,
    path: "/bkt/out/",
    export_type: 2,
    export_format: 1,
    export_params: { export_dest: "DIR" },
    life: newExportLife(sampleCount, createdAt, msPerSample),
  };
}

describe("export task life", () => {
  it("is INIT without counts for one slot, RUNNING with counts, then SUCCESSED at the last sample", () => {
    const t = task(4, 10);
    expect(exportTaskToWire(t, 1_000_009)).toMatchObject({ status: "INIT", progress: 0, update_time: 1_000_000 });
    expect(exportTaskToWire(t, 1_000_009)).not.toHaveProperty("finished_sample_count");
    expect(exportStateAt(t, 1_000_010)).toMatchObject({
      status: "RUNNING",
      progress: 0,
      counts: { total: 4, finished: 0 },
    });
    expect(exportStateAt(t, 1_000_029)).toMatchObject({
      status: "RUNNING",
      progress: 25,
      counts: { finished: 1 },
      updateTime: 1_000_020,
    });
    expect(exportStateAt(t, 1_000_049)).toMatchObject({ status: "RUNNING", progress: 75, counts: { finished: 3 } });
    expect(exportStateAt(t, 1_000_050)).toEqual({
      status: "SUCCESSED",
      progress: 100,
      counts: { total: 4, finished: 4 },
      updateTime: 1_000_050,
    });
  });

  it("rounds progress down to one decimal, so 100 means every sample", () => {
    const t = task(3, 10);
    expect(exportStateAt(t, 1_000_020).progress).toBe(33.3);
    expect(exportStateAt(t, 1_000_030).progress).toBe(66.6);
  });

  it("fails a task without samples at its start, with the reason", () => {
    const state = exportStateAt(task(0, 10), 1_000_010);
    expect(state).toEqual({
      status: "FAILED",
      progress: 0,
      counts: { total: 0, finished: 0 },
      updateTime: 1_000_010,
      error: { error_code: "ModelArts.72060041", error_msg: "Dataset is empty: there are no samples to export." },
    });
  });

  it("freezes the counts at a stop request: STOPPING, then STOPPED; a stop after the end changes nothing", () => {
    const stopped: ExportTaskRecord = {
      ...task(10, 10),
      life: { ...task(10, 10).life, stop: { requestedAt: 1_000_040, stoppedAt: 1_000_100 } },
    };
    expect(exportStateAt(stopped, 1_000_050)).toMatchObject({
      status: "STOPPING",
      counts: { finished: 3 },
      progress: 30,
    });
    expect(exportStateAt(stopped, 1_000_100)).toMatchObject({
      status: "STOPPED",
      counts: { finished: 3 },
      updateTime: 1_000_100,
    });
    const late: ExportTaskRecord = {
      ...task(2, 10),
      life: { ...task(2, 10).life, stop: { requestedAt: 1_000_500, stoppedAt: 1_000_600 } },
    };
    expect(exportStateAt(late, 1_000_700).status).toBe("SUCCESSED");
  });

  it("never goes backwards: counts, progress and update_time only rise, and a terminal status stays", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 500 }),
        fc.integer({ min: 1, max: 50 }),
        fc.nat(40_000),
        fc.nat(40_000),
        (count, ms, a, b) => {
          const t = task(count, ms);
          const [early, late] = [
            exportStateAt(t, 1_000_000 + Math.min(a, b)),
            exportStateAt(t, 1_000_000 + Math.max(a, b)),
          ];
          expect(late.progress).toBeGreaterThanOrEqual(early.progress);
          expect(late.updateTime).toBeGreaterThanOrEqual(early.updateTime);
          expect(late.counts?.finished ?? 0).toBeGreaterThanOrEqual(early.counts?.finished ?? 0);
          expect(late.counts?.finished ?? 0).toBeLessThanOrEqual(count);
          if (early.status === "SUCCESSED" || early.status === "FAILED") expect(late.status).toBe(early.status);
        },
      ),
    );
  });
});
