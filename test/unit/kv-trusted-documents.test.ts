/**
 * The per-isolate cache of trusted documents read from KV (src/kv-trusted-documents.ts): a read fills it, the first
 * spelling found wins, an id KV does not hold is not cached (asked again next time), and the least recently used
 * document goes first once it is full.
 */
import { describe, expect, it } from "vitest";
import { isKvNamespace, KvDocuments, type DocumentNamespace } from "../../src/kv-trusted-documents";
import { trustedDocumentsFromEnv } from "../../src/trusted-documents";

/** A namespace over a plain object that counts its reads. */
function namespaceOf(documents: Record<string, string>): DocumentNamespace & { reads: string[] } {
  const reads: string[] = [];
  return {
    reads,
    get: (key) => {
      reads.push(key);
      return Promise.resolve(documents[key] ?? null);
    },
  };
}

describe("KvDocuments", () => {
  it("reads a document once, then answers from the cache", async () => {
    const kv = namespaceOf({ a: "{ a }" });
    const documents = new KvDocuments(kv);
    expect(documents.get("a")).toBeUndefined();
    await documents.fetch(["a"]);
    await documents.fetch(["a"]);
    expect(documents.get("a")).toBe("{ a }");
    expect(kv.reads).toEqual(["a"]);
  });

  it("tries each spelling until one is found, and does not cache a miss", async () => {
    const kv = namespaceOf({ "sha256:b": "{ b }" });
    const documents = new KvDocuments(kv);
    await documents.fetch(["b", "sha256:b"]);
    expect(documents.get("sha256:b")).toBe("{ b }");
    await documents.fetch(["missing"]);
    await documents.fetch(["missing"]);
    expect(documents.get("missing")).toBeUndefined();
    expect(kv.reads).toEqual(["b", "sha256:b", "missing", "missing"]);
  });

  it("evicts the least recently used document past its capacity", async () => {
    const documents = new KvDocuments(namespaceOf({ a: "A", b: "B", c: "C" }), 2);
    await documents.fetch(["a"]);
    await documents.fetch(["b"]);
    expect(documents.get("a")).toBe("A"); // a is now the most recent
    await documents.fetch(["c"]);
    expect([documents.get("a"), documents.get("b"), documents.get("c")]).toEqual(["A", undefined, "C"]);
  });

  it("tells a namespace binding from the manifest's JSON and from unset", () => {
    expect(isKvNamespace(namespaceOf({}))).toBe(true);
    expect(isKvNamespace('{"a":"{ a }"}')).toBe(false);
    expect(isKvNamespace(undefined)).toBe(false);
  });

  it("is the source when bound", () => {
    expect(trustedDocumentsFromEnv({ TRUSTED_DOCUMENTS: namespaceOf({}) })).toBeInstanceOf(KvDocuments);
  });
});
