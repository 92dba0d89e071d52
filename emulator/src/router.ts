/**
 * Routes an API request (everything but the control API and /openapi.json) to its handler, inside the state's
 * Durable Object: the upload URL first (no auth), then `/projects/{p}/batch/…` behind `Secret-Key` auth.
 * Unknown routes are 404, a known route with another method is 405, and every failure is `{code, message}`.
 */
import { DEFAULT_SETTINGS, type ApiContext, type Settings } from "./context";
import { errorResponse, forbidden, methodNotAllowed, notFound } from "./errors";
import * as datasets from "./resources/datasets";
import * as jobs from "./resources/jobs";
import * as webhooks from "./resources/webhooks";
import type { Store } from "./store";
import type { ProjectRecord } from "./types";
import { withUploadCors } from "./cors";
import { drainBody } from "./drain-body";
import { handleUpload } from "./upload";

type Handler = (ctx: ApiContext, request: Request, url: URL, id: string) => Response | Promise<Response>;

interface Route {
  /** Matched against the path after `/projects/{p}/batch`; group 1 is the id when there is one. */
  pattern: RegExp;
  methods: Partial<Record<string, Handler>>;
}

// The `:test` route comes before the plain webhook route so that `webhooks/{id}:test` never reads as an id.
const routes: Route[] = [
  {
    pattern: /^\/datasets$/,
    methods: {
      GET: (ctx, _r, url) => datasets.listDatasets(ctx, url),
      POST: (ctx, r) => datasets.createDataset(ctx, r),
    },
  },
  {
    pattern: /^\/datasets\/([^/]+)$/,
    methods: {
      GET: (ctx, _r, _u, id) => datasets.getDataset(ctx, id),
      DELETE: (ctx, _r, _u, id) => datasets.deleteDataset(ctx, id),
    },
  },
  {
    pattern: /^\/jobs$/,
    methods: { GET: (ctx, _r, url) => jobs.listJobs(ctx, url), POST: (ctx, r) => jobs.createJob(ctx, r) },
  },
  {
    pattern: /^\/jobs\/([^/]+)$/,
    methods: {
      GET: (ctx, _r, _u, id) => jobs.getJob(ctx, id),
      PATCH: (ctx, r, _u, id) => jobs.patchJob(ctx, r, id),
      DELETE: (ctx, _r, _u, id) => jobs.deleteJob(ctx, id),
    },
  },
  { pattern: /^\/jobs\/([^/]+)\/logs$/, methods: { GET: (ctx, _r, url, id) => jobs.getJobLogs(ctx, url, id) } },
  {
    pattern: /^\/webhooks$/,
    methods: {
      GET: (ctx, _r, url) => webhooks.listWebhooks(ctx, url),
      POST: (ctx, r) => webhooks.createWebhook(ctx, r),
    },
  },
  { pattern: /^\/webhooks\/([^/]+):test$/, methods: { POST: (ctx, _r, _u, id) => webhooks.testWebhook(ctx, id) } },
  {
    pattern: /^\/webhooks\/([^/]+)\/secret$/,
    methods: { PUT: (ctx, r, _u, id) => webhooks.rotateWebhookSecret(ctx, r, id) },
  },
  {
    pattern: /^\/webhooks\/([^/]+)$/,
    methods: {
      GET: (ctx, _r, _u, id) => webhooks.getWebhook(ctx, id),
      PATCH: (ctx, r, _u, id) => webhooks.patchWebhook(ctx, r, id),
      DELETE: (ctx, _r, _u, id) => webhooks.deleteWebhook(ctx, id),
    },
  },
];

/** The seeded projects (the emulator has no endpoint to create more). */
function projectById(store: Store, id: string): ProjectRecord | undefined {
  return store.projects().find((project) => project.id === id);
}

function settingsOf(store: Store, now: number): Settings {
  // Settings stored before a setting existed lack it: the default fills in.
  return { ...DEFAULT_SETTINGS, resetAt: now, ...store.getMeta<Partial<Settings>>("settings") };
}

async function dispatch(store: Store, tenant: string, request: Request, now: number): Promise<Response> {
  const url = new URL(request.url);
  let path: string;
  try {
    path = decodeURIComponent(url.pathname);
  } catch {
    throw notFound(`no route for ${request.method} ${url.pathname}`);
  }
  const upload = /^\/upload\/([^/]+)$/.exec(path);
  if (upload?.[1] !== undefined) {
    if (request.method !== "PUT") throw methodNotAllowed(request.method, path, ["PUT"]);
    try {
      return withUploadCors(await handleUpload(store, request, upload[1], now));
    } catch (error) {
      // Rejections too: a browser must be able to read why its upload was refused.
      return withUploadCors(errorResponse(error));
    }
  }
  const scoped = /^\/projects\/([^/]+)\/batch(\/.*)$/.exec(path);
  if (scoped?.[1] === undefined || scoped[2] === undefined) throw notFound(`no route for ${request.method} ${path}`);
  // Auth before anything else, so that a caller without the key learns nothing about what exists.
  const project = projectById(store, scoped[1]);
  // Any key valid for the project now: the seeded one unless revoked, and those added (control API, key-ring.ts).
  const key = request.headers.get("Secret-Key");
  if (project === undefined || key === null || store.projectOfKey(key) !== project.id) throw forbidden();
  const rest = scoped[2].replace(/\/$/, "");
  for (const route of routes) {
    const match = route.pattern.exec(rest);
    if (match === null) continue;
    const handler = route.methods[request.method];
    if (handler === undefined) throw methodNotAllowed(request.method, path, Object.keys(route.methods));
    const ctx: ApiContext = { store, tenant, project, now, origin: url.origin, settings: settingsOf(store, now) };
    return await handler(ctx, request, url, match[1] ?? "");
  }
  throw notFound(`no route for ${request.method} ${path}`);
}

/**
 * Answers one API request at time `now` from the state of `tenant`. Never throws: failures become `{code, message}`
 * responses.
 */
export async function routeApi(store: Store, tenant: string, request: Request, now: number): Promise<Response> {
  let response: Response;
  try {
    response = await dispatch(store, tenant, request, now);
  } catch (error) {
    response = errorResponse(error);
  }
  await drainBody(request);
  return response;
}
