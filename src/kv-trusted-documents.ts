/**
 * Trusted documents from a Workers KV namespace (`TRUSTED_DOCUMENTS` bound as KV; README, "Trusted documents"): key
 * the document id as the manifest writes it, value the document text, uploaded with `wrangler kv bulk put`. Read
 * through a bounded per-isolate LRU cache, so that a client's usual operations cost no KV read after the first.
 *
 * KV reads are asynchronous and the rule that applies trusted documents runs where the chain is synchronous (Yoga's
 * `onEnveloped`, for graphql-ws), so reading is split: {@link KvDocuments.fetch} (awaited by each transport before
 * the chain: Yoga's `onParams`, the graphql-ws connection before each operation and event) fills the cache, and
 * {@link KvDocuments.get} answers from it. A document KV does not hold is not cached here: the next request asks KV
 * again (KV's own edge cache answers it, `cacheTtl`), so a document uploaded later is found within that time.
 */

/**
 * What this module uses of a KV namespace binding (`KVNamespace`): a text read. Declared here, structurally, so that
 * the settings' types (`vars.ts`) need no Workers global.
 */
export interface DocumentNamespace {
  get(key: string, options: { type: "text"; cacheTtl?: number }): Promise<string | null>;
}

/** How many documents one isolate keeps (texts of a few KB: a few MB at most). */
export const KV_DOCUMENT_CACHE_SIZE = 2000;

/** How long KV's edge cache may answer a read (s, KV's minimum is 30): how soon an upload or a delete is seen. */
export const KV_DOCUMENT_CACHE_TTL_SECONDS = 60;

/** True when `source` is a KV namespace binding (not the manifest's JSON, not unset). */
export function isKvNamespace(source: unknown): source is DocumentNamespace {
  return typeof source === "object" && source !== null && typeof (source as { get?: unknown }).get === "function";
}

/** The documents of one KV namespace that this isolate has read. */
export class KvDocuments {
  /** Least recently used first: a Map keeps insertion order, and a hit moves its entry to the end. */
  private readonly cache = new Map<string, string>();

  constructor(
    private readonly namespace: DocumentNamespace,
    private readonly capacity = KV_DOCUMENT_CACHE_SIZE,
  ) {}

  /** The cached document of `id`, or undefined (never read, not in KV, or evicted). Marks it recently used. */
  get(id: string): string | undefined {
    const document = this.cache.get(id);
    if (document === undefined) return undefined;
    this.cache.delete(id);
    this.cache.set(id, document);
    return document;
  }

  /**
   * Reads the first of `ids` this isolate does not hold into the cache, stopping at the first found. An empty value
   * counts as missing. Rejects when KV cannot be read.
   */
  async fetch(ids: readonly string[]): Promise<void> {
    if (ids.some((id) => this.cache.has(id))) return;
    for (const id of ids) {
      const document = await this.namespace.get(id, { type: "text", cacheTtl: KV_DOCUMENT_CACHE_TTL_SECONDS });
      if (document === null || document.trim() === "") continue;
      this.cache.set(id, document);
      while (this.cache.size > this.capacity) {
        const oldest = this.cache.keys().next();
        if (oldest.done === true) break;
        this.cache.delete(oldest.value);
      }
      return;
    }
  }
}

const byNamespace = new WeakMap<DocumentNamespace, KvDocuments>();

/** The isolate's {@link KvDocuments} of `namespace` (one per binding object, kept as long as it is). */
export function documentsFromKv(namespace: DocumentNamespace): KvDocuments {
  let documents = byNamespace.get(namespace);
  if (documents === undefined) {
    documents = new KvDocuments(namespace);
    byNamespace.set(namespace, documents);
  }
  return documents;
}
