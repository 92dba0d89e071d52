/**
 * GraphQL Code Generator: resolver types generated from `schema.graphql` (the API's source of truth) into
 * `src/generated/resolvers-types.ts`, which is committed. Run `npm run codegen` after editing the schema; a test
 * fails when the committed file is stale.
 */
import type { CodegenConfig } from "@graphql-codegen/cli";

const parents = "../resources/parents#";

const config: CodegenConfig = {
  schema: "schema.graphql",
  generates: {
    "src/generated/resolvers-types.ts": {
      plugins: [
        "typescript",
        "typescript-resolvers",
      ],
      config: {
        useTypeImports: true,
        enumsAsTypes: true,
        contextType: "../context#GatewayContext",
        scalars: {
          DateTime: { input: "number", output: "number | string" },
          File: { input: "File", output: "never" },
          JSONObject: "Record<string, unknown>",
        },
        mappers: {
          NexusDataset: `${parents}NexusDatasetParent`,
          NexusJob: `${parents}NexusJobParent`,
          NexusWebhook: `${parents}NexusWebhookParent`,
          NexusJobStatus: `${parents}NexusJobStatusParent`,
          NexusItemCounters: `${parents}NexusItemCountersParent`,
          NexusDatasetStatus: `${parents}NexusDatasetStatusParent`,
          NexusDeployment: `${parents}NexusDeploymentParent`,
          NexusResultDestination: `${parents}NexusResultDestinationParent`,
          UploadInstructions: `${parents}UploadInstructionsParent`,
          NexusLogEntry: `${parents}NexusLogEntryParent`,
          WebhookTestResult: `${parents}WebhookTestResultParent`,
          DatasetConnection: `${parents}DatasetConnectionParent`,
          JobConnection: `${parents}JobConnectionParent`,
          NexusWebhookConnection: `${parents}NexusWebhookConnectionParent`,
        },
      },
    },
  },
};

export default config;
