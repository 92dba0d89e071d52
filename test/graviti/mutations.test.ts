/**
 * Graviti's mutations through the front door (create, update, delete), each error with its code and message, and
 * ids that survive a rename: what the upstream saw is checked in its request log, call by call.
 */
import { beforeEach, describe, expect, it } from "vitest";
import {
  allWireDatasets,
  GRAVITI,
  gravitiApi,
  gravitiCalls,
  gravitiGlobalId,
  mixedData,
  mixedGql,
  type WireDataset,
} from "./helpers";

const WS = GRAVITI.demo.workspace;

const CREATE = `mutation($input: CreateGravitiDatasetInput!) {
  createGravitiDataset(input: $input) { dataset { id name state ... on GravitiDataset { gravitiId workspace alias defaultBranch commitId isPublic storageConfig backendType coverUrl } } }
}`;
const UPDATE = `mutation($input: UpdateGravitiDatasetInput!) {
  updateGravitiDataset(input: $input) { dataset { id name ... on GravitiDataset { gravitiId alias defaultBranch } } }
}`;
const DELETE = `mutation($id: ID!) { deleteGravitiDataset(id: $id) { id deleted } }`;
const READ = `query($id: ID!) { dataset(id: $id) { id name ... on GravitiDataset { gravitiId } } node(id: $id) { id ... on GravitiDataset { name } } }`;

interface Created {
  createGravitiDataset: { dataset: { id: string; name: string; gravitiId: string } & Record<string, unknown> };
}
interface Updated {
  updateGravitiDataset: {
    dataset: { id: string; name: string; gravitiId: string; alias: string; defaultBranch: string };
  };
}

async function wireNamed(name: string, key = GRAVITI.demo.key): Promise<WireDataset> {
  const found = (await allWireDatasets(key)).find((dataset) => dataset.name === name);
  if (found === undefined) throw new Error(`no dataset ${name}`);
  return found;
}

beforeEach(async () => {
  await GRAVITI.reset();
});

