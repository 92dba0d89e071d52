/**
 * Tenants of the Graviti emulator: the access key names the tenant, each tenant has its own workspaces, datasets,
 * request log and faults, and the Graviti state is apart from the Nexus state of the same tenant. The default
 * tenant (`ACCESSKEY-demo`) is only read here.
 */
import { beforeEach, describe, expect, it } from "vitest";
import { gravitiTenantNamed } from "../utils/graviti-tenant";
import { call as nexusCall, DEMO as NEXUS_DEMO } from "./helpers";
import { createGravitiDataset, datasetPath, G, gcall, listAllDatasets, type GravitiPage } from "./graviti-helpers";

const second = gravitiTenantNamed(`${G.name}-second`);
const fallback = gravitiTenantNamed("default");

beforeEach(async () => {
  await Promise.all([G.reset(), second.reset()]);
});

describe("Graviti tenants", () => {
  it("seed each tenant alike, with its own workspace names and ids", async () => {
    const mine = await listAllDatasets(G.demo.key);
    const theirs = await listAllDatasets(second.demo.key);
    expect(mine.map((dataset) => dataset.name)).toEqual(theirs.map((dataset) => dataset.name));
    expect(new Set(mine.map((dataset) => dataset.workspace))).toEqual(new Set([G.demo.workspace]));
    expect(new Set(theirs.map((dataset) => dataset.workspace))).toEqual(new Set([second.demo.workspace]));
    expect(mine.map((dataset) => dataset.id).filter((id) => theirs.some((other) => other.id === id))).toEqual([]);
  });

  it("keep a change in one tenant out of the other", async () => {
    await createGravitiDataset({ name: "only-here" });
    await gcall("DELETE", datasetPath(G.demo.workspace, "MNIST"));
    const theirs = (await listAllDatasets(second.demo.key)).map((dataset) => dataset.name);
    expect(theirs).toContain("MNIST");
    expect(theirs).not.toContain("only-here");
  });

  it("do not see each other's workspaces, even public datasets", async () => {
    const response = await gcall("GET", datasetPath(second.demo.workspace, "MNIST"));
    expect(response).toMatchObject({
      status: 404,
      body: { code: "ResourceNotExist", message: `workspace "${second.demo.workspace}" does not exist` },
    });
  });

  it("keep their own request log and faults", async () => {
    await second.setFaults({ errorRate: 1, errorStatus: 500 });
    expect((await gcall("GET", "/graviti/v2/datasets")).status).toBe(200);
    expect((await gcall("GET", "/graviti/v2/datasets", { key: second.demo.key })).status).toBe(500);
    expect((await G.requests()).map((entry) => entry.status)).toEqual([200]);
    expect((await second.requests()).map((entry) => entry.status)).toEqual([500]);
  });

  it("are apart from the Nexus emulator's state and log of the same tenant", async () => {
    await gcall("GET", "/graviti/v2/current-workspace");
    const nexusLog = await nexusCall<{ path: string }[]>("GET", `/__emulator/requests?tenant=${G.name}`, { key: null });
    expect(nexusLog.body.some((entry) => entry.path.startsWith("/graviti"))).toBe(false);
    const nexus = await nexusCall("GET", `/projects/${NEXUS_DEMO.project}/batch/datasets`, { key: NEXUS_DEMO.key });
    expect(nexus.status).toBe(200);
  });

  it("leave the default tenant as npm run dev shows it: graviti-demo with ACCESSKEY-demo, graviti-other with ACCESSKEY-other", async () => {
    const demo = await gcall<{ name: string }>("GET", "/graviti/v2/current-workspace", { key: fallback.demo.key });
    expect(demo.body.name).toBe("graviti-demo");
    const other = await gcall<{ name: string }>("GET", "/graviti/v2/current-workspace", { key: "ACCESSKEY-other" });
    expect(other.body.name).toBe("graviti-other");
    const page = await gcall<GravitiPage>("GET", "/graviti/v2/datasets?limit=1", { key: "ACCESSKEY-demo" });
    expect(page.body.datasets[0]?.workspace).toBe("graviti-demo");
  });
});
