/**
 * The Graviti emulator's auth and routing: the `X-Token` header names the workspace (401 `Unauthorized` without a
 * valid one, the key never echoed), a key reads its own workspace and other workspaces' public datasets only
 * (403 `AccessDenied` / `Forbidden`), unknown workspaces are 404, and unknown routes and methods answer in Graviti's
 * words.
 */
import { beforeAll, describe, expect, inject, it } from "vitest";
import { useTenant } from "../utils/tenant";
import { datasetPath, G, gcall, type GravitiDataset, type GravitiErrorBody } from "./graviti-helpers";

beforeAll(() => G.reset());

/** One request to every Graviti operation, for the auth sweep. */
function everyOperation(): Array<[string, string, unknown]> {
  return [
    ["GET", "/graviti/v2/current-workspace", undefined],
    ["GET", "/graviti/v2/datasets", undefined],
    ["POST", "/graviti/v2/datasets", { name: "never-created" }],
    ["GET", datasetPath(G.demo.workspace, "MNIST"), undefined],
    ["PATCH", datasetPath(G.demo.workspace, "MNIST"), { alias: "never" }],
    ["DELETE", datasetPath(G.demo.workspace, "MNIST"), undefined],
  ];
}

describe("X-Token", () => {
  it("answers 401 Unauthorized on every operation without a key, and changes nothing", async () => {
    for (const [method, path, body] of everyOperation()) {
      const response = await gcall<GravitiErrorBody>(method, path, { key: null, body });
      expect(response).toMatchObject({
        status: 401,
        body: { code: "Unauthorized", message: "X-Token: required, got nothing" },
      });
    }
    const mnist = await gcall<GravitiDataset>("GET", datasetPath(G.demo.workspace, "MNIST"));
    expect(mnist.body.alias).toBe("MNIST handwritten digits");
  });

  it("answers 401 Unauthorized for a key no workspace holds, a Nexus key, or an empty one, without echoing it", async () => {
    const nexusKey = useTenant().demo.key;
    for (const key of ["ACCESSKEY-nobody", `x${G.demo.key}`, G.demo.key.toLowerCase(), nexusKey, ""]) {
      for (const [method, path, body] of everyOperation()) {
        const response = await gcall<GravitiErrorBody>(method, path, { key, body });
        const message = key === "" ? "X-Token: required, got nothing" : "X-Token: expected a valid access key";
        expect(response, `${method} ${path} with ${key}`).toMatchObject({
          status: 401,
          body: { code: "Unauthorized", message },
        });
        if (key !== "") expect(JSON.stringify(response.body)).not.toContain(key);
      }
    }
  });

  it("does not take the key from Graviti's SDK-era access_key header or a Secret-Key header", async () => {
    const response = await fetch(`${inject("emulatorUrl")}/graviti/v2/current-workspace`, {
      headers: { access_key: G.demo.key, "Secret-Key": G.demo.key },
    });
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({ code: "Unauthorized", message: "X-Token: required, got nothing" });
  });

  it("names the workspace the key acts as in GET /v2/current-workspace", async () => {
    const demo = await gcall("GET", "/graviti/v2/current-workspace");
    expect(demo.status).toBe(200);
    expect(demo.body).toEqual({
      type: "TEAM",
      id: expect.stringMatching(/^[0-9a-f]{32}$/),
      name: G.demo.workspace,
      alias: "Graviti demo team",
      description: "The emulator's demo workspace",
      email: "demo@graviti.example",
      location: "global",
    });
    const other = await gcall("GET", "/graviti/v2/current-workspace", { key: G.other.key });
    expect(other.body).toMatchObject({ type: "USER", name: G.other.workspace });
  });
});

describe("another workspace", () => {
  it("lets a key read another workspace's public dataset", async () => {
    const response = await gcall<GravitiDataset>("GET", datasetPath(G.demo.workspace, "MNIST"), { key: G.other.key });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ name: "MNIST", workspace: G.demo.workspace, is_public: true });
  });

  it("answers 403 AccessDenied for another workspace's private dataset, and the same for one it does not hold", async () => {
    for (const name of ["OxfordIIITPet", "no-such-dataset"]) {
      for (const [method, body] of [
        ["GET", undefined],
        ["PATCH", { alias: "x" }],
        ["DELETE", undefined],
      ] as const) {
        const response = await gcall<GravitiErrorBody>(method, datasetPath(G.demo.workspace, name), {
          key: G.other.key,
          body,
        });
        expect(response, `${method} ${name}`).toMatchObject({
          status: 403,
          body: {
            code: "AccessDenied",
            message: `dataset ${G.demo.workspace}/${name}: workspace ${G.other.workspace} has no access to it`,
          },
        });
      }
    }
  });

  it("answers 403 Forbidden to a change of another workspace's public dataset, and leaves it as it was", async () => {
    const path = datasetPath(G.demo.workspace, "CIFAR-10");
    for (const [method, body] of [
      ["PATCH", { name: "stolen" }],
      ["DELETE", undefined],
    ] as const) {
      const response = await gcall<GravitiErrorBody>(method, path, { key: G.other.key, body });
      expect(response).toMatchObject({
        status: 403,
        body: {
          code: "Forbidden",
          message: `dataset ${G.demo.workspace}/CIFAR-10: a public dataset of another workspace is read-only for workspace ${G.other.workspace}`,
        },
      });
    }
    expect((await gcall("GET", path)).status).toBe(200);
  });

  it("answers 404 ResourceNotExist for a workspace that does not exist", async () => {
    const response = await gcall<GravitiErrorBody>("GET", datasetPath("no-such-workspace", "MNIST"));
    expect(response).toMatchObject({
      status: 404,
      body: { code: "ResourceNotExist", message: 'workspace "no-such-workspace" does not exist' },
    });
  });

  it("answers 404 ResourceNotExist for a dataset the key's own workspace does not hold", async () => {
    const response = await gcall<GravitiErrorBody>("GET", datasetPath(G.demo.workspace, "bird-sounds"));
    expect(response).toMatchObject({
      status: 404,
      body: { code: "ResourceNotExist", message: `dataset ${G.demo.workspace}/bird-sounds does not exist` },
    });
  });
});

describe("routing", () => {
  it("answers 404 ResourceNotExist for an unknown path under /graviti", async () => {
    for (const path of ["/graviti", "/graviti/", "/graviti/v1/datasets", "/graviti/v2/datasets/a/b/c"]) {
      const response = await gcall<GravitiErrorBody>("GET", path);
      expect(response, path).toMatchObject({
        status: 404,
        body: { code: "ResourceNotExist", message: `no route for GET ${path}` },
      });
    }
  });

  it("answers 405 MethodNotAllowed with Allow for a known path and another method", async () => {
    const response = await gcall<GravitiErrorBody>("PUT", "/graviti/v2/datasets");
    expect(response.status).toBe(405);
    expect(response.headers.get("allow")).toBe("GET, POST");
    expect(response.body).toEqual({
      code: "MethodNotAllowed",
      message: "PUT /graviti/v2/datasets: expected one of GET, POST",
    });
  });

  it("accepts a trailing slash and percent-encoded names", async () => {
    expect((await gcall("GET", "/graviti/v2/datasets/")).status).toBe(200);
    const encoded = await gcall<GravitiDataset>("GET", `/graviti/v2/datasets/${G.demo.workspace}/%43IFAR-10`);
    expect(encoded.body.name).toBe("CIFAR-10");
  });
});
