/**
 * All state of one Graviti tenant (workspaces, datasets, faults, request log) in SQLite storage: one instance per
 * tenant, named after it ("default" for the default tenant). Seeds itself on first use when its storage is empty.
 */
import { DurableObject } from "cloudflare:workers";
import type { FaultSettings } from "../faults";
import type { ApiBackend } from "../front-door";
import { Store } from "../store";
import { DEFAULT_TENANT, TENANT_NAME } from "../tenants";
import type { RequestLogEntry } from "../types";
import type { GravitiControlBackend } from "./control";
import { routeGraviti } from "./router";
import { seedGraviti } from "./seed";
import { GravitiStore } from "./store";

/** The meta key that says the tenant has been seeded (and when). */
const SEEDED_AT = "graviti:seededAt";

/** The Durable Object class of the Graviti emulator (binding `GRAVITI` in emulator/wrangler.toml). */
export class GravitiState extends DurableObject<unknown> implements GravitiControlBackend, ApiBackend {
  /** The shared tables: `meta` (faults, seed time) and `request_log`. */
  private readonly shared: Store;
  private readonly store: GravitiStore;
  private readonly tenant: string;

  constructor(ctx: DurableObjectState, env: unknown) {
    super(ctx, env);
    this.shared = new Store(ctx.storage.sql);
    this.store = new GravitiStore(ctx.storage.sql);
    // The Worker only ever names objects after valid tenants; anything else (no name) falls back to the default.
    const name = ctx.id.name;
    this.tenant = name !== undefined && TENANT_NAME.test(name) ? name : DEFAULT_TENANT;
    void ctx.blockConcurrencyWhile(async () => {
      this.shared.migrate();
      this.store.migrate();
      if (this.shared.getMeta(SEEDED_AT) === undefined) this.seed();
    });
  }

  private seed(): number {
    const resetAt = Date.now();
    seedGraviti(this.store, this.tenant);
    this.shared.setMeta(SEEDED_AT, resetAt);
    return resetAt;
  }

  /** Answers a Graviti API request (routing, auth, handlers). */
  override async fetch(request: Request): Promise<Response> {
    return routeGraviti(this.store, request, Date.now());
  }

  /** Reseeds; clears the request log and the faults. */
  async reset(): Promise<{ resetAt: number }> {
    const resetAt = this.seed();
    this.shared.clearRequests();
    this.shared.deleteMeta("faults");
    return { resetAt };
  }

  /** The request log, oldest first. */
  async requests(): Promise<RequestLogEntry[]> {
    return this.shared.listRequests();
  }

  /** Empties the request log. */
  async clearRequests(): Promise<void> {
    this.shared.clearRequests();
  }

  /** Appends to the request log. */
  async record(entry: RequestLogEntry): Promise<void> {
    this.shared.appendRequest(entry);
  }

  /** The fault setting, if any. */
  async faults(): Promise<FaultSettings | undefined> {
    return this.shared.getMeta<FaultSettings>("faults");
  }

  /** Replaces the fault setting. */
  async setFaults(settings: FaultSettings): Promise<void> {
    this.shared.setMeta("faults", settings);
  }

  /** Removes every fault. */
  async clearFaults(): Promise<void> {
    this.shared.deleteMeta("faults");
  }
}
