/**
 * GraphiQL in headless Chromium (issue 11, item 2), on a gateway set up like `npm run dev` (`.dev.vars`: the demo
 * project's credentials as defaults, gateway auth off, GraphiQL and introspection on), over this file's emulator
 * tenant. The page renders, its opening query runs, a shared link opens its query, variables and operation, a
 * returning user's tabs are not pushed aside by the default query, and nothing is requested from another host.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { HTTPResponse, Page } from "puppeteer-core";
import { BROWSER_MISSING, launchBrowser, recordForeignRequests, type LaunchedBrowser } from "../utils/browser";
import { useTenant } from "../utils/tenant";
import { PRODUCTION_BROWSER_AND_AUTH, startTestGateway, type TestGateway } from "../utils/test-gateway";
import { GRAPHIQL_DEFAULT_QUERY } from "../../src/graphiql-default-query";

const tenant = useTenant();

/** GraphiQL's stored tabs, as GraphiQL 5 keeps them in localStorage. */
interface TabState {
  activeTabIndex: number;
  tabs: { query: string | null; variables: string | null; operationName: string | null }[];
}

/** The text of GraphiQL's query editor as Monaco shows it (its lines, spaces as spaces). */
async function queryEditorText(page: Page): Promise<string> {
  return page.$eval(".graphiql-query-editor .view-lines", (lines) =>
    (lines as HTMLElement).innerText.replace(/\u00a0/g, " "),
  );
}

/** Waits for GraphiQL to show `text` in its query editor. */
async function waitForQueryEditor(page: Page, text: string): Promise<void> {
  await page.waitForFunction(
    (wanted) =>
      document
        .querySelector<HTMLElement>(".graphiql-query-editor .view-lines")
        ?.innerText.replace(/\u00a0/g, " ")
        .includes(wanted),
    { timeout: 30_000 },
    text,
  );
}

/**
 * GraphiQL's stored tabs, read once they hold `count` tabs with tab `active` in front, or after 10 s whatever they
 * hold (GraphiQL stores them half a second after a change), so that the caller's assertions show what differs.
 */
async function storedTabs(page: Page, count: number, active: number): Promise<TabState> {
  const read = (): Promise<TabState | null> =>
    page.evaluate(() => JSON.parse(localStorage.getItem("graphiql:tabState") ?? "null") as TabState | null);
  for (
    const deadline = Date.now() + 10_000;
    Date.now() < deadline;
    await new Promise((done) => setTimeout(done, 100))
  ) {
    const state = await read();
    if (state !== null && state.tabs.length === count && state.activeTabIndex === active) return state;
  }
  const state = await read();
  expect(state, "GraphiQL stored no tabs").not.toBeNull();
  return state as TabState;
}

/** Clicks Run and resolves with the gateway's answer to the POST that carries `operationName`. */
async function run(
  page: Page,
  operationName: string,
): Promise<{ body: Record<string, unknown>; sent: Record<string, unknown> }> {
  const answered = page.waitForResponse(
    (response: HTTPResponse) =>
      response.request().method() === "POST" &&
      (response.request().postData() ?? "").includes(`"operationName":"${operationName}"`),
    { timeout: 30_000 },
  );
  await page.click(".graphiql-execute-button");
  const response = await answered;
  return {
    body: (await response.json()) as Record<string, unknown>,
    sent: JSON.parse(response.request().postData() ?? "{}") as Record<string, unknown>,
  };
}

