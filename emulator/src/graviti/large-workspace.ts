/**
 * The large Graviti workspace: a third workspace of a tenant that a reset seeds only when asked
 * (`{"largeWorkspace": {"datasets": 2500}}` to `POST /__emulator/graviti/reset`), so that the cost of a gateway page
 * can be measured and tested at scale, as the Nexus large project does (../large-project.ts). `graviti-large` (key
 * `ACCESSKEY-large`), `graviti-large-t` (`ACCESSKEY-large_t`) in tenant t (tenants.ts).
 *
 * What it holds, the same on every reset of the same size (ids from fixed seeds, times relative to the reset): datasets
 * `large-dataset-0001` (the newest) on, created one a minute going back from a day before the reset, but every 50th
 * minute holds 5 datasets created in the same second (the Nexus large project's timeline, `spreadTimes`), so that
 * paging meets ties across page boundaries. Every 10th is public, every 7th has an open draft and no commit yet.
 */
import { hash32 } from "../ids";
import { spreadTimes } from "../large-project";
import { DEFAULT_STORAGE_CONFIG } from "./seed";
import type { GravitiStore } from "./store";
import { largeWorkspaceOf } from "./tenants";
import { isoSeconds, type DatasetRecord, type WorkspaceRecord } from "./types";

/** The size a reset asks for. */
export interface LargeWorkspaceSize {
  /** How many datasets; default {@link LARGE_WORKSPACE_DEFAULT_DATASETS}. */
  datasets?: number | undefined;
}

/** The default size: more than 2,000 datasets, so a cursor 2,000 deep has pages on both sides. */
export const LARGE_WORKSPACE_DEFAULT_DATASETS = 2_500;

/** The most datasets a reset may ask for (a reset seeds in one transaction; this keeps it well under a second). */
export const LARGE_WORKSPACE_MAX_DATASETS = 20_000;

/** What the reset answer says about the large workspace (`largeWorkspace` in the answer). */
export interface LargeWorkspaceSummary {
  workspace: string;
  datasets: number;
}

const DAY_MS = 86_400_000;

/** A fixed 32-hex id for `text`: four 32-bit hashes of it with different seeds. */
function seededHexId(text: string): string {
  return [0, 1, 2, 3].map((seed) => hash32(text, seed).toString(16).padStart(8, "0")).join("");
}

/**
 * Seeds the large workspace of `tenant` into `store` (see the module comment): its workspace record and `size`
 * datasets, oldest first (the list's order), and answers what the reset says about it.
 */
export function seedLargeWorkspace(
  store: GravitiStore,
  tenant: string,
  resetAt: number,
  size: LargeWorkspaceSize,
): LargeWorkspaceSummary {
  const count = size.datasets ?? LARGE_WORKSPACE_DEFAULT_DATASETS;
  const { name, accessKey } = largeWorkspaceOf(tenant);
  const workspace: WorkspaceRecord = {
    type: "TEAM",
    id: seededHexId(`${name}:workspace`),
    name,
    alias: "Graviti large team",
    description: "The emulator's large workspace, for paging at scale",
    email: "large@graviti.example",
    location: "global",
    accessKey,
    user: "large-user",
    storageConfigs: [DEFAULT_STORAGE_CONFIG],
  };
  store.putWorkspace(workspace);
  // Newest first from the timeline, inserted oldest first: Graviti lists in creation order.
  const times = spreadTimes(count, resetAt - DAY_MS);
  for (let index = count - 1; index >= 0; index--) {
    const created = times[index] ?? resetAt;
    const id = seededHexId(`${name}:dataset:${index}`);
    const draftOnly = index % 7 === 3;
    const dataset: DatasetRecord = {
      id,
      name: `large-dataset-${String(index + 1).padStart(4, "0")}`,
      alias: "",
      workspace: name,
      default_branch: "main",
      commit_id: draftOnly ? null : seededHexId(`${name}:commit:${index}`),
      cover_url: `https://covers.graviti.example/${id}.png`,
      creator: workspace.user,
      created_at: isoSeconds(created),
      updated_at: isoSeconds(created),
      is_public: index % 10 === 0,
      storage_config: DEFAULT_STORAGE_CONFIG.name,
      backend_type: DEFAULT_STORAGE_CONFIG.backendType,
      branches: ["main"],
      drafts: draftOnly ? 1 : 0,
    };
    store.insertDataset(dataset);
  }
  return { workspace: name, datasets: count };
}
