/**
 * The one REST client of the Nexus batch API: one typed method per endpoint of nexus.md. Every call goes through
 * {@link NexusTransport} (`transport.ts`), which adds the `Secret-Key`, applies timeouts and GET retries, checks
 * status and body shape, and throws one typed error (`UpstreamError`) for every failure.
 */
import { badUserInput } from "../../errors";
import { isNexusId } from "./ids";
import { isSettledDataset, isSettledJob } from "./job-state";
import { NexusTransport, type NexusClientOptions } from "./transport";
import type {
  NexusCreateDatasetBody,
  NexusCreateJobBody,
  NexusCreateWebhookBody,
  NexusDataset,
  NexusDelete,
  NexusJob,
  NexusJobLogs,
  NexusLogsQuery,
  NexusPage,
  NexusUpdateWebhookBody,
  NexusUploadUrl,
  NexusWebhook,
  NexusWebhookTestResult,
} from "./types";
import {
  checkDataset,
  checkDatasetPage,
  checkDelete,
  checkJob,
  checkJobLogs,
  checkJobPage,
  checkWebhook,
  checkWebhookPage,
  checkWebhookTestResult,
  type WireCheck,
} from "./wire-checks";

/**
 * One path segment: an upstream id, checked against the Nexus id grammar (`ids.ts`) and encoded. An id that is not
 * one (`.`, `..`, a slash…) would steer the request to another path; it is refused before any call.
 */
function segment(id: string): string {
  if (!isNexusId(id)) throw badUserInput(`"${id.slice(0, 100)}" is not a Nexus id.`);
  return encodeURIComponent(id);
}

export { DEFAULT_TIMEOUT_MS, type NexusClientOptions, type NexusCredentials } from "./transport";

/** Paging query of a list call. */
export interface NexusListQuery {
  /** Opaque page token from a previous `nextPage`/`prevPage`. */
  page?: string | null;
  /** Items per page, 1..1000. */
  limit?: number;
}

/**
 * Typed calls to the Nexus batch API of one project. Construct one per request (it carries the credentials and the
 * retry budget). Every method resolves with the checked wire body or rejects with an `UpstreamError`.
 */
export class NexusClient {
  readonly #transport: NexusTransport;
  readonly #projectId: string;

  constructor(options: NexusClientOptions) {
    this.#transport = new NexusTransport(options);
    this.#projectId = options.credentials.projectId;
  }

  /** The project this client acts on. */
  get projectId(): string {
    return this.#projectId;
  }

  /** `GET datasets?page&limit`: one page of datasets (newest first upstream). */
  listDatasets(query: NexusListQuery = {}): Promise<NexusPage<NexusDataset>> {
    return this.#page("datasets", query, checkDatasetPage);
  }

