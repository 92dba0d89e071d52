/**
 * GraphQL Code Generator: resolver types generated from `schema.graphql` (the API's source of truth) into
 * `src/generated/resolvers-types.ts`, which is committed. Run `npm run codegen` after editing the schema; a test
 * fails when the committed file is stale.
 */
import type { CodegenConfig } from "@graphql-codegen/cli";

const shared = "../backends/parents#";
const nexus = "../backends/nexus/parents#";
const graviti = "../backends/graviti/parents#";
const modelArts = "../backends/modelarts/parents#";

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
        contextType: "../backends/gateway-context#GatewayContext",
        scalars: {
          DateTime: { input: "number", output: "number | string" },
          File: { input: "File", output: "never" },
          JSONObject: "Record<string, unknown>",
        },
        mappers: {
          NexusDataset: `${nexus}NexusDatasetParent`,
          NexusJob: `${nexus}NexusJobParent`,
          NexusWebhook: `${nexus}NexusWebhookParent`,
          NexusJobStatus: `${nexus}NexusJobStatusParent`,
          NexusItemCounters: `${nexus}NexusItemCountersParent`,
          NexusDatasetStatus: `${nexus}NexusDatasetStatusParent`,
          NexusDeployment: `${nexus}NexusDeploymentParent`,
          NexusResultDestination: `${nexus}NexusResultDestinationParent`,
          UploadInstructions: `${nexus}UploadInstructionsParent`,
          NexusLogEntry: `${nexus}NexusLogEntryParent`,
          WebhookTestResult: `${nexus}WebhookTestResultParent`,
          Node: `${shared}NodeParent`,
          Dataset: `${shared}DatasetParent`,
          Job: `${shared}JobParent`,
          DatasetConnection: `${shared}DatasetConnectionParent`,
          JobConnection: `${shared}JobConnectionParent`,
          NexusWebhookConnection: `${nexus}NexusWebhookConnectionParent`,
          GravitiDataset: `${graviti}GravitiDatasetParent`,
          ModelArtsDataset: `${modelArts}ModelArtsDatasetParent`,
          ModelArtsExportTask: `${modelArts}ModelArtsExportTaskParent`,
          ModelArtsExportTaskConnection: `${modelArts}ModelArtsExportTaskConnectionParent`,
          ModelArtsExportParams: `${modelArts}ModelArtsExportParamsParent`,
          ModelArtsLabel: `${modelArts}ModelArtsLabelParent`,
          ModelArtsDataSource: `${modelArts}ModelArtsDataSourceParent`,
          ModelArtsSampleCounts: `${modelArts}ModelArtsSampleCountsParent`,
          NexusLogEntryConnection: `${nexus}NexusLogEntryConnectionParent`,
        },
      },
    },
  },
};

export default config;
