/**
 * The gateway's code may import zod only as zod/mini (and the one English locale): a single classic
 * `import { z } from "zod"` pulls all of zod and its ~50 locales back into the Worker, about 760 KiB (issue 12).
 * The emulator is a Worker of its own and may keep classic zod.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";

const root = new URL("../..", import.meta.url).pathname;
const ALLOWED = new Set(["zod/mini", "zod/v4/mini", "zod/v4/core", "zod/v4/locales/en.js"]);

function sourcesUnder(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const path = join(directory, entry.name);
    if (entry.isDirectory()) return sourcesUnder(path);
    return entry.name.endsWith(".ts") ? [path] : [];
  });
}

describe("what the gateway Worker bundles", () => {
  it("imports zod only as zod/mini, nowhere in src/", () => {
    const classic: string[] = [];
    for (const file of sourcesUnder(join(root, "src"))) {
      const source = readFileSync(file, "utf8");
      // Import and export statements (at a line's start, so not a comment that quotes one), and dynamic imports.
      const statements = source.matchAll(
        /^\s*(?:import|export)\b[^;]*?["'](zod(?:\/[^"']*)?)["']|\bimport\(\s*["'](zod(?:\/[^"']*)?)["']/gm,
      );
      for (const match of statements) {
        const specifier = match[1] ?? match[2] ?? "";
        if (!ALLOWED.has(specifier)) classic.push(`${relative(root, file)}: ${specifier}`);
      }
    }
    expect(classic).toEqual([]);
  });
});
