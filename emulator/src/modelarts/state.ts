/**
 * The `ModelArtsState` Durable Object: all ModelArts state of one tenant (datasets, export tasks, settings, faults,
 * request log) in SQLite storage, one instance per tenant, named after it ("default" for the default tenant). Seeds
 * itself on first use when its storage is empty.
 */
import { DurableObject } from "cloudflare:workers";
import type { ControlBackend } from "../control";
import type { FaultSettings } from "../faults";
import type { ApiBackend } from "../front-door";
import { DEFAULT_TENANT, TENANT_NAME } from "../tenants";
import type { RequestLogEntry } from "../types";
import { routeModelArts, SETTINGS_KEY } from "./router";
import { seedModelArts } from "./seed";
import { ModelArtsStore } from "./store";
import { DEFAULT_MS_PER_SAMPLE, type ModelArtsSettings } from "./types";
import type { ModelArtsResetOptions } from "./validation";

const FAULTS_KEY = "faults";

/** One tenant's ModelArts state. */
export class ModelArtsState extends DurableObject<object> implements ControlBackend<ModelArtsResetOptions>, ApiBackend {
  private readonly store: ModelArtsStore;
  private readonly tenant: string;

  constructor(ctx: DurableObjectState, env: object) {
    super(ctx, env);
    this.store = new ModelArtsStore(ctx.storage.sql);
    // The Worker only ever names objects after valid tenants; anything else (no name) falls back to the default.
    const name = ctx.id.name;
    this.tenant = name !== undefined && TENANT_NAME.test(name) ? name : DEFAULT_TENANT;
    void ctx.blockConcurrencyWhile(async () => {
      this.store.migrate();
      if (this.store.getMeta(SETTINGS_KEY) === undefined) {
        seedModelArts(this.store, this.tenant, { msPerSample: DEFAULT_MS_PER_SAMPLE, resetAt: Date.now() });
      }
    });
  }

  /** Answers a ModelArts API request (auth, routing, handlers). */
  override async fetch(request: Request): Promise<Response> {
    return routeModelArts(this.store, request, Date.now());
  }

  /** Reseeds; `msPerSample` not given goes back to its default. Clears the request log and the faults. */
  async reset(options: ModelArtsResetOptions): Promise<ModelArtsSettings> {
    const settings: ModelArtsSettings = {
      msPerSample: options.msPerSample ?? DEFAULT_MS_PER_SAMPLE,
      resetAt: Date.now(),
    };
    seedModelArts(this.store, this.tenant, settings);
    this.store.clearRequests();
    return settings;
  }

  /** The request log, oldest first. */
  async requests(): Promise<RequestLogEntry[]> {
    return this.store.listRequests();
  }

  /** Empties the request log. */
  async clearRequests(): Promise<void> {
    this.store.clearRequests();
  }

  /** Appends to the request log. */
  async record(entry: RequestLogEntry): Promise<void> {
    this.store.appendRequest(entry);
  }

  /** The fault setting, if any. */
  async faults(): Promise<FaultSettings | undefined> {
    return this.store.getMeta<FaultSettings>(FAULTS_KEY);
  }

  /** Replaces the fault setting. */
  async setFaults(settings: FaultSettings): Promise<void> {
    this.store.setMeta(FAULTS_KEY, settings);
  }

  /** Removes every fault. */
  async clearFaults(): Promise<void> {
    this.store.deleteMeta(FAULTS_KEY);
  }
}
