/**
 * What every API handler gets: the store, the authenticated project, the request's clock reading and origin, and
 * the emulator settings. Built once per request by the router.
 */
import { notFound } from "./errors";
import type { RecordByKind, ResourceKind, Store } from "./store";
import type { ProjectRecord } from "./types";

/** Emulator-wide settings chosen at reset. */
export interface Settings {
  /** How long each item spends at each stage of a job created from now on. */
  msPerItem: number;
  /** How long a dataset's upload URL stays valid; an upload URL that expires unused fails the dataset. */
  uploadUrlTtlMs: number;
  /** How long after its creation a new dataset expires. */
  datasetLifetimeMs: number;
  /** A new job's default stop time, this long after its start, when the create body gives none. */
  jobRunMs: number;
  /** When the data was last seeded. */
  resetAt: number;
}

/**
 * Defaults: a 300-item demo job takes about five minutes; upload URLs last 12 hours (the lifetime of the SDK's
 * example signed URL); a dataset expires 10 days after its creation (the SDK's example); a job with no stop time
 * stops 7 days after its start (emulator convention: the API fills in both times, and the SDK names no value).
 */
export const DEFAULT_SETTINGS = {
  msPerItem: 1000,
  uploadUrlTtlMs: 12 * 3_600_000,
  datasetLifetimeMs: 10 * 24 * 3_600_000,
  jobRunMs: 7 * 24 * 3_600_000,
} as const;

/** Per-request context of an API handler. */
export interface ApiContext {
  store: Store;
  /** The tenant whose state this is (see tenants.ts): upload tokens carry it. */
  tenant: string;
  project: ProjectRecord;
  /** The time of the request (ms); one reading per request so that one response is consistent. */
  now: number;
  /** The emulator's origin as the client reached it, e.g. `http://127.0.0.1:41234` (for upload URLs). */
  origin: string;
  settings: Settings;
}

/** A JSON response with the given status (default 200). */
export function json(data: unknown, status = 200): Response {
  return Response.json(data, { status });
}

/**
 * A dataset, job or webhook of the request's project. Throws a 404 `ResourceNotFoundError` naming it (`job
 * batchjob_… not found in project proj_demo`) when there is none: another project's id is not found either.
 */
export function requireRecord<K extends ResourceKind>(ctx: ApiContext, kind: K, id: string): RecordByKind[K] {
  const record = ctx.store.get(kind, ctx.project.id, id);
  if (record === undefined) throw notFound(`${kind} ${id} not found in project ${ctx.project.id}`);
  return record;
}
