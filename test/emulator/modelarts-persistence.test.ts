/**
 * State that lasts: the ModelArts emulator keeps its data in Durable Object SQLite storage, so a restart of the
 * Worker finds what was there. Runs its own emulator with storage on disk in a temporary directory, stopped and
 * started between the write and the read (the default tenant of that private emulator, shared with nobody).
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { startTestEmulator } from "../utils/test-gateway";
import type { ExportTask } from "./modelarts-helpers";

const stateDir = mkdtempSync(join(tmpdir(), "modelarts-state-"));

afterAll(() => {
  rmSync(stateDir, { recursive: true, force: true });
});

describe("persistence", () => {
  it("keeps a created export task and the settings across a restart, and does not reseed over them", async () => {
    const headers = { "X-Auth-Token": "demo-iam-token", "content-type": "application/json" };
    const base = "/modelarts/v2/modelarts_demo/datasets";
    const first = await startTestEmulator({ persistTo: stateDir });
    let datasetId: string;
    let created: ExportTask;
    try {
      const reset = await fetch(`${first.url}/__emulator/modelarts/reset`, {
        method: "POST",
        body: JSON.stringify({ msPerSample: 3600000 }),
      });
      expect(reset.status).toBe(200);
      await reset.arrayBuffer();
      const list = (await (await fetch(`${first.url}${base}?search_content=retail`, { headers })).json()) as {
        datasets: { dataset_id: string }[];
      };
      datasetId = list.datasets[0]?.dataset_id ?? "";
      const response = await fetch(`${first.url}${base}/${datasetId}/export-tasks`, {
        method: "POST",
        headers,
        body: JSON.stringify({ export_type: 0 }),
      });
      expect(response.status).toBe(200);
      const { task_id: taskId } = (await response.json()) as { task_id: string };
      created = (await (
        await fetch(`${first.url}${base}/${datasetId}/export-tasks/${taskId}`, { headers })
      ).json()) as ExportTask;
    } finally {
      await first.dispose();
    }
    const second = await startTestEmulator({ persistTo: stateDir });
    try {
      const response = await fetch(`${second.url}${base}/${datasetId}/export-tasks/${created.task_id}`, { headers });
      expect(response.status).toBe(200);
      // An hour per sample (kept from the reset before the restart): still INIT, exactly as it was.
      expect(await response.json()).toEqual(created);
      expect(created.status).toBe("INIT");
    } finally {
      await second.dispose();
    }
  });
});
