/**
 * How much of an upstream wire object a gateway answer carries: collect the distinctive leaf values of both (strings
 * longer than 2 characters, numbers other than 0 and 1: values that would not turn up by chance) and count how many
 * of the wire's appear anywhere in the answer. Field names differ between the two (snake_case upstream, camelCase
 * and nesting in GraphQL), so only values are compared. A millisecond timestamp on the wire matches the ISO date the
 * gateway's `DateTime` writes for it; a numeric text (`"0.80"`) matches the number. Used by the per-platform "every
 * documented field" tests (ModelArts, and in the same way Nexus and Graviti).
 */

/** A leaf value, normalised so that the same value reads the same on both sides. */
type Leaf = string;

/** Wire numbers above this are millisecond timestamps (after 2001-09-09). */
const MS_TIMESTAMP = 1_000_000_000_000;

function numberLeaf(value: number): Leaf | undefined {
  return value === 0 || value === 1 || !Number.isFinite(value) ? undefined : `n:${value}`;
}

/**
 * The leaf one value stands for, if it is distinctive: a date string stands for its milliseconds and a numeric text
 * for its number, so that the wire's `1704447736382` and `"0.80"` meet the answer's ISO date and `0.8`.
 */
function leafOfScalar(value: unknown): Leaf | undefined {
  if (typeof value === "number") return numberLeaf(value);
  if (typeof value !== "string" || value.length <= 2) return undefined;
  if (/^\d{4}-\d{2}-\d{2}T/.test(value)) {
    const ms = Date.parse(value);
    if (Number.isFinite(ms)) return numberLeaf(ms);
  }
  if (/^-?\d+(\.\d+)?$/.test(value)) return numberLeaf(Number(value));
  return `s:${value}`;
}

/** Every distinctive leaf value of `value` (objects and arrays walked to their leaves; keys are not values), as a set. */
export function distinctiveLeaves(value: unknown): Set<Leaf> {
  const leaves = new Set<Leaf>();
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) {
      for (const item of node) walk(item);
    } else if (typeof node === "object" && node !== null) {
      for (const child of Object.values(node)) walk(child);
    } else {
      const leaf = leafOfScalar(node);
      if (leaf !== undefined) leaves.add(leaf);
    }
  };
  walk(value);
  return leaves;
}

/** What {@link wireCoverage} found. */
export interface WireCoverage {
  /** The share of the wire's distinctive leaves found in the answer, from 0 to 1 (1 when the wire has none). */
  ratio: number;
  /** How many distinctive leaves the wire has. */
  total: number;
  /** The wire's leaves the answer lacks, readable (`s:…` a string, `n:…` a number), for the failure message. */
  missing: string[];
}

/**
 * How much of `wire` (an upstream object as the API answered it) `answer` (the gateway's GraphQL data for the same
 * object, every field selected) carries. Wire timestamps in milliseconds match the answer's ISO dates.
 */
export function wireCoverage(wire: unknown, answer: unknown): WireCoverage {
  const wanted = distinctiveLeaves(wire);
  const found = distinctiveLeaves(answer);
  const missing = [...wanted].filter((leaf) => {
    if (found.has(leaf)) return false;
    // A wire timestamp the gateway wrote as a date without milliseconds is still the same moment to the second.
    if (leaf.startsWith("n:")) {
      const ms = Number(leaf.slice(2));
      if (ms > MS_TIMESTAMP && found.has(`n:${Math.floor(ms / 1000) * 1000}`)) return false;
    }
    return true;
  });
  return { ratio: wanted.size === 0 ? 1 : (wanted.size - missing.length) / wanted.size, total: wanted.size, missing };
}
