/**
 * The parents of Nexus's GraphQL types, for codegen (`codegen.ts` reads this file of every registered backend):
 * type name to `<module>#<type>`, the module relative to this folder. A type not listed here resolves from its
 * generated shape.
 */
export const codegenMappers: Readonly<Record<string, string>> = {
  NexusDataset: "./parents#NexusDatasetParent",
  NexusJob: "./parents#NexusJobParent",
  NexusWebhook: "./parents#NexusWebhookParent",
  NexusJobStatus: "./parents#NexusJobStatusParent",
  NexusItemCounters: "./parents#NexusItemCountersParent",
  NexusDatasetStatus: "./parents#NexusDatasetStatusParent",
  NexusDeployment: "./parents#NexusDeploymentParent",
  NexusEphemeralDeploymentTemplate: "./parents#NexusDeploymentTemplateParent",
  NexusDeploymentStatus: "./parents#NexusDeploymentStatusParent",
  NexusDeploymentVersion: "./parents#NexusDeploymentVersionParent",
  NexusDeploymentScaling: "./parents#NexusDeploymentScalingParent",
  NexusResultDestination: "./parents#NexusResultDestinationParent",
  UploadInstructions: "./parents#UploadInstructionsParent",
  NexusLogEntry: "./parents#NexusLogEntryParent",
  WebhookTestResult: "./parents#WebhookTestResultParent",
  NexusWebhookConnection: "./parents#NexusWebhookConnectionParent",
  NexusLogEntryConnection: "./parents#NexusLogEntryConnectionParent",
};
