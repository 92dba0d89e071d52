/**
 * The Graviti emulator's dataset operations: create, get, update (rename keeps the id), delete, each error with its
 * exact body (400 `RequestParamsMissing` / `InvalidParamsValue`, 404 `ResourceNotExist`, 409 `NameConflict`), and
 * what the upstream recorded.
 */
import { beforeEach, describe, expect, it } from "vitest";
import {
  createGravitiDataset,
  datasetPath,
  G,
  gcall,
  listAllDatasets,
  type GravitiDataset,
  type GravitiErrorBody,
} from "./graviti-helpers";

const ISO_SECONDS = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/;

beforeEach(() => G.reset());

/** The instant an ISO time names, in ms. */
const msOf = (iso: string): number => Date.parse(iso);

describe("create", () => {
  it("creates a private dataset with no commit on main in the key's workspace, and lists it last", async () => {
    const before = Math.floor(Date.now() / 1000) * 1000;
    const created = await createGravitiDataset({ name: "new-set", alias: "A new set" });
    const after = Date.now();
    expect(created).toEqual({
      id: expect.stringMatching(/^[0-9a-f]{32}$/),
      name: "new-set",
      alias: "A new set",
      workspace: G.demo.workspace,
      default_branch: "main",
      commit_id: null,
      cover_url: "",
      creator: "demo-user",
      created_at: expect.stringMatching(ISO_SECONDS),
      updated_at: created.created_at,
      is_public: false,
      storage_config: "GRAVITI",
      backend_type: "OSS",
      with_draft: false,
    });
    expect(msOf(created.created_at)).toBeGreaterThanOrEqual(before);
    expect(msOf(created.created_at)).toBeLessThanOrEqual(after);
    const listed = await listAllDatasets();
    expect(listed.at(-1)).toEqual(created);
    expect(await gcall("GET", datasetPath(G.demo.workspace, "new-set"))).toMatchObject({ status: 200, body: created });
  });

  it("defaults alias to empty, and takes a storage config of the workspace and with_draft", async () => {
    const plain = await createGravitiDataset({ name: "plain" });
    expect(plain.alias).toBe("");
    const s3 = await createGravitiDataset({ name: "on-s3", storage_config: "demo-s3", with_draft: true });
    expect(s3).toMatchObject({ storage_config: "demo-s3", backend_type: "S3", commit_id: null, with_draft: true });
    expect(plain.with_draft).toBe(false);
  });

  it("answers 400 RequestParamsMissing without a name", async () => {
    const response = await gcall<GravitiErrorBody>("POST", "/graviti/v2/datasets", { body: { alias: "nameless" } });
    expect(response).toMatchObject({ status: 400, body: { code: "RequestParamsMissing", message: "name: required" } });
  });

  it("answers 400 InvalidParamsValue naming the bad field, the expectation and what arrived", async () => {
    const cases: Array<[unknown, string]> = [
      [
        { name: "has space" },
        'name: expected 1 to 64 letters, digits, hyphens or underscores, starting with a letter or digit, got "has space"',
      ],
      [
        { name: "-leading" },
        'name: expected 1 to 64 letters, digits, hyphens or underscores, starting with a letter or digit, got "-leading"',
      ],
      [
        { name: "a".repeat(65) },
        `name: expected 1 to 64 letters, digits, hyphens or underscores, starting with a letter or digit, got "${"a".repeat(65)}"`,
      ],
      [
        { name: 7 },
        "name: expected 1 to 64 letters, digits, hyphens or underscores, starting with a letter or digit, got number 7",
      ],
      [{ name: "ok", alias: 5 }, "alias: expected a string of at most 256 characters, got number 5"],
      [{ name: "ok", with_draft: "yes" }, 'with_draft: expected a boolean, got "yes"'],
      [{ name: "ok", storage_config: "" }, 'storage_config: expected a non-empty string, got ""'],
      ["not json", "body: expected valid JSON"],
      ["[1]", "body: expected a JSON object, got an array"],
    ];
    for (const [body, message] of cases) {
      const response = await gcall<GravitiErrorBody>("POST", "/graviti/v2/datasets", { body });
      expect(response, JSON.stringify(body)).toMatchObject({
        status: 400,
        body: { code: "InvalidParamsValue", message },
      });
    }
    const empty = await gcall<GravitiErrorBody>("POST", "/graviti/v2/datasets");
    expect(empty).toMatchObject({
      status: 400,
      body: { code: "InvalidParamsValue", message: "body: expected a JSON object, got nothing" },
    });
    expect(await listAllDatasets()).toHaveLength(14);
  });

  it("answers 404 ResourceNotExist for a storage config the workspace does not have", async () => {
    const response = await gcall<GravitiErrorBody>("POST", "/graviti/v2/datasets", {
      key: G.other.key,
      body: { name: "x", storage_config: "demo-s3" },
    });
    expect(response).toMatchObject({
      status: 404,
      body: {
        code: "ResourceNotExist",
        message: `storage_config: storage config "demo-s3" does not exist in workspace ${G.other.workspace}`,
      },
    });
  });

  it("answers 409 NameConflict for a name the workspace already has, but allows it in another workspace", async () => {
    const response = await gcall<GravitiErrorBody>("POST", "/graviti/v2/datasets", { body: { name: "KITTI" } });
    expect(response).toMatchObject({
      status: 409,
      body: { code: "NameConflict", message: `name: dataset "KITTI" already exists in workspace ${G.demo.workspace}` },
    });
    expect((await createGravitiDataset({ name: "KITTI" }, G.other.key)).workspace).toBe(G.other.workspace);
  });

  it("treats names as case-sensitive", async () => {
    expect((await createGravitiDataset({ name: "kitti" })).name).toBe("kitti");
    expect((await gcall("GET", datasetPath(G.demo.workspace, "Kitti"))).status).toBe(404);
  });
});

