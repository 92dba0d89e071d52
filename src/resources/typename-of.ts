/**
 * The object type names an interface's `__resolveType` may answer, as the generated types list them (every
 * backend's types that implement it). A model names its own type (`typename`), so the shared resolvers hand it over
 * with this type instead of naming any backend's type.
 */
import type { Resolvers } from "../generated/resolvers-types";

/** The type names of the interface `I` (`"Dataset"`, `"Job"`, `"Node"`). */
export type TypenameOf<I extends "Dataset" | "Job" | "Node"> = Exclude<
  Awaited<ReturnType<NonNullable<Resolvers[I]>["__resolveType"]>>,
  null
>;
