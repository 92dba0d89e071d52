/**
 * The Graviti backend's parts that the front door cannot reach with other settings: the newest-first list source
 * and the id walk over upstream pages smaller than the gateway's 128 (against the real emulator, from Node), the
 * ref grammar, and the key's tenant (a SHA-256, checked against known vectors).
 */
import { beforeAll, beforeEach, describe, expect, it, inject } from "vitest";
import { GravitiClient } from "../../src/backends/graviti/client";
import { gravitiRefOf, parseGravitiRef } from "../../src/backends/graviti/ids";
import { tenantOfAccessKey } from "../../src/backends/graviti/key-tenant";
import { sha256Hex } from "../../src/encoding/sha256-hex";
import { createGravitiLoaders } from "../../src/backends/graviti/loaders";
import { gravitiApiUrlFor, gravitiApiUrlFromEnv } from "../../src/backends/graviti/settings";
import { reasonOfGravitiStatus } from "../../src/backends/graviti/transport";
import { UpstreamError } from "../../src/errors";
import { allWireDatasets, GRAVITI, gravitiApi, gravitiCalls, type WireDataset } from "./helpers";

let wire: WireDataset[];

function client(): GravitiClient {
  return new GravitiClient({
    baseUrl: `${inject("emulatorUrl")}/graviti`,
    credentials: { accessKey: GRAVITI.demo.key },
  });
}

beforeAll(async () => {
  await GRAVITI.reset();
  wire = await allWireDatasets();
});

beforeEach(async () => {
  await GRAVITI.clearRequests();
});

describe("the newest-first source over upstream pages of any size", () => {
  for (const limit of [1, 2, 3, 5, 13, 14, 128]) {
    it(`gives every dataset once, newest first, in ceil(14 / ${limit}) list calls, with pages of ${limit}`, async () => {
      const loaders = createGravitiLoaders(client(), "tenant", { listLimit: limit });
      const names: string[] = [];
      for await (const page of loaders.datasets.pages()) {
        expect(page.length).toBeLessThanOrEqual(limit);
        names.push(...page.map((dataset) => dataset.name));
      }
      expect(names).toEqual([...wire].reverse().map((dataset) => dataset.name));
      expect(await loaders.datasets.count()).toBe(14);
      // Every range once (the count reuses the oldest range); the first call is always offset 0.
      const calls = await gravitiCalls();
      expect(calls).toHaveLength(Math.ceil(14 / limit));
      expect(calls[0]).toBe(`GET /graviti/v2/datasets?offset=0&limit=${limit}`);
    });
  }

  it("finds a renamed dataset by id over small pages, stopping at the page that has it", async () => {
    const [oldest] = wire as [WireDataset];
    const renamed = await gravitiApi<WireDataset>("PATCH", `/v2/datasets/${GRAVITI.demo.workspace}/${oldest.name}`, {
      name: `${oldest.name}-renamed`,
    });
    await GRAVITI.clearRequests();
    const loaders = createGravitiLoaders(client(), "tenant", { listLimit: 5 });
    const found = await loaders.datasetByRef.load(gravitiRefOf(oldest));
    expect(found?.name).toBe(`${oldest.name}-renamed`);
    expect(found?.wire.id).toBe(renamed.body.id);
    // The GET by the old name, the oldest range (for the total), then the two ranges from the newest end; the
    // oldest dataset is in the oldest range, which was read first.
    expect(await gravitiCalls()).toEqual([
      `GET /graviti/v2/datasets/${GRAVITI.demo.workspace}/${oldest.name}`,
      "GET /graviti/v2/datasets?offset=0&limit=5",
      "GET /graviti/v2/datasets?offset=9&limit=5",
      "GET /graviti/v2/datasets?offset=4&limit=5",
    ]);
    await gravitiApi("PATCH", `/v2/datasets/${GRAVITI.demo.workspace}/${oldest.name}-renamed`, { name: oldest.name });
  });
});

