/**
 * The jobs page as a dashboard across platforms (issue 23, part 3), in headless Chromium on the suite's gateway,
 * given this file's Nexus and ModelArts demo projects as a user would (the project headers form): every row names
 * its platform, the platform and state filters narrow the list, the counts by state per platform match `jobs`
 * queries, a failed job shows its reason, a running job's bar, rate, estimated end and chart move, the page works
 * with a keyboard (labels, focus order, visible focus, AA contrast) and at phone width (390 px), it shows the jobs of
 * the platform that answers while the other is down (naming the missing one), and it neither logs a console error
 * nor asks another host.
 *
 * `UPDATE_SCREENSHOT=1` also writes the README's pictures `docs/jobs-page.png` (desktop) and
 * `docs/jobs-page-phone.png` (not in CI: they are tracked files).
 */
import { mkdirSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Page } from "puppeteer-core";
import { BROWSER_MISSING, launchBrowser, type LaunchedBrowser } from "../utils/browser";
import { useTenant } from "../utils/tenant";
import { DEMO, datasetIdByName, nexus, waitFor } from "../subscriptions/helpers";
import { MA, modelArts } from "../modelarts/helpers";
import { suiteGraphQL } from "../utils/test-gateway";
import { countsOf, countsReadAfter, openJobsPage, rowsOf, type OpenPage } from "./jobs-page-helpers";

const tenant = useTenant();
const STATES = ["WAITING", "RUNNING", "FINISHED", "CANCELLED", "FAILED"] as const;
const PROVIDERS = ["NEXUS", "MODELARTS"] as const;
/** Both platforms' credentials, as the page sends them. */
const HEADERS = {
  "x-nexus-project-id": DEMO["x-nexus-project-id"],
  "x-nexus-secret-key": DEMO["x-nexus-secret-key"],
  "x-modelarts-project-id": MA.project,
  "x-modelarts-token": MA.token,
};

/** Creates a Nexus job straight on the emulator; `deploymentId` names an existing deployment (or a missing one). */
async function createNexusJob(name: string, datasetName: string, deploymentId?: string): Promise<string> {
  const deployment =
    deploymentId === undefined
      ? {
          kind: "NewEphemeralDeployment",
          template: { artifactId: "artifact_dashboard", instanceId: "instance_t4-standard-1g", replicas: 1 },
        }
      : { kind: "ExistingDeployment", deploymentId };
  const job = await nexus<{ id: string }>(DEMO, "POST", "jobs", {
    name,
    spec: { datasetId: await datasetIdByName(DEMO, datasetName), deployment, resultDelivery: { destinations: [] } },
  });
  return job.id;
}

/** Every job's count by platform and state, as `jobs(provider, state) { totalCount }` says (one request). */
async function countsFromApi(): Promise<Record<string, Record<string, number>>> {
  const fields = PROVIDERS.flatMap((provider) =>
    STATES.map(
      (state) => `${provider}_${state}: jobs(provider: ${provider}, state: [${state}], first: 1) { totalCount }`,
    ),
  );
  const result = await suiteGraphQL().query<Record<string, { totalCount: number }>>(
    `{ ${fields.join("\n")} }`,
    {},
    {
      headers: HEADERS,
    },
  );
  expect(result.body.errors, result.text).toBeUndefined();
  const data = result.body.data ?? {};
  return Object.fromEntries(
    PROVIDERS.map((provider) => [
      provider,
      Object.fromEntries(STATES.map((state) => [state, data[`${provider}_${state}`]?.totalCount ?? -1])),
    ]),
  );
}

/** Chooses `value` in the select `selector` with the keyboard (focus, then arrow keys), as a keyboard user would. */
async function chooseWithKeyboard(page: Page, selector: string, value: string): Promise<void> {
  const options = await page.$$eval(`${selector} option`, (list) => list.map((option) => option.value));
  const from = await page.$eval(selector, (select) => (select as HTMLSelectElement).selectedIndex);
  const to = options.indexOf(value);
  expect(to, `${selector} offers ${value}`).toBeGreaterThanOrEqual(0);
  await page.focus(selector);
  for (let step = 0; step < Math.abs(to - from); step += 1)
    await page.keyboard.press(to > from ? "ArrowDown" : "ArrowUp");
  expect(await page.$eval(selector, (select) => (select as HTMLSelectElement).value)).toBe(value);
}

