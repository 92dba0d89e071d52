/**
 * The executable schema, built once per isolate: the shared SDL (`src/schema/shared.graphql`) plus the schema
 * fragment of every backend in the registry, in registry order (each backend brings its types, its `Provider` value
 * and its root fields), with the resolvers of the shared resources and of every backend. The top-level
 * `schema.graphql` is the same composition printed by `npm run schema`; a test fails when the two differ.
 */
import { makeExecutableSchema } from "@graphql-tools/schema";
import { buildASTSchema, concatAST, GraphQLScalarType, parse, type GraphQLSchema } from "graphql";
import sharedTypeDefs from "./schema/shared.graphql";
import type { Resolvers } from "./generated/resolvers-types";
import { BACKENDS } from "./backends/registry";
import { datasetResolvers } from "./resources/datasets";
import { jobResolvers } from "./resources/jobs";
import { nodeResolvers } from "./resources/node";
import { scalarResolvers } from "./resources/scalars";
import { subscriptionResolvers } from "./resources/subscriptions";

/**
 * The schema of the SDL alone: one document of the shared SDL and the backends' fragments, whose `extend` clauses
 * graphql-js applies in order (so `Provider`'s values and the root fields follow the registry). `scripts/
 * compose-schema.mjs` composes `schema.graphql` the same way. Throws at isolate start on a fragment that does not
 * fit (graphql-js's message names the type).
 */
const sdlSchema: GraphQLSchema = buildASTSchema(
  concatAST([sharedTypeDefs, ...BACKENDS.map((backend) => backend.typeDefs)].map((source) => parse(source))),
);

/**
 * The scalar implementations with the descriptions the SDL gives them: a scalar object in the resolver map replaces
 * the SDL's scalar wholesale, description included, so the SDL's text is copied onto it.
 */
function scalarsWithSdlDescriptions(sdl: GraphQLSchema): Resolvers {
  return Object.fromEntries(
    (Object.entries(scalarResolvers) as [string, GraphQLScalarType<unknown, unknown>][]).map(([name, scalar]) => [
      name,
      new GraphQLScalarType({
        ...scalar.toConfig(),
        description: sdl.getType(name)?.description ?? scalar.description,
      }),
    ]),
  );
}

/** Every resolver module, merged in this order (a later module's field resolver wins; none overlap today). */
export const resolverModules: object[] = [
  scalarsWithSdlDescriptions(sdlSchema),
  nodeResolvers,
  datasetResolvers,
  jobResolvers,
  subscriptionResolvers,
  ...BACKENDS.flatMap((backend) => backend.resolvers),
];

/**
 * The gateway's executable schema. Building it throws at isolate start if the SDL and the resolvers disagree
 * (a resolver for a field the SDL lacks), so such a mistake never serves a request.
 */
export const schema: GraphQLSchema = makeExecutableSchema<unknown>({
  // A built schema, not SDL: makeExecutableSchema would merge SDL with its own rules (which put an extension's
  // enum values before the definition's), and the composition must be graphql-js's, as `npm run schema` prints it.
  typeDefs: sdlSchema,
  resolvers: resolverModules as Parameters<typeof makeExecutableSchema>[0]["resolvers"],
  resolverValidationOptions: { requireResolversToMatchSchema: "error" },
});
