/**
 * Merged lists as parts: a list made of several sorted lists (each platform's part of `jobs`, each ModelArts
 * dataset's export tasks) says what its parts are, so that a page of it reads each part from where a cursor left it
 * (`merged-page.ts`) instead of walking every part from its start.
 */
import type { PageSource } from "./sources";

/** One part of a merged list. */
export interface Lane<T> {
  /** Its name in cursors (a provider, a dataset id): unique within its list, and stable between requests. */
  id: string;
  /** Its items, newest first: read by position when it can be, else walked. */
  source: PageSource<T>;
  /**
   * Records that reading this part failed: the page then goes on without its items. Absent: the failure is the
   * whole list's, and the page rejects with it.
   */
  fail?(error: unknown): void;
}

/** The parts of a merged list. */
export interface LaneSet<T> {
  /**
   * The parts a page reads: every one, or with `only`, those named (ids a cursor of this list carries, see
   * {@link LaneSet.forwardNeedsOnlyKnown}); an id that names no part is left out. Rejects with the error of the
   * read that finds the parts, if there is one.
   */
  lanes(only?: readonly string[]): Promise<readonly Lane<T>[]>;
  /**
   * True when a forward page from a cursor of this list needs only the parts the cursor says may still hold items
   * after it: the list's parts gain items only at their newest end (an item is created with the time of its
   * creation), and a part made after the cursor holds only newer items. Then the others are not read at all.
   */
  forwardNeedsOnlyKnown: boolean;
}
