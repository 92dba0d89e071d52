/**
 * `npm run schema`: prints the public API into `schema.graphql`, the file clients, codegen and reviewers read. The
 * Worker builds its schema from the same parts (src/schema.ts): the shared SDL (`src/schema/shared.graphql`) and
 * the fragment of every registered backend (`src/backends/<folder>/schema.graphql`), in registry order. A test
 * fails when the committed file is not this composition.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { buildASTSchema, concatAST, parse, printSchema } from "graphql";
import { backendFolders } from "./backend-folders.mjs";

const SHARED = "src/schema/shared.graphql";

/** The header of the printed file: comments, so the schema itself is exactly the composition. */
const HEADER = `# The public API of the gateway, printed by \`npm run schema\`: do not edit it here. It is the composition of
# ${SHARED} and each registered backend's src/backends/<name>/schema.graphql, in the order of
# src/backends/registry.ts; edit those, then run \`npm run schema\` and \`npm run codegen\`, and commit all three.

`;

/**
 * The composed schema as `schema.graphql` holds it (the header, then graphql-js's `printSchema`, every description
 * kept). Throws when a registered backend has no fragment, a fragment's backend is not registered, or the parts do
 * not make a valid schema (graphql-js's message, which names the type).
 * @param {string} root the repository's root directory
 * @returns {string}
 */
export function composeSchema(root) {
  const folders = backendFolders(root);
  const backendsDir = join(root, "src/backends");
  for (const folder of folders) {
    if (!existsSync(join(backendsDir, folder, "schema.graphql"))) {
      throw new Error(
        `src/backends/${folder}/schema.graphql: missing; every registered backend brings its schema fragment.`,
      );
    }
  }
  const unregistered = readdirSync(backendsDir, { withFileTypes: true })
    .filter(
      (entry) =>
        entry.isDirectory() &&
        existsSync(join(backendsDir, entry.name, "schema.graphql")) &&
        !folders.includes(entry.name),
    )
    .map((entry) => `src/backends/${entry.name}/schema.graphql`);
  if (unregistered.length > 0)
    throw new Error(`${unregistered.join(", ")}: a fragment of a backend that src/backends/registry.ts does not list.`);
  const sources = [SHARED, ...folders.map((folder) => `src/backends/${folder}/schema.graphql`)];
  // The same composition as src/schema.ts: one document, type extensions applied in order by graphql-js.
  const schema = buildASTSchema(concatAST(sources.map((path) => parse(readFileSync(join(root, path), "utf8")))));
  return `${HEADER}${printSchema(schema)}\n`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const root = fileURLToPath(new URL("..", import.meta.url));
  writeFileSync(join(root, "schema.graphql"), composeSchema(root));
  console.log(`schema.graphql: ${SHARED} + ${backendFolders(root).join(", ")}`);
}
