/**
 * The parents of Graviti's GraphQL types, for codegen (`codegen.ts` reads this file of every registered backend):
 * type name to `<module>#<type>`, the module relative to this folder. A type not listed here resolves from its
 * generated shape.
 */
export const codegenMappers: Readonly<Record<string, string>> = {
  GravitiDataset: "./parents#GravitiDatasetParent",
};
