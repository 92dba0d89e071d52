/**
 * The Nexus client against a fake fetch: what it sends (paths, Secret-Key, bodies), how it retries, and how every
 * kind of failure becomes one UpstreamError whose message never holds the key.
 */
import { describe, expect, it } from "vitest";
import { NexusClient } from "../../src/backends/nexus/client";
import { createNexusLoaders } from "../../src/backends/nexus/loaders";
import { UpstreamError } from "../../src/errors";

const KEY = "k3y-that-must-never-leak";

interface Call {
  method: string;
  url: string;
  headers: Headers;
  body: string | null;
}

function fakeFetch(answer: (call: Call, index: number) => Response | Promise<Response>): {
  fetch: typeof fetch;
  calls: Call[];
} {
  const calls: Call[] = [];
  const fetchImpl = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const call: Call = {
      method: init?.method ?? "GET",
      url: input instanceof Request ? input.url : String(input),
      headers: new Headers(init?.headers),
      body: typeof init?.body === "string" ? init.body : init?.body == null ? null : "<bytes>",
    };
    calls.push(call);
    const signal = init?.signal;
    const response = answer(call, calls.length - 1);
    if (signal === undefined || signal === null) return response;
    return Promise.race([
      response,
      // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors -- as fetch does: the abort's reason
      new Promise<Response>((_resolve, reject) => signal.addEventListener("abort", () => reject(signal.reason))),
    ]);
  }) as typeof fetch;
  return { fetch: fetchImpl, calls };
}

function client(fetchImpl: typeof fetch, extra: { timeoutMs?: number } = {}): NexusClient {
  return new NexusClient({
    baseUrl: "https://api.test/",
    credentials: { projectId: "proj_x", secretKey: KEY },
    fetch: fetchImpl,
    retryBaseDelayMs: 1,
    ...extra,
  });
}

const job = {
  id: "batchjob_1",
  name: "j",
  projectId: "proj_x",
  spec: {},
  status: { overview: "Waiting" },
  createDate: 1,
  updateDate: 1,
};

