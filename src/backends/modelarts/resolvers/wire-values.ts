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
