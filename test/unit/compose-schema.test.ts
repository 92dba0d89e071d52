/**
 * The schema composition (`npm run schema`) and the registry reading it shares with codegen, over small repositories
 * written to a temporary directory: the order comes from `BACKENDS`, and every mismatch between the registry and
 * the fragments on disk is an error that names the file.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { backendFolders } from "../../scripts/backend-folders.mjs";
import { composeSchema } from "../../scripts/compose-schema.mjs";

const SHARED = `
"The platform."
enum Provider

type Query {
  "Shared."
  hello: String
}

type Mutation
`;

const fragment = (provider: string, field: string): string => `
extend enum Provider {
  "${provider}'s value."
  ${provider}
}

extend type Mutation {
  "${provider}'s mutation."
  ${field}: Boolean
}
`;

const roots: string[] = [];

/** A repository with these files (path to text) in a new temporary directory; removed after the test. */
function repository(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), "compose-schema-"));
  roots.push(root);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

const REGISTRY = `import type { AnyBackend } from "./backend";
import { betaBackend } from "./beta";
import { alphaBackend as alpha } from "./alpha";

export const BACKENDS: readonly AnyBackend[] = [betaBackend, alpha];
`;

afterEach(() => {
  for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true });
});

describe("schema composition", () => {
  it("adds the fragments in the order of BACKENDS, not of the imports, under a header that says how to remake it", () => {
    const root = repository({
      "src/backends/registry.ts": REGISTRY,
      "src/schema/shared.graphql": SHARED,
      "src/backends/alpha/schema.graphql": fragment("ALPHA", "alphaDo"),
      "src/backends/beta/schema.graphql": fragment("BETA", "betaDo"),
    });
    expect(backendFolders(root)).toEqual(["beta", "alpha"]);
    const printed = composeSchema(root);
    expect(
      printed.startsWith("# The public API of the gateway, printed by `npm run schema`: do not edit it here."),
    ).toBe(true);
    expect(printed).toContain(`enum Provider {
  """BETA's value."""
  BETA

  """ALPHA's value."""
  ALPHA
}`);
    expect(printed).toContain(`type Mutation {
  """BETA's mutation."""
  betaDo: Boolean

  """ALPHA's mutation."""
  alphaDo: Boolean
}`);
  });

  it("refuses a registry without a BACKENDS list", () => {
    const root = repository({ "src/backends/registry.ts": "export const OTHERS = [];\n" });
    expect(() => backendFolders(root)).toThrow(
      new Error("src/backends/registry.ts: expected `export const BACKENDS … = [backend, …]`, found none."),
    );
  });

  it("refuses a BACKENDS entry that no import places in a folder", () => {
    const root = repository({
      "src/backends/registry.ts": REGISTRY.replace("[betaBackend, alpha]", "[betaBackend, gammaBackend]"),
    });
    expect(() => backendFolders(root)).toThrow(
      new Error(
        'src/backends/registry.ts: BACKENDS lists gammaBackend, but no `import { gammaBackend } from "./<folder>"` says where it lives.',
      ),
    );
  });

  it("refuses a registered backend without a fragment", () => {
    const root = repository({
      "src/backends/registry.ts": REGISTRY,
      "src/schema/shared.graphql": SHARED,
      "src/backends/beta/schema.graphql": fragment("BETA", "betaDo"),
    });
    expect(() => composeSchema(root)).toThrow(
      new Error("src/backends/alpha/schema.graphql: missing; every registered backend brings its schema fragment."),
    );
  });

  it("refuses a fragment whose backend is not registered", () => {
    const root = repository({
      "src/backends/registry.ts": REGISTRY,
      "src/schema/shared.graphql": SHARED,
      "src/backends/alpha/schema.graphql": fragment("ALPHA", "alphaDo"),
      "src/backends/beta/schema.graphql": fragment("BETA", "betaDo"),
      "src/backends/gamma/schema.graphql": fragment("GAMMA", "gammaDo"),
    });
    expect(() => composeSchema(root)).toThrow(
      new Error(
        "src/backends/gamma/schema.graphql: a fragment of a backend that src/backends/registry.ts does not list.",
      ),
    );
  });

  it("refuses fragments that do not fit, with graphql-js's message naming the type", () => {
    const root = repository({
      "src/backends/registry.ts": REGISTRY,
      "src/schema/shared.graphql": SHARED,
      "src/backends/alpha/schema.graphql": fragment("ALPHA", "alphaDo"),
      "src/backends/beta/schema.graphql": fragment("ALPHA", "betaDo"),
    });
    expect(() => composeSchema(root)).toThrow(new Error('Enum value "Provider.ALPHA" can only be defined once.'));
  });
});
