/**
 * Job mutations: `createJob` (existing or ephemeral deployment, start and stop times), `cancelJob` (the API has no
 * cancel endpoint: a PATCH of `spec.stopAtTime` to now) and `deleteJob`.
 */
import type { GatewayContext, IdResolver } from "../../gateway-context";
import { badUserInput } from "../../../errors";
import type { CreateJobInput, Resolvers } from "../../../generated/resolvers-types";
import { toGlobalId } from "../../../global-id";
import { nexusSession } from "../session";
import { jobFromNexus, type NexusJobModel } from "../to-model";
import type { NexusCreateJobBody, NexusDeploymentCreate, NexusJob } from "../types";

function deploymentFromInput(input: CreateJobInput): NexusDeploymentCreate {
  const ephemeral = input.ephemeralDeployment;
  if ((input.deploymentId == null) === (ephemeral == null)) {
    throw badUserInput("Give exactly one of input.deploymentId and input.ephemeralDeployment.");
  }
  if (input.deploymentId != null) {
    if (input.deploymentId.trim() === "") throw badUserInput("input.deploymentId must not be empty.");
    return { kind: "ExistingDeployment", deploymentId: input.deploymentId.trim() };
  }
  if (ephemeral == null) throw badUserInput("input.ephemeralDeployment is missing."); // unreachable, for the type
  if (!Number.isInteger(ephemeral.replicas) || ephemeral.replicas < 1) {
    throw badUserInput(`input.ephemeralDeployment.replicas must be a positive integer, got ${ephemeral.replicas}.`);
  }
  if (ephemeral.artifactId.trim() === "") throw badUserInput("input.ephemeralDeployment.artifactId must not be empty.");
  if (ephemeral.instanceId == null && ephemeral.resources == null) {
    throw badUserInput("Give input.ephemeralDeployment.instanceId, or input.ephemeralDeployment.resources instead.");
  }
  if (ephemeral.instanceId != null && ephemeral.instanceId.trim() === "") {
    throw badUserInput("input.ephemeralDeployment.instanceId must not be empty.");
  }
  return {
    kind: "NewEphemeralDeployment",
    template: {
      artifactId: ephemeral.artifactId,
      ...(ephemeral.instanceId == null ? {} : { instanceId: ephemeral.instanceId }),
      ...(ephemeral.resources == null ? {} : { resources: ephemeral.resources }),
      replicas: ephemeral.replicas,
      ...(ephemeral.name == null ? {} : { name: ephemeral.name }),
      ...(ephemeral.region == null ? {} : { region: ephemeral.region }),
      ...(ephemeral.versionTag == null ? {} : { versionTag: ephemeral.versionTag }),
      ...(ephemeral.options == null ? {} : { options: ephemeral.options }),
    },
  };
}

/** The upstream body of `createJob`. Throws `BAD_USER_INPUT` naming the input field that is wrong. */
export function createJobBody(input: CreateJobInput, ids: IdResolver): NexusCreateJobBody {
  const name = input.name.trim();
  if (name === "") throw badUserInput("input.name must not be empty.");
  if (input.startAt != null && input.stopAt != null && input.stopAt <= input.startAt) {
    throw badUserInput("input.stopAt must be after input.startAt.");
  }
  const webhookIds = input.webhookIds.map(
    (id, index) => ids.resolveOf(id, { typename: "NexusWebhook" }, `input.webhookIds[${index}]`).ref,
  );
  return {
    name,
    spec: {
      ...(input.startAt == null ? {} : { startAtTime: input.startAt }),
      ...(input.stopAt == null ? {} : { stopAtTime: input.stopAt }),
      datasetId: ids.resolveOf(input.datasetId, { typename: "NexusDataset" }, "input.datasetId").ref,
      deployment: deploymentFromInput(input),
      resultDelivery: { destinations: webhookIds.map((webhookId) => ({ kind: "Webhook", webhookId })) },
    },
  };
}

function primed(wire: NexusJob, context: GatewayContext): NexusJobModel {
  const session = nexusSession(context);
  const job = jobFromNexus(wire, session.tenant);
  session.loaders.jobById.clear(job.ref).prime(job.ref, job);
  return job;
}

/** `createJob`, `cancelJob` and `deleteJob`. */
export const jobMutationResolvers: Resolvers = {
  Mutation: {
    createJob: async (_root, { input }, context) => {
      const body = createJobBody(input, context.ids);
      return { job: primed(await nexusSession(context).client.createJob(body), context) };
    },
    cancelJob: async (_root, { id }, context) => {
      const rawId = context.ids.resolveOf(id, { typename: "NexusJob" }).ref;
      return { job: primed(await nexusSession(context).client.cancelJob(rawId, Date.now()), context) };
    },
    deleteJob: async (_root, { id }, context) => {
      const rawId = context.ids.resolveOf(id, { typename: "NexusJob" }).ref;
      const result = await nexusSession(context).client.deleteJob(rawId);
      return { id: toGlobalId("NexusJob", rawId), deleted: result.deleted };
    },
  },
};
