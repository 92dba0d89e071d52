/**
 * State that lasts, for the Graviti emulator: its data is in Durable Object SQLite storage, so a restart of the
 * Worker finds a created and renamed dataset as it was, and does not reseed over it. Runs its own emulator with
 * storage on disk in a temporary directory, stopped and started between the writes and the reads.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { startTestEmulator } from "../utils/test-gateway";
import type { GravitiDataset, GravitiPage } from "./graviti-helpers";

const stateDir = mkdtempSync(join(tmpdir(), "graviti-emulator-state-"));

afterAll(() => {
  rmSync(stateDir, { recursive: true, force: true });
});

/** A tenant of this file's own (the emulator here is private, but the convention costs nothing). */
const KEY = "ACCESSKEY-demo_graviti-persistence";
const WORKSPACE = "graviti-demo-graviti-persistence";
const headers = { "X-Token": KEY, "content-type": "application/json" };

describe("Graviti persistence", () => {
  it("keeps a created and renamed dataset, and a deletion, across a restart", async () => {
    const first = await startTestEmulator({ persistTo: stateDir });
    let renamed: GravitiDataset;
    try {
      const created = await fetch(`${first.url}/graviti/v2/datasets`, {
        method: "POST",
        headers,
        body: JSON.stringify({ name: "survivor" }),
      });
      expect(created.status).toBe(200);
      const patched = await fetch(`${first.url}/graviti/v2/datasets/${WORKSPACE}/survivor`, {
        method: "PATCH",
        headers,
        body: JSON.stringify({ name: "survivor-2" }),
      });
      renamed = (await patched.json()) as GravitiDataset;
      expect(renamed.id).toBe(((await created.json()) as GravitiDataset).id);
      const deleted = await fetch(`${first.url}/graviti/v2/datasets/${WORKSPACE}/MNIST`, { method: "DELETE", headers });
      expect(deleted.status).toBe(204);
    } finally {
      await first.dispose();
    }
    const second = await startTestEmulator({ persistTo: stateDir });
    try {
      const read = await fetch(`${second.url}/graviti/v2/datasets/${WORKSPACE}/survivor-2`, { headers });
      expect(read.status).toBe(200);
      expect(await read.json()).toEqual(renamed);
      const page = (await (await fetch(`${second.url}/graviti/v2/datasets`, { headers })).json()) as GravitiPage;
      expect(page.total_count).toBe(14);
      expect(page.datasets.map((dataset) => dataset.name)).not.toContain("MNIST");
    } finally {
      await second.dispose();
    }
  });
});
