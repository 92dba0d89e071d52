/**
 * One request's (or one poll's) work with Nexus: the client and loaders (made on first use), the page sources of
 * its lists, the reads of watch objects, and the lookups behind global ids. Nexus-only resolvers (webhooks, logs,
 * mutations) reach it with {@link nexusSession}.
 */
import { badUserInput } from "../../errors";
import type { GatewayVars } from "../../vars";
import { sessionKey, type GatewayContext } from "../gateway-context";
import type { NodeModel } from "../../model";
import { filteredSource, type PageSource } from "../../pagination/sources";
import { sortKeyOf } from "../../pagination/sort-key";
import { sessionTransportOptions } from "../session-transport";
import { webhookAllowPrivateFromEnv } from "../../upstream/public-endpoint";
import { createTerminalCache, terminalCacheTtlFromEnv } from "../../upstream/terminal-cache";
import { uploadHostsFromEnv } from "../../upstream/upload-hosts";
import type { Backend, BackendSession, DatasetFilter, JobFilter, SessionOptions, WatchReader } from "../backend";
import { NexusClient, type NexusCredentials } from "./client";
import { isExpiredDataset } from "./job-state";
import { createNexusLoaders, type NexusLoaders } from "./loaders";
import type { NexusDatasetModel, NexusJobModel, NexusLogEntryModel } from "./to-model";
import { nexusApiUrlFromEnv } from "./settings";
import { createNexusWatchReader } from "./watch";

/** Most entries one logs call may return (the upstream's limit). */
export const MAX_LOG_ENTRIES = 1000;

/** The Nexus session of one request. */
export class NexusSession implements BackendSession {
  readonly backend: Backend;
  readonly tenant: string;
  readonly watch: WatchReader;
  /** `WEBHOOK_ALLOW_PRIVATE`: webhook endpoints may be plain http and private hosts (local development). */
  readonly webhookAllowPrivate: boolean;
  readonly #credentials: NexusCredentials;
  readonly #env: GatewayVars;
  readonly #options: SessionOptions;
  #client: NexusClient | undefined;
  #loaders: NexusLoaders | undefined;

  constructor(backend: Backend, credentials: NexusCredentials, env: GatewayVars, options: SessionOptions = {}) {
    this.backend = backend;
    this.tenant = credentials.projectId;
    this.#credentials = credentials;
    this.#env = env;
    this.#options = options;
    this.webhookAllowPrivate = webhookAllowPrivateFromEnv(env);
    this.watch = createNexusWatchReader(() => this.client);
  }

  /**
   * The request's client (made on first use): every upstream call of the session goes through it. A request's
   * client reads settled jobs, datasets and finished jobs' logs through the terminal cache, scoped by the project
   * AND its key; a poll's never does (a watch object wants the upstream's state now).
   */
  get client(): NexusClient {
    this.#client ??= this.#createClient();
    return this.#client;
  }

  #createClient(): NexusClient {
    const baseUrl = nexusApiUrlFromEnv(this.#env);
    const { projectId, secretKey } = this.#credentials;
    const terminalCache =
      this.#options.polling === true
        ? undefined
        : createTerminalCache({
            ttlSeconds: terminalCacheTtlFromEnv(this.#env),
            scope: ["nexus", baseUrl, projectId, secretKey],
          });
    return new NexusClient({
      baseUrl,
      credentials: this.#credentials,
      ...sessionTransportOptions(this.#env, this.#options, baseUrl, projectId, this.#credentials),
      uploadHosts: uploadHostsFromEnv(this.#env),
      ...(terminalCache === undefined ? {} : { terminalCache }),
    });
  }

  /** The request's DataLoaders (made on first use, on the same client). */
  get loaders(): NexusLoaders {
    this.#loaders ??= createNexusLoaders(this.client);
    return this.#loaders;
  }

  /** @inheritdoc */
  async node(typename: string, ref: string): Promise<NodeModel | null> {
    switch (typename) {
      case "NexusDataset":
        return this.loaders.datasetById.load(ref);
      case "NexusJob":
        return this.loaders.jobById.load(ref);
      case "NexusWebhook":
        return this.loaders.webhookById.load(ref);
      case "NexusLogEntry":
        return this.logEntry(ref);
      default:
        return null;
    }
  }

  /** @inheritdoc */
  prime(model: NodeModel): void {
    if (model.typename === "NexusDataset") {
      this.loaders.datasetById.clear(model.ref).prime(model.ref, model as NexusDatasetModel);
    } else if (model.typename === "NexusJob") {
      this.loaders.jobById.clear(model.ref).prime(model.ref, model as NexusJobModel);
    }
  }

  /** Datasets, expired ones only when asked (the SDK hides them); counting walks the list. */
  datasets(filter: DatasetFilter): PageSource<NexusDatasetModel> {
    const now = Date.now();
    const states = filter.states ?? [];
    if (filter.includeExpired && states.length === 0) return this.loaders.datasets;
    return filteredSource(
      this.loaders.datasets,
      (dataset) =>
        (filter.includeExpired || !isExpiredDataset(dataset.wire, now)) &&
        (states.length === 0 || states.includes(dataset.state)),
      sortKeyOf,
      // Hiding the expired leaves most datasets in: pages read what they need. A state filter may leave few.
      { sparse: states.length > 0 },
    );
  }

  /** Jobs, filtered on the gateway (the API has no filters); counting walks the list. */
  jobs(filter: JobFilter): PageSource<NexusJobModel> {
    const { states, datasetRef } = filter;
    if (states.length === 0 && datasetRef === null) return this.loaders.jobs;
    return filteredSource(
      this.loaders.jobs,
      (job) =>
        (datasetRef === null || job.datasetRef === datasetRef) && (states.length === 0 || states.includes(job.state)),
      sortKeyOf,
      // A state or a dataset may hold few of the project's jobs: each read asks for the most.
      { sparse: true },
    );
  }

  /**
   * Finds one log entry by the reference inside its global id (`<jobId>:<createTime>:<entryId>`, see
   * `resolvers/logs.ts`) with one narrow logs call; null when it is gone. Throws `BAD_USER_INPUT` when malformed.
   */
  async logEntry(ref: string): Promise<NexusLogEntryModel | null> {
    const [jobId, time, ...rest] = ref.split(":");
    const entryId = rest.join(":");
    const createTime = Number(time);
    if (!jobId || !entryId || !Number.isInteger(createTime)) throw badUserInput("Not a valid log entry id.");
    // Both bounds are exclusive upstream: (t-1, t+1) holds exactly the entries written at t.
    const entries = await this.loaders.logsByJobId.load({
      jobId,
      afterTime: createTime - 1,
      beforeTime: createTime + 1,
      maxEntries: MAX_LOG_ENTRIES,
    });
    return entries?.find((candidate) => candidate.ref === entryId) ?? null;
  }
}

/** The typed handle on this backend's sessions (its provider). */
export const NEXUS_SESSION = sessionKey<NexusSession>("NEXUS");

/** The request's Nexus session, for Nexus-only fields. Throws `UNAUTHENTICATED` when it has no Nexus credentials. */
export function nexusSession(context: GatewayContext): NexusSession {
  return context.backends.sessionFor(NEXUS_SESSION);
}