describe("NexusClient", () => {
  it("sends the Secret-Key header and JSON to the documented paths", async () => {
    const { fetch, calls } = fakeFetch(() => Response.json(job));
    await client(fetch).cancelJob("batchjob_1", 1234);
    expect(calls[0]).toMatchObject({
      method: "PATCH",
      url: "https://api.test/projects/proj_x/batch/jobs/batchjob_1",
      body: '{"spec":{"stopAtTime":1234}}',
    });
    expect(calls[0]?.headers.get("Secret-Key")).toBe(KEY);
  });

  it("tests a webhook at the literal :test path", async () => {
    const { fetch, calls } = fakeFetch(() => Response.json({ status: "Ok", responseCode: 204 }));
    await client(fetch).testWebhook("webhook_1");
    expect(calls[0]?.url).toBe("https://api.test/projects/proj_x/batch/webhooks/webhook_1:test");
  });

  it("retries a GET on 503 at most twice, then throws the last failure", async () => {
    const { fetch, calls } = fakeFetch(() =>
      Response.json({ code: "InternalServerError", message: "down" }, { status: 503 }),
    );
    const error = await client(fetch)
      .getJob("batchjob_1")
      .catch((e: unknown) => e);
    expect(calls).toHaveLength(3);
    expect(error).toBeInstanceOf(UpstreamError);
    expect((error as UpstreamError).message).toBe(
      "nexus jobs.get: expected 2xx, got 503 from /projects/proj_x/batch/jobs/batchjob_1 (InternalServerError: down)",
    );
    expect(error).toMatchObject({ backend: "nexus", operation: "jobs.get", reason: "unavailable", status: 503 });
  });

  it("succeeds when a retry succeeds", async () => {
    const { fetch, calls } = fakeFetch((_call, index) =>
      index === 0 ? new Response("bad gateway", { status: 502 }) : Response.json(job),
    );
    await expect(client(fetch).getJob("batchjob_1")).resolves.toMatchObject({ id: "batchjob_1" });
    expect(calls).toHaveLength(2);
  });

  it("does not retry a POST", async () => {
    const { fetch, calls } = fakeFetch(() => new Response("", { status: 503 }));
    await expect(
      client(fetch).createWebhook({ name: "w", spec: { endpoint: "https://x", secret: { contents: "AA==" } } }),
    ).rejects.toBeInstanceOf(UpstreamError);
    expect(calls).toHaveLength(1);
  });

  it("turns a body that is not JSON, or lacks required fields, into an invalid-body error", async () => {
    const html = await client(fakeFetch(() => new Response("<html>oops</html>", { status: 200 })).fetch)
      .getJob("batchjob_1")
      .catch((e: unknown) => e);
    expect(html).toMatchObject({
      kind: "invalid-body",
      reason: "unavailable",
      message:
        "nexus jobs.get: the upstream answered 200 with an invalid body (not JSON) from /projects/proj_x/batch/jobs/batchjob_1",
    });
    const partial = await client(fakeFetch(() => Response.json({ id: "batchjob_1" })).fetch)
      .getJob("batchjob_1")
      .catch((e: unknown) => e);
    expect(partial).toMatchObject({ kind: "invalid-body" });
    expect((partial as Error).message).toContain("invalid body (name:");
  });

  it("times out with a timeout error", async () => {
    const never = fakeFetch(() => new Promise<Response>(() => undefined));
    const error = await client(never.fetch, { timeoutMs: 50 })
      .getJob("batchjob_1")
      .catch((e: unknown) => e);
    expect(error).toMatchObject({
      kind: "timeout",
      reason: "timeout",
      status: 0,
      message: "nexus jobs.get: no answer within 50 ms from /projects/proj_x/batch/jobs/batchjob_1",
    });
  });

  it("reads Retry-After and removes the key from upstream messages", async () => {
    const { fetch } = fakeFetch(() =>
      Response.json(
        { code: "TooManyRequestsError", message: `slow down ${KEY}` },
        { status: 429, headers: { "Retry-After": "12" } },
      ),
    );
    const error = (await client(fetch)
      .listJobs()
      .catch((e: unknown) => e)) as UpstreamError;
    expect(error.retryAfterSeconds).toBe(12);
    expect(error.message).not.toContain(KEY);
    expect(error.upstreamMessage).toBe("slow down [redacted]");
  });

  it("refuses a call beyond maxCalls before sending it, retries included", async () => {
    const { fetch, calls } = fakeFetch((_call, index) =>
      index === 0 ? new Response("", { status: 503 }) : Response.json(job),
    );
    const limited = new NexusClient({
      baseUrl: "https://api.test",
      credentials: { projectId: "proj_x", secretKey: KEY },
      fetch,
      retryBaseDelayMs: 1,
      maxCalls: 2,
    });
    await expect(limited.getJob("batchjob_1")).resolves.toMatchObject({ id: "batchjob_1" });
    await expect(limited.getJob("batchjob_2")).rejects.toMatchObject({
      code: "LIMIT_EXCEEDED",
      extensions: { limit: "upstreamCalls", value: 3, max: 2 },
      message:
        "This request needs more than 2 upstream calls; ask for fewer items (smaller first/last, fewer nested lists or logs).",
    });
    expect(calls).toHaveLength(2);
  });

  it("uploads bytes with exactly the given headers and no Secret-Key", async () => {
    const { fetch, calls } = fakeFetch(() => new Response(null, { status: 200 }));
    await client(fetch).uploadDatasetBytes(
      {
        method: "PUT",
        url: "https://storage.googleapis.com/upload/tok",
        headers: { "x-goog-hash": "crc32c=AAAAAA==" },
        expiresAtTime: 0,
      },
      new TextEncoder().encode("{}\n"),
    );
    expect(calls[0]?.method).toBe("PUT");
    expect(calls[0]?.headers.get("x-goog-hash")).toBe("crc32c=AAAAAA==");
    expect(calls[0]?.headers.has("Secret-Key")).toBe(false);
  });
});

