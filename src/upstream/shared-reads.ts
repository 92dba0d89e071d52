/**
 * Upstream reads shared between the requests of one isolate (issue 22): many people on one dashboard cost the
 * upstream what one of them costs.
 *
 * - **In flight**: a GET that another request of the same tenant and credentials has already sent for the same URL
 *   (path and sorted query) waits for that answer instead of sending its own. Only reads: a write is never shared.
 * - **Read cache**: for `READ_CACHE_TTL_MS` (default 1000 ms) after a GET was sent, its answer serves the same GET of
 *   the same tenant and credentials. So a list served from it was read from the upstream at most that long ago.
 * - **Purged by writes**: any write of a tenant through the gateway (a mutation's POST, PATCH, PUT or DELETE) drops
 *   that tenant's cached answers, before it is sent and again once it has answered, and no read in flight when the
 *   write began is shared or cached after it (an upload to a signed URL purges before it is sent). So no mutation
 *   resolver has to remember a purge: every write goes through the transport. That is one isolate's memory: another isolate (or data
 *   centre) may serve its own copy for the rest of its window, and a change made upstream by someone else shows
 *   within the window.
 *
 * Keys: a scope, which is the hex SHA-256 of the upstream base URL, the tenant and the whole credentials, as the
 * terminal cache's (`terminal-cache.ts`) names the backend, its URL and every part of the credentials: an answer is
 * only ever served to a caller who sent the very credentials it was read with. Purges go by tenant (URL and tenant),
 * so another key's write to the same project purges too.
 *
 * Deadlines: a request that joins another's read waits at most its own call's time (its timeout, cut to what is left
 * of its own deadline), then sends its own. It takes the other's failure only when the upstream answered it (an
 * error status or an invalid body, kind `http` or `invalid-body`); a timeout, a network failure, the other request's
 * deadline, call cap, circuit breaker or cancellation are the other's own, and the joiner reads for itself.
 *
 * Shared answers are deep-frozen before anyone gets them: the requests that share one answer get the very same
 * objects, so a resolver that changed one in place would change what the others answer. Frozen, such a change
 * throws where it is made (strict mode) instead of leaking into another request.
 *
 * Watch polls never use any of this (their sessions get no {@link SharedReads}): a poll wants the upstream's state
 * now. Memory: at most {@link READ_CACHE_MAX_ENTRIES} answers are kept, expired ones dropped first.
 */
import { UpstreamError } from "../errors";
import { MAX_READ_CACHE_TTL_MS } from "./settings";

/** The most answers the read cache keeps in one isolate (a list read of the largest size is about 1 MB). */
export const READ_CACHE_MAX_ENTRIES = 64;

/** What a {@link SharedReads} is shared by. */
export interface SharedReadsOptions {
  /** What a write purges: the upstream base URL and the tenant (project), e.g. `https://api…|proj_1`. */
  tenant: string;
  /** The tenant and credentials' fingerprint (see the module comment): what a read is shared with. */
  scope: string;
  /** How long an answer serves identical reads, in ms; 0: no read cache (in-flight reads may still be shared). */
  ttlMs: number;
  /** Whether identical reads in flight share one fetch. */
  shareInFlight: boolean;
  /** The clock (for unit tests). Default `Date.now`. */
  now?: () => number;
}

/** One upstream call, for {@link SharedReads.request}. */
export interface SharedCall<T> {
  method: string;
  /** The path and sorted query of the call: with the scope, the name of the read. */
  resource: string;
  /** Sends the call upstream (for this request: its retries, call cap and deadline). Its rejection is the call's. */
  load: () => Promise<T>;
  /**
   * How long this request may wait for another's read, in ms: its call's timeout cut to its deadline. May throw this
   * request's own deadline error, which is then the call's.
   */
  waitMs: () => number;
}

/** The shared reads of one tenant and set of credentials in this isolate. Made by {@link createSharedReads}. */
export interface SharedReads {
  /**
   * A GET: the cached answer, or the answer of the same read in flight, or `call.load()`; anything else: purges the
   * tenant's reads around `call.load()`. Rejects as `call.load()` does, or with an upstream answer's error that a
   * shared read got (see the module comment).
   */
  request<T>(call: SharedCall<T>): Promise<T>;
  /** Drops the tenant's cached answers and stops sharing its reads in flight (before and after a write). */
  purge(): void;
}

interface CacheEntry {
  tenant: string;
  value: unknown;
  /** When the read that answered was sent, plus the TTL. */
  expiresAt: number;
}