describe("createGravitiDataset", () => {
  it("creates a private dataset with no commit (WAITING) in the key's workspace, in one call", async () => {
    const data = await mixedData<Created>(CREATE, {
      input: { name: "new-one", alias: "A new one", storageConfig: "demo-s3", withDraft: true },
    });
    // Read the log before this test's own direct reads of the emulator add to it.
    const calls = await gravitiCalls();
    const created = await wireNamed("new-one");
    expect(data.createGravitiDataset.dataset).toEqual({
      id: gravitiGlobalId(created),
      name: "new-one",
      state: "WAITING",
      gravitiId: created.id,
      workspace: WS,
      alias: "A new one",
      defaultBranch: "main",
      commitId: null,
      isPublic: false,
      storageConfig: "demo-s3",
      backendType: "S3",
      coverUrl: null,
    });
    expect(calls).toEqual(["POST /graviti/v2/datasets"]);
  });

  it("gives BAD_USER_INPUT for a name the workspace already has (NameConflict)", async () => {
    const result = await mixedGql(CREATE, { input: { name: "MNIST" } });
    expect(result.body.data).toBeNull();
    expect(result.body.errors).toEqual([
      {
        message: `graviti datasets.create: expected 2xx, got 409 from /v2/datasets (NameConflict: name: dataset "MNIST" already exists in workspace ${WS})`,
        path: ["createGravitiDataset"],
        extensions: { code: "BAD_USER_INPUT" },
      },
    ]);
    // A mutation is sent once.
    expect(await gravitiCalls()).toEqual(["POST /graviti/v2/datasets"]);
  });

  it("gives BAD_USER_INPUT for a name Graviti refuses, and for a storage config the workspace does not have", async () => {
    const badName = await mixedGql(CREATE, { input: { name: "no spaces allowed" } });
    expect(badName.body.errors?.[0]?.extensions).toEqual({ code: "BAD_USER_INPUT" });
    expect(badName.body.errors?.[0]?.message).toMatch(
      /^graviti datasets\.create: expected 2xx, got 400 from \/v2\/datasets \(InvalidParamsValue: name: /,
    );
    const badConfig = await mixedGql(CREATE, { input: { name: "ok-name", storageConfig: "nope" } });
    expect(badConfig.body.errors).toEqual([
      {
        message: `graviti datasets.create: expected 2xx, got 404 from /v2/datasets (ResourceNotExist: storage_config: storage config "nope" does not exist in workspace ${WS})`,
        path: ["createGravitiDataset"],
        extensions: { code: "BAD_USER_INPUT" },
      },
    ]);
  });

  it("refuses an empty name before any call", async () => {
    const result = await mixedGql(CREATE, { input: { name: "   " } });
    expect(result.body.errors).toEqual([
      {
        message: "input.name must not be empty.",
        path: ["createGravitiDataset"],
        extensions: { code: "BAD_USER_INPUT" },
      },
    ]);
    expect(await gravitiCalls()).toEqual([]);
  });

  it("gives UNAUTHENTICATED without a Graviti key, and FORBIDDEN for a refused one", async () => {
    const none = await mixedGql(CREATE, { input: { name: "x" } }, {});
    expect(none.body.errors?.[0]?.extensions).toEqual({ code: "UNAUTHENTICATED" });
    const refused = await mixedGql(CREATE, { input: { name: "x" } }, { graviti: "not-a-graviti-key-5b1e" });
    expect(refused.body.errors).toEqual([
      {
        message:
          "graviti datasets.create: expected 2xx, got 401 from /v2/datasets (Unauthorized: X-Token: expected a valid access key)",
        path: ["createGravitiDataset"],
        extensions: { code: "FORBIDDEN" },
      },
    ]);
  });
});

describe("updateGravitiDataset", () => {
  it("changes the alias and the default branch, after finding the dataset by its id", async () => {
    const kitti = await wireNamed("KITTI");
    await GRAVITI.clearRequests();
    const data = await mixedData<Updated>(UPDATE, {
      input: { id: gravitiGlobalId(kitti), alias: "KITTI vision", defaultBranch: "dev" },
    });
    expect(data.updateGravitiDataset.dataset).toEqual({
      id: gravitiGlobalId(kitti),
      name: "KITTI",
      gravitiId: kitti.id,
      alias: "KITTI vision",
      defaultBranch: "dev",
    });
    expect(await gravitiCalls()).toEqual([
      `GET /graviti/v2/datasets/${WS}/KITTI`,
      `PATCH /graviti/v2/datasets/${WS}/KITTI`,
    ]);
  });

  it("gives BAD_USER_INPUT for a branch the dataset does not have, for a taken name, and for no change at all", async () => {
    const kitti = await wireNamed("KITTI");
    const id = gravitiGlobalId(kitti);
    const branch = await mixedGql(UPDATE, { input: { id, defaultBranch: "nope" } });
    expect(branch.body.errors).toEqual([
      {
        message:
          `graviti datasets.update: expected 2xx, got 404 from /v2/datasets/${WS}/KITTI ` +
          `(ResourceNotExist: default_branch: branch "nope" does not exist in dataset ${WS}/KITTI)`,
        path: ["updateGravitiDataset"],
        extensions: { code: "BAD_USER_INPUT" },
      },
    ]);
    const taken = await mixedGql(UPDATE, { input: { id, name: "MNIST" } });
    expect(taken.body.errors).toEqual([
      {
        message: `graviti datasets.update: expected 2xx, got 409 from /v2/datasets/${WS}/KITTI (NameConflict: name: dataset "MNIST" already exists in workspace ${WS})`,
        path: ["updateGravitiDataset"],
        extensions: { code: "BAD_USER_INPUT" },
      },
    ]);
    await GRAVITI.clearRequests();
    const nothing = await mixedGql(UPDATE, { input: { id } });
    expect(nothing.body.errors).toEqual([
      {
        message: "Give at least one of input.name, input.alias, input.defaultBranch.",
        path: ["updateGravitiDataset"],
        extensions: { code: "BAD_USER_INPUT" },
      },
    ]);
    expect(await gravitiCalls()).toEqual([]);
  });

  it("gives BAD_USER_INPUT for an id of another type, before any call", async () => {
    const nexusId = Buffer.from("NexusDataset:dataset_abc", "utf8").toString("base64url");
    const result = await mixedGql(UPDATE, { input: { id: nexusId, alias: "x" } });
    expect(result.body.errors).toEqual([
      {
        message: 'Argument "input.id": expected a GravitiDataset id, got a NexusDataset id.',
        path: ["updateGravitiDataset"],
        extensions: { code: "BAD_USER_INPUT" },
      },
    ]);
    expect(await gravitiCalls()).toEqual([]);
  });

  it("gives FORBIDDEN for a public dataset of another workspace (read-only for this key)", async () => {
    const birds = await wireNamed("bird-sounds", GRAVITI.other.key);
    const result = await mixedGql(UPDATE, { input: { id: gravitiGlobalId(birds), alias: "mine now" } });
    expect(result.body.errors).toEqual([
      {
        message:
          `graviti datasets.update: expected 2xx, got 403 from /v2/datasets/${GRAVITI.other.workspace}/bird-sounds ` +
          `(Forbidden: dataset ${GRAVITI.other.workspace}/bird-sounds: a public dataset of another workspace is read-only for workspace ${WS})`,
        path: ["updateGravitiDataset"],
        extensions: { code: "FORBIDDEN" },
      },
    ]);
  });
});

describe("deleteGravitiDataset", () => {
  it("deletes a dataset: its id then resolves to null, and the name is free", async () => {
    const svhn = await wireNamed("SVHN");
    const id = gravitiGlobalId(svhn);
    await GRAVITI.clearRequests();
    const data = await mixedData<{ deleteGravitiDataset: { id: string; deleted: boolean } }>(DELETE, { id });
    expect(data.deleteGravitiDataset).toEqual({ id, deleted: true });
    expect(await gravitiCalls()).toEqual([
      `GET /graviti/v2/datasets/${WS}/SVHN`,
      `DELETE /graviti/v2/datasets/${WS}/SVHN`,
    ]);
    expect((await gravitiApi("GET", `/v2/datasets/${WS}/SVHN`)).status).toBe(404);
    expect(await mixedData(READ, { id })).toEqual({ dataset: null, node: null });
  });

  it("gives NOT_FOUND for a dataset that is gone", async () => {
    const svhn = await wireNamed("SVHN");
    await gravitiApi("DELETE", `/v2/datasets/${WS}/SVHN`);
    const result = await mixedGql(DELETE, { id: gravitiGlobalId(svhn) });
    expect(result.body.errors).toEqual([
      {
        message: 'Argument "id": no Graviti dataset has this id (by name or by gravitiId).',
        path: ["deleteGravitiDataset"],
        extensions: { code: "NOT_FOUND" },
      },
    ]);
  });
});

describe("ids that survive a rename", () => {
  it("resolves an id handed out before a rename: one GET by the old name, then one list call finds it by id", async () => {
    const created = await mixedData<Created>(CREATE, { input: { name: "before-rename" } });
    const oldId = created.createGravitiDataset.dataset.id;
    const renamed = await mixedData<Updated>(UPDATE, { input: { id: oldId, name: "after-rename" } });
    const newId = renamed.updateGravitiDataset.dataset.id;
    expect(newId).not.toBe(oldId);
    expect(renamed.updateGravitiDataset.dataset.gravitiId).toBe(created.createGravitiDataset.dataset.gravitiId);

    await GRAVITI.clearRequests();
    const data = await mixedData<{
      dataset: { id: string; name: string; gravitiId: string };
      node: { id: string; name: string };
    }>(READ, { id: oldId });
    expect(data.dataset).toEqual({
      id: newId,
      name: "after-rename",
      gravitiId: created.createGravitiDataset.dataset.gravitiId,
    });
    expect(data.node).toEqual({ id: newId, name: "after-rename" });
    // dataset and node share the loader: one GET (the old name is 404) and one list call (15 datasets, one page).
    expect(await gravitiCalls()).toEqual([
      `GET /graviti/v2/datasets/${WS}/before-rename`,
      "GET /graviti/v2/datasets?offset=0&limit=128",
    ]);

    // The new id costs one GET.
    await GRAVITI.clearRequests();
    expect((await mixedData<{ dataset: { name: string } }>(READ, { id: newId })).dataset.name).toBe("after-rename");
    expect(await gravitiCalls()).toEqual([`GET /graviti/v2/datasets/${WS}/after-rename`]);
  });

  it("finds the renamed dataset, not the one that took its old name since", async () => {
    const first = await mixedData<Created>(CREATE, { input: { name: "shared-name" } });
    const oldId = first.createGravitiDataset.dataset.id;
    await mixedData<Updated>(UPDATE, { input: { id: oldId, name: "moved-away" } });
    const second = await mixedData<Created>(CREATE, { input: { name: "shared-name" } });
    expect(second.createGravitiDataset.dataset.gravitiId).not.toBe(first.createGravitiDataset.dataset.gravitiId);

    await GRAVITI.clearRequests();
    const data = await mixedData<{ dataset: { name: string; gravitiId: string } }>(READ, { id: oldId });
    expect(data.dataset).toMatchObject({ name: "moved-away", gravitiId: first.createGravitiDataset.dataset.gravitiId });
    // The GET finds the newcomer (another id), so the list is walked.
    expect(await gravitiCalls()).toEqual([
      `GET /graviti/v2/datasets/${WS}/shared-name`,
      "GET /graviti/v2/datasets?offset=0&limit=128",
    ]);

    // Mutations with the old id act on the renamed dataset, never on the newcomer.
    await mixedData<Updated>(UPDATE, { input: { id: oldId, alias: "the original" } });
    expect((await wireNamed("moved-away")).alias).toBe("the original");
    expect((await wireNamed("shared-name")).alias).toBe("");
    await mixedData(DELETE, { id: oldId });
    expect((await allWireDatasets()).map((dataset) => dataset.name)).toContain("shared-name");
    expect((await allWireDatasets()).map((dataset) => dataset.name)).not.toContain("moved-away");
  });

  it("finds a renamed dataset of a workspace of more than 128 datasets, walking the list from its newest end", async () => {
    const created = await mixedData<Created>(CREATE, { input: { name: "old-one" } });
    const oldId = created.createGravitiDataset.dataset.id;
    await mixedData<Updated>(UPDATE, { input: { id: oldId, name: "old-one-renamed" } });
    // 130 newer datasets: 145 in all, two pages of 128.
    for (let batch = 0; batch < 13; batch++) {
      await Promise.all(
        Array.from({ length: 10 }, (_, i) => gravitiApi("POST", "/v2/datasets", { name: `filler-${batch * 10 + i}` })),
      );
    }
    await GRAVITI.clearRequests();
    const data = await mixedData<{ dataset: { name: string } }>(READ, { id: oldId });
    expect(data.dataset.name).toBe("old-one-renamed");
    // The oldest range gives the total; the renamed dataset is 15th oldest, so it is on the second page from the end.
    expect(await gravitiCalls()).toEqual([
      `GET /graviti/v2/datasets/${WS}/old-one`,
      "GET /graviti/v2/datasets?offset=0&limit=128",
      "GET /graviti/v2/datasets?offset=17&limit=128",
    ]);
  });
});
