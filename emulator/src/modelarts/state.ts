/**
 * The `ModelArtsState` Durable Object: all ModelArts state of one tenant (datasets, export tasks, settings, faults,
 * request log) in SQLite storage, one instance per tenant, named after it ("default" for the default tenant). Seeds
 * itself on first use when its storage is empty.
 */
import type { ControlBackend } from "../control";
import type { ApiBackend } from "../front-door";
import { TenantState } from "../tenant-state";
import { applyKeyChange, type KeyChange, type KeyChangeResult } from "../key-ring";
import { routeModelArts, seededTokens, SETTINGS_KEY } from "./router";
import { seedModelArts } from "./seed";
import { ModelArtsStore } from "./store";
import { DEFAULT_MS_PER_SAMPLE, type ModelArtsSettings } from "./types";
import type { ModelArtsResetOptions } from "./validation";

/** One tenant's ModelArts state. */
export class ModelArtsState extends TenantState<object> implements ControlBackend<ModelArtsResetOptions>, ApiBackend {
  private readonly store: ModelArtsStore;
  protected override readonly controlStore: ModelArtsStore;

  constructor(ctx: DurableObjectState, env: object) {
    super(ctx, env);
    this.store = new ModelArtsStore(ctx.storage.sql);
    this.controlStore = this.store;
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

  /** Adds an `X-Auth-Token` to a project of this tenant or revokes one (../key-ring.ts); a reset restores the seeded ones. */
  async changeKey(project: string, change: KeyChange): Promise<KeyChangeResult> {
    return applyKeyChange(this.store.keys, project, change, "project", seededTokens(this.store));
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
}
