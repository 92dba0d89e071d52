/**
 * All state of one Graviti tenant (workspaces, datasets, faults, request log) in SQLite storage: one instance per
 * tenant, named after it ("default" for the default tenant). Seeds itself on first use when its storage is empty.
 */
import type { ApiBackend } from "../front-door";
import { applyKeyChange, type KeyChange, type KeyChangeResult } from "../key-ring";
import { Store } from "../store";
import { FAULTS_KEY, TenantState } from "../tenant-state";
import type { GravitiControlBackend, GravitiResetOptions } from "./control";
import { seedLargeWorkspace, type LargeWorkspaceSummary } from "./large-workspace";
import { routeGraviti } from "./router";
import { seedGraviti } from "./seed";
import { GravitiStore } from "./store";

/** The meta key that says the tenant has been seeded (and when). */
const SEEDED_AT = "graviti:seededAt";

/** The Durable Object class of the Graviti emulator (binding `GRAVITI` in emulator/wrangler.toml). */
export class GravitiState extends TenantState<unknown> implements GravitiControlBackend, ApiBackend {
  /** The shared tables: `meta` (faults, seed time) and `request_log`. */
  protected override readonly controlStore: Store;
  private readonly store: GravitiStore;

  constructor(ctx: DurableObjectState, env: unknown) {
    super(ctx, env);
    this.controlStore = new Store(ctx.storage.sql);
    this.store = new GravitiStore(ctx.storage.sql);
    void ctx.blockConcurrencyWhile(async () => {
      this.controlStore.migrate();
      this.store.migrate();
      if (this.controlStore.getMeta(SEEDED_AT) === undefined) this.seed();
    });
  }

  private seed(): number {
    const resetAt = Date.now();
    seedGraviti(this.store, this.tenant);
    this.controlStore.setMeta(SEEDED_AT, resetAt);
    return resetAt;
  }

  /** Answers a Graviti API request (routing, auth, handlers). */
  override async fetch(request: Request): Promise<Response> {
    return routeGraviti(this.store, request, Date.now());
  }

  /** Adds an access key to a workspace of this tenant or revokes one (../key-ring.ts); a reset restores the seeded ones. */
  async changeKey(workspace: string, change: KeyChange): Promise<KeyChangeResult> {
    return applyKeyChange(this.store.keys, workspace, change, "workspace", this.store.seededKeys());
  }

  /**
   * Reseeds (the seeded keys only), with the large workspace when `options.largeWorkspace` asks for it (in one
   * transaction: thousands of rows); clears the request log and the faults.
   */
  async reset(options: GravitiResetOptions = {}): Promise<{ resetAt: number; largeWorkspace?: LargeWorkspaceSummary }> {
    const { resetAt, largeWorkspace } = this.ctx.storage.transactionSync(() => {
      const at = this.seed();
      const size = options.largeWorkspace;
      return {
        resetAt: at,
        largeWorkspace: size === undefined ? undefined : seedLargeWorkspace(this.store, this.tenant, at, size),
      };
    });
    this.controlStore.clearRequests();
    this.controlStore.deleteMeta(FAULTS_KEY);
    return largeWorkspace === undefined ? { resetAt } : { resetAt, largeWorkspace };
  }
}
