/**
 * GraphQL Code Generator: resolver types generated from `schema.graphql` (the API's source of truth, composed by
 * `npm run schema`) into `src/generated/resolvers-types.ts`, which is committed. Run `npm run codegen` after
 * `npm run schema`; a test fails when the committed file is stale.
 *
 * The mappers (each type's parent) are the shared ones below plus those each registered backend exports from its
 * `codegen-mappers.ts`, read in registry order, so this file names no backend.
 */
import { posix } from "node:path";
import { fileURLToPath } from "node:url";
import type { CodegenConfig } from "@graphql-codegen/cli";
import { backendFolders } from "./scripts/backend-folders.mjs";

const ROOT = fileURLToPath(new URL(".", import.meta.url));
/** Where the generated file lives; mapper modules are written relative to it. */
const OUTPUT_DIR = "src/generated";

const shared = "../backends/parents#";

/**
 * A backend's mappers with their modules made relative to the generated file (`./parents#X` in `nexus/` becomes
 * `../backends/nexus/parents#X`). Throws naming the file when an entry is not `<module>#<type>`.
 */
function mappersOfBackend(folder: string, mappers: Readonly<Record<string, string>>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(mappers).map(([typename, target]) => {
      const [module, type, ...rest] = target.split("#");
      if (module === undefined || module === "" || type === undefined || type === "" || rest.length > 0) {
        throw new Error(
          `src/backends/${folder}/codegen-mappers.ts: ${typename}: expected "<module>#<type>", got "${target}".`,
        );
      }
      const relative = posix.relative(OUTPUT_DIR, posix.join("src/backends", folder, module));
      return [typename, `${relative.startsWith(".") ? relative : `./${relative}`}#${type}`];
    }),
  );
}

const backendMappers: Record<string, string> = {};
for (const folder of backendFolders(ROOT)) {
  const { codegenMappers } = (await import(`./src/backends/${folder}/codegen-mappers.ts`)) as {
    codegenMappers: Readonly<Record<string, string>>;
  };
  Object.assign(backendMappers, mappersOfBackend(folder, codegenMappers));
}

const config: CodegenConfig = {
  schema: "schema.graphql",
  generates: {
    [`${OUTPUT_DIR}/resolvers-types.ts`]: {
      plugins: ["typescript", "typescript-resolvers"],
      config: {
        useTypeImports: true,
        enumsAsTypes: true,
        contextType: "../backends/gateway-context#GatewayContext",
        scalars: {
          DateTime: { input: "number", output: "number | string" },
          File: { input: "File", output: "never" },
          JSONObject: "Record<string, unknown>",
        },
        mappers: {
          Node: `${shared}NodeParent`,
          Dataset: `${shared}DatasetParent`,
          Job: `${shared}JobParent`,
          DatasetConnection: `${shared}DatasetConnectionParent`,
          JobConnection: `${shared}JobConnectionParent`,
          ...backendMappers,
        },
      },
    },
  },
};

export default config;
