/**
 * The static shape of an operation, measured in one walk with its fragments expanded: how deep it goes, how many
 * aliases and directives it uses, and how many distinct root fields it asks for. Pure code over the AST and the
 * schema; the limits themselves are applied in operation-limits.ts.
 *
 * Depth is Relay-aware: a connection's `edges` and an edge's `node` are wrappers, not levels, so
 * `jobs { edges { node { dataset { name } } } }` is 3 deep, like the `jobs { dataset { name } }` it stands for.
 * Introspection counts like any other selection, except that a type's `ofType` is a wrapper too (GraphiQL's
 * introspection query unwraps nine of them; each is one object, not a level of lists).
 * Fragments are measured once each (a fragment spread ten times costs one walk, but counts ten times), and a
 * fragment cycle counts as nothing here (graphql-js's own rule reports it in the same validation pass).
 */
import {
  getNamedType,
  isInterfaceType,
  isObjectType,
  Kind,
  SchemaMetaFieldDef,
  TypeMetaFieldDef,
  type FragmentDefinitionNode,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLSchema,
  type SelectionSetNode,
} from "graphql";

/** What {@link measureOperation} finds. */
export interface OperationShape {
  depth: number;
  aliases: number;
  directives: number;
}

const EMPTY: OperationShape = { depth: 0, aliases: 0, directives: 0 };

/**
 * True for the wrapper fields that do not add a level: `edges` of a connection, `node` of an edge (Relay), and
 * `ofType` of an introspection `__Type`.
 */
export function isWrapperField(parentType: GraphQLNamedType | undefined, fieldName: string): boolean {
  if (parentType === undefined) return false;
  return (
    (fieldName === "edges" && parentType.name.endsWith("Connection")) ||
    (fieldName === "node" && parentType.name.endsWith("Edge")) ||
    (fieldName === "ofType" && parentType.name === "__Type")
  );
}

/**
 * The definition of a field of `parentType`, including the introspection meta fields (`__schema`, `__type`) that
 * `getFields()` leaves out; undefined when there is no such field (validation reports it).
 */
export function fieldDefinitionOf(
  schema: GraphQLSchema,
  parentType: GraphQLNamedType | undefined,
  fieldName: string,
): GraphQLField<unknown, unknown> | undefined {
  if (parentType === undefined || !(isObjectType(parentType) || isInterfaceType(parentType))) return undefined;
  if (parentType === schema.getQueryType()) {
    if (fieldName === SchemaMetaFieldDef.name) return SchemaMetaFieldDef;
    if (fieldName === TypeMetaFieldDef.name) return TypeMetaFieldDef;
  }
  return parentType.getFields()[fieldName];
}

/** Measures operations of one document; fragment measures are shared between its operations. */
export class OperationShapeMeter {
  readonly #schema: GraphQLSchema;
  readonly #fragment: (name: string) => FragmentDefinitionNode | null | undefined;
  readonly #measured = new Map<string, OperationShape>();
  readonly #inProgress = new Set<string>();

  /** `fragment` looks a fragment definition up by name (ValidationContext's `getFragment`). */
  constructor(schema: GraphQLSchema, fragment: (name: string) => FragmentDefinitionNode | null | undefined) {
    this.#schema = schema;
    this.#fragment = fragment;
  }

  /** The shape of a selection set whose parent is `parentType` (the root type for an operation). Never throws. */
  measure(selectionSet: SelectionSetNode, parentType: GraphQLNamedType | undefined): OperationShape {
    let { depth, aliases, directives } = EMPTY;
    const add = (inner: OperationShape, levels: number): void => {
      depth = Math.max(depth, levels + inner.depth);
      aliases += inner.aliases;
      directives += inner.directives;
    };
    for (const selection of selectionSet.selections) {
      directives += selection.directives?.length ?? 0;
      switch (selection.kind) {
        case Kind.FIELD: {
          const name = selection.name.value;
          if (selection.alias !== undefined && name !== "__typename") aliases += 1;
          const field = fieldDefinitionOf(this.#schema, parentType, name);
          const inner =
            selection.selectionSet === undefined
              ? EMPTY
              : this.measure(selection.selectionSet, field === undefined ? undefined : getNamedType(field.type));
          add(inner, isWrapperField(parentType, name) ? 0 : 1);
          break;
        }
        case Kind.INLINE_FRAGMENT: {
          const condition = selection.typeCondition?.name.value;
          add(
            this.measure(
              selection.selectionSet,
              condition === undefined ? parentType : (this.#schema.getType(condition) ?? undefined),
            ),
            0,
          );
          break;
        }
        case Kind.FRAGMENT_SPREAD:
          add(this.#measureFragment(selection.name.value), 0);
          break;
      }
    }
    return { depth, aliases, directives };
  }

  #measureFragment(name: string): OperationShape {
    const known = this.#measured.get(name);
    if (known !== undefined) return known;
    const definition = this.#fragment(name);
    if (definition === null || definition === undefined || this.#inProgress.has(name)) return EMPTY;
    this.#inProgress.add(name);
    const type = this.#schema.getType(definition.typeCondition.name.value) ?? undefined;
    const inner = this.measure(definition.selectionSet, type);
    this.#inProgress.delete(name);
    const shape = { ...inner, directives: inner.directives + (definition.directives?.length ?? 0) };
    this.#measured.set(name, shape);
    return shape;
  }
}

/**
 * The distinct response keys at the root of an operation, fragments expanded, `__typename` not counted (it costs
 * nothing). Fragment cycles are skipped.
 */
export function rootResponseKeys(
  selectionSet: SelectionSetNode,
  fragment: (name: string) => FragmentDefinitionNode | null | undefined,
  keys: Set<string> = new Set(),
  visited: Set<string> = new Set(),
): Set<string> {
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) {
      if (selection.name.value !== "__typename") keys.add(selection.alias?.value ?? selection.name.value);
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      rootResponseKeys(selection.selectionSet, fragment, keys, visited);
    } else if (!visited.has(selection.name.value)) {
      visited.add(selection.name.value);
      const definition = fragment(selection.name.value);
      if (definition) rootResponseKeys(definition.selectionSet, fragment, keys, visited);
    }
  }
  return keys;
}