interface Flight {
  tenant: string;
  promise: Promise<unknown>;
  /** Set by a purge: the answer is neither shared nor cached any more. */
  stale: boolean;
}

// Per isolate (module state), as the circuit breakers are: requests of one isolate share it; keyed by scope.
const cache = new Map<string, CacheEntry>();
const inFlight = new Map<string, Flight>();

const TIMED_OUT = Symbol("timed out");

function purgeTenant(tenant: string): void {
  for (const [key, entry] of cache) if (entry.tenant === tenant) cache.delete(key);
  for (const [key, flight] of inFlight) {
    if (flight.tenant !== tenant) continue;
    flight.stale = true;
    inFlight.delete(key);
  }
}

function store(key: string, entry: CacheEntry, now: number): void {
  cache.delete(key);
  if (cache.size >= READ_CACHE_MAX_ENTRIES) {
    for (const [name, kept] of cache) if (kept.expiresAt <= now) cache.delete(name);
  }
  // Still full: drop the oldest answers (a Map iterates in insertion order).
  for (const name of cache.keys()) {
    if (cache.size < READ_CACHE_MAX_ENTRIES) break;
    cache.delete(name);
  }
  cache.set(key, entry);
}

/** Freezes `value` and every object and array it holds (an upstream body: plain JSON, no cycles). */
function freezeDeep<T>(value: T): T {
  if (typeof value !== "object" || value === null || Object.isFrozen(value)) return value;
  for (const child of Object.values(value)) freezeDeep(child);
  return Object.freeze(value);
}

/** A failure the upstream answered (a status or a body): the same for every request that asked, so it is shared. */
function isUpstreamAnswer(error: unknown): boolean {
  return error instanceof UpstreamError && (error.kind === "http" || error.kind === "invalid-body");
}

/** Waits for another request's read: its answer, its upstream failure, or (anything else) `call.load()`. */
async function join<T>(flight: Flight, call: SharedCall<T>): Promise<T> {
  const waitMs = call.waitMs();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<typeof TIMED_OUT>((resolve) => {
    timer = setTimeout(() => resolve(TIMED_OUT), waitMs);
  });
  try {
    const outcome = await Promise.race([
      flight.promise.then(
        (value) => ({ ok: true as const, value: value as T }),
        (error: unknown) => ({ ok: false as const, error }),
      ),
      timeout,
    ]);
    if (outcome === TIMED_OUT) return await call.load();
    if (outcome.ok) return outcome.value;
    if (isUpstreamAnswer(outcome.error)) throw outcome.error;
    return await call.load();
  } finally {
    clearTimeout(timer);
  }
}

/**
 * The shared reads of `options.scope` (see the module comment). Cheap: the state lives in the isolate, this is a
 * handle on it. Never throws.
 */
export function createSharedReads(options: SharedReadsOptions): SharedReads {
  const { tenant, scope, shareInFlight } = options;
  const ttlMs = Math.max(0, Math.min(options.ttlMs, MAX_READ_CACHE_TTL_MS));
  const now = options.now ?? Date.now;

  async function write<T>(call: SharedCall<T>): Promise<T> {
    purgeTenant(tenant);
    try {
      return await call.load();
    } finally {
      // Reads sent while the write was in flight may hold the state before it.
      purgeTenant(tenant);
    }
  }

  function read<T>(call: SharedCall<T>): Promise<T> {
    const key = `${scope}\n${call.resource}`;
    if (ttlMs > 0) {
      const entry = cache.get(key);
      if (entry !== undefined && entry.expiresAt > now()) return Promise.resolve(entry.value as T);
    }
    const joined = shareInFlight ? inFlight.get(key) : undefined;
    if (joined !== undefined) return join(joined, call);
    if (!shareInFlight && ttlMs === 0) return call.load();
    const sentAt = now();
    const flight: Flight = { tenant, promise: Promise.resolve(), stale: false };
    const promise = call.load().then(
      (value) => {
        if (inFlight.get(key) === flight) inFlight.delete(key);
        // Every request that joined or will read the cache gets these very objects (see the module comment).
        freezeDeep(value);
        if (ttlMs > 0 && !flight.stale) store(key, { tenant, value, expiresAt: sentAt + ttlMs }, now());
        return value;
      },
      (error: unknown) => {
        if (inFlight.get(key) === flight) inFlight.delete(key);
        throw error;
      },
    );
    flight.promise = promise;
    if (shareInFlight) inFlight.set(key, flight);
    return promise;
  }

  return {
    request: (call) => (call.method === "GET" ? read(call) : write(call)),
    purge: () => purgeTenant(tenant),
  };
}