  /** `GET datasets/{id}`; a dataset whose upload is over is kept in the terminal cache (when the client has one). */
  getDataset(id: string): Promise<NexusDataset> {
    return this.#transport.request({
      operation: "datasets.get",
      method: "GET",
      resource: `datasets/${segment(id)}`,
      check: checkDataset,
      settled: isSettledDataset,
    });
  }

  /** `POST datasets`: creates a dataset and returns it with its upload URL. */
  createDataset(body: NexusCreateDatasetBody): Promise<NexusDataset> {
    return this.#transport.request({
      operation: "datasets.create",
      method: "POST",
      resource: "datasets",
      body,
      check: checkDataset,
    });
  }

  /** `DELETE datasets/{id}`; drops the terminal cache's copy, whatever the answer. */
  deleteDataset(id: string): Promise<NexusDelete> {
    const resource = `datasets/${segment(id)}`;
    return this.#forgetAfter(
      resource,
      this.#transport.request({ operation: "datasets.delete", method: "DELETE", resource, check: checkDelete }),
    );
  }

  /** `GET jobs?page&limit`: one page of jobs (newest first upstream). */
  listJobs(query: NexusListQuery = {}): Promise<NexusPage<NexusJob>> {
    return this.#page("jobs", query, checkJobPage);
  }

  /** `GET jobs/{id}`; a job in a terminal state is kept in the terminal cache (when the client has one). */
  getJob(id: string): Promise<NexusJob> {
    return this.#transport.request({
      operation: "jobs.get",
      method: "GET",
      resource: `jobs/${segment(id)}`,
      check: checkJob,
      settled: isSettledJob,
    });
  }

  /** `POST jobs`. */
  createJob(body: NexusCreateJobBody): Promise<NexusJob> {
    return this.#transport.request({
      operation: "jobs.create",
      method: "POST",
      resource: "jobs",
      body,
      check: checkJob,
    });
  }

  /**
   * Cancels a job the only way the API allows: `PATCH jobs/{id}` with `spec.stopAtTime = atMs` (default now).
   * Drops the terminal cache's copy, whatever the answer (a platform may yet change an ended job).
   */
  cancelJob(id: string, atMs: number = Date.now()): Promise<NexusJob> {
    const resource = `jobs/${segment(id)}`;
    return this.#forgetAfter(
      resource,
      this.#transport.request({
        operation: "jobs.cancel",
        method: "PATCH",
        resource,
        body: { spec: { stopAtTime: atMs } },
        check: checkJob,
      }),
    );
  }

  /** `DELETE jobs/{id}`; drops the terminal cache's copy, whatever the answer. */
  deleteJob(id: string): Promise<NexusDelete> {
    const resource = `jobs/${segment(id)}`;
    return this.#forgetAfter(
      resource,
      this.#transport.request({ operation: "jobs.delete", method: "DELETE", resource, check: checkDelete }),
    );
  }

  /**
   * `GET jobs/{id}/logs`: entries newest first; `maxEntries` at most 1000 upstream. `jobSettled`: the caller knows
   * the job is in a terminal state, so its log no longer grows and the answer is kept in the terminal cache (when
   * the client has one). Default false: a running job's log is read afresh every time.
   */
  getJobLogs(jobId: string, query: NexusLogsQuery = {}, options: { jobSettled?: boolean } = {}): Promise<NexusJobLogs> {
    return this.#transport.request({
      operation: "jobs.logs",
      method: "GET",
      resource: `jobs/${segment(jobId)}/logs`,
      query: { ...query },
      check: checkJobLogs,
      ...(options.jobSettled === true ? { settled: () => true } : {}),
    });
  }

  /** `GET webhooks?page&limit`. */
  listWebhooks(query: NexusListQuery = {}): Promise<NexusPage<NexusWebhook>> {
    return this.#page("webhooks", query, checkWebhookPage);
  }

  /** `GET webhooks/{id}`. */
  getWebhook(id: string): Promise<NexusWebhook> {
    return this.#transport.request({
      operation: "webhooks.get",
      method: "GET",
      resource: `webhooks/${segment(id)}`,
      check: checkWebhook,
    });
  }

  /** `POST webhooks`. */
  createWebhook(body: NexusCreateWebhookBody): Promise<NexusWebhook> {
    return this.#transport.request({
      operation: "webhooks.create",
      method: "POST",
      resource: "webhooks",
      body,
      check: checkWebhook,
    });
  }

  /** `PATCH webhooks/{id}` with the changed `spec` fields. */
  updateWebhook(id: string, body: NexusUpdateWebhookBody): Promise<NexusWebhook> {
    return this.#transport.request({
      operation: "webhooks.update",
      method: "PATCH",
      resource: `webhooks/${segment(id)}`,
      body,
      check: checkWebhook,
    });
  }

  /** `PUT webhooks/{id}/secret` with `{contents}` (base64). */
  rotateWebhookSecret(id: string, contents: string): Promise<NexusWebhook> {
    return this.#transport.request({
      operation: "webhooks.rotateSecret",
      method: "PUT",
      resource: `webhooks/${segment(id)}/secret`,
      body: { contents },
      check: checkWebhook,
    });
  }

  /** `DELETE webhooks/{id}`. */
  deleteWebhook(id: string): Promise<NexusDelete> {
    return this.#transport.request({
      operation: "webhooks.delete",
      method: "DELETE",
      resource: `webhooks/${segment(id)}`,
      check: checkDelete,
    });
  }

  /** `POST webhooks/{id}:test` (a literal `:test`): the upstream sends a sample payload and reports the result. */
  testWebhook(id: string): Promise<NexusWebhookTestResult> {
    return this.#transport.request({
      operation: "webhooks.test",
      method: "POST",
      resource: `webhooks/${segment(id)}:test`,
      check: checkWebhookTestResult,
    });
  }

  /**
   * Sends a dataset's bytes to its signed upload URL with exactly the headers the upstream gave, and no `Secret-Key`
   * (the URL is the credential). Resolves on any 2xx; rejects with `UpstreamError` otherwise.
   */
  uploadDatasetBytes(upload: NexusUploadUrl, bytes: Uint8Array<ArrayBuffer>): Promise<void> {
    return this.#transport.upload(upload, bytes);
  }

  /** Settles `mutation`, then drops the terminal cache's copy of `resource` either way; resolves or rejects as it did. */
  async #forgetAfter<T>(resource: string, mutation: Promise<T>): Promise<T> {
    try {
      return await mutation;
    } finally {
      await this.#transport.forget(resource);
    }
  }

  async #page<T>(resource: string, query: NexusListQuery, check: WireCheck<NexusPage<T>>): Promise<NexusPage<T>> {
    const page = await this.#transport.request({
      operation: `${resource}.list`,
      method: "GET",
      resource,
      query: { page: query.page ?? undefined, limit: query.limit },
      check,
    });
    return { nextPage: page.nextPage ?? null, prevPage: page.prevPage ?? null, data: page.data };
  }
}
