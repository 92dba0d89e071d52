/**
 * The cost estimate of an operation: how many objects it could return, from the page sizes multiplied down the
 * tree. It bounds both the upstream calls (each object can need a load) and the response size, before any resolver
 * runs. It is computed with the operation's coerced variables, so `jobs(first: $n)` counts `$n`, not a default.
 *
 * The rule, per field that returns objects (leaves cost nothing):
 * - a connection (`…Connection`) is one object; its `edges` count its page size: `first`, else `last`, else the
 *   default page size (20);
 * - a list with `ids` (`nodes(ids:)`) counts its ids; a list with a `limit` argument counts its limit (its schema
 *   default when not given; no field has one since `NexusJob.logs` became a connection);
 * - introspection (`__schema`, `__type`) costs nothing here: its size is the schema's, and graphql-js's own
 *   rule (MaxIntrospectionDepthRule, in the specified rules) refuses nesting it into a bomb;
 * - any other field counts 1: the other lists (a job's webhooks and destinations, upload headers) are a few items
 *   each and lead to no paged list;
 * - a field's selections are paid once per object it returns, so costs multiply down the tree.
 * A page size that is not a positive integer counts 1: the field refuses it before its children run.
 */
import {
  getArgumentValues,
  getNamedType,
  getNullableType,
  isInterfaceType,
  isLeafType,
  isListType,
  isObjectType,
  Kind,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from "graphql";
import { DEFAULT_PAGE_SIZE } from "../pagination/paginate";

function positiveInteger(value: unknown): number | undefined {
  return typeof value === "number" && Number.isInteger(value) && value > 0 ? value : undefined;
}

function argumentsOf(
  field: GraphQLField<unknown, unknown>,
  node: FieldNode,
  variables: Record<string, unknown>,
): Record<string, unknown> {
  try {
    return getArgumentValues(field, node, variables);
  } catch {
    // An argument the field will refuse: it fails before its children run, so its own count of 1 is enough.
    return {};
  }
}

/** Estimates the cost of operations of one document; fragment costs are shared. */
class CostMeter {
  readonly #schema: GraphQLSchema;
  readonly #variables: Record<string, unknown>;
  readonly #fragments = new Map<string, FragmentDefinitionNode>();
  readonly #costs = new Map<string, number>();
  readonly #inProgress = new Set<string>();

  constructor(schema: GraphQLSchema, document: DocumentNode, variables: Record<string, unknown>) {
    this.#schema = schema;
    this.#variables = variables;
    for (const definition of document.definitions) {
      if (definition.kind === Kind.FRAGMENT_DEFINITION) this.#fragments.set(definition.name.value, definition);
    }
  }

  /** The cost of one instance of `selectionSet` under `parentType`; `page` is the page size of a connection. */
  selectionCost(selectionSet: SelectionSetNode, parentType: GraphQLNamedType | undefined, page?: number): number {
    let cost = 0;
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD) {
        cost += this.#fieldCost(selection, parentType, page);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        const condition = selection.typeCondition?.name.value;
        const type = condition === undefined ? parentType : (this.#schema.getType(condition) ?? undefined);
        cost += this.selectionCost(selection.selectionSet, type, page);
      } else {
        cost += this.#fragmentCost(selection.name.value, page);
      }
    }
    return cost;
  }

  #fieldCost(node: FieldNode, parentType: GraphQLNamedType | undefined, page: number | undefined): number {
    if (parentType === undefined || !(isObjectType(parentType) || isInterfaceType(parentType))) return 0;
    const field = parentType.getFields()[node.name.value];
    if (field === undefined) return 0;
    const type = getNamedType(field.type);
    if (isLeafType(type) || node.selectionSet === undefined) return 0;
    const args = argumentsOf(field, node, this.#variables);
    let count = 1;
    let childPage: number | undefined;
    if (node.name.value === "edges" && parentType.name.endsWith("Connection")) {
      count = page ?? DEFAULT_PAGE_SIZE;
    } else if (type.name.endsWith("Connection")) {
      const given = args["first"] ?? args["last"];
      childPage = given === undefined || given === null ? DEFAULT_PAGE_SIZE : (positiveInteger(given) ?? 1);
    } else if (isListType(getNullableType(field.type))) {
      const ids = args["ids"];
      if (Array.isArray(ids)) count = ids.length;
      else if ("limit" in args) count = positiveInteger(args["limit"]) ?? 1;
    }
    return count * (1 + this.selectionCost(node.selectionSet, type, childPage));
  }

  #fragmentCost(name: string, page: number | undefined): number {
    const key = `${name}|${page ?? ""}`;
    const known = this.#costs.get(key);
    if (known !== undefined) return known;
    const definition = this.#fragments.get(name);
    if (definition === undefined || this.#inProgress.has(key)) return 0;
    this.#inProgress.add(key);
    const type = this.#schema.getType(definition.typeCondition.name.value) ?? undefined;
    const cost = this.selectionCost(definition.selectionSet, type, page);
    this.#inProgress.delete(key);
    this.#costs.set(key, cost);
    return cost;
  }
}

/**
 * The estimated number of objects `operation` could return with these (already coerced) variables. May be
 * Infinity for an absurd query; never throws.
 */
export function operationCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown>,
): number {
  const rootType = schema.getRootType(operation.operation) ?? undefined;
  return new CostMeter(schema, document, variables).selectionCost(operation.selectionSet, rootType);
}
