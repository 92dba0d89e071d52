/**
 * What every platform's state object shares: it is one tenant's (named after it, "default" when it has no valid
 * name), and it answers the control API's request-log and fault calls over its own storage. Each platform's class
 * (`EmulatorState`, `GravitiState`, `ModelArtsState`) extends this and adds its routing, seeding and reset.
 */
import { DurableObject } from "cloudflare:workers";
import type { FaultSettings } from "./faults";
import { DEFAULT_TENANT, TENANT_NAME } from "./tenants";
import type { RequestLogEntry } from "./types";

/** The meta key of a tenant's fault setting. */
export const FAULTS_KEY = "faults";

/** What the shared calls need of a platform's storage (every platform's store has these). */
export interface ControlStore {
  listRequests(): RequestLogEntry[];
  clearRequests(): void;
  appendRequest(entry: RequestLogEntry): void;
  getMeta<T>(key: string): T | undefined;
  setMeta(key: string, value: unknown): void;
  deleteMeta(key: string): void;
}

/** One tenant's state object: see the module comment. */
export abstract class TenantState<Env> extends DurableObject<Env> {
  /** The tenant this object holds. */
  protected readonly tenant: string;
  /** The storage that holds the request log and the meta values (faults, settings). */
  protected abstract readonly controlStore: ControlStore;

  constructor(ctx: DurableObjectState, env: Env) {
    super(ctx, env);
    // The Worker only ever names objects after valid tenants; anything else (no name) falls back to the default.
    const name = ctx.id.name;
    this.tenant = name !== undefined && TENANT_NAME.test(name) ? name : DEFAULT_TENANT;
  }

  /** The request log, oldest first. */
  async requests(): Promise<RequestLogEntry[]> {
    return this.controlStore.listRequests();
  }

  /** Empties the request log. */
  async clearRequests(): Promise<void> {
    this.controlStore.clearRequests();
  }

  /** Appends to the request log. */
  async record(entry: RequestLogEntry): Promise<void> {
    this.controlStore.appendRequest(entry);
  }

  /** The fault setting, if any. */
  async faults(): Promise<FaultSettings | undefined> {
    return this.controlStore.getMeta<FaultSettings>(FAULTS_KEY);
  }

  /** Replaces the fault setting. */
  async setFaults(settings: FaultSettings): Promise<void> {
    this.controlStore.setMeta(FAULTS_KEY, settings);
  }

  /** Removes every fault. */
  async clearFaults(): Promise<void> {
    this.controlStore.deleteMeta(FAULTS_KEY);
  }
}
