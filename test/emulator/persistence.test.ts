/**
 * State that lasts: the emulator keeps its data in Durable Object SQLite storage, so a restart of the Worker
 * (as when `npm run dev` is stopped and started again) finds what was there. Runs its own emulator with storage
 * on disk in a temporary directory, stopped and started between the write and the read.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { startTestEmulator } from "../utils/test-gateway";
import type { Webhook } from "./helpers";

const stateDir = mkdtempSync(join(tmpdir(), "emulator-state-"));

afterAll(() => {
  rmSync(stateDir, { recursive: true, force: true });
});

describe("persistence", () => {
  it("keeps a created webhook across a restart, and does not reseed over it", async () => {
    const headers = { "Secret-Key": "demo-secret-key", "content-type": "application/json" };
    const first = await startTestEmulator({ persistTo: stateDir });
    let created: Webhook;
    try {
      const response = await fetch(`${first.url}/projects/proj_demo/batch/webhooks`, {
        method: "POST",
        headers,
        body: JSON.stringify({
          name: "survivor",
          spec: { endpoint: "https://example.com/h", secret: { contents: "c2VjcmV0" } },
        }),
      });
      expect(response.status).toBe(201);
      created = (await response.json()) as Webhook;
    } finally {
      await first.dispose();
    }
    const second = await startTestEmulator({ persistTo: stateDir });
    try {
      const response = await fetch(`${second.url}/projects/proj_demo/batch/webhooks/${created.id}`, { headers });
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual(created);
    } finally {
      await second.dispose();
    }
  });
});
