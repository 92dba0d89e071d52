/**
 * Reading optional wire values for the ModelArts resolvers: the API omits what it has not made (counts while a task
 * starts) and writes `""` for what a dataset lacks (a version), and neither may break a response.
 */

/** A wire integer, or null when absent or not an integer. */
export function integerOrNull(value: unknown): number | null {
  return typeof value === "number" && Number.isInteger(value) ? value : null;
}

/** A wire count; 0 when absent (modelarts.md omits counts it has not made). */
export function countOf(value: unknown): number {
  return integerOrNull(value) ?? 0;
}

/** A wire string, or null when absent or empty (a dataset without a version has `""`). */
export function textOrNull(value: unknown): string | null {
  return typeof value === "string" && value !== "" ? value : null;
}

/** A wire object the gateway reads field by field (the nested parts of a dataset or task: versions, workers, …). */
export type WireObject = Readonly<Record<string, unknown>>;

/** A wire boolean, or null when absent or not a boolean. */
export function booleanOrNull(value: unknown): boolean | null {
  return typeof value === "boolean" ? value : null;
}

/** A finite wire number, or null. */
export function numberOrNull(value: unknown): number | null {
  return typeof value === "number" && Number.isFinite(value) ? value : null;
}

/** A wire time in milliseconds, or null when absent or not a finite number (0 counts as absent). */
export function timeOrNull(value: unknown): number | null {
  const time = numberOrNull(value);
  return time === null || time <= 0 ? null : time;
}

/** A plain wire object (not an array), or null. */
export function objectOrNull(value: unknown): WireObject | null {
  return typeof value === "object" && value !== null && !Array.isArray(value) ? (value as WireObject) : null;
}

/** The plain objects of a wire list; none when the value is not a list. */
export function objectsOf(value: unknown): WireObject[] {
  if (!Array.isArray(value)) return [];
  const objects: WireObject[] = [];
  for (const item of value as unknown[]) {
    const object = objectOrNull(item);
    if (object !== null) objects.push(object);
  }
  return objects;
}

/** The strings of a wire list; none when the value is not a list. */
export function stringsOf(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === "string") : [];
}

/** Resolvers reading named fields of a wire object as text (`""` reads as null). */
export function textFields<K extends string>(
  fields: Readonly<Record<K, string>>,
): Record<K, (parent: WireObject) => string | null> {
  return mapFields(fields, textOrNull);
}

/** Resolvers reading named fields of a wire object as integers. */
export function integerFields<K extends string>(
  fields: Readonly<Record<K, string>>,
): Record<K, (parent: WireObject) => number | null> {
  return mapFields(fields, integerOrNull);
}

/** Resolvers reading named fields of a wire object as booleans. */
export function booleanFields<K extends string>(
  fields: Readonly<Record<K, string>>,
): Record<K, (parent: WireObject) => boolean | null> {
  return mapFields(fields, booleanOrNull);
}

function mapFields<K extends string, T>(
  fields: Readonly<Record<K, string>>,
  read: (value: unknown) => T,
): Record<K, (parent: WireObject) => T> {
  const resolvers = {} as Record<K, (parent: WireObject) => T>;
  for (const [name, wireName] of Object.entries(fields) as [K, string][]) {
    resolvers[name] = (parent) => read(parent[wireName]);
  }
  return resolvers;
}