describe("loaders", () => {
  const dataset = (id: string, createDate: number) => ({
    id,
    name: id,
    projectId: "proj_x",
    status: { overview: "Uploaded" },
    createDate,
    updateDate: 1,
  });

  it("GETs a few ids one by one, walks the list for many, and never fetches one twice", async () => {
    const all = Array.from({ length: 5 }, (_, index) => dataset(`dataset_${index}`, 100 - index));
    const { fetch, calls } = fakeFetch((call) => {
      const url = new URL(call.url);
      if (url.pathname.endsWith("/datasets")) return Response.json({ nextPage: null, prevPage: null, data: all });
      const id = url.pathname.split("/").pop() ?? "";
      const found = all.find((item) => item.id === id);
      return found
        ? Response.json(found)
        : Response.json({ code: "ResourceNotFoundError", message: "no" }, { status: 404 });
    });
    const few = createNexusLoaders(client(fetch));
    await Promise.all([
      few.datasetById.load("dataset_1"),
      few.datasetById.load("dataset_2"),
      few.datasetById.load("dataset_1"),
    ]);
    expect(calls.map((call) => new URL(call.url).pathname).sort()).toEqual([
      "/projects/proj_x/batch/datasets/dataset_1",
      "/projects/proj_x/batch/datasets/dataset_2",
    ]);
    calls.length = 0;
    const many = createNexusLoaders(client(fetch));
    const loaded = await many.datasetById.loadMany(["dataset_0", "dataset_3", "dataset_4", "dataset_gone"]);
    expect(loaded.map((item) => (item === null || item instanceof Error ? item : item.ref))).toEqual([
      "dataset_0",
      "dataset_3",
      "dataset_4",
      null,
    ]);
    expect(calls.map((call) => new URL(call.url).pathname)).toEqual(["/projects/proj_x/batch/datasets"]);
    // A read sized to the batch (issue 22): four ids ask for the shortest walk read, 20, which here holds the list.
    expect(new URL(calls[0]?.url ?? "").searchParams.get("limit")).toBe("20");
  });

  it("walks on in reads twice as long while they find ids, then GETs the few a read did not find", async () => {
    const all = Array.from({ length: 200 }, (_, index) => dataset(`dataset_${index}`, 1000 - index));
    const { fetch, calls } = fakeFetch((call) => {
      const url = new URL(call.url);
      if (url.pathname.endsWith("/datasets")) {
        const offset = Number(url.searchParams.get("page") ?? "0");
        const end = offset + Number(url.searchParams.get("limit"));
        const nextPage = end < all.length ? String(end) : null;
        return Response.json({ nextPage, prevPage: null, data: all.slice(offset, end) });
      }
      const found = all.find((item) => item.id === url.pathname.split("/").pop());
      return found ? Response.json(found) : Response.json({ code: "NotFound", message: "no" }, { status: 404 });
    });
    const reads = () =>
      calls.map((call) => {
        const url = new URL(call.url);
        return url.pathname.endsWith("/datasets") ? `list ${url.searchParams.get("limit")}` : url.pathname;
      });
    const ids = (indexes: number[]) => indexes.map((index) => `dataset_${index}`);
    // 12 ids, 6 in the first read (20) and 6 in the next (40, from where the first ended).
    const near = ids([0, 1, 2, 3, 4, 5, 25, 26, 27, 28, 29, 30]);
    const loaded = await createNexusLoaders(client(fetch)).datasetById.loadMany(near);
    expect(loaded.map((item) => (item === null || item instanceof Error ? item : item.ref))).toEqual(near);
    expect(reads()).toEqual(["list 20", "list 40"]);
    calls.length = 0;
    // 12 ids, 6 in the first read, none in the second: the other 6 are read by id, not by reading on.
    const far = ids([0, 1, 2, 3, 4, 5, 190, 191, 192, 193, 194, 195]);
    const farLoaded = await createNexusLoaders(client(fetch)).datasetById.loadMany(far);
    expect(farLoaded.map((item) => (item === null || item instanceof Error ? item : item.ref))).toEqual(far);
    expect(reads()).toEqual([
      "list 20",
      "list 40",
      ...far.slice(6).map((id) => `/projects/proj_x/batch/datasets/${id}`),
    ]);
  });
});