describe.skipIf(BROWSER_MISSING !== null)("GraphiQL in Chromium", () => {
  let gateway: TestGateway;
  let chromium: LaunchedBrowser;
  let page: Page;
  let foreign: string[];

  beforeAll(async () => {
    await tenant.reset();
    [gateway, chromium] = await Promise.all([
      // Production's browser settings (no jobs page, no CORS origins) but for what `.dev.vars` turns on.
      startTestGateway({
        ...PRODUCTION_BROWSER_AND_AUTH,
        NEXUS_PROJECT_ID: tenant.demo.project,
        NEXUS_SECRET_KEY: tenant.demo.key,
        GATEWAY_AUTH: "off",
        GRAPHIQL: "true",
        INTROSPECTION: "true",
      }),
      launchBrowser(),
    ]);
    page = await chromium.browser.newPage();
    foreign = await recordForeignRequests(page, gateway.url);
  }, 120_000);

  afterAll(async () => {
    await chromium?.close();
    await gateway?.dispose();
  });

  it("renders for a newcomer with the gateway's opening query, which runs", async () => {
    await page.goto(`${gateway.url}/graphql`, { waitUntil: "load" });
    await waitForQueryEditor(page, "query RecentJobs");
    expect(await queryEditorText(page)).toContain("jobs(first: 5)");
    const { body } = await run(page, "RecentJobs");
    expect(body.errors).toBeUndefined();
    const data = body.data as { jobs: { edges: { node: { id: string } }[] } };
    expect(data.jobs.edges).toHaveLength(5);
    const tabs = await storedTabs(page, 1, 0);
    expect(tabs.tabs).toHaveLength(1);
    expect(tabs.tabs[0]?.query).toBe(GRAPHIQL_DEFAULT_QUERY);
  });

  it("opens a shared link's query, variables and operation in a tab after the user's own", async () => {
    const query =
      "query Newest { jobs(first: 1) { edges { node { id } } } }\nquery Some($n: Int) { jobs(first: $n) { edges { node { id name } } } }";
    const link = new URLSearchParams({ query, variables: '{"n": 2}', operationName: "Some" });
    await page.goto(`${gateway.url}/graphql?${link.toString()}`, { waitUntil: "load" });
    await waitForQueryEditor(page, "query Some($n: Int)");
    const { body, sent } = await run(page, "Some");
    expect(sent).toMatchObject({ operationName: "Some", variables: { n: 2 } });
    expect(body.errors).toBeUndefined();
    expect((body.data as { jobs: { edges: unknown[] } }).jobs.edges).toHaveLength(2);
    const tabs = await storedTabs(page, 2, 1);
    expect(tabs.tabs.map((tab) => tab.query)).toEqual([GRAPHIQL_DEFAULT_QUERY, query]);
    expect(tabs.tabs[1]?.variables).toBe('{"n": 2}');
    expect(tabs.activeTabIndex).toBe(1);
  });

  it("gives a returning user their own tabs back, the last one in front, with no default tab pushed in", async () => {
    await page.goto(`${gateway.url}/graphql`, { waitUntil: "load" });
    await waitForQueryEditor(page, "query Some($n: Int)");
    const tabs = await storedTabs(page, 2, 1);
    expect(tabs.tabs).toHaveLength(2);
    expect(tabs.activeTabIndex).toBe(1);
    // The same link again opens the tab that holds it, not a third one.
    const again = new URLSearchParams({ query: tabs.tabs[0]?.query ?? "" });
    await page.goto(`${gateway.url}/graphql?${again.toString()}`, { waitUntil: "load" });
    await waitForQueryEditor(page, "query RecentJobs");
    const after = await storedTabs(page, 2, 0);
    expect(after.tabs.map((tab) => tab.query)).toEqual(tabs.tabs.map((tab) => tab.query));
    expect(after.activeTabIndex).toBe(0);
  });

  it("requests nothing from another host, and gets its favicon from the gateway", async () => {
    expect(foreign).toEqual([]);
    const html = await (await gateway.graphql.fetch({ headers: { accept: "text/html" } })).text();
    expect(html).not.toMatch(/https?:\/\//);
    const icon = await page.$eval('link[rel="icon"]', (link) => link.href);
    expect(new URL(icon).origin).toBe(gateway.url);
    const response = await fetch(icon);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("image/svg+xml");
    expect(await response.text()).toContain("<svg");
  });

  it("keeps the jobs page off unless JOBS_PAGE is true (this gateway does not set it)", async () => {
    const response = await fetch(`${gateway.url}/jobs`, { headers: { accept: "text/html" } });
    expect(response.status).toBe(404);
    expect((await fetch(`${gateway.url}/jobs/app.js`)).status).toBe(404);
  });
});
