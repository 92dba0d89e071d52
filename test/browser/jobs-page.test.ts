/**
 * The live jobs page (`/jobs`, issue 11, item 4) in headless Chromium, on the suite's gateway (JOBS_PAGE on, no
 * default credentials: the page is given this file's project headers, as a production user would) over this
 * file's emulator tenant, whose jobs run fast. The bars move and end on the terminal state, a selected job's log
 * tails, the page pages through older jobs, closing it releases its subscriptions (the emulator's request log
 * stops growing), and nothing is requested from another host.
 *
 * The README's pictures of the page are taken by jobs-page-dashboard.test.ts, which shows more of it.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Page } from "puppeteer-core";
import { BROWSER_MISSING, launchBrowser, recordForeignRequests, type LaunchedBrowser } from "../utils/browser";
import { useTenant } from "../utils/tenant";
import { DEMO, datasetIdByName, nexus, sleep, waitFor } from "../subscriptions/helpers";

const tenant = useTenant();

/** One sample of a job's row, taken each time the page changes it. */
interface Sample {
  state: string;
  progress: number;
}

/** Creates a job over a seeded dataset straight on the emulator, named `name`; returns its upstream id. */
async function createJob(name: string, datasetName: string): Promise<string> {
  const job = await nexus<{ id: string }>(DEMO, "POST", "jobs", {
    name,
    spec: {
      datasetId: await datasetIdByName(DEMO, datasetName),
      deployment: {
        kind: "NewEphemeralDeployment",
        template: { artifactId: "artifact_jobspage", instanceId: "instance_t4-standard-1g", replicas: 1 },
      },
      resultDelivery: { destinations: [] },
    },
  });
  return job.id;
}

/** The names of the jobs on screen, in order. */
async function rowNames(page: Page): Promise<string[]> {
  return page.$$eval("#jobs tbody tr td.name", (cells) => cells.map((cell) => cell.textContent ?? ""));
}

/** Upstream requests of this tenant that read jobs or their logs (what subscriptions poll). */
async function jobReads(): Promise<number> {
  return (await tenant.requests()).filter((request) => request.method === "GET" && request.path.includes("/batch/jobs"))
    .length;
}

