/**
 * Upstream reads that can no longer change, kept at the edge for a bounded time (issue 12): a finished job, a
 * dataset whose upload is over, a finished job's log. Many people loading one dashboard then cost the upstream one
 * read per such object per TTL and data centre, instead of one per load.
 *
 * Backend-neutral: a backend's session makes one cache per set of credentials ({@link createTerminalCache}) and its
 * transport reads through it ({@link TerminalCache.read}), saying per read which values are settled. The backend
 * alone knows what "cannot change" means; this module knows only the Workers Cache API (`caches.default`).
 *
 * Keys: a synthetic GET URL, `https://terminal-cache.invalid/v1/<scope>/<path and query>`, where `<scope>` is the
 * hex SHA-256 of the backend's name, the upstream base URL and the credential material (for Nexus the project id
 * AND its secret key). So an entry is found only by a caller who sent the very credentials the upstream accepted
 * when the entry was stored: another project, another tenant, or the right project with a wrong key (which the
 * upstream would refuse) never meets it, and two deployments over different upstreams never share one. No key
 * material appears in the URL, only its hash. `.invalid` is a name that can never resolve (RFC 6761): the URL is a
 * name in the cache, never fetched.
 *
 * Failure: the cache is an optimisation. A `match`, `put` or `delete` that throws (or a runtime with no
 * `caches.default`) falls back to the upstream, never fails the read. A stored body is checked again, with the same
 * wire check as an upstream answer, before it is served; one that fails the check is read afresh.
 *
 * `put` is awaited, not left to `ctx.waitUntil`: a read that has answered is then readable by the very next request
 * (a dashboard's burst of loads, and the tests, which could otherwise race the write), the write is to the data
 * centre's own cache, and the sessions need no handle on the Worker's ExecutionContext (the WebSocket connection
 * object builds contexts too, with none).
 */
import { sha256Hex } from "../encoding/sha256-hex";
import { perEnv } from "../per-env";

/**
 * Checks a stored body as an upstream body is checked (the transport's body checks fit): the cache stays below the
 * transport and imports nothing of it.
 */
export type StoredBodyCheck<T> = (body: unknown) => { ok: true; value: T } | { ok: false };

/** Default of `TERMINAL_CACHE_TTL_SECONDS`: how long a settled upstream read is served from the edge cache. */
export const DEFAULT_TERMINAL_CACHE_TTL_SECONDS = 300;
/** The longest TTL accepted; a larger value is cut to it (a day: what changes elsewhere shows within it). */
export const MAX_TERMINAL_CACHE_TTL_SECONDS = 86_400;

/** The synthetic origin of every key (never fetched: `.invalid` cannot resolve). */
const KEY_ORIGIN = "https://terminal-cache.invalid/v1";

/** The variable {@link terminalCacheTtlFromEnv} reads. */
export interface TerminalCacheEnv {
  TERMINAL_CACHE_TTL_SECONDS?: string | undefined;
}

/**
 * Reads `TERMINAL_CACHE_TTL_SECONDS`: a whole number of seconds, `0` turns the cache off; unset, empty or not a
 * non-negative integer gives {@link DEFAULT_TERMINAL_CACHE_TTL_SECONDS}; above {@link MAX_TERMINAL_CACHE_TTL_SECONDS}
 * is cut to it. Once per `env` object (per-env.ts). Never throws.
 */
export const terminalCacheTtlFromEnv: (env: TerminalCacheEnv) => number = perEnv((env: TerminalCacheEnv): number => {
  const raw = env.TERMINAL_CACHE_TTL_SECONDS;
  if (raw === undefined || raw.trim() === "") return DEFAULT_TERMINAL_CACHE_TTL_SECONDS;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0) return DEFAULT_TERMINAL_CACHE_TTL_SECONDS;
  return Math.min(value, MAX_TERMINAL_CACHE_TTL_SECONDS);
});

/** One read through the cache. */
export interface SettledRead<T> {
  /** The upstream path and query of the read (`/projects/p/batch/jobs/j`), the entry's name within its scope. */
  resource: string;
  /** Reads the value from the upstream (a miss, or a cache that failed). Its rejection is the read's. */
  load: () => Promise<T>;
  /** True when the value can no longer change upstream: only then is it stored. */
  settled: (value: T) => boolean;
  /** Checks a stored body before it is served, as an upstream body is checked. */
  check: StoredBodyCheck<T>;
}

/** Settled reads of one backend and one set of credentials. */
export interface TerminalCache {
  /**
   * The stored value of `read.resource` when there is one that passes `read.check`; else `read.load()`, stored
   * when `read.settled` says it will not change. Rejects only as `read.load()` does.
   */
  read<T>(read: SettledRead<T>): Promise<T>;
  /** Drops the stored value of `resource` (after a mutation of it). Never rejects. */
  forget(resource: string): Promise<void>;
}

/** Options of {@link createTerminalCache}. */
export interface TerminalCacheOptions {
  /** Seconds an entry is served (`Cache-Control: max-age`); 0 gives no cache. */
  ttlSeconds: number;
  /**
   * What the entries belong to, hashed into every key: the backend's name, the upstream base URL and every part of
   * the credentials the upstream checks (never only an id: the secret too). Never appears in clear.
   */
  scope: readonly string[];
  /** The cache to use. Default `caches.default` where the runtime has it (workerd), else none. */
  cache?: Cache;
}

function defaultCache(): Cache | undefined {
  // Node (unit tests, tools) has no `caches`; workerd has `caches.default`.
  const storage = (globalThis as { caches?: { default?: Cache } }).caches;
  return storage?.default;
}

/**
 * A cache of settled reads for one backend and one set of credentials, or `undefined` when `ttlSeconds` is 0 or the
 * runtime has no cache (reads then go to the upstream as before). Cheap: the scope is hashed on first use.
 */
export function createTerminalCache(options: TerminalCacheOptions): TerminalCache | undefined {
  const found = options.cache ?? defaultCache();
  if (options.ttlSeconds <= 0 || found === undefined) return undefined;
  const cache: Cache = found;
  const ttlSeconds = options.ttlSeconds;
  let scope: string | undefined;
  const keyOf = (resource: string): string => {
    // JSON, so that no two scopes give one string ("a","bc" and "ab","c" differ).
    scope ??= sha256Hex(JSON.stringify(options.scope));
    return `${KEY_ORIGIN}/${scope}/${resource.replace(/^\/+/, "")}`;
  };

  async function stored<T>(key: string, check: StoredBodyCheck<T>): Promise<T | undefined> {
    try {
      const response = await cache.match(key);
      if (response === undefined) return undefined;
      const checked = check(JSON.parse(await response.text()));
      return checked.ok ? checked.value : undefined;
    } catch {
      // An unreadable entry or a failing cache: read the upstream instead.
      return undefined;
    }
  }

  async function store(key: string, value: unknown): Promise<void> {
    try {
      const response = new Response(JSON.stringify(value), {
        headers: { "Content-Type": "application/json", "Cache-Control": `max-age=${ttlSeconds}` },
      });
      await cache.put(key, response);
    } catch {
      // Not stored: the next read goes to the upstream, as without a cache.
    }
  }

  return {
    async read<T>(read: SettledRead<T>): Promise<T> {
      const key = keyOf(read.resource);
      const hit = await stored(key, read.check);
      if (hit !== undefined) return hit;
      const value = await read.load();
      if (read.settled(value)) await store(key, value);
      return value;
    },
    async forget(resource: string): Promise<void> {
      try {
        await cache.delete(keyOf(resource));
      } catch {
        // Nothing to undo: an entry that could not be dropped expires with its TTL.
      }
    },
  };
}
