/**
 * Where the browser tests find Chromium, and the line that says they were skipped without it. No puppeteer here:
 * the summary reporter (main process) reads it too.
 */
import { accessSync, constants } from "node:fs";

/** Where Chromium is looked for: `CHROMIUM_PATH`, else Debian's package path. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

function executable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * Null when Chromium is there; otherwise the one line that says the browser tests were skipped and how to install
 * a browser (the summary reporter prints it at the end of the run).
 */
export const BROWSER_MISSING: string | null = executable(CHROMIUM_PATH)
  ? null
  : `browser tests skipped: no Chromium at ${CHROMIUM_PATH}. Install it (Debian/Ubuntu: sudo apt-get install chromium) or set CHROMIUM_PATH.`;