/** Waits until every row on screen passes `check` (and there is at least one). */
async function waitForRows(page: Page, what: string, check: (rows: Awaited<ReturnType<typeof rowsOf>>) => boolean) {
  await waitFor(
    async () => {
      const rows = await rowsOf(page);
      return rows.length > 0 && check(rows);
    },
    what,
    { timeoutMs: 20_000, intervalMs: 100 },
  );
}

/** Every visible text of the page whose contrast with what is behind it is under 4.5:1 (WCAG AA), as text. */
function lowContrastTexts(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const channel = (value: number): number => {
      const share = value / 255;
      return share <= 0.03928 ? share / 12.92 : ((share + 0.055) / 1.055) ** 2.4;
    };
    const parse = (color: string): number[] => (color.match(/[\d.]+/g) ?? []).map(Number);
    const luminance = ([r = 0, g = 0, b = 0]: number[]): number =>
      0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
    const background = (element: Element | null): number[] => {
      for (let at = element; at !== null; at = at.parentElement) {
        const color = parse(getComputedStyle(at).backgroundColor);
        if (color.length === 3 || (color[3] ?? 0) > 0.5) return color.slice(0, 3);
      }
      return [255, 255, 255];
    };
    const problems: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) {
      const element = node.parentElement;
      if (element === null || (node.textContent ?? "").trim() === "") continue;
      if (element.closest("[disabled]") !== null || element.offsetParent === null) continue;
      const fore = luminance(parse(getComputedStyle(element).color));
      const back = luminance(background(element));
      const ratio = (Math.max(fore, back) + 0.05) / (Math.min(fore, back) + 0.05);
      if (ratio < 4.5)
        problems.push(
          `${element.tagName}.${element.className} "${node.textContent?.trim().slice(0, 30)}": ${ratio.toFixed(2)}`,
        );
    }
    return problems;
  });
}

