/**
 * Routes a Graviti API request (the path below `/graviti`) to its handler, inside the tenant's Durable Object.
 * An unknown route is 404 `ResourceNotExist`, a known route with another method 405 `MethodNotAllowed`, then the
 * `X-Token` is checked (401 `Unauthorized`), and every failure is `{code, message}`.
 */
import { drainBody } from "../drain-body";
import {
  createDataset,
  currentWorkspace,
  deleteDataset,
  getDataset,
  listDatasets,
  updateDataset,
  type GravitiContext,
} from "./datasets";
import { gravitiErrorResponse, methodNotAllowed, resourceNotExist, unauthorized } from "./errors";
import type { GravitiStore } from "./store";

/** The path prefix of the Graviti API on the emulator's port (emulator convention). */
export const GRAVITI_PREFIX = "/graviti";

/** The header that carries the access key (graviti.md). */
export const ACCESS_KEY_HEADER = "X-Token";

type Handler = (ctx: GravitiContext, request: Request, url: URL, params: string[]) => Response | Promise<Response>;

interface Route {
  /** Matched against the path below the prefix; the groups are the path parameters (still encoded). */
  pattern: RegExp;
  methods: Partial<Record<string, Handler>>;
}

const routes: Route[] = [
  { pattern: /^\/v2\/current-workspace$/, methods: { GET: (ctx) => currentWorkspace(ctx) } },
  {
    pattern: /^\/v2\/datasets$/,
    methods: { GET: (ctx, _r, url) => listDatasets(ctx, url), POST: (ctx, request) => createDataset(ctx, request) },
  },
  {
    pattern: /^\/v2\/datasets\/([^/]+)\/([^/]+)$/,
    methods: {
      GET: (ctx, _r, _u, [workspace = "", name = ""]) => getDataset(ctx, workspace, name),
      PATCH: (ctx, request, _u, [workspace = "", name = ""]) => updateDataset(ctx, request, workspace, name),
      DELETE: (ctx, _r, _u, [workspace = "", name = ""]) => deleteDataset(ctx, workspace, name),
    },
  },
];

function decodeSegment(segment: string, label: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    throw resourceNotExist(`no route for ${label}`);
  }
}

async function dispatch(store: GravitiStore, request: Request, now: number): Promise<Response> {
  const url = new URL(request.url);
  const label = `${request.method} ${url.pathname}`;
  if (!url.pathname.startsWith(`${GRAVITI_PREFIX}/`)) throw resourceNotExist(`no route for ${label}`);
  const rest = url.pathname.slice(GRAVITI_PREFIX.length).replace(/(.)\/$/, "$1");
  for (const route of routes) {
    const match = route.pattern.exec(rest);
    if (match === null) continue;
    const handler = route.methods[request.method];
    if (handler === undefined) throw methodNotAllowed(request.method, url.pathname, Object.keys(route.methods));
    const key = request.headers.get(ACCESS_KEY_HEADER);
    // The key is never echoed: a message names the header, not what it carried.
    if (key === null || key === "") throw unauthorized(`${ACCESS_KEY_HEADER}: required, got nothing`);
    const workspace = store.workspaceByAccessKey(key);
    if (workspace === undefined) throw unauthorized(`${ACCESS_KEY_HEADER}: expected a valid access key`);
    const params = match.slice(1).map((segment) => decodeSegment(segment, label));
    return await handler({ store, workspace, now }, request, url, params);
  }
  throw resourceNotExist(`no route for ${label}`);
}

/** Answers one Graviti API request at time `now`. Never throws: failures become `{code, message}` responses. */
export async function routeGraviti(store: GravitiStore, request: Request, now: number): Promise<Response> {
  let response: Response;
  try {
    response = await dispatch(store, request, now);
  } catch (error) {
    response = gravitiErrorResponse(error);
  }
  await drainBody(request);
  return response;
}
