/**
 * The emulator Worker entry: `/openapi.json`, the control API under `/__emulator/`, and every other request
 * through the front door (faults, request log) to the Durable Object of its tenant, which holds all of that
 * tenant's state (tenants.ts says how a request names its tenant). The Graviti emulator lives beside it under
 * `/graviti/` and `/__emulator/graviti/`, with a Durable Object class of its own (graviti/).
 * ModelArts (`/modelarts/…`, `/__emulator/modelarts/…`) goes to modelarts/worker-routes.ts, with state objects of
 * its own (`ModelArtsState`).
 */
import openapi from "../openapi.json";
import { DEFAULT_SETTINGS, type Settings } from "./context";
import { handleControl, NEXUS_CONTROL, type ControlBackend } from "./control";
import { isUploadPreflight, uploadPreflightResponse } from "./cors";
import { errorResponse } from "./errors";
import { GRAVITI_CONTROL_PREFIX, handleGravitiControl } from "./graviti/control";
import { isGravitiPath, serveGraviti } from "./graviti/entry";
import type { GravitiState } from "./graviti/state";
import { serveApi, type ApiBackend } from "./front-door";
import { ModelArtsState } from "./modelarts/state";
import { serveModelArts } from "./modelarts/worker-routes";
import { routeApi } from "./router";
import { seed } from "./seed";
import { tenantOfApiPath } from "./tenants";
import { TenantState } from "./tenant-state";
import { Store } from "./store";
import {
  handleSyntheticLog,
  isSyntheticLogPath,
  summaryOf,
  syntheticEntries,
  type SyntheticLogBackend,
  type SyntheticLogSummary,
} from "./synthetic-log";
import type { LogEntry, SyntheticLogSpec } from "./types";
import { applyKeyChange, type KeyChange, type KeyChangeResult } from "./key-ring";
import type { LargeProjectSummary } from "./large-project";
import type { resetBody } from "./validation";
import type { z } from "zod";

/** What a Nexus reset accepts (validation.ts `resetBody`). */
type ResetOptions = z.infer<typeof resetBody>;

/** Bindings of the emulator Worker. */
export interface Env {
  EMULATOR: DurableObjectNamespace<EmulatorState>;
  GRAVITI: DurableObjectNamespace<GravitiState>;
  /** The ModelArts emulator's state, one object per tenant (modelarts/state.ts). */
  MODELARTS: DurableObjectNamespace<ModelArtsState>;
}

export { GravitiState } from "./graviti/state";
export { ModelArtsState };

/**
 * All state of one tenant (projects, datasets, jobs, webhooks, settings, faults, request log) in SQLite storage. One
 * instance per tenant, named after it ("default" for the default tenant). Seeds itself on first use when its
 * storage is empty.
 */
export class EmulatorState
  extends TenantState<Env>
  implements ControlBackend<ResetOptions>, ApiBackend, SyntheticLogBackend
{
  private readonly store: Store;
  protected override readonly controlStore: Store;

  constructor(ctx: DurableObjectState, env: Env) {
    super(ctx, env);
    this.store = new Store(ctx.storage.sql);
    this.controlStore = this.store;
    void ctx.blockConcurrencyWhile(async () => {
      this.store.migrate();
      if (this.store.getMeta("settings") === undefined) {
        seed(this.store, this.tenant, { ...DEFAULT_SETTINGS, resetAt: Date.now() });
      }
    });
  }

  /** Answers an API request (routing, auth, handlers). */
  override async fetch(request: Request): Promise<Response> {
    return routeApi(this.store, this.tenant, request, Date.now());
  }

  /**
   * Reseeds; settings not given go back to their defaults. Clears the request log and the faults. With
   * `largeProject`, also seeds the large project (large-project.ts) and says so in the answer.
   */
  async reset(options: ResetOptions): Promise<Settings & { largeProject?: LargeProjectSummary }> {
    const settings: Settings = {
      msPerItem: options.msPerItem ?? DEFAULT_SETTINGS.msPerItem,
      uploadUrlTtlMs: options.uploadUrlTtlMs ?? DEFAULT_SETTINGS.uploadUrlTtlMs,
      datasetLifetimeMs: options.datasetLifetimeMs ?? DEFAULT_SETTINGS.datasetLifetimeMs,
      jobRunMs: options.jobRunMs ?? DEFAULT_SETTINGS.jobRunMs,
      resetAt: Date.now(),
    };
    // One transaction: thousands of rows of a large project are written once, and a reader never sees half a world.
    const largeProject = this.ctx.storage.transactionSync(() => {
      const summary = seed(this.store, this.tenant, settings, options.largeProject);
      this.store.clearRequests();
      return summary;
    });
    return largeProject === undefined ? settings : { ...settings, largeProject };
  }

  /** Adds a `Secret-Key` to a project of this tenant or revokes one (key-ring.ts); a reset restores the seeded keys. */
  async changeKey(project: string, change: KeyChange): Promise<KeyChangeResult> {
    return applyKeyChange(this.store.keys, project, change, "project", this.store.seededKeys());
  }

  /** Gives a job of this tenant a synthetic log (synthetic-log.ts); null when there is no such job. A reset drops it. */
  async setSyntheticLog(jobId: string, spec: SyntheticLogSpec): Promise<SyntheticLogSummary | null> {
    const job = this.store.find("job", jobId);
    if (job === undefined) return null;
    this.store.put("job", { ...job, syntheticLog: spec });
    return summaryOf(job, spec);
  }

  /** The whole synthetic log of a job, in the API's order (empty when it has none); null when there is no such job. */
  async fullLog(jobId: string): Promise<LogEntry[] | null> {
    const job = this.store.find("job", jobId);
    if (job === undefined) return null;
    return job.syntheticLog === undefined ? [] : syntheticEntries(job, job.syntheticLog);
  }
}

/**
 * The emulator Worker: serves `/openapi.json`, hands `/__emulator/*` to the control API and the rest to the API,
 * each on the state of the tenant the request names.
 */
export default {
  async fetch(request, env): Promise<Response> {
    const { pathname } = new URL(request.url);
    const gravitiStateOf = (tenant: string): DurableObjectStub<GravitiState> => env.GRAVITI.getByName(tenant);
    if (isGravitiPath(pathname)) return serveGraviti(request, gravitiStateOf);
    if (pathname.startsWith(GRAVITI_CONTROL_PREFIX)) return handleGravitiControl(request, gravitiStateOf);
    if (pathname === "/openapi.json" && request.method === "GET") return Response.json(openapi);
    // A browser's preflight, not an API call: answered here, so it is neither recorded nor faulted.
    if (isUploadPreflight(request, pathname)) return uploadPreflightResponse();
    // ModelArts lives under /modelarts/ and /__emulator/modelarts/, with state objects of its own.
    const modelArts = await serveModelArts(request, pathname, (tenant) => env.MODELARTS.getByName(tenant));
    if (modelArts !== undefined) return modelArts;
    const stateOf = (tenant: string): DurableObjectStub<EmulatorState> => env.EMULATOR.getByName(tenant);
    if (isSyntheticLogPath(pathname)) return handleSyntheticLog(request, stateOf);
    if (pathname.startsWith("/__emulator/")) return handleControl(request, stateOf, NEXUS_CONTROL);
    try {
      return await serveApi(request, stateOf(tenantOfApiPath(pathname)));
    } catch (error) {
      // Reading the faults or writing the request log failed: answer {code, message}, never a bare stack.
      return errorResponse(error);
    }
  },
} satisfies ExportedHandler<Env>;
