/**
 * The executable schema, built once per isolate: the SDL of `schema.graphql` (the source of truth, bundled as text)
 * plus the resolvers of the shared resources and of every backend in the registry (each brings its own types).
 */
import { makeExecutableSchema } from "@graphql-tools/schema";
import { GraphQLScalarType, Kind, parse, type GraphQLSchema } from "graphql";
import typeDefs from "../schema.graphql";
import type { Resolvers } from "./generated/resolvers-types";
import { BACKENDS } from "./backends/registry";
import { datasetResolvers } from "./resources/datasets";
import { jobResolvers } from "./resources/jobs";
import { nodeResolvers } from "./resources/node";
import { scalarResolvers } from "./resources/scalars";
import { subscriptionResolvers } from "./resources/subscriptions";

/**
 * The scalar implementations with the descriptions `schema.graphql` gives them: a scalar object in the resolver map
 * replaces the SDL's scalar wholesale, description included, so the file's text is copied onto it.
 */
function scalarsWithSdlDescriptions(sdl: string): Resolvers {
  const descriptions = new Map<string, string>();
  for (const definition of parse(sdl).definitions) {
    if (definition.kind === Kind.SCALAR_TYPE_DEFINITION && definition.description) {
      descriptions.set(definition.name.value, definition.description.value);
    }
  }
  return Object.fromEntries(
    (Object.entries(scalarResolvers) as [string, GraphQLScalarType<unknown, unknown>][]).map(([name, scalar]) => [
      name,
      new GraphQLScalarType({ ...scalar.toConfig(), description: descriptions.get(name) ?? scalar.description }),
    ]),
  );
}

/** Every resolver module, merged in this order (a later module's field resolver wins; none overlap today). */
export const resolverModules: object[] = [
  scalarsWithSdlDescriptions(typeDefs),
  nodeResolvers,
  datasetResolvers,
  jobResolvers,
  subscriptionResolvers,
  ...BACKENDS.flatMap((backend) => backend.resolvers),
];

/** The SDL the schema is built from (the text of `schema.graphql`). */
export const schemaSource: string = typeDefs;

/**
 * The gateway's executable schema. Building it throws at isolate start if the SDL and the resolvers disagree
 * (a resolver for a field the SDL lacks), so such a mistake never serves a request.
 */
export const schema: GraphQLSchema = makeExecutableSchema<unknown>({
  typeDefs,
  resolvers: resolverModules as Parameters<typeof makeExecutableSchema>[0]["resolvers"],
  resolverValidationOptions: { requireResolversToMatchSchema: "error" },
});
