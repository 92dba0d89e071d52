/**
 * How much of an upstream wire object a gateway answer carries: the wire object's distinctive leaf values (strings
 * longer than 2 characters, numbers other than 0 and 1), and which of them appear anywhere in the answer. Values are
 * compared as strings, after the conversions the gateway makes on purpose: a millisecond timestamp also matches its
 * ISO-8601 form, and an ISO-8601 string (`2021-03-03T18:58:10Z`) also matches its millisecond form, so that a time
 * the gateway turns into a `DateTime` still counts as carried. Booleans, 0, 1 and short strings say too little about
 * where they came from to count either way.
 */

/** Every leaf of `value` (strings, numbers, booleans; objects and arrays walked), depth first. */
function leaves(value: unknown, out: unknown[] = []): unknown[] {
  if (Array.isArray(value)) {
    for (const item of value) leaves(item, out);
  } else if (typeof value === "object" && value !== null) {
    for (const item of Object.values(value)) leaves(item, out);
  } else {
    out.push(value);
  }
  return out;
}

/** True for a number that is a plausible millisecond timestamp (between 2001 and 2286). */
function isEpochMs(value: number): boolean {
  return Number.isInteger(value) && value >= 1e12 && value < 1e13;
}

/**
 * The distinctive leaf values of `obj`, as strings: strings longer than 2 characters, and finite numbers other
 * than 0 and 1. Empty for a value without any.
 */
export function distinctiveLeafValues(obj: unknown): Set<string> {
  const values = new Set<string>();
  for (const leaf of leaves(obj)) {
    if (typeof leaf === "string" && leaf.length > 2) values.add(leaf);
    if (typeof leaf === "number" && Number.isFinite(leaf) && leaf !== 0 && leaf !== 1) values.add(String(leaf));
  }
  return values;
}

/** Every string form under which `value` may appear in an answer (itself, and the other form of a time). */
function formsOf(value: string): string[] {
  const forms = [value];
  const number = Number(value);
  if (/^\d+$/.test(value) && isEpochMs(number)) forms.push(new Date(number).toISOString());
  if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/.test(value)) {
    const ms = Date.parse(value);
    if (Number.isFinite(ms)) forms.push(String(ms), new Date(ms).toISOString());
  }
  return forms;
}

/** The result of {@link coverage}: the share of the wire's distinctive values found, and those not found. */
export interface Coverage {
  /** Found / distinctive, from 0 to 1; 1 when the wire object has no distinctive value. */
  ratio: number;
  /** The wire's distinctive values that appear nowhere in the answer, sorted. */
  missing: string[];
}

/**
 * How much of `wire` (an upstream object as the emulator answers it) appears in `answer` (the gateway's answer):
 * each distinctive leaf value of the wire counts as found when one of its forms is a leaf value of the answer.
 * Exact leaves only: a value the gateway embeds in another (an upstream id inside a global id) does not count.
 */
export function coverage(wire: unknown, answer: unknown): Coverage {
  const wanted = distinctiveLeafValues(wire);
  const found = distinctiveLeafValues(answer);
  const missing: string[] = [];
  for (const value of wanted) {
    if (!formsOf(value).some((form) => found.has(form))) missing.push(value);
  }
  missing.sort();
  return { ratio: wanted.size === 0 ? 1 : (wanted.size - missing.length) / wanted.size, missing };
}
