/**
 * Graviti's dataset mutations: `createGravitiDataset`, `updateGravitiDataset` (name, alias, default branch) and
 * `deleteGravitiDataset`. Update and delete first find the dataset by its ref (`datasetByRef`: by name, then by
 * `id` after a rename), and act on the name it has now, so an id handed out before a rename never changes or
 * deletes another dataset that took the old name since.
 */
import type { GatewayContext } from "../../gateway-context";
import { badUserInput, GatewayError, UpstreamError, upstreamErrorInContext } from "../../../errors";
import type {
  CreateGravitiDatasetInput,
  Resolvers,
  UpdateGravitiDatasetInput,
} from "../../../generated/resolvers-types";
import { toGlobalId } from "../../../global-id";
import { gravitiSession, type GravitiSession } from "../session";
import { datasetFromGraviti, type GravitiDatasetModel } from "../to-model";
import type { GravitiDataset, GravitiUpdateDatasetBody } from "../types";

function primed(session: GravitiSession, wire: GravitiDataset): GravitiDatasetModel {
  const dataset = datasetFromGraviti(wire, session.tenant);
  session.prime(dataset);
  return dataset;
}

/** A text argument trimmed, or undefined when not given; `BAD_USER_INPUT` naming it when given but empty. */
function optionalName(value: string | null | undefined, argument: string): string | undefined {
  if (value == null) return undefined;
  const trimmed = value.trim();
  if (trimmed === "") throw badUserInput(`${argument} must not be empty.`);
  return trimmed;
}

/**
 * A not-found from a create or update that addressed something besides the dataset (a storage config, a branch):
 * the caller's input named a thing that does not exist, so it is `BAD_USER_INPUT`, not a missing dataset.
 */
function asBadInput(error: unknown): unknown {
  return error instanceof UpstreamError && error.reason === "not-found"
    ? upstreamErrorInContext(error, error.message, "bad-input")
    : error;
}

/** The dataset behind a global id, as it is now. Throws `NOT_FOUND` when it is gone (by name and by id). */
async function currentDataset(
  context: GatewayContext,
  session: GravitiSession,
  id: string,
  argument: string,
): Promise<GravitiDatasetModel> {
  const { ref } = context.ids.resolveOf(id, { typename: "GravitiDataset" }, argument);
  const dataset = await session.loaders.datasetByRef.load(ref);
  if (dataset === null)
    throw new GatewayError(
      "NOT_FOUND",
      `Argument "${argument}": no Graviti dataset has this id (by name or by gravitiId).`,
    );
  return dataset;
}

async function createDataset(
  input: CreateGravitiDatasetInput,
  context: GatewayContext,
): Promise<{ dataset: GravitiDatasetModel }> {
  const name = optionalName(input.name, "input.name") ?? "";
  const storageConfig = optionalName(input.storageConfig, "input.storageConfig");
  const session = gravitiSession(context);
  try {
    const wire = await session.client.createDataset({
      name,
      ...(input.alias == null ? {} : { alias: input.alias }),
      ...(storageConfig === undefined ? {} : { storage_config: storageConfig }),
      ...(input.withDraft == null ? {} : { with_draft: input.withDraft }),
    });
    return { dataset: primed(session, wire) };
  } catch (error) {
    throw asBadInput(error);
  }
}

async function updateDataset(
  input: UpdateGravitiDatasetInput,
  context: GatewayContext,
): Promise<{ dataset: GravitiDatasetModel }> {
  const body: GravitiUpdateDatasetBody = {};
  const name = optionalName(input.name, "input.name");
  const defaultBranch = optionalName(input.defaultBranch, "input.defaultBranch");
  if (name !== undefined) body.name = name;
  if (input.alias != null) body.alias = input.alias;
  if (defaultBranch !== undefined) body.default_branch = defaultBranch;
  if (Object.keys(body).length === 0)
    throw badUserInput("Give at least one of input.name, input.alias, input.defaultBranch.");
  const session = gravitiSession(context);
  const current = await currentDataset(context, session, input.id, "input.id");
  try {
    const wire = await session.client.updateDataset(current.wire.workspace, current.wire.name, body);
    return { dataset: primed(session, wire) };
  } catch (error) {
    // The dataset was just found: a not-found now is the branch named in the input.
    throw defaultBranch === undefined ? error : asBadInput(error);
  }
}

async function deleteDataset(id: string, context: GatewayContext): Promise<{ id: string; deleted: boolean }> {
  const session = gravitiSession(context);
  const current = await currentDataset(context, session, id, "id");
  await session.client.deleteDataset(current.wire.workspace, current.wire.name);
  session.loaders.datasetByRef.clear(current.ref);
  return { id: toGlobalId("GravitiDataset", current.ref), deleted: true };
}

/** `createGravitiDataset`, `updateGravitiDataset` and `deleteGravitiDataset`. */
export const gravitiDatasetMutationResolvers: Resolvers = {
  Mutation: {
    createGravitiDataset: (_root, { input }, context) => createDataset(input, context),
    updateGravitiDataset: (_root, { input }, context) => updateDataset(input, context),
    deleteGravitiDataset: (_root, { id }, context) => deleteDataset(id, context),
  },
};
