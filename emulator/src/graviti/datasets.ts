/**
 * The Graviti dataset operations and the current workspace (graviti.md). Datasets are addressed by workspace and
 * name; `update` may rename, and the 32-hex `id` never changes.
 *
 * Who may do what (emulator convention): a key acts as its workspace. In its own workspace it may do everything. In
 * another workspace of its tenant it may read a public dataset (`GET`) but not change it (403 `Forbidden`); a
 * private or absent dataset there is 403 `AccessDenied`, so that a stranger cannot tell the two apart. A workspace
 * that does not exist is 404 `ResourceNotExist`.
 */
import { accessDenied, forbidden, nameConflict, resourceNotExist } from "./errors";
import { DEFAULT_STORAGE_CONFIG } from "./seed";
import type { GravitiStore } from "./store";
import {
  datasetToWire,
  hexId,
  isoSeconds,
  workspaceToWire,
  type DatasetPage,
  type DatasetRecord,
  type WorkspaceRecord,
} from "./types";
import { createDatasetBody, pagingOf, readJsonObject, updateDatasetBody } from "./validation";

/** What every handler gets: the store, the caller's workspace (from its key) and one clock reading. */
export interface GravitiContext {
  store: GravitiStore;
  workspace: WorkspaceRecord;
  now: number;
}

/** `GET /v2/current-workspace`: the workspace the key acts as. */
export function currentWorkspace(ctx: GravitiContext): Response {
  return Response.json(workspaceToWire(ctx.workspace));
}

/** `GET /v2/datasets?offset&limit`: one page of the caller's workspace's datasets, in creation order. */
export function listDatasets(ctx: GravitiContext, url: URL): Response {
  const { offset, limit } = pagingOf(url);
  const { rows, total } = ctx.store.datasetPage(ctx.workspace.name, offset, limit);
  const page: DatasetPage = { datasets: rows.map(datasetToWire), offset, record_size: rows.length, total_count: total };
  return Response.json(page);
}

/** `POST /v2/datasets`: a new dataset in the caller's workspace (200 with the dataset). */
export async function createDataset(ctx: GravitiContext, request: Request): Promise<Response> {
  const body = createDatasetBody(await readJsonObject(request));
  const { workspace } = ctx;
  const configName = body.storage_config ?? DEFAULT_STORAGE_CONFIG.name;
  const config = workspace.storageConfigs.find((candidate) => candidate.name === configName);
  if (config === undefined) {
    throw resourceNotExist(
      `storage_config: storage config ${JSON.stringify(configName)} does not exist in workspace ${workspace.name}`,
    );
  }
  if (ctx.store.dataset(workspace.name, body.name) !== undefined) {
    throw nameConflict(`name: dataset ${JSON.stringify(body.name)} already exists in workspace ${workspace.name}`);
  }
  const now = isoSeconds(ctx.now);
  const dataset: DatasetRecord = {
    id: hexId(),
    name: body.name,
    alias: body.alias,
    workspace: workspace.name,
    default_branch: "main",
    // A new dataset has no commit yet, with or without a draft.
    commit_id: null,
    cover_url: "",
    creator: workspace.user,
    created_at: now,
    updated_at: now,
    is_public: false,
    storage_config: config.name,
    backend_type: config.backendType,
    branches: ["main"],
    drafts: body.with_draft ? 1 : 0,
  };
  ctx.store.insertDataset(dataset);
  return Response.json(datasetToWire(dataset));
}

/**
 * The dataset `workspace/name` if the caller may `read` or `write` it; otherwise the error that says why (see the
 * module comment for the rules).
 */
function datasetFor(ctx: GravitiContext, workspace: string, name: string, access: "read" | "write"): DatasetRecord {
  const target = ctx.store.workspaceByName(workspace);
  if (target === undefined) throw resourceNotExist(`workspace ${JSON.stringify(workspace)} does not exist`);
  const dataset = ctx.store.dataset(target.name, name);
  const path = `${target.name}/${name}`;
  if (target.name === ctx.workspace.name) {
    if (dataset === undefined) throw resourceNotExist(`dataset ${path} does not exist`);
    return dataset;
  }
  if (dataset === undefined || !dataset.is_public) {
    throw accessDenied(`dataset ${path}: workspace ${ctx.workspace.name} has no access to it`);
  }
  if (access === "write") {
    throw forbidden(
      `dataset ${path}: a public dataset of another workspace is read-only for workspace ${ctx.workspace.name}`,
    );
  }
  return dataset;
}

/** `GET /v2/datasets/{workspace}/{dataset}`. */
export function getDataset(ctx: GravitiContext, workspace: string, name: string): Response {
  return Response.json(datasetToWire(datasetFor(ctx, workspace, name, "read")));
}

/** `PATCH /v2/datasets/{workspace}/{dataset}`: any of `{name, alias, default_branch}`; answers the dataset. */
export async function updateDataset(
  ctx: GravitiContext,
  request: Request,
  workspace: string,
  name: string,
): Promise<Response> {
  const dataset = datasetFor(ctx, workspace, name, "write");
  const body = updateDatasetBody(await readJsonObject(request));
  if (
    body.name !== undefined &&
    body.name !== dataset.name &&
    ctx.store.dataset(dataset.workspace, body.name) !== undefined
  ) {
    throw nameConflict(`name: dataset ${JSON.stringify(body.name)} already exists in workspace ${dataset.workspace}`);
  }
  if (body.default_branch !== undefined && !dataset.branches.includes(body.default_branch)) {
    throw resourceNotExist(
      `default_branch: branch ${JSON.stringify(body.default_branch)} does not exist in dataset ${dataset.workspace}/${dataset.name}`,
    );
  }
  const updated: DatasetRecord = { ...dataset, ...body, updated_at: isoSeconds(ctx.now) };
  ctx.store.updateDataset(updated);
  return Response.json(datasetToWire(updated));
}

/** `DELETE /v2/datasets/{workspace}/{dataset}`: 204, no body. */
export function deleteDataset(ctx: GravitiContext, workspace: string, name: string): Response {
  const dataset = datasetFor(ctx, workspace, name, "write");
  ctx.store.deleteDataset(dataset.id);
  return new Response(null, { status: 204 });
}
