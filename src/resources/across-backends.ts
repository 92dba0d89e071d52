/**
 * One list over several backends (`datasets`, `jobs`): each backend's page source, merged newest first, with each
 * platform's failure kept to its own part. When one platform fails, the others' items still come back, and the
 * result carries one error per failed platform at the list's path, with its usual code and `extensions.provider`
 * (through the request's field-error sink, `src/field-errors.ts`). When every platform fails, the list fails as a
 * list of one backend does: null, with the first platform's error.
 */
import { GraphQLError, responsePathAsArray, type GraphQLResolveInfo } from "graphql";
import type { BackendSession } from "../backends/backend";
import type { GatewayContext } from "../backends/gateway-context";
import { toGraphQLError } from "../errors";
import type { Provider } from "../model";
import { isolatedSource, mergeSources, type PageSource } from "../pagination/sources";
import type { SortKey } from "../pagination/sort-key";

/** The merged list, and what to do with it once its page is built. */
export interface ListAcrossBackends<T> {
  source: PageSource<T>;
  /**
   * Rethrows the first platform's error when every platform failed while the page was built, else reports the
   * failed platforms' errors and returns `page` (call it after the page is built, before returning it).
   */
  settle<P>(page: P): P;
}

/** What goes wrong while the list is read, platform by platform. */
class Failures {
  private readonly byProvider = new Map<Provider, unknown>();

  constructor(
    private readonly total: number,
    private readonly context: GatewayContext,
    private readonly info: GraphQLResolveInfo,
    /** The platforms already reported for this list (by its walk or its count): one error each is enough. */
    private readonly reported: Set<Provider>,
  ) {}

  record(provider: Provider, error: unknown): void {
    if (!this.byProvider.has(provider)) this.byProvider.set(provider, error);
  }

  get everyPlatformFailed(): boolean {
    return this.byProvider.size === this.total;
  }

  firstError(): unknown {
    return this.byProvider.values().next().value;
  }

  report(): void {
    if (this.byProvider.size === 0) return;
    const path = responsePathAsArray(this.info.path);
    for (const [provider, error] of this.byProvider) {
      // A failed page and a failed count of one platform are the same outage.
      if (this.reported.has(provider)) continue;
      this.reported.add(provider);
      const mapped = toGraphQLError(error);
      this.context.fieldErrors.report(
        new GraphQLError(mapped.message, {
          nodes: this.info.fieldNodes,
          path,
          extensions: { ...mapped.extensions, provider },
        }),
      );
    }
    this.byProvider.clear();
  }
}

function buildList<T>(
  sessions: readonly BackendSession[],
  sourceOf: (session: BackendSession) => PageSource<T>,
  keyOf: (item: T) => SortKey,
  context: GatewayContext,
  info: GraphQLResolveInfo,
): ListAcrossBackends<T> {
  const [only] = sessions;
  if (sessions.length === 1 && only !== undefined) return { source: sourceOf(only), settle: (page) => page };
  const reported = new Set<Provider>();
  const pagesFailed = new Failures(sessions.length, context, info, reported);
  const countsFailed = new Failures(sessions.length, context, info, reported);
  const parts = sessions.map((session) => ({ provider: session.backend.provider, source: sourceOf(session) }));
  const merged = mergeSources(
    parts.map(({ provider, source }) => isolatedSource(source, (error) => pagesFailed.record(provider, error))),
    keyOf,
  );
  const counts = parts.map(({ provider, source }) =>
    isolatedSource(source, (error) => countsFailed.record(provider, error)),
  );
  // Each platform is one part of the merge, read from the cursor's position of it; its failure is its own.
  const lanes = parts.map(({ provider, source }) => ({
    id: provider,
    source,
    fail: (error: unknown) => pagesFailed.record(provider, error),
  }));
  return {
    source: {
      lanes: { lanes: () => Promise.resolve(lanes), forwardNeedsOnlyKnown: false },
      pages: (firstSize) => merged.pages(firstSize),
      count: async () => {
        const totals = await Promise.all(counts.map((source) => source.count()));
        if (countsFailed.everyPlatformFailed) throw countsFailed.firstError();
        countsFailed.report();
        return totals.reduce((sum, total) => sum + total, 0);
      },
    },
    settle: (page) => {
      if (pagesFailed.everyPlatformFailed) throw pagesFailed.firstError();
      pagesFailed.report();
      return page;
    },
  };
}

/**
 * The list of `sourceOf(session)` over the sessions `sessions()` gives, merged in `keyOf` order. Nothing is asked
 * (not even which sessions) until the source is read, so a page whose arguments are refused costs nothing. With one
 * session it is that session's source as it is (its failure is the field's). `totalCount` adds the platforms that
 * answered, and reports those that did not in the same way; it fails only when all of them fail.
 */
export function listAcrossBackends<T>(
  sessions: () => readonly BackendSession[],
  sourceOf: (session: BackendSession) => PageSource<T>,
  keyOf: (item: T) => SortKey,
  context: GatewayContext,
  info: GraphQLResolveInfo,
): ListAcrossBackends<T> {
  let built: ListAcrossBackends<T> | null = null;
  const build = (): ListAcrossBackends<T> => (built ??= buildList(sessions(), sourceOf, keyOf, context, info));
  return {
    source: {
      pages: (firstSize) => build().source.pages(firstSize),
      count: () => build().source.count(),
      // One platform's list can be read by position; a merged one is read part by part, each from its position.
      get positioned() {
        return build().source.positioned;
      },
      get lanes() {
        return build().source.lanes;
      },
    },
    settle: (page) => (built === null ? page : built.settle(page)),
  };
}