describe("update", () => {
  it("renames a dataset: the id stays, the old name is gone, updated_at moves, the list keeps its place", async () => {
    const before = (await gcall<GravitiDataset>("GET", datasetPath(G.demo.workspace, "VOC2012"))).body;
    const order = (await listAllDatasets()).map((dataset) => dataset.id);
    const renamed = await gcall<GravitiDataset>("PATCH", datasetPath(G.demo.workspace, "VOC2012"), {
      body: { name: "VOC-2012", alias: "VOC" },
    });
    expect(renamed.status).toBe(200);
    expect(renamed.body).toEqual({ ...before, name: "VOC-2012", alias: "VOC", updated_at: renamed.body.updated_at });
    expect(renamed.body.updated_at).toMatch(ISO_SECONDS);
    expect(msOf(renamed.body.updated_at)).toBeGreaterThan(msOf(before.updated_at));
    expect(await gcall("GET", datasetPath(G.demo.workspace, "VOC-2012"))).toMatchObject({
      status: 200,
      body: renamed.body,
    });
    expect(await gcall("GET", datasetPath(G.demo.workspace, "VOC2012"))).toMatchObject({
      status: 404,
      body: { code: "ResourceNotExist", message: `dataset ${G.demo.workspace}/VOC2012 does not exist` },
    });
    expect((await listAllDatasets()).map((dataset) => dataset.id)).toEqual(order);
  });

  it("sets the default branch to one of the dataset's branches, and answers 404 for another", async () => {
    const path = datasetPath(G.demo.workspace, "KITTI");
    expect((await gcall<GravitiDataset>("PATCH", path, { body: { default_branch: "dev" } })).body.default_branch).toBe(
      "dev",
    );
    const response = await gcall<GravitiErrorBody>("PATCH", path, { body: { default_branch: "release" } });
    expect(response).toMatchObject({
      status: 404,
      body: {
        code: "ResourceNotExist",
        message: `default_branch: branch "release" does not exist in dataset ${G.demo.workspace}/KITTI`,
      },
    });
  });

  it("answers 409 NameConflict for a rename onto another dataset's name, and accepts its own name", async () => {
    const path = datasetPath(G.demo.workspace, "LFW");
    const response = await gcall<GravitiErrorBody>("PATCH", path, { body: { name: "MNIST" } });
    expect(response).toMatchObject({
      status: 409,
      body: { code: "NameConflict", message: `name: dataset "MNIST" already exists in workspace ${G.demo.workspace}` },
    });
    expect((await gcall("PATCH", path, { body: { name: "LFW" } })).status).toBe(200);
  });

  it("answers 400 RequestParamsMissing for a body with none of name, alias, default_branch", async () => {
    for (const body of [{}, { is_public: true }]) {
      const response = await gcall<GravitiErrorBody>("PATCH", datasetPath(G.demo.workspace, "LFW"), { body });
      expect(response).toMatchObject({
        status: 400,
        body: { code: "RequestParamsMissing", message: "body: expected at least one of name, alias, default_branch" },
      });
    }
  });

  it("answers 400 InvalidParamsValue for a bad value, and changes nothing", async () => {
    const path = datasetPath(G.demo.workspace, "LFW");
    const before = (await gcall<GravitiDataset>("GET", path)).body;
    const cases: Array<[unknown, string]> = [
      [
        { name: "bad name" },
        'name: expected 1 to 64 letters, digits, hyphens or underscores, starting with a letter or digit, got "bad name"',
      ],
      [{ alias: "x".repeat(257) }, `alias: expected a string of at most 256 characters, got "${"x".repeat(80)}…"`],
      [{ alias: "fine", default_branch: 3 }, "default_branch: expected a non-empty string, got number 3"],
    ];
    for (const [body, message] of cases) {
      const response = await gcall<GravitiErrorBody>("PATCH", path, { body });
      expect(response, JSON.stringify(body)).toMatchObject({
        status: 400,
        body: { code: "InvalidParamsValue", message },
      });
    }
    expect((await gcall("GET", path)).body).toEqual(before);
  });
});

describe("delete", () => {
  it("deletes with 204 and no body; the dataset is gone and its name is free", async () => {
    const path = datasetPath(G.demo.workspace, "CelebA");
    const deleted = await gcall("DELETE", path);
    expect(deleted).toMatchObject({ status: 204, body: undefined });
    expect(await gcall("GET", path)).toMatchObject({ status: 404, body: { code: "ResourceNotExist" } });
    expect(await gcall("DELETE", path)).toMatchObject({ status: 404, body: { code: "ResourceNotExist" } });
    expect(await listAllDatasets()).toHaveLength(13);
    expect((await createGravitiDataset({ name: "CelebA" })).name).toBe("CelebA");
  });
});

describe("the request log", () => {
  it("records each call with its method, path (prefix included), query and status", async () => {
    await gcall("GET", "/graviti/v2/datasets?offset=2&limit=3");
    await gcall("PATCH", datasetPath(G.demo.workspace, "LFW"), { body: { alias: "faces" } });
    await gcall("POST", "/graviti/v2/datasets", { body: { name: "LFW" } });
    const log = await G.requests();
    expect(log.map(({ method, path, query, status }) => ({ method, path, query, status }))).toEqual([
      { method: "GET", path: "/graviti/v2/datasets", query: "offset=2&limit=3", status: 200 },
      { method: "PATCH", path: `/graviti/v2/datasets/${G.demo.workspace}/LFW`, query: "", status: 200 },
      { method: "POST", path: "/graviti/v2/datasets", query: "", status: 409 },
    ]);
    expect(log.every((entry) => entry.durationMs >= 0)).toBe(true);
  });
});
