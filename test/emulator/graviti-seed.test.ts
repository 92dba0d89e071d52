/**
 * The Graviti emulator's seeded demo data: two workspaces with their own access keys, 14 datasets in the demo one
 * (some public, some with a draft and no commit), 2 in the other, and a reset that brings them back.
 */
import { beforeEach, describe, expect, it } from "vitest";
import { createGravitiDataset, datasetPath, G, gcall, listAllDatasets } from "./graviti-helpers";

beforeEach(() => G.reset());

describe("seeded data", () => {
  it("gives the demo workspace 14 datasets in creation order, each well formed and its own", async () => {
    const datasets = await listAllDatasets();
    expect(datasets.map((dataset) => dataset.name)).toEqual([
      "MNIST",
      "CIFAR-10",
      "OxfordIIITPet",
      "COCO2017",
      "VOC2012",
      "KITTI",
      "Cityscapes",
      "Fashion-MNIST",
      "CelebA",
      "SVHN",
      "LFW",
      "street-signs",
      "retail-shelves",
      "weld-defects",
    ]);
    expect(new Set(datasets.map((dataset) => dataset.id)).size).toBe(14);
    for (const dataset of datasets) {
      expect(dataset).toMatchObject({ workspace: G.demo.workspace, creator: "demo-user", default_branch: "main" });
      expect(Date.parse(dataset.updated_at)).toBeGreaterThanOrEqual(Date.parse(dataset.created_at));
    }
    const created = datasets.map((dataset) => Date.parse(dataset.created_at));
    expect([...created].sort((a, b) => a - b)).toEqual(created);
  });

  it("makes four of them public", async () => {
    const publicNames = (await listAllDatasets()).filter((dataset) => dataset.is_public).map((dataset) => dataset.name);
    expect(publicNames).toEqual(["MNIST", "CIFAR-10", "COCO2017", "Fashion-MNIST"]);
  });

  it("gives three of them a draft and no commit, and every other one a commit", async () => {
    const datasets = await listAllDatasets();
    expect(datasets.filter((dataset) => dataset.commit_id === null).map((dataset) => dataset.name)).toEqual([
      "street-signs",
      "retail-shelves",
      "weld-defects",
    ]);
    for (const dataset of datasets.filter((candidate) => candidate.commit_id !== null)) {
      expect(dataset.commit_id).toMatch(/^[0-9a-f]{32}$/);
    }
  });

  it("stores some on the workspace's S3 config and the rest on GRAVITI (OSS)", async () => {
    const backends = Object.fromEntries(
      (await listAllDatasets()).map((dataset) => [dataset.name, `${dataset.storage_config}/${dataset.backend_type}`]),
    );
    expect(backends).toMatchObject({
      COCO2017: "demo-s3/S3",
      Cityscapes: "demo-s3/S3",
      "weld-defects": "demo-s3/S3",
      MNIST: "GRAVITI/OSS",
    });
  });

  it("gives the other workspace its own key and two datasets, one named like a demo dataset", async () => {
    const datasets = await listAllDatasets(G.other.key);
    expect(datasets.map((dataset) => [dataset.name, dataset.is_public, dataset.workspace])).toEqual([
      ["MNIST", false, G.other.workspace],
      ["bird-sounds", true, G.other.workspace],
    ]);
    const demoMnist = await gcall<{ id: string }>("GET", datasetPath(G.demo.workspace, "MNIST"));
    expect(datasets[0]?.id).not.toBe(demoMnist.body.id);
  });

  it("comes back on reset, with new ids", async () => {
    const before = await listAllDatasets();
    await gcall("DELETE", datasetPath(G.demo.workspace, "MNIST"));
    await gcall("PATCH", datasetPath(G.demo.workspace, "KITTI"), { body: { name: "KITTI-renamed" } });
    await createGravitiDataset({ name: "extra" });
    await G.reset();
    const after = await listAllDatasets();
    const strip = ({ id: _id, commit_id: _commit, cover_url: _cover, ...rest }: (typeof before)[number]) => rest;
    expect(after.map(strip)).toEqual(before.map(strip));
    expect(after.map((dataset) => dataset.id).filter((id) => before.some((old) => old.id === id))).toEqual([]);
  });
});