describe.skipIf(BROWSER_MISSING !== null)("the live jobs page in Chromium", () => {
  const gatewayUrl = inject("gatewayUrl");
  const stamp = Date.now().toString(36);
  // A short job that ends while the page watches (48 items, about 6 s), and a long one still running when the page
  // closes (300 items, about 40 s).
  const quick = `retail-checkout-nightly-${stamp}`;
  const long = `street-scenes-reindex-${stamp}`;
  let chromium: LaunchedBrowser;
  let page: Page;
  let foreign: string[];

  beforeAll(async () => {
    await tenant.reset({ msPerItem: 120 });
    chromium = await launchBrowser();
    page = await chromium.browser.newPage();
    foreign = await recordForeignRequests(page, gatewayUrl);
  }, 60_000);

  afterAll(async () => {
    await chromium?.close();
  });

  it("serves the page with a CSP that allows only its own origin", async () => {
    const response = await fetch(`${gatewayUrl}/jobs`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/html; charset=utf-8");
    expect(response.headers.get("content-security-policy")).toBe(
      "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; base-uri 'none'; " +
        "form-action 'none'; frame-ancestors 'none'",
    );
    const html = await response.text();
    expect(html).not.toMatch(/https?:\/\//);
    for (const file of ["/jobs/app.js", "/jobs/graphql-ws.js", "/jobs/style.css"]) {
      const asset = await fetch(`${gatewayUrl}${file}`);
      expect(asset.status, file).toBe(200);
      expect((await asset.text()).length, file).toBeGreaterThan(500);
    }
    expect((await fetch(`${gatewayUrl}/jobs/nothing.js`)).status).toBe(404);
  });

  it("lists the project's jobs, and their bars move live and end on the terminal state", async () => {
    await page.goto(`${gatewayUrl}/jobs`, { waitUntil: "load" });
    // No default credentials on this gateway: the page says so, then works once given the project's headers.
    await page.waitForFunction(() => document.querySelector("#status")?.textContent?.includes("UNAUTHENTICATED"), {
      timeout: 20_000,
    });
    const headers = `x-nexus-project-id: ${DEMO["x-nexus-project-id"]}\nx-nexus-secret-key: ${DEMO["x-nexus-secret-key"]}`;
    await page.type("#project-headers", headers);
    await page.click('#credentials button[type="submit"]');
    await page.waitForSelector("#jobs tbody tr", { timeout: 20_000 });
    // The key left the form: it is kept in memory only.
    expect(await page.$eval("#project-headers", (area) => (area as HTMLTextAreaElement).value)).toBe("");

    // From now on, record the quick job's row each time the page repaints it (it does not exist yet).
    await page.evaluate((name) => {
      const samples: { state: string; progress: number }[] = [];
      (window as unknown as { samples: typeof samples }).samples = samples;
      const table = document.querySelector("#jobs tbody");
      const take = (): void => {
        const row = [...(table?.querySelectorAll("tr") ?? [])].find(
          (entry) => entry.querySelector("td.name")?.textContent === name,
        );
        if (row === undefined) return;
        const sample = {
          state: row.querySelector("td.state")?.textContent ?? "",
          progress: row.querySelector("progress")?.value ?? -1,
        };
        const last = samples.at(-1);
        if (last?.state !== sample.state || last.progress !== sample.progress) samples.push(sample);
      };
      if (table !== null)
        new MutationObserver(take).observe(table, {
          subtree: true,
          attributes: true,
          characterData: true,
          childList: true,
        });
    }, quick);
    await createJob(long, "street-scenes-2026-11");
    await createJob(quick, "retail-checkout");
    await page.click("#reload");
    await page.waitForFunction(
      (name) => [...document.querySelectorAll("td.name")].some((cell) => cell.textContent === name),
      { timeout: 20_000 },
      quick,
    );
    expect((await rowNames(page)).slice(0, 2)).toEqual([quick, long]);
    await page.waitForFunction(
      () => ((window as unknown as { samples: { state: string }[] }).samples.at(-1)?.state ?? "") === "FINISHED",
      { timeout: 60_000 },
    );
    const samples = await page.evaluate(() => (window as unknown as { samples: Sample[] }).samples);
    const progress = samples.map((sample) => sample.progress);
    expect(
      progress.some((value) => value > 0 && value < 1),
      JSON.stringify(samples),
    ).toBe(true);
    expect(progress, "the bar never moves back").toEqual([...progress].sort((a, b) => a - b));
    expect(samples.at(-1)).toEqual({ state: "FINISHED", progress: 1 });
    const label = await page.$$eval(
      "tr[data-job-id]",
      (rows, name) =>
        rows.find((row) => row.querySelector("td.name")?.textContent === name)?.querySelector(".percent")?.textContent,
      quick,
    );
    expect(label).toBe("100%");
  });

  it("tails the log of the job the user selects", async () => {
    await page.$$eval("td.name", (cells, name) => cells.find((cell) => cell.textContent === name)?.click(), long);
    await page.waitForFunction(() => document.querySelectorAll("#log-lines li").length >= 2, { timeout: 30_000 });
    expect(await page.$eval("#log-job", (title) => title.textContent)).toBe(long);
    expect(await page.$eval("#log-lines li", (line) => line.textContent)).toMatch(/^\S+ \w+ \w+/);
  });

  it("pages to older jobs and back", async () => {
    const first = await rowNames(page);
    expect(first).toHaveLength(10);
    await page.click("#older");
    await page.waitForFunction(
      (name) => ![...document.querySelectorAll("td.name")].some((cell) => cell.textContent === name),
      { timeout: 20_000 },
      quick,
    );
    const older = await rowNames(page);
    expect(older).toHaveLength(10);
    expect(older.filter((name) => first.includes(name))).toEqual([]);
    await page.click("#newer");
    await page.waitForFunction(
      (name) => [...document.querySelectorAll("td.name")].some((cell) => cell.textContent === name),
      { timeout: 20_000 },
      quick,
    );
    expect(await rowNames(page)).toEqual(first);
  });

  it("releases its subscriptions when the page closes: the upstream polling stops", async () => {
    // While the page is open, the long job (and its log) are polled.
    const open = await jobReads();
    await waitFor(async () => (await jobReads()) > open, "polling while the page is open", {
      timeoutMs: 15_000,
      intervalMs: 200,
    });
    const longState = await page.$$eval(
      "td.name",
      (cells, name) => cells.find((cell) => cell.textContent === name)?.parentElement?.dataset.state,
      long,
    );
    expect(longState).toBe("RUNNING");
    await page.close();
    // A poll under way when the socket closed may still land; after it, nothing.
    await sleep(2_000);
    const closed = await jobReads();
    await sleep(4_000);
    expect(await jobReads()).toBe(closed);
  });

  it("requested nothing from another host", () => {
    expect(foreign).toEqual([]);
  });
});
