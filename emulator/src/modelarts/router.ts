/**
 * Routes a ModelArts API request inside its tenant's state object: `/modelarts/v2/{project_id}/…` behind
 * `X-Auth-Token` auth (checked before the route, so a caller without the token learns nothing about what exists),
 * then the dataset and export task operations. Unknown paths and methods are 404 `APIGW.0101`; every failure is
 * `{error_code, error_msg}`.
 */
import { drainBody } from "../drain-body";
import type { SeededKeys } from "../key-ring";
import type { ModelArtsContext } from "./context";
import * as datasets from "./datasets";
import { forbidden, modelArtsErrorResponse, noSuchApi, unauthenticated } from "./errors";
import * as exportTasks from "./export-tasks";
import type { ModelArtsProject } from "./projects";
import type { ModelArtsStore } from "./store";
import { DEFAULT_MS_PER_SAMPLE, type ModelArtsSettings } from "./types";

type Handler = (ctx: ModelArtsContext, request: Request, url: URL, ids: string[]) => Response | Promise<Response>;

interface Route {
  /** Matched against the path after `/v2/{project_id}`; the groups are the ids. */
  pattern: RegExp;
  methods: Partial<Record<string, Handler>>;
}

const routes: Route[] = [
  { pattern: /^\/datasets$/, methods: { GET: (ctx, _r, url) => datasets.listDatasets(ctx, url) } },
  {
    pattern: /^\/datasets\/([^/]+)$/,
    methods: { GET: (ctx, _r, url, [id = ""]) => datasets.getDataset(ctx, url, id) },
  },
  {
    pattern: /^\/datasets\/([^/]+)\/export-tasks$/,
    methods: {
      GET: (ctx, _r, url, [id = ""]) => exportTasks.listExportTasks(ctx, url, id),
      POST: (ctx, request, _u, [id = ""]) => exportTasks.createExportTask(ctx, request, id),
    },
  },
  {
    pattern: /^\/datasets\/([^/]+)\/export-tasks\/([^/]+)$/,
    methods: { GET: (ctx, _r, _u, [id = "", taskId = ""]) => exportTasks.getExportTask(ctx, id, taskId) },
  },
];

/** The meta key of the seeded projects. */
export const PROJECTS_KEY = "projects";
/** The meta key of the settings. */
export const SETTINGS_KEY = "settings";

/** The projects' seeded tokens, for the key ring (../key-ring.ts). */
export function seededTokens(store: ModelArtsStore): SeededKeys {
  const projects = store.getMeta<ModelArtsProject[]>(PROJECTS_KEY) ?? [];
  return {
    ownerOf: (token) => projects.find((project) => project.token === token)?.id,
    owners: () => projects.map((project) => ({ id: project.id, key: project.token })),
  };
}

/**
 * Who may call: 401 without a token or with one no project has (a revoked token included), 403 with another
 * project's token. A project's tokens are its seeded one unless revoked, and those added through the control API.
 */
function authenticate(store: ModelArtsStore, projectId: string, token: string | null): void {
  if (token === null || token === "") throw unauthenticated("the X-Auth-Token header is missing");
  const holder = store.keys.ownerOf(token, seededTokens(store));
  if (holder === undefined) throw unauthenticated("the X-Auth-Token is not valid");
  if (holder !== projectId) throw forbidden(projectId);
}

async function dispatch(store: ModelArtsStore, request: Request, now: number): Promise<Response> {
  const url = new URL(request.url);
  let path: string;
  try {
    path = decodeURIComponent(url.pathname);
  } catch {
    throw noSuchApi(request.method, url.pathname);
  }
  const scoped = /^\/modelarts\/v2\/([^/]+)(\/.*)?$/.exec(path);
  const projectId = scoped?.[1];
  if (projectId === undefined) throw noSuchApi(request.method, path);
  authenticate(store, projectId, request.headers.get("X-Auth-Token"));
  const rest = (scoped?.[2] ?? "").replace(/\/$/, "");
  for (const route of routes) {
    const match = route.pattern.exec(rest);
    if (match === null) continue;
    const handler = route.methods[request.method];
    if (handler === undefined) break;
    const settings = store.getMeta<ModelArtsSettings>(SETTINGS_KEY) ?? {
      msPerSample: DEFAULT_MS_PER_SAMPLE,
      resetAt: now,
    };
    return await handler({ store, projectId, now, settings }, request, url, match.slice(1));
  }
  throw noSuchApi(request.method, path);
}

/** Answers one ModelArts API request at time `now`. Never throws: failures become `{error_code, error_msg}`. */
export async function routeModelArts(store: ModelArtsStore, request: Request, now: number): Promise<Response> {
  let response: Response;
  try {
    response = await dispatch(store, request, now);
  } catch (error) {
    response = modelArtsErrorResponse(error);
  }
  await drainBody(request);
  return response;
}
