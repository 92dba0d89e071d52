/**
 * The resolvers of the fields every backend's datasets and jobs share (the `Dataset` and `Job` interfaces), read
 * from the neutral model. Each backend's types spread them in (`...datasetModelFields`), so the shared fields
 * resolve the same way on every platform.
 */
import { toGlobalId } from "../global-id";
import type { Provider as ProviderValue } from "../generated/resolvers-types";
import type { DatasetModel, JobModel, ModelBase } from "../model";

/**
 * `provider`: the model's provider as a value of the GraphQL enum. A backend's provider is the value its own schema
 * fragment adds to `Provider` (the model keeps it as a plain string, below the generated types); were it not,
 * graphql-js would refuse to serialise it, as for any enum value it does not know.
 */
function providerOf(model: Pick<ModelBase<unknown>, "provider">): ProviderValue {
  return model.provider as ProviderValue;
}

/** `id`: the global id of any model object. */
export function globalIdOf(model: Pick<ModelBase<unknown>, "typename" | "ref">): string {
  return toGlobalId(model.typename, model.ref);
}

/** The shared fields of a dataset type. */
export const datasetModelFields = {
  id: (dataset: DatasetModel) => globalIdOf(dataset),
  provider: (dataset: DatasetModel) => providerOf(dataset),
  name: (dataset: DatasetModel) => dataset.name,
  createdAt: (dataset: DatasetModel) => dataset.createdAt,
  updatedAt: (dataset: DatasetModel) => dataset.updatedAt,
  state: (dataset: DatasetModel) => dataset.state,
};

/** The shared fields of a job type (`progress` is each backend's: it may need more than the job). */
export const jobModelFields = {
  id: (job: JobModel) => globalIdOf(job),
  provider: (job: JobModel) => providerOf(job),
  name: (job: JobModel) => job.name,
  createdAt: (job: JobModel) => job.createdAt,
  updatedAt: (job: JobModel) => job.updatedAt,
  state: (job: JobModel) => job.state,
};
