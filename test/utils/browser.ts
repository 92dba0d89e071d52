/**
 * Headless Chromium for the browser tests (`test/browser/`), driven by puppeteer-core (pinned in package.json; the
 * 24.x line runs on Node 20). It uses the machine's own Chromium, Debian's `/usr/bin/chromium` by default or
 * `CHROMIUM_PATH`; `.ci/run` installs it. Without one, the browser tests skip, and say so in one line with how to
 * install it (test/utils/summary-reporter.ts prints that line).
 *
 *   import { BROWSER_MISSING, launchBrowser, recordForeignRequests } from "../utils/browser";
 *   describe.skipIf(BROWSER_MISSING !== null)("the page", () => { … });
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import puppeteer, { type Browser, type Page } from "puppeteer-core";
import { CHROMIUM_PATH } from "./chromium-path";

export { BROWSER_MISSING, CHROMIUM_PATH } from "./chromium-path";

/**
 * The flags that work on a closed network: without the background-networking ones Chromium's own connections (to
 * Google's update, sync and safe-browsing hosts) are attempted and refused. QUIC off: the gateway speaks HTTP/1.1.
 */
const CHROMIUM_FLAGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

/** A launched browser; `close()` also removes its fresh profile directory. */
export interface LaunchedBrowser {
  browser: Browser;
  close: () => Promise<void>;
}

/**
 * Launches headless Chromium with a fresh profile (no stored tabs, no cache) and a 1280×800 window. Rejects when
 * Chromium is missing (check {@link BROWSER_MISSING} first) or does not start.
 */
export async function launchBrowser(): Promise<LaunchedBrowser> {
  const profile = mkdtempSync(join(tmpdir(), "gateway-chromium-"));
  const browser = await puppeteer.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [...CHROMIUM_FLAGS, `--user-data-dir=${profile}`],
    defaultViewport: { width: 1280, height: 800 },
  });
  return {
    browser,
    close: async () => {
      await browser.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/**
 * Records every request `page` makes to a host other than `origin`'s: documents, scripts, styles, fetches,
 * favicons (puppeteer's `request` event) and WebSockets (the DevTools protocol's `webSocketCreated`, which that
 * event does not report). `data:` and `blob:` URLs stay in the page. Resolves with the list, which grows as the
 * page runs.
 */
export async function recordForeignRequests(page: Page, origin: string): Promise<string[]> {
  const foreign: string[] = [];
  const { host } = new URL(origin);
  const note = (method: string, raw: string): void => {
    const url = new URL(raw);
    if (url.protocol === "data:" || url.protocol === "blob:") return;
    if (url.host !== host) foreign.push(`${method} ${raw}`);
  };
  page.on("request", (request) => note(request.method(), request.url()));
  const devtools = await page.createCDPSession();
  await devtools.send("Network.enable");
  devtools.on("Network.webSocketCreated", (event) => note("WEBSOCKET", event.url));
  return foreign;
}
