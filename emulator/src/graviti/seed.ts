/**
 * The Graviti emulator's demo data, seeded on first use and on every reset (emulator convention): per tenant, a TEAM
 * workspace with 14 datasets (4 public, 3 with an open draft and no commit yet, 3 with a second branch) and a USER
 * workspace with 2 of its own, one of them public and one named like a demo dataset (names are unique per workspace
 * only). Ids and commit ids are new on every seed; names, times and flags are fixed.
 */
import { demoWorkspacesOf } from "./tenants";
import type { GravitiStore } from "./store";
import { hexId, isoSeconds, type DatasetRecord, type StorageConfig, type WorkspaceRecord } from "./types";

/** The default storage config every workspace has (graviti.md's `"GRAVITI"` config). */
export const DEFAULT_STORAGE_CONFIG: StorageConfig = { name: "GRAVITI", backendType: "OSS" };

/** When the seeded datasets were created: one a day from this instant. */
const SEED_EPOCH = Date.UTC(2022, 0, 10, 8, 0, 0);
const DAY_MS = 86_400_000;

interface SeedDataset {
  name: string;
  alias: string;
  isPublic?: boolean;
  /** An open draft and no commit yet. */
  draftOnly?: boolean;
  /** A second branch besides `main`. */
  devBranch?: boolean;
  storageConfig?: string;
}

const DEMO_DATASETS: SeedDataset[] = [
  { name: "MNIST", alias: "MNIST handwritten digits", isPublic: true },
  { name: "CIFAR-10", alias: "CIFAR-10", isPublic: true, devBranch: true },
  { name: "OxfordIIITPet", alias: "Oxford-IIIT Pet" },
  { name: "COCO2017", alias: "COCO 2017", isPublic: true, storageConfig: "demo-s3" },
  { name: "VOC2012", alias: "PASCAL VOC 2012" },
  { name: "KITTI", alias: "KITTI vision benchmark", devBranch: true },
  { name: "Cityscapes", alias: "Cityscapes", storageConfig: "demo-s3" },
  { name: "Fashion-MNIST", alias: "Fashion-MNIST", isPublic: true },
  { name: "CelebA", alias: "CelebFaces Attributes" },
  { name: "SVHN", alias: "Street View House Numbers", devBranch: true },
  { name: "LFW", alias: "Labeled Faces in the Wild" },
  { name: "street-signs", alias: "Street signs (labelling)", draftOnly: true },
  { name: "retail-shelves", alias: "", draftOnly: true },
  { name: "weld-defects", alias: "Weld defects", draftOnly: true, storageConfig: "demo-s3" },
];

const OTHER_DATASETS: SeedDataset[] = [
  { name: "MNIST", alias: "My MNIST copy" },
  { name: "bird-sounds", alias: "Bird sounds", isPublic: true },
];

function workspacesOf(tenant: string): { demo: WorkspaceRecord; other: WorkspaceRecord } {
  const names = demoWorkspacesOf(tenant);
  return {
    demo: {
      type: "TEAM",
      id: hexId(),
      name: names.demo.name,
      alias: "Graviti demo team",
      description: "The emulator's demo workspace",
      email: "demo@graviti.example",
      location: "global",
      accessKey: names.demo.accessKey,
      user: "demo-user",
      storageConfigs: [DEFAULT_STORAGE_CONFIG, { name: "demo-s3", backendType: "S3" }],
    },
    other: {
      type: "USER",
      id: hexId(),
      name: names.other.name,
      alias: "Other user",
      description: "A second workspace, for isolation tests",
      email: "other@graviti.example",
      location: "global",
      accessKey: names.other.accessKey,
      user: "other-user",
      storageConfigs: [DEFAULT_STORAGE_CONFIG],
    },
  };
}

function seedDataset(workspace: WorkspaceRecord, seedData: SeedDataset, index: number): DatasetRecord {
  const config =
    workspace.storageConfigs.find((candidate) => candidate.name === seedData.storageConfig) ?? DEFAULT_STORAGE_CONFIG;
  const created = SEED_EPOCH + index * DAY_MS;
  const id = hexId();
  return {
    id,
    name: seedData.name,
    alias: seedData.alias,
    workspace: workspace.name,
    default_branch: "main",
    commit_id: seedData.draftOnly === true ? null : hexId(),
    cover_url: `https://covers.graviti.example/${id}.png`,
    creator: workspace.user,
    created_at: isoSeconds(created),
    // Committed datasets were last touched a few hours after creation; draft-only ones never since.
    updated_at: isoSeconds(seedData.draftOnly === true ? created : created + 3 * 3_600_000),
    is_public: seedData.isPublic === true,
    storage_config: config.name,
    backend_type: config.backendType,
    branches: seedData.devBranch === true ? ["main", "dev"] : ["main"],
    drafts: seedData.draftOnly === true ? 1 : 0,
  };
}

/** Replaces every workspace and dataset of the store with the tenant's demo data. */
export function seedGraviti(store: GravitiStore, tenant: string): void {
  store.clear();
  const { demo, other } = workspacesOf(tenant);
  store.putWorkspace(demo);
  store.putWorkspace(other);
  DEMO_DATASETS.forEach((dataset, index) => store.insertDataset(seedDataset(demo, dataset, index)));
  OTHER_DATASETS.forEach((dataset, index) => store.insertDataset(seedDataset(other, dataset, index)));
}
