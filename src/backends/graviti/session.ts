/**
 * One request's (or one poll's) work with Graviti: the client and loaders (made on first use), the page source of
 * its datasets, an empty job list (Graviti has no jobs), the watch reads, and the lookups behind global ids.
 * Graviti-only resolvers (the mutations) reach it with {@link gravitiSession}.
 */
import { sessionKey, type GatewayContext } from "../gateway-context";
import type { NodeModel } from "../../model";
import { filteredSource, type PageSource } from "../../pagination/sources";
import { sortKeyOf } from "../../pagination/sort-key";
import { sessionTransportOptions } from "../session-transport";
import type { GatewayVars } from "../../vars";
import type { Backend, BackendSession, DatasetFilter, JobFilter, SessionOptions, WatchReader } from "../backend";
import { GravitiClient, type GravitiCredentials } from "./client";
import { tenantOfAccessKey } from "./key-tenant";
import { createGravitiLoaders, type GravitiLoaders } from "./loaders";
import { gravitiApiUrlFor } from "./settings";
import type { GravitiDatasetModel } from "./to-model";
import { createGravitiWatchReader } from "./watch";

/** A list with nothing in it: Graviti's jobs. */
const NO_JOBS: PageSource<never> = {
  pages: async function* () {
    // Nothing to yield: Graviti has no jobs.
  },
  count: () => Promise.resolve(0),
};

/** The Graviti session of one request. */
export class GravitiSession implements BackendSession {
  readonly backend: Backend;
  readonly tenant: string;
  readonly watch: WatchReader;
  readonly #credentials: GravitiCredentials;
  readonly #env: GatewayVars;
  readonly #options: SessionOptions;
  #client: GravitiClient | undefined;
  #loaders: GravitiLoaders | undefined;

  constructor(backend: Backend, credentials: GravitiCredentials, env: GatewayVars, options: SessionOptions = {}) {
    this.backend = backend;
    this.tenant = tenantOfAccessKey(credentials.accessKey);
    this.#credentials = credentials;
    this.#env = env;
    this.#options = options;
    this.watch = createGravitiWatchReader(() => this.loaders);
  }

  /**
   * The request's client (made on first use): every upstream call of the session goes through it. Throws an
   * `UpstreamError` when `GRAVITI_API_URL` is not a URL (see `settings.ts`, which also picks `.cn` for `Accesskey-` keys).
   */
  get client(): GravitiClient {
    if (this.#client === undefined) {
      const baseUrl = gravitiApiUrlFor(this.#env, this.#credentials.accessKey);
      this.#client = new GravitiClient({
        baseUrl,
        credentials: this.#credentials,
        ...sessionTransportOptions(this.#env, this.#options, baseUrl, this.tenant, this.#credentials),
      });
    }
    return this.#client;
  }

  /** The request's loaders (made on first use, on the same client). */
  get loaders(): GravitiLoaders {
    this.#loaders ??= createGravitiLoaders(this.client, this.tenant);
    return this.#loaders;
  }

  /** @inheritdoc */
  async node(typename: string, ref: string): Promise<NodeModel | null> {
    return typename === "GravitiDataset" ? this.loaders.datasetByRef.load(ref) : null;
  }

  /** @inheritdoc */
  prime(model: NodeModel): void {
    if (model.typename === "GravitiDataset") {
      this.loaders.datasetByRef.clear(model.ref).prime(model.ref, model as GravitiDatasetModel);
    }
  }

  /** The workspace's datasets, newest first (Graviti has no expiry, so `includeExpired` changes nothing). */
  datasets(filter: DatasetFilter): PageSource<GravitiDatasetModel> {
    const states = filter.states ?? [];
    if (states.length === 0) return this.loaders.datasets;
    return filteredSource(this.loaders.datasets, (dataset) => states.includes(dataset.state), sortKeyOf);
  }

  /** Graviti has no jobs: always empty, and no call. */
  jobs(_filter: JobFilter): PageSource<never> {
    return NO_JOBS;
  }
}

/** The typed handle on this backend's sessions (its provider). */
export const GRAVITI_SESSION = sessionKey<GravitiSession>("GRAVITI");

/** The request's Graviti session, for Graviti-only fields. Throws `UNAUTHENTICATED` when it has no Graviti key. */
export function gravitiSession(context: GatewayContext): GravitiSession {
  return context.backends.sessionFor(GRAVITI_SESSION);
}
