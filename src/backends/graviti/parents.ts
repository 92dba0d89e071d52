/**
 * The parent (source) objects behind the Graviti types of the schema: what a resolver returns and the next resolver
 * receives. Codegen maps the GraphQL types to these (see `codegen.ts`).
 */
import type { GravitiDatasetModel } from "./to-model";

/** A Graviti dataset. */
export type GravitiDatasetParent = GravitiDatasetModel;