describe("refs", () => {
  it("round-trips names a path must encode, and spells each dataset one way", () => {
    const dataset = { id: "0123456789abcdef0123456789abcdef", workspace: "team space", name: "a:b%c?d#e" };
    const ref = gravitiRefOf(dataset);
    expect(ref).toBe("0123456789abcdef0123456789abcdef:team%20space:a%3Ab%25c%3Fd%23e");
    expect(parseGravitiRef(ref)).toEqual(dataset);
    expect(parseGravitiRef(ref.replace("%20", "+"))).toBeNull();
    expect(parseGravitiRef(ref.replace("%3A", "%3a"))).toBeNull();
  });

  it("refuses every ref that would make a bad path", () => {
    const id = "0123456789abcdef0123456789abcdef";
    for (const bad of [
      `${id}:ws:..`,
      `${id}:ws:.`,
      `${id}:ws:a%2Fb`,
      `${id}:ws:a%5Cb`,
      `${id}:ws:a%0Ab`,
      `${id}:..:x`,
      `${id}:ws:${"x".repeat(129)}`,
      `${id}:ws:%E0%A4%A`,
      `${id}:ws:`,
    ]) {
      expect(parseGravitiRef(bad), bad).toBeNull();
    }
  });
});

describe("the tenant of a key", () => {
  it("is a SHA-256 of the key, never the key", () => {
    expect(sha256Hex("")).toBe("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    expect(sha256Hex("abc")).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    expect(sha256Hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq")).toBe(
      "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1",
    );
    expect(sha256Hex("a".repeat(1000))).toBe("41edece42d63e8d9bf515a9ba6932e1c20cbc9f5a5d134645adb5db1b9737ea3");
    const tenant = tenantOfAccessKey(GRAVITI.demo.key);
    expect(tenant).toMatch(/^key-[0-9a-f]{32}$/);
    expect(tenant).not.toBe(tenantOfAccessKey(GRAVITI.other.key));
  });
});

describe("Graviti's answers, as reasons", () => {
  it("maps statuses and codes as graviti.md pairs them", () => {
    expect(reasonOfGravitiStatus(401, "Unauthorized")).toBe("credentials-refused");
    expect(reasonOfGravitiStatus(403, "AccessDenied")).toBe("credentials-refused");
    expect(reasonOfGravitiStatus(403, "Forbidden")).toBe("credentials-refused");
    expect(reasonOfGravitiStatus(404, "ResourceNotExist")).toBe("not-found");
    expect(reasonOfGravitiStatus(409, "NameConflict")).toBe("bad-input");
    expect(reasonOfGravitiStatus(400, "InvalidParamsValue")).toBe("bad-input");
    expect(reasonOfGravitiStatus(400, "RequestParamsMissing")).toBe("bad-input");
    expect(reasonOfGravitiStatus(429, "TooManyRequests")).toBe("rate-limited");
    expect(reasonOfGravitiStatus(500, "InternalServerError")).toBe("unavailable");
    expect(reasonOfGravitiStatus(503)).toBe("unavailable");
  });
});

describe("GRAVITI_API_URL", () => {
  const env = (url?: string) => ({ NEXUS_API_URL: "http://x", ...(url === undefined ? {} : { GRAVITI_API_URL: url }) });

  it("defaults to api.graviti.com, drops a trailing slash, and sends Accesskey- keys to .cn only from the default", () => {
    expect(gravitiApiUrlFromEnv(env())).toBe("https://api.graviti.com");
    expect(gravitiApiUrlFromEnv(env(" "))).toBe("https://api.graviti.com");
    expect(gravitiApiUrlFromEnv(env("http://127.0.0.1:8788/graviti/"))).toBe("http://127.0.0.1:8788/graviti");
    expect(gravitiApiUrlFor(env("https://api.graviti.com"), "Accesskey-abc")).toBe("https://api.graviti.cn");
    expect(gravitiApiUrlFor(env(), "ACCESSKEY-abc")).toBe("https://api.graviti.com");
    expect(gravitiApiUrlFor(env("http://127.0.0.1:8788/graviti"), "Accesskey-abc")).toBe(
      "http://127.0.0.1:8788/graviti",
    );
  });

  it("refuses a URL that is not http(s), or carries a query or user info, naming the setting", () => {
    for (const bad of [
      "api.graviti.com",
      "ftp://api.graviti.com",
      "https://api.graviti.com/?x=1",
      "https://u:p@api.graviti.com",
    ]) {
      expect(() => gravitiApiUrlFromEnv(env(bad)), bad).toThrow(UpstreamError);
      expect(() => gravitiApiUrlFromEnv(env(bad)), bad).toThrow(
        "graviti: GRAVITI_API_URL must be an http(s) URL without query or user info; fix the gateway's setting",
      );
    }
  });
});
