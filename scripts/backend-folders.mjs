/**
 * The registered backends' folders, in registry order, read from the text of `src/backends/registry.ts`: its
 * `BACKENDS` list and the imports that name each entry's folder. Build scripts (the schema composition, codegen's
 * mappers) run on plain Node, which cannot run the registry itself (TypeScript that imports `.graphql` as text), so
 * they read these two lines instead of a hand list; a test checks the result against the running registry.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";

const REGISTRY = "src/backends/registry.ts";

/**
 * The folder names under `src/backends/` of every backend in `BACKENDS`, in its order (`["nexus", "graviti", …]`).
 * Throws an error naming the registry when it has no `BACKENDS = [...]` list, or an entry has no `import { x } from
 * "./<folder>"`.
 * @param {string} root the repository's root directory
 * @returns {string[]}
 */
export function backendFolders(root) {
  const source = readFileSync(join(root, REGISTRY), "utf8");
  const list = /^export const BACKENDS\b[^=]*=\s*\[([^\]]*)\]/m.exec(source);
  if (list === null) throw new Error(`${REGISTRY}: expected \`export const BACKENDS … = [backend, …]\`, found none.`);
  const names = (list[1] ?? "")
    .split(",")
    .map((name) => name.trim())
    .filter((name) => name !== "");
  /** @type {Map<string, string>} */
  const folderOf = new Map();
  for (const [, specifiers = "", folder = ""] of source.matchAll(
    /^import\s*\{([^}]*)\}\s*from\s*"\.\/([a-z0-9-]+)(?:\/index)?";/gm,
  )) {
    for (const specifier of specifiers.split(",")) {
      // `import { a as b }` binds `b`.
      const local = specifier
        .trim()
        .split(/\s+as\s+/)
        .pop();
      if (local) folderOf.set(local, folder);
    }
  }
  return names.map((name) => {
    const folder = folderOf.get(name);
    if (folder === undefined)
      throw new Error(
        `${REGISTRY}: BACKENDS lists ${name}, but no \`import { ${name} } from "./<folder>"\` says where it lives.`,
      );
    return folder;
  });
}
