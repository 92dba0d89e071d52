/**
 * The custom scalars: `DateTime` (ISO 8601 strings outside, epoch milliseconds inside), `File` (a multipart upload)
 * and `JSONObject`. Bad input gives a GraphQL error with code `BAD_USER_INPUT` naming what was expected.
 */
import { GraphQLError, GraphQLScalarType, Kind, valueFromASTUntyped, type ValueNode } from "graphql";

function badScalar(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: "BAD_USER_INPUT" } });
}

const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

/** Parses an ISO 8601 date-time with a time zone into epoch milliseconds. Throws `BAD_USER_INPUT` otherwise. */
export function parseDateTime(value: unknown): number {
  if (typeof value !== "string" || !ISO_DATE_TIME.test(value)) {
    throw badScalar(
      `DateTime must be an ISO 8601 date-time with a time zone, e.g. "2026-01-31T12:00:00Z"; got ${JSON.stringify(value)}.`,
    );
  }
  const ms = Date.parse(value);
  if (Number.isNaN(ms)) throw badScalar(`DateTime "${value}" is not a real date.`);
  return ms;
}

/** `DateTime`: serialises epoch milliseconds (or a Date, or an ISO string) to an ISO string; parses ISO strings. */
export const DateTimeScalar = new GraphQLScalarType<number, string>({
  name: "DateTime",
  serialize(value) {
    const ms = value instanceof Date ? value.getTime() : typeof value === "string" ? Date.parse(value) : value;
    if (typeof ms !== "number" || !Number.isFinite(ms)) {
      // An upstream timestamp we cannot read: a field error, not a crash of the whole response.
      throw new GraphQLError(`DateTime cannot represent ${JSON.stringify(value)}.`);
    }
    return new Date(ms).toISOString();
  },
  parseValue: parseDateTime,
  parseLiteral(ast) {
    if (ast.kind !== Kind.STRING) throw badScalar(`DateTime must be a string, got a ${ast.kind.toLowerCase()}.`);
    return parseDateTime(ast.value);
  },
});

/** `File`: only a file from a multipart request (the spec's map) is accepted. */
export const FileScalar = new GraphQLScalarType<File, never>({
  name: "File",
  serialize() {
    throw new GraphQLError("File is an input-only scalar.");
  },
  parseValue(value) {
    if (typeof File !== "undefined" && value instanceof File) return value;
    if (value instanceof Blob) return new File([value], "upload");
    throw badScalar("File must be sent as a file with a multipart request (GraphQL multipart request spec).");
  },
  parseLiteral() {
    throw badScalar("File cannot be written inline in a query: send it as a variable with a multipart request.");
  },
});

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** `JSONObject`: any JSON object, passed through. */
export const JSONObjectScalar = new GraphQLScalarType<Record<string, unknown>, Record<string, unknown>>({
  name: "JSONObject",
  serialize(value) {
    if (!isPlainObject(value)) throw new GraphQLError("JSONObject cannot represent a non-object value.");
    return value;
  },
  parseValue(value) {
    if (!isPlainObject(value)) throw badScalar(`JSONObject must be an object, got ${JSON.stringify(value)}.`);
    return value;
  },
  parseLiteral(ast: ValueNode, variables) {
    if (ast.kind !== Kind.OBJECT) throw badScalar(`JSONObject must be an object, got a ${ast.kind.toLowerCase()}.`);
    return valueFromASTUntyped(ast, variables) as Record<string, unknown>;
  },
});

/** The scalar resolvers, for the resolver map. */
export const scalarResolvers = {
  DateTime: DateTimeScalar,
  File: FileScalar,
  JSONObject: JSONObjectScalar,
};
