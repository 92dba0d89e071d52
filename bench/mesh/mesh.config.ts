/**
 * Mesh's composition of the emulator's Nexus API (`npm run compose` here writes `supergraph.graphql`): the emulator's
 * own OpenAPI description through `@omnigraph/openapi`, its `/projects/…` paths only (the emulator's control API
 * and upload URL are not Nexus), plus two links the nested page needs, declared with Mesh's `@resolveTo`:
 * `Job.dataset` (GET the job's dataset) and `ResultDestination.webhook` (GET a destination's webhook).
 *
 * The upstream origin is a placeholder that the Worker replaces with its `EMULATOR_URL` when it starts (the emulator's
 * port is chosen per run); the key is the caller's, forwarded as Nexus expects it (`Secret-Key`).
 */
import { readFileSync } from "node:fs";
import { defineConfig } from "@graphql-mesh/compose-cli";
import { loadOpenAPISubgraph } from "@omnigraph/openapi";

/** The origin written into the supergraph; `src/worker.ts` swaps it for the emulator's. */
export const UPSTREAM_PLACEHOLDER = "http://nexus.upstream.invalid";

interface OpenApiDocument {
  paths: Record<string, unknown>;
  [key: string]: unknown;
}

const document = JSON.parse(
  readFileSync(new URL("../../emulator/openapi.json", import.meta.url), "utf8"),
) as OpenApiDocument;
const nexusOnly: OpenApiDocument = {
  ...document,
  paths: Object.fromEntries(Object.entries(document.paths).filter(([path]) => path.startsWith("/projects/"))),
};

export const composeConfig = defineConfig({
  subgraphs: [
    {
      sourceHandler: loadOpenAPISubgraph("Nexus", {
        // The loader accepts a parsed document as well as a path (its typing says only a path).
        source: nexusOnly as unknown as string,
        endpoint: UPSTREAM_PLACEHOLDER,
        operationHeaders: { "Secret-Key": "{context.headers.x-nexus-secret-key}" },
      }),
    },
  ],
  additionalTypeDefs: /* GraphQL */ `
    extend type Job {
      dataset: getDataset_response
        @resolveTo(
          sourceName: "Nexus"
          sourceTypeName: "Query"
          sourceFieldName: "getDataset"
          requiredSelectionSet: "{ projectId spec { datasetId } }"
          sourceArgs: { projectId: "{root.projectId}", datasetId: "{root.spec.datasetId}" }
        )
    }
    extend type ResultDestination {
      webhook: getWebhook_response
        @resolveTo(
          sourceName: "Nexus"
          sourceTypeName: "Query"
          sourceFieldName: "getWebhook"
          requiredSelectionSet: "{ webhookId }"
          sourceArgs: { projectId: "{context.headers.x-nexus-project-id}", webhookId: "{root.webhookId}" }
        )
    }
  `,
});
