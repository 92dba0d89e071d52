/**
 * The one order of every list: newest first by creation time, then by provider, then by the backend's reference.
 * Within one backend that is (createdAt desc, ref asc), the order the first cursors of this API used, so those
 * cursors keep their meaning; across backends the provider breaks ties, so a merged list has one stable order.
 */
import type { Provider } from "../model";

/** The position of an item in a list. */
export interface SortKey {
  createdAt: number;
  provider: Provider;
  ref: string;
}

/** The position key of any model object. */
export function sortKeyOf(item: { createdAt: number; provider: Provider; ref: string }): SortKey {
  return { createdAt: item.createdAt, provider: item.provider, ref: item.ref };
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Orders keys newest first, then by provider, then by ref. Negative when `a` comes first. */
export function compareSortKeys(a: SortKey, b: SortKey): number {
  if (a.createdAt !== b.createdAt) return b.createdAt - a.createdAt;
  return compareText(a.provider, b.provider) || compareText(a.ref, b.ref);
}

/** A text that is equal for equal keys (for de-duplication). */
export function sortKeyId(key: SortKey): string {
  return `${key.provider}:${key.ref}`;
}
