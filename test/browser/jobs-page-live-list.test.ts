/**
 * The jobs page's live list (issue 23, parts 3 and 5) in headless Chromium: a job created through the gateway
 * appears on an open page within two poll intervals without a reload, and five open pages cost the upstream at
 * most twice the list polls of one page over the same 20 s (one watched list, however many look at it): one page and
 * five pages at the same time, each over a tenant of its own seeded alike, so that both are measured under the same
 * load. An open page comes back by itself after an upstream outage.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { BROWSER_MISSING, launchBrowser, type LaunchedBrowser } from "../utils/browser";
import { tenantNamed, useTenant, type Tenant } from "../utils/tenant";
import { SUITE_GATEWAY_VARS, suiteGraphQL } from "../utils/test-gateway";
import { DEMO, datasetIdByName, sleep } from "../subscriptions/helpers";
import { openJobsPage, rowsOf, type OpenPage } from "./jobs-page-helpers";

const tenant = useTenant();
/** Two of the suite gateway's poll intervals, at their slowest (the interval grows to POLL_MAX_INTERVAL_MS). */
const TWO_POLL_INTERVALS_MS = 2 * Number(SUITE_GATEWAY_VARS("").POLL_MAX_INTERVAL_MS);
/** How long the cost of one and of five pages is measured. */
const WINDOW_MS = 20_000;

/**
 * The upstream's reads of `of`'s demo job list (`GET /projects/{p}/batch/jobs`, not one job or its log) since the
 * clear (default: this file's tenant).
 */
async function listPolls(of: Tenant = tenant): Promise<number> {
  const path = `/projects/${of.demo.project}/batch/jobs`;
  return (await of.requests()).filter((request) => request.method === "GET" && request.path === path).length;
}

/** The headers that make the jobs page act as `of`'s demo project. */
const demoHeadersOf = (of: Tenant): Record<string, string> => ({
  "x-nexus-project-id": of.demo.project,
  "x-nexus-secret-key": of.demo.key,
});

/** Waits until the page's status says its list is live (the first `jobListUpdated` message arrived). */
async function waitUntilLive(open: OpenPage): Promise<void> {
  await open.page.waitForFunction(() => document.querySelector("#status")?.textContent?.includes("the list is live"), {
    timeout: 20_000,
    // Polled on a timer: a background tab runs no animation frames, puppeteer's default.
    polling: 250,
  });
}

describe.skipIf(BROWSER_MISSING !== null)("the jobs page's live list, in Chromium", () => {
  const gatewayUrl = inject("gatewayUrl");
  let chromium: LaunchedBrowser;
  const opened: OpenPage[] = [];
  const open = async (headers: Record<string, string> = { ...DEMO }): Promise<OpenPage> => {
    const page = await openJobsPage(chromium.browser, gatewayUrl, headers);
    opened.push(page);
    return page;
  };

  beforeAll(async () => {
    await tenant.reset({ msPerItem: 200 });
    chromium = await launchBrowser();
  }, 60_000);

  afterAll(async () => {
    await chromium?.close();
  });

  it("shows a job created through the gateway within two poll intervals, without a reload", async () => {
    const page = await open();
    await waitUntilLive(page);
    await page.page.evaluate(() => {
      (window as unknown as { sameDocument: boolean }).sameDocument = true;
    });
    const name = `live-list-arrival-${Date.now().toString(36)}`;
    const created = await suiteGraphQL().query<{ createJob: { job: { id: string } } }>(
      `mutation Create($input: CreateJobInput!) { createJob(input: $input) { job { id } } }`,
      {
        input: {
          name,
          datasetId: await datasetIdByName(DEMO, "retail-checkout"),
          webhookIds: [],
          ephemeralDeployment: {
            artifactId: "artifact_livelist",
            instanceId: "instance_t4-standard-1g",
            replicas: 1,
          },
        },
      },
      { headers: { ...DEMO } },
    );
    expect(created.body.errors, created.text).toBeUndefined();
    const since = Date.now();
    await page.page.waitForFunction(
      (job) => [...document.querySelectorAll("td.name")].some((cell) => cell.textContent === job),
      { timeout: TWO_POLL_INTERVALS_MS + 5_000 },
      name,
    );
    const after = Date.now() - since;
    expect(after, `appeared after ${after} ms`).toBeLessThanOrEqual(TWO_POLL_INTERVALS_MS);
    expect((await rowsOf(page.page))[0]?.name).toBe(name);
    expect(await page.page.evaluate(() => (window as unknown as { sameDocument?: boolean }).sameDocument)).toBe(true);
    await page.page.close();
  }, 60_000);

  it("costs the upstream at most twice the list polls of one page with five pages open", async () => {
    // One page and five pages over the same 20 s, each watching its own tenant's list (seeded alike, reset at the
    // same moment, so their jobs run alike): one window instead of two one after the other, and both under the
    // same load. This file's tenant has the job the first test created, so neither measurement uses it.
    const [oneTenant, fiveTenant] = [tenantNamed(`${tenant.name}-one`), tenantNamed(`${tenant.name}-five`)];
    await Promise.all([oneTenant.reset({ msPerItem: 200 }), fiveTenant.reset({ msPerItem: 200 })]);
    // One after the other: puppeteer types into one tab at a time.
    const one = await open(demoHeadersOf(oneTenant));
    const five: OpenPage[] = [];
    for (let count = 0; count < 5; count += 1) five.push(await open(demoHeadersOf(fiveTenant)));
    await Promise.all([one, ...five].map(waitUntilLive));
    await sleep(2_000);
    await Promise.all([oneTenant.clearRequests(), fiveTenant.clearRequests()]);
    await sleep(WINDOW_MS);
    const [onePage, fivePages] = await Promise.all([listPolls(oneTenant), listPolls(fiveTenant)]);
    await Promise.all([one, ...five].map((page) => page.page.close()));
    expect(onePage, "one page polls the list").toBeGreaterThan(0);
    expect(fivePages, `one page: ${onePage} list polls, five pages: ${fivePages}`).toBeLessThanOrEqual(2 * onePage);
  }, 180_000);

  it("comes back by itself after an upstream outage: it says it will try again, then is live again without a reload", async () => {
    const open_ = await open();
    await waitUntilLive(open_);
    await open_.page.evaluate(() => {
      (window as unknown as { sameDocument: boolean }).sameDocument = true;
    });
    const statusText = () => open_.page.$eval("#status", (status) => status.textContent ?? "");
    // Every upstream call of this tenant fails: the watch's polls give up, and each new start fails too.
    await tenant.setFaults({ errorRate: 1, errorStatus: 503 });
    try {
      await open_.page.waitForFunction(() => document.querySelector("#status")?.textContent?.includes("trying again"), {
        timeout: 30_000,
        polling: 250,
      });
      expect(await statusText()).toMatch(/UPSTREAM_(UNAVAILABLE|TIMEOUT)/);
    } finally {
      await tenant.clearFaults();
    }
    // The page's waits double up to 30 s, and an open circuit breaker fails fast for 10 s more.
    await open_.page.waitForFunction(
      () => document.querySelector("#status")?.textContent?.includes("the list is live"),
      { timeout: 60_000, polling: 250 },
    );
    expect((await rowsOf(open_.page)).length).toBeGreaterThan(0);
    expect(await open_.page.evaluate(() => (window as unknown as { sameDocument?: boolean }).sameDocument)).toBe(true);
    await open_.page.close();
  }, 120_000);

  it("logged no console error and asked no other host", () => {
    for (const page of opened) {
      expect(page.consoleErrors).toEqual([]);
      expect(page.foreign).toEqual([]);
    }
  });
});
