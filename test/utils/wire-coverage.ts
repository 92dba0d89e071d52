/**
 * How much of an upstream wire object a gateway answer carries, the one measure of the per-platform "every
 * documented field" tests (Nexus, Graviti, ModelArts): collect the distinctive leaf values of both (strings longer
 * than 2 characters, finite numbers other than 0 and 1: values that would not turn up by chance) and count how many
 * of the wire's appear anywhere in the answer. Field names differ between the two (snake_case upstream, camelCase
 * and nesting in GraphQL), so only values are compared.
 *
 * A value matches under the forms the gateway converts on purpose: a millisecond timestamp matches its ISO-8601 date
 * (also to the second, for a `DateTime` written without milliseconds), an ISO-8601 date matches its milliseconds,
 * and a numeric text (`"0.80"`) matches its number. Exact leaves only: a value the gateway embeds in another (an
 * upstream id inside a global id, a name inside a sentence) does not count. Booleans, 0, 1 and short strings say too
 * little about where they came from to count either way.
 */

/** Wire numbers at or above this are millisecond timestamps (after 2001-09-09). */
const MS_TIMESTAMP = 1_000_000_000_000;

/** Every leaf of `value` (strings, numbers, booleans, nulls; objects and arrays walked), depth first. */
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

/** A leaf as its distinctive text (a string longer than 2 characters, a finite number other than 0 and 1), or null. */
function distinctiveText(leaf: unknown): string | null {
  if (typeof leaf === "string") return leaf.length > 2 ? leaf : null;
  if (typeof leaf === "number") return Number.isFinite(leaf) && leaf !== 0 && leaf !== 1 ? String(leaf) : null;
  return null;
}

/**
 * The distinctive leaf values of `obj`, as text: strings longer than 2 characters, and finite numbers other than 0
 * and 1 (as `String(n)`), from every depth. Empty for a value without any.
 */
export function distinctiveLeafValues(obj: unknown): Set<string> {
  const values = new Set<string>();
  for (const leaf of leaves(obj)) {
    const text = distinctiveText(leaf);
    if (text !== null) values.add(text);
  }
  return values;
}

/**
 * The canonical forms a distinctive value stands for: `s:` its text, and `n:` its number when it is one, a numeric
 * text, or an ISO-8601 date (its milliseconds). Two values match when they share a form.
 */
function formsOf(text: string, leaf: unknown): string[] {
  if (typeof leaf === "number") return [`n:${leaf}`];
  const forms = [`s:${text}`];
  if (/^-?\d+(\.\d+)?$/.test(text)) forms.push(`n:${Number(text)}`);
  if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?$/.test(text)) {
    const ms = Date.parse(text);
    if (Number.isFinite(ms)) forms.push(`n:${ms}`);
  }
  return forms;
}

/** Every canonical form of every distinctive leaf of `value`. */
function formsIn(value: unknown): Set<string> {
  const forms = new Set<string>();
  for (const leaf of leaves(value)) {
    const text = distinctiveText(leaf);
    if (text !== null) for (const form of formsOf(text, leaf)) forms.add(form);
  }
  return forms;
}

/** What {@link wireCoverage} found. */
export interface WireCoverage {
  /** The share of the wire's distinctive values found in the answer, from 0 to 1 (1 when the wire has none). */
  ratio: number;
  /** How many distinctive values the wire has. */
  total: number;
  /** The wire's distinctive values the answer lacks, as text, sorted: for the failure message. */
  missing: string[];
}

/**
 * How much of `wire` (an upstream object as the API answered it) `answer` (the gateway's GraphQL data for the same
 * object, every field selected) carries, by the matching rules of the module comment. Pure; never throws.
 */
export function wireCoverage(wire: unknown, answer: unknown): WireCoverage {
  const found = formsIn(answer);
  const wanted = new Map<string, unknown>();
  for (const leaf of leaves(wire)) {
    const text = distinctiveText(leaf);
    if (text !== null && !wanted.has(text)) wanted.set(text, leaf);
  }
  const missing: string[] = [];
  for (const [text, leaf] of wanted) {
    const forms = formsOf(text, leaf);
    if (forms.some((form) => found.has(form))) continue;
    // A wire timestamp the gateway wrote as a date without milliseconds is still the same moment to the second.
    const ms = typeof leaf === "number" ? leaf : Number.NaN;
    if (Number.isInteger(ms) && ms >= MS_TIMESTAMP && found.has(`n:${Math.floor(ms / 1000) * 1000}`)) continue;
    missing.push(text);
  }
  missing.sort();
  return { ratio: wanted.size === 0 ? 1 : (wanted.size - missing.length) / wanted.size, total: wanted.size, missing };
}
