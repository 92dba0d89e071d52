/**
 * Helpers for the jobs page's Chromium tests (`jobs-page*.test.ts`): open the page with a recorder of console errors
 * and of requests to other hosts, give it credentials as a user would (the form), read its rows and counts.
 */
import type { Browser, Page } from "puppeteer-core";
import { recordForeignRequests } from "../utils/browser";

/** An open jobs page and what it did that it must not: console errors, uncaught exceptions, other hosts. */
export interface OpenPage {
  page: Page;
  /** `console.error` calls, failed resource loads and uncaught exceptions, as text. */
  consoleErrors: string[];
  /** Requests to a host other than the gateway's. */
  foreign: string[];
}

/** One job's row as the page shows it. */
export interface Row {
  id: string;
  name: string;
  provider: string;
  state: string;
  progress: number;
  details: string;
  /** How many points its progress-over-time chart draws. */
  chartPoints: number;
}

/**
 * Opens a new tab on the jobs page with recorders attached before the first request, gives it `headers` (one
 * `name: value` a line, as a user types them) and waits until it shows rows. Rejects when no row appears in 20 s.
 */
export async function openJobsPage(
  browser: Browser,
  gatewayUrl: string,
  headers: Record<string, string>,
  viewport: { width: number; height: number } = { width: 1280, height: 800 },
): Promise<OpenPage> {
  const page = await browser.newPage();
  await page.bringToFront();
  await page.setViewport(viewport);
  const consoleErrors: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") consoleErrors.push(`${message.text()} ${message.location().url ?? ""}`.trim());
  });
  page.on("pageerror", (error) => consoleErrors.push(`uncaught: ${String(error)}`));
  const foreign = await recordForeignRequests(page, gatewayUrl);
  await page.goto(`${gatewayUrl}/jobs`, { waitUntil: "load" });
  const lines = Object.entries(headers)
    .map(([name, value]) => `${name}: ${value}`)
    .join("\n");
  await page.type("#project-headers", lines);
  await page.click('#credentials button[type="submit"]');
  await page.waitForSelector("#jobs tbody tr", { timeout: 20_000 });
  return { page, consoleErrors, foreign };
}

/** The rows on screen, in order. */
export function rowsOf(page: Page): Promise<Row[]> {
  return page.$$eval("#jobs tbody tr", (rows) =>
    rows.map((row) => ({
      id: (row as HTMLElement).dataset.jobId ?? "",
      name: row.querySelector("td.name")?.textContent ?? "",
      provider: row.querySelector("td.provider")?.textContent ?? "",
      state: row.querySelector("td.state")?.textContent ?? "",
      progress: row.querySelector("progress")?.value ?? -1,
      details: row.querySelector("td.details")?.textContent ?? "",
      chartPoints: (row.querySelector("svg.chart polyline")?.getAttribute("points") ?? "").split(" ").filter(Boolean)
        .length,
    })),
  );
}

/** The counts table: platform -> state -> count (the Total column left out). */
export function countsOf(page: Page): Promise<Record<string, Record<string, number>>> {
  return page.$$eval("#counts tbody tr", (rows) =>
    Object.fromEntries(
      rows.map((row) => [
        (row as HTMLElement).dataset.provider ?? "",
        Object.fromEntries(
          [...row.querySelectorAll("td[data-state]")].map((cell) => [
            (cell as HTMLElement).dataset.state ?? "",
            Number(cell.textContent),
          ]),
        ),
      ]),
    ),
  );
}

/** Waits until the page's counts were read again after `since` (the table's `data-updated`, ms since epoch). */
export async function countsReadAfter(page: Page, since: number): Promise<void> {
  await page.waitForFunction(
    (after) => Number(document.querySelector<HTMLElement>("#counts")?.dataset.updated ?? 0) > after,
    { timeout: 20_000 },
    since,
  );
}
