/**
 * The parent objects of the shared types: connections of models, whatever backend each item comes from. Each
 * backend's own types have their parents in its folder (`backends/<name>/parents.ts`).
 */
import type { DatasetModel, JobModel, NodeModel } from "../model";
import type { Connection } from "../pagination/connection";

/** A page of datasets. */
export type DatasetConnectionParent = Connection<DatasetModel>;
/** A page of jobs. */
export type JobConnectionParent = Connection<JobModel>;
/** Any object with a global id. */
export type NodeParent = NodeModel;
/** A dataset of any backend. */
export type DatasetParent = DatasetModel;
/** A job of any backend. */
export type JobParent = JobModel;