describe.skipIf(BROWSER_MISSING !== null)("the jobs page as a dashboard across platforms, in Chromium", () => {
  const gatewayUrl = inject("gatewayUrl");
  const stamp = Date.now().toString(36);
  const running = `street-scenes-rates-${stamp}`;
  const broken = `retail-checkout-broken-${stamp}`;
  let chromium: LaunchedBrowser;
  let open: OpenPage;
  let page: Page;

  beforeAll(async () => {
    // Slow enough that the running job (300 items) still runs at the end of the file.
    await tenant.reset({ msPerItem: 250 });
    await modelArts.reset({});
    await createNexusJob(broken, "retail-checkout", "deploy_missing_dashboard");
    await createNexusJob(running, "street-scenes-2026-11");
    chromium = await launchBrowser();
    open = await openJobsPage(chromium.browser, gatewayUrl, HEADERS);
    page = open.page;
  }, 60_000);

  afterAll(async () => {
    await chromium?.close();
  });

  it("names every row's platform, and lists both platforms' jobs", async () => {
    await waitForRows(page, "the newest jobs", (rows) => rows.some((row) => row.name === running));
    const rows = await rowsOf(page);
    expect(rows).toHaveLength(10);
    for (const row of rows) expect(PROVIDERS, row.name).toContain(row.provider);
    // The page's platform options are the registry's backends that have jobs.
    expect(await page.$$eval("#provider option", (list) => list.map((option) => option.textContent))).toEqual([
      "All platforms",
      "NEXUS",
      "MODELARTS",
    ]);
  });

  it("narrows the list to one platform, then to one state, and each failed job shows its reason", async () => {
    await chooseWithKeyboard(page, "#provider", "MODELARTS");
    await waitForRows(page, "ModelArts rows only", (rows) => rows.every((row) => row.provider === "MODELARTS"));
    const modelArtsRows = await rowsOf(page);
    expect(modelArtsRows.every((row) => row.name.startsWith("export "))).toBe(true);

    await chooseWithKeyboard(page, "#provider", "NEXUS");
    await chooseWithKeyboard(page, "#state", "FAILED");
    await waitForRows(page, "failed Nexus rows only", (rows) =>
      rows.every((row) => row.provider === "NEXUS" && row.state === "FAILED"),
    );
    const failed = await rowsOf(page);
    // The job made over a missing deployment failed at its start, with the platform's reason.
    expect(failed.find((row) => row.name === broken)?.details).toBe("Deployment deploy_missing_dashboard not found");
    for (const row of failed) expect(row.details, row.name).not.toBe("");

    await chooseWithKeyboard(page, "#provider", "MODELARTS");
    const modelArtsFailed = await page
      .waitForFunction(
        () =>
          [...document.querySelectorAll("#jobs tbody tr")].every(
            (row) => row.querySelector("td.provider")?.textContent === "MODELARTS",
          ),
        { timeout: 20_000 },
      )
      .then(() => rowsOf(page));
    for (const row of modelArtsFailed) {
      expect(row.state).toBe("FAILED");
      expect(row.details, row.name).not.toBe("no reason given");
    }

    await chooseWithKeyboard(page, "#state", "");
    await chooseWithKeyboard(page, "#provider", "");
    await waitForRows(page, "both platforms again", (rows) => rows.some((row) => row.name === running));
  });

  it("shows counts by state per platform that match the jobs queries' totalCount", async () => {
    // Jobs move between states while the page and the test read: read both again until they agree (bounded).
    let page_: Record<string, Record<string, number>> = {};
    let api: Record<string, Record<string, number>> = {};
    for (let attempt = 0; attempt < 5; attempt += 1) {
      const before = Date.now();
      await page.click("#reload");
      await countsReadAfter(page, before);
      page_ = await countsOf(page);
      api = await countsFromApi();
      if (JSON.stringify(page_) === JSON.stringify(api)) break;
    }
    expect(page_).toEqual(api);
    // Something to count in each platform (the seeds), and the failed job made above among them.
    expect(api.NEXUS?.FAILED).toBeGreaterThanOrEqual(1);
    expect(Object.values(api.MODELARTS ?? {}).reduce((sum, count) => sum + count, 0)).toBeGreaterThan(0);
    const total = await page.$eval('#counts tr[data-provider="NEXUS"] td:last-child', (cell) =>
      Number(cell.textContent),
    );
    expect(total).toBe(Object.values(page_.NEXUS ?? {}).reduce((sum, count) => sum + count, 0));
  });

  it("moves a running job's bar and chart, with its items per second and estimated end", async () => {
    const find = async () => (await rowsOf(page)).find((row) => row.name === running);
    await waitFor(async () => ((await find())?.chartPoints ?? 0) >= 4, "four progress samples of the running job", {
      timeoutMs: 30_000,
      intervalMs: 200,
    });
    const first = await find();
    await waitFor(
      async () => ((await find())?.progress ?? 0) > (first?.progress ?? 1) + 0.02,
      "the running job's bar to move on",
      { timeoutMs: 30_000, intervalMs: 200 },
    );
    const later = await find();
    expect(later?.state).toBe("RUNNING");
    expect(later?.chartPoints ?? 0).toBeGreaterThan(first?.chartPoints ?? 0);
    expect(later?.details).toMatch(/^\d+(\.\d)? items\/s · ends ≈ \d{1,2}:\d{2}:\d{2}/);
    // The chart rises left to right: its last point is higher (smaller y) than its first.
    const ys = await page.$$eval(
      "tr[data-job-id] svg.chart polyline",
      (lines, name) => {
        const line = lines.find((entry) => entry.closest("tr")?.querySelector("td.name")?.textContent === name);
        return (line?.getAttribute("points") ?? "").split(" ").map((point) => Number(point.split(",")[1]));
      },
      running,
    );
    expect(ys.at(-1)).toBeLessThan(ys[0] ?? 0);
  });

  it("works with a keyboard: labelled controls, focus order, visible focus, AA contrast", async () => {
    // Every form control has a label.
    const unlabelled = await page.$$eval("input, select, textarea", (controls) =>
      controls
        .filter((control) => ((control as HTMLInputElement).labels?.length ?? 0) === 0)
        .map((control) => control.id),
    );
    expect(unlabelled).toEqual([]);
    // Tab from the top: the credentials, the filters, then the jobs (by their names), each with a visible outline.
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page.mouse.click(1, 1);
    const order: string[] = [];
    for (let press = 0; press < 8; press += 1) {
      await page.keyboard.press("Tab");
      const focused = await page.evaluate(() => {
        const element = document.activeElement as HTMLElement;
        const style = getComputedStyle(element);
        return {
          what: element.id || element.className || element.tagName,
          outline: `${style.outlineStyle} ${style.outlineWidth}`,
        };
      });
      order.push(focused.what);
      expect(focused.outline, focused.what).toMatch(/^solid [3-9]px$/);
    }
    expect(order.slice(0, 7)).toEqual(["token", "project-headers", "BUTTON", "forget", "provider", "state", "open"]);
    // Enter on a job's name tails its log.
    const name = await page.evaluate(() => document.activeElement?.textContent ?? "");
    await page.keyboard.press("Enter");
    await page.waitForFunction((job) => document.querySelector("#log-job")?.textContent === job, {}, name);
    // Contrast: every visible text against what is behind it, 4.5:1 at least (WCAG AA), in both colour schemes.
    expect(await lowContrastTexts(page)).toEqual([]);
    await page.emulateMediaFeatures([{ name: "prefers-color-scheme", value: "dark" }]);
    try {
      expect(await lowContrastTexts(page)).toEqual([]);
    } finally {
      await page.emulateMediaFeatures([{ name: "prefers-color-scheme", value: "light" }]);
    }
  });

  it("fits a phone's width (390 px): no sideways scroll, each job a card with its platform, state and bar", async () => {
    // The width alone (puppeteer reloads the page when `isMobile` changes, which would drop its credentials).
    await page.setViewport({ width: 390, height: 844 });
    await page.waitForFunction(() => document.documentElement.clientWidth === 390);
    expect((await rowsOf(page)).length).toBe(10);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    const outside = await page.$$eval("#jobs tbody tr", (rows) =>
      rows.flatMap((row) =>
        ["td.name", "td.provider", "td.state", "progress"].flatMap((selector) => {
          const box = row.querySelector(selector)?.getBoundingClientRect();
          return box === undefined || box.width === 0 || box.left < 0 || box.right > 390 ? [selector] : [];
        }),
      ),
    );
    expect(outside).toEqual([]);
    if (process.env.UPDATE_SCREENSHOT === "1") {
      // The README's pictures: the running job selected, its log tail under the list.
      await page.$$eval("td.name", (cells, name) => cells.find((cell) => cell.textContent === name)?.click(), running);
      await page.waitForFunction(() => document.querySelectorAll("#log-lines li").length >= 4, { timeout: 30_000 });
      await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
      mkdirSync("docs", { recursive: true });
      await page.screenshot({ path: "docs/jobs-page-phone.png", fullPage: false });
      await page.setViewport({ width: 1280, height: 800 });
      await page.waitForFunction(() => document.documentElement.clientWidth === 1280);
      await page.screenshot({ path: "docs/jobs-page.png", fullPage: true });
    }
  });

  it("shows the jobs of the platform that answers while the other is down, and names the missing one", async () => {
    const status = () => page.$eval("#status", (line) => ({ text: line.textContent ?? "", error: line.className }));
    await modelArts.setFaults({ errorRate: 1, errorStatus: 503 });
    try {
      // The live list's next poll finds ModelArts down: its message has Nexus's jobs and ModelArts's error.
      await waitFor(async () => (await status()).text.includes("Not shown"), "the status line naming ModelArts", {
        timeoutMs: 20_000,
        intervalMs: 100,
      });
      const down = await status();
      expect(down.text).toMatch(/newest jobs; the list is live\. Not shown: UPSTREAM_UNAVAILABLE: .*modelarts/);
      expect(down.error).toContain("error");
      const rows = await rowsOf(page);
      expect(rows.length).toBeGreaterThan(0);
      for (const row of rows) expect(row.provider, row.name).toBe("NEXUS");
    } finally {
      await modelArts.clearFaults();
    }
    await waitFor(
      async () => !(await status()).text.includes("Not shown"),
      "the status line without ModelArts's error",
      {
        timeoutMs: 20_000,
        intervalMs: 100,
      },
    );
    expect((await status()).text).toMatch(/newest jobs; the list is live\.$/);
  });

  it("logged no console error and asked no other host", () => {
    expect(open.consoleErrors).toEqual([]);
    expect(open.foreign).toEqual([]);
  });
});
