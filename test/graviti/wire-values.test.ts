/**
 * `gravitiDataset(workspace, name)`: a public dataset of another workspace read with the demo key, every field
 * selected, against the wire object the emulator answers for it (at least 95% of its distinctive leaf values, see
 * test/utils/wire-coverage.ts); the draft's existence (`withDraft`) and the branch name; and null for another
 * workspace's private dataset or a dataset that does not exist.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { wireCoverage } from "../utils/wire-coverage";
import { GRAVITI, gravitiApi, gravitiCalls, mixedData } from "./helpers";

const FIELDS = `id gravitiId name provider createdAt updatedAt state workspace alias defaultBranch commitId creator isPublic
  storageConfig backendType coverUrl withDraft`;

const QUERY = `query($workspace: String!, $name: String!) { gravitiDataset(workspace: $workspace, name: $name) { ${FIELDS} } }`;

interface Answer {
  gravitiDataset: Record<string, unknown> | null;
}

beforeAll(async () => {
  await GRAVITI.reset();
});

describe("gravitiDataset", () => {
  it("reads a public dataset of another workspace with the demo key, carrying at least 95% of the wire dataset", async () => {
    const workspace = GRAVITI.other.workspace;
    const data = await mixedData<Answer>(QUERY, { workspace, name: "bird-sounds" });
    const wire = await gravitiApi<Record<string, unknown>>("GET", `/v2/datasets/${workspace}/bird-sounds`);
    expect(wire.status).toBe(200);
    expect(wire.body).toMatchObject({ is_public: true, workspace, with_draft: false, default_branch: "main" });
    expect(data.gravitiDataset).toMatchObject({
      name: "bird-sounds",
      workspace,
      isPublic: true,
      withDraft: false,
      defaultBranch: "main",
    });
    const result = wireCoverage(wire.body, data);
    expect(result.ratio, `missing: ${JSON.stringify(result.missing)}`).toBeGreaterThanOrEqual(0.95);
    expect(await gravitiCalls()).toContain(`GET /graviti/v2/datasets/${workspace}/bird-sounds`);
  });

  it("shows an open draft and the default branch: withDraft true on a draft-only dataset, after a branch change too", async () => {
    const workspace = GRAVITI.demo.workspace;
    const draft = await mixedData<Answer>(QUERY, { workspace, name: "street-signs" });
    expect(draft.gravitiDataset).toMatchObject({
      withDraft: true,
      defaultBranch: "main",
      commitId: null,
      state: "WAITING",
    });
    const committed = await mixedData<Answer>(QUERY, { workspace, name: "KITTI" });
    expect(committed.gravitiDataset).toMatchObject({ withDraft: false, defaultBranch: "main", state: "READY" });
    expect((await gravitiApi("PATCH", `/v2/datasets/${workspace}/KITTI`, { default_branch: "dev" })).status).toBe(200);
    const changed = await mixedData<Answer>(QUERY, { workspace, name: "KITTI" });
    expect(changed.gravitiDataset).toMatchObject({ defaultBranch: "dev" });
  });

  it("is null for another workspace's private dataset and for a dataset that does not exist", async () => {
    const other = await mixedData<Answer>(QUERY, { workspace: GRAVITI.other.workspace, name: "MNIST" });
    expect(other.gravitiDataset).toBeNull();
    const missing = await mixedData<Answer>(QUERY, { workspace: GRAVITI.demo.workspace, name: "no-such-dataset" });
    expect(missing.gravitiDataset).toBeNull();
  });
});
