/**
 * `schema.graphql` is the source of truth: it must be exactly the composition of the shared SDL and the registered
 * backends' fragments (`npm run schema`), the running gateway's schema (by introspection) must print exactly as the
 * file does, and the committed generated resolver types must be what codegen makes from the file today.
 */
import { readFileSync } from "node:fs";
import { generate } from "@graphql-codegen/cli";
import { buildClientSchema, buildSchema, getIntrospectionQuery, printSchema, type IntrospectionQuery } from "graphql";
import { describe, expect, it } from "vitest";
import config from "../../codegen";
import { backendFolders } from "../../scripts/backend-folders.mjs";
import { composeSchema } from "../../scripts/compose-schema.mjs";
import { BACKENDS } from "../../src/backends/registry";
import { gqlData } from "./helpers";

const ROOT = new URL("../../", import.meta.url);

describe("schema drift", () => {
  it("schema.graphql is the composition of src/schema/shared.graphql and the registered backends' fragments", () => {
    const committed = readFileSync(new URL("schema.graphql", ROOT), "utf8");
    expect(committed, "run `npm run schema` and commit the result").toBe(composeSchema(ROOT.pathname));
  });

  it("the build scripts read the backends the registry runs, in its order", () => {
    const fragments = backendFolders(ROOT.pathname).map((folder) =>
      readFileSync(new URL(`src/backends/${folder}/schema.graphql`, ROOT), "utf8"),
    );
    expect(fragments).toEqual(BACKENDS.map((backend) => backend.typeDefs));
  });

  it("the running gateway serves exactly schema.graphql", async () => {
    const introspection = await gqlData<IntrospectionQuery>(
      getIntrospectionQuery({ descriptions: true, schemaDescription: true, specifiedByUrl: true }),
    );
    const served = printSchema(buildClientSchema(introspection));
    const file = printSchema(buildSchema(readFileSync(new URL("schema.graphql", ROOT), "utf8")));
    expect(served).toBe(file);
  });

  it("src/generated/resolvers-types.ts is what codegen makes from schema.graphql", async () => {
    const outputs = (await generate({ ...config, cwd: ROOT.pathname, silent: true }, false)) as {
      filename: string;
      content: string;
    }[];
    const output = outputs.find((file) => file.filename.endsWith("src/generated/resolvers-types.ts"));
    expect(output, "codegen produced no resolvers-types.ts").toBeDefined();
    const committed = readFileSync(new URL("src/generated/resolvers-types.ts", ROOT), "utf8");
    expect(committed, "run `npm run codegen` and commit the result").toBe(output?.content);
  }, 60_000);
});
