/**
 * The order of the gateway's merged lists, computed by a test from the items themselves (the gateway's rule is
 * `src/pagination/sort-key.ts`): newest first, ties by provider, then by the platform's own id.
 */

/** An item of a merged list, as a test selects it. */
export interface ListItem {
  id: string;
  provider: string;
  createdAt: string;
}

/** The backend's ref inside a global id (`<Type>:<ref>`). */
export function refOf(id: string): string {
  const text = Buffer.from(id, "base64url").toString("utf8");
  return text.slice(text.indexOf(":") + 1);
}

/** `items` in the gateway's list order (a new array). */
export function inListOrder<T extends ListItem>(items: readonly T[]): T[] {
  const text = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  return [...items].sort(
    (a, b) =>
      Date.parse(b.createdAt) - Date.parse(a.createdAt) ||
      text(a.provider, b.provider) ||
      text(refOf(a.id), refOf(b.id)),
  );
}
