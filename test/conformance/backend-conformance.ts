/**
 * The contract every backend keeps, written once: one table-driven suite that each backend's file runs with a
 * profile of it (`describeBackendConformance(profile)`), through the front door (GraphQL requests to a real
 * gateway under workerd). What only some backends offer (jobs, datasets) is a flag of the profile; what every
 * backend offers is checked for each:
 *
 * - `node(id)` gives back a listed object by its global id, the same type, id and provider;
 * - a text that is not an id, an id whose reference is outside its type's grammar, and an id of the wrong kind are
 *   `BAD_USER_INPUT` naming the argument, never a stack trace;
 * - each of its lists, filtered to it, walks forward and backward in pages of 1, 3 and 100 and sees every item once,
 *   in the one order (newest first), as many as `totalCount`;
 * - `first` with `last` is the spec's page (the first `first`, then the last `last`), and sizes and cursors out of
 *   the rule are refused, naming the argument;
 * - without its credentials (another backend's only), its list and its objects are `UNAUTHENTICATED`, and the
 *   message names its credential headers;
 * - when its upstream fails, a list over it and another backend keeps the other's items, with one coded error
 *   carrying `extensions.provider`;
 * - no answer carries one of its secrets or the emulators' keys (besides the leak watch of every answer,
 *   test/utils/leak-watch.ts, the answers of this suite are searched for the profile's own secrets).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { walk, type Page } from "../gateway/helpers";
import type { GqlError, GraphQLResponse, GraphQLTestClient } from "../utils/graphql-client";
import { LEAK_NEEDLES, leakIn } from "../utils/leak-needles";

/** A list of the shared schema: the `jobs` or the `datasets` connection, and the `job` or `dataset` field. */
export type SharedList = "jobs" | "datasets";

/** What a backend's list holds, as the profile knows it. */
export interface ListProfile {
  /** The GraphQL type of its items (`NexusJob`). */
  typename: string;
  /** How many items the file's tenant holds in it (the seed's count), when the profile knows; else `totalCount` is trusted. */
  count?: number;
}

/** How to make the backend's upstream fail for this file's tenant, and undo it. */
export interface UpstreamFailure {
  /** Turns the failure on (emulator faults on the tenant: every call answers 503). */
  start(): Promise<void>;
  /** Turns it off. */
  stop(): Promise<void>;
  /** The credential headers to send while it fails (default: {@link BackendConformanceProfile.headers}). */
  headers?(): Record<string, string>;
}

/** A backend as the conformance suite sees it. */
export interface BackendConformanceProfile {
  /** Its `Provider` value (`NEXUS`). */
  provider: string;
  /** Its name as its upstream errors start (`nexus`, from `nexus jobs.get: expected 2xx, …`). */
  name: string;
  /** The gateway to ask (read when the tests run, after `setup`). */
  client(): GraphQLTestClient;
  /** Makes the file's world ready before the suite: resets the emulator tenant, starts a gateway of the file's own. */
  setup?(): Promise<void>;
  /** Undoes `setup` after the suite (stops the file's gateway). */
  teardown?(): Promise<void>;
  /** The headers that carry its credentials for the file's tenant. */
  headers(): Record<string, string>;
  /** The names of those headers, as the `UNAUTHENTICATED` message must name them. */
  credentialHeaders: readonly string[];
  /** The secret values among its credentials (none may appear in any answer). */
  secrets(): readonly string[];
  /** The lists it offers through the shared connections (at least one). */
  lists: Partial<Record<SharedList, ListProfile>>;
  /** Another backend in the same gateway, which must keep answering when this one fails. */
  bystander: {
    provider: string;
    headers(): Record<string, string>;
    lists: readonly SharedList[];
  };
  /** How its upstream is made to fail. */
  upstreamFailure: UpstreamFailure;
}

/** An item of a list, as the suite selects it. */
interface Item {
  __typename: string;
  id: string;
  provider: string;
  createdAt: string;
}

/** The singular field of a list (`jobs` → `job`) and its kind's interface name (`Job`). */
const SINGULAR: Readonly<Record<SharedList, { field: string; kind: string }>> = {
  jobs: { field: "job", kind: "Job" },
  datasets: { field: "dataset", kind: "Dataset" },
};

const ITEM_FIELDS = "__typename id provider createdAt";

function listQuery(list: SharedList): string {
  return `query($first: Int, $after: String, $last: Int, $before: String, $provider: Provider) {
    list: ${list}(first: $first, after: $after, last: $last, before: $before, provider: $provider) {
      totalCount
      edges { cursor node { ${ITEM_FIELDS} } }
      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
    }
  }`;
}

type ListAnswer = { list: (Page<Item> & { totalCount: number }) | null };

/** A trace of a stack in an answer: a frame line, a source position, or a `stacktrace`/`exception` extension. */
const STACK_TRACE = /\n\s+at |\bat [\w.<>]+ \(|\.[cm]?[jt]s:\d+:\d+|"stacktrace"|"exception"/;

/** Asserts that `result` failed with exactly one error of `code` whose message is `message`, and no stack trace. */
function expectOneError(result: GraphQLResponse<unknown>, code: string, message: string | RegExp): GqlError {
  expect(result.body.errors, result.text).toHaveLength(1);
  const [error] = result.body.errors ?? [];
  expect(error?.extensions?.code, result.text).toBe(code);
  if (typeof message === "string") expect(error?.message).toBe(message);
  else expect(error?.message).toMatch(message);
  expect(result.text).not.toMatch(STACK_TRACE);
  if (error === undefined) throw new Error("no error");
  return error;
}

/** A global id as the gateway writes them (base64url of `<Type>:<ref>`), for ids the gateway never issued. */
function globalIdOf(typename: string, ref: string): string {
  return Buffer.from(`${typename}:${ref}`, "utf8").toString("base64url");
}

/**
 * Declares the conformance suite of the backend `profile` describes, in a `describe` named after its provider.
 * Runs `profile.setup` before it (60 s at most: a gateway of the file's own takes that long to start under load)
 * and `profile.teardown` after. The upstream-failure tests run last (a failing upstream may open the tenant's
 * circuit breaker); the failure is turned off after them whatever happens.
 */
export function describeBackendConformance(profile: BackendConformanceProfile): void {
  const lists = (Object.keys(profile.lists) as SharedList[]).filter((list) => profile.lists[list] !== undefined);
  if (lists.length === 0) throw new Error(`conformance: the ${profile.provider} profile offers no list`);
  /** Every answer this suite received, searched for secrets at the end. */
  const answers: string[] = [];

  const send = async <T>(
    document: string,
    variables: Record<string, unknown>,
    headers: Record<string, string>,
  ): Promise<GraphQLResponse<T>> => {
    const result = await profile.client().query<T>(document, variables, { headers });
    answers.push(result.text);
    return result;
  };
  const ask = <T>(document: string, variables: Record<string, unknown> = {}): Promise<GraphQLResponse<T>> =>
    send<T>(document, variables, profile.headers());

  /** One page of `list` filtered to this backend, failing the test on any error. */
  const page = async (
    list: SharedList,
    args: Record<string, unknown>,
  ): Promise<Page<Item> & { totalCount: number }> => {
    const result = await ask<ListAnswer>(listQuery(list), { ...args, provider: profile.provider });
    expect(result.body.errors, result.text).toBeUndefined();
    const connection = result.body.data?.list;
    if (connection == null) throw new Error(`${list}: no connection in ${result.text.slice(0, 300)}`);
    return connection;
  };

  /**
   * The whole list, in pages of 100 (the reference the other walks compare with). The promise is kept, not its
   * result, so that tests running at the same time (the walks) read the list once between them.
   */
  const everything = new Map<SharedList, Promise<{ items: Item[]; totalCount: number }>>();
  const readAll = async (list: SharedList): Promise<{ items: Item[]; totalCount: number }> => {
    const first = await page(list, { first: 1 });
    const { nodes } = await walk<Item>("forward", 100, (args) => page(list, args));
    return { items: nodes, totalCount: first.totalCount };
  };
  const all = (list: SharedList): Promise<{ items: Item[]; totalCount: number }> => {
    const known = everything.get(list) ?? readAll(list);
    everything.set(list, known);
    return known;
  };

  describe(`backend conformance: ${profile.provider}`, () => {
    beforeAll(async () => {
      await profile.setup?.();
    }, 120_000);

    afterAll(async () => {
      try {
        await profile.upstreamFailure.stop();
      } finally {
        await profile.teardown?.();
      }
    }, 60_000);

    describe.each(lists)("its %s list", (list) => {
      const expected = (): ListProfile => {
        const spec = profile.lists[list];
        if (spec === undefined) throw new Error(`no ${list} in the profile`);
        return spec;
      };

      it("holds its own items only, of its type, each once, newest first, as many as totalCount", async () => {
        const { items, totalCount } = await all(list);
        // Enough items for the walks to take several pages and for the first-with-last page below.
        expect(items.length).toBeGreaterThanOrEqual(5);
        expect(items.length).toBe(totalCount);
        const { count } = expected();
        if (count !== undefined) expect(items.length).toBe(count);
        expect(new Set(items.map((item) => item.provider))).toEqual(new Set([profile.provider]));
        expect(new Set(items.map((item) => item.__typename))).toEqual(new Set([expected().typename]));
        expect(new Set(items.map((item) => item.id)).size).toBe(items.length);
        const times = items.map((item) => Date.parse(item.createdAt));
        expect(times.every((time, index) => index === 0 || time <= (times[index - 1] ?? time))).toBe(true);
      });

      // The walks only read, so the three sizes and the two directions run at the same time: a walk is one request
      // after another, mostly waiting on the gateway and the emulator.
      it.concurrent.each([1, 3, 100])(
        "walks forward and backward in pages of %i and sees every item once, in order",
        async (size) => {
          const { items } = await all(list);
          const ids = items.map((item) => item.id);
          const [forward, backward] = await Promise.all([
            walk<Item>("forward", size, (args) => page(list, args), items.length + 2),
            walk<Item>("backward", size, (args) => page(list, args), items.length + 2),
          ]);
          expect(forward.nodes.map((item) => item.id)).toEqual(ids);
          expect(forward.pages).toBe(Math.max(1, Math.ceil(ids.length / size)));
          expect(backward.nodes.map((item) => item.id)).toEqual(ids);
          expect(backward.pages).toBe(Math.max(1, Math.ceil(ids.length / size)));
        },
        120_000,
      );

      it("gives the spec's page for first with last (the first `first`, then the last `last` of those)", async () => {
        const ids = (await all(list)).items.map((item) => item.id);
        const both = await page(list, { first: 3, last: 2 });
        expect(both.edges.map((edge) => edge.node.id)).toEqual(ids.slice(1, 3));
        expect(both.pageInfo.hasNextPage).toBe(ids.length > 3);
        expect(both.pageInfo.hasPreviousPage).toBe(true);
        const second = await page(list, { first: 2 });
        const after = await page(list, { first: 3, last: 1, after: second.pageInfo.endCursor });
        expect(after.edges.map((edge) => edge.node.id)).toEqual(ids.slice(4, 5));
      });

      it("refuses sizes and cursors out of the rule, naming the argument, before asking the upstream", async () => {
        const query = listQuery(list);
        const variables = { provider: profile.provider };
        const cases: [Record<string, unknown>, string][] = [
          [{ first: 0 }, 'Argument "first" must be an integer from 1 to 100, got 0.'],
          [{ last: 101 }, 'Argument "last" must be an integer from 1 to 100, got 101.'],
          [
            { first: 1, after: "not-a-cursor" },
            'Argument "after": not a cursor issued by this API. Use a cursor from pageInfo or an edge.',
          ],
        ];
        for (const [args, message] of cases) {
          expectOneError(await ask(query, { ...variables, ...args }), "BAD_USER_INPUT", message);
        }
        // A cursor of this list under the provider filter is another filter's cursor in the unfiltered list.
        const cursor = (await page(list, { first: 1 })).pageInfo.endCursor;
        expectOneError(
          await ask(query, { first: 1, after: cursor }),
          "BAD_USER_INPUT",
          'Argument "after": this cursor was issued for other filter arguments; use the same filters as the page it came from, or start again without a cursor.',
        );
        const other: SharedList = list === "jobs" ? "datasets" : "jobs";
        expectOneError(
          await ask(listQuery(other), { first: 1, before: cursor }),
          "BAD_USER_INPUT",
          `Argument "before": this cursor belongs to the "${list}" connection, not "${other}".`,
        );
      });

      it("gives back each listed object by its global id (node, nodes and its own field)", async () => {
        const items = (await all(list)).items.slice(0, 3);
        const { field } = SINGULAR[list];
        for (const item of items) {
          const result = await ask<{ node: Item | null; own: Item | null; nodes: (Item | null)[] }>(
            `query($id: ID!) {
              node(id: $id) { ... on ${SINGULAR[list].kind} { ${ITEM_FIELDS} } }
              own: ${field}(id: $id) { ${ITEM_FIELDS} }
              nodes(ids: [$id, $id]) { id }
            }`,
            { id: item.id },
          );
          expect(result.body.errors, result.text).toBeUndefined();
          expect(result.body.data?.node).toEqual(item);
          expect(result.body.data?.own).toEqual(item);
          expect(result.body.data?.nodes).toEqual([{ id: item.id }, { id: item.id }]);
        }
      });

      it("refuses an id of another kind in its own field, naming what was expected", async () => {
        const [item] = (await all(list)).items;
        if (item === undefined) throw new Error("empty list");
        const other: SharedList = list === "jobs" ? "datasets" : "jobs";
        const result = await ask(`query($id: ID!) { ${SINGULAR[other].field}(id: $id) { id } }`, { id: item.id });
        expectOneError(
          result,
          "BAD_USER_INPUT",
          `Argument "id": expected a ${SINGULAR[other].kind} id, got a ${expected().typename} id.`,
        );
      });

      it("refuses an id of its type whose reference is outside the type's grammar, as not an id", async () => {
        const id = globalIdOf(expected().typename, "../../etc/passwd");
        const result = await ask(`query($id: ID!) { node(id: $id) { id } }`, { id });
        expectOneError(result, "BAD_USER_INPUT", `Argument "id": "${id}" is not a valid id.`);
      });
    });

    it("refuses a text that is not an id, naming the argument, without a stack trace", async () => {
      for (const id of ["not-an-id", "", "%%%", globalIdOf("NoSuchType", "x")]) {
        const result = await ask(`query($id: ID!) { node(id: $id) { id } }`, { id });
        expectOneError(result, "BAD_USER_INPUT", `Argument "id": "${id}" is not a valid id.`);
        expect(result.body.data).toEqual({ node: null });
      }
    });

    describe("without its credentials (another backend's only)", () => {
      const message = (error: GqlError): void => {
        expect(error.message).toMatch(/^No credentials: /);
        for (const header of profile.credentialHeaders) expect(error.message).toContain(header);
      };

      it.each(lists)("its %s list is UNAUTHENTICATED, naming its credential headers", async (list) => {
        const result = await send<ListAnswer>(
          listQuery(list),
          { first: 1, provider: profile.provider },
          profile.bystander.headers(),
        );
        message(expectOneError(result, "UNAUTHENTICATED", /^No credentials: /));
        expect(result.body.data).toEqual({ list: null });
      });

      it.each(lists)("an object of its %s list is UNAUTHENTICATED by id", async (list) => {
        const [item] = (await all(list)).items;
        if (item === undefined) throw new Error("empty list");
        const result = await send(
          `query($id: ID!) { node(id: $id) { id } }`,
          { id: item.id },
          profile.bystander.headers(),
        );
        message(expectOneError(result, "UNAUTHENTICATED", /^No credentials: /));
      });
    });

    describe("when its upstream fails", () => {
      // One list is enough, and one is all a failing upstream may cost: enough failed calls in a row open the
      // tenant's circuit breaker, whose refusals no longer name the upstream's answer.
      const shared = lists.find((list) => profile.bystander.lists.includes(list));

      it("a list over it and another backend keeps the other's items, with one coded error naming it in extensions.provider", async () => {
        if (shared === undefined) throw new Error(`the bystander of ${profile.provider} shares none of its lists`);
        const headers = { ...profile.bystander.headers(), ...(profile.upstreamFailure.headers ?? profile.headers)() };
        await profile.upstreamFailure.start();
        const result = await send<ListAnswer>(listQuery(shared), { first: 100 }, headers);
        const providers = new Set(result.body.data?.list?.edges.map((edge) => edge.node.provider));
        expect(providers, result.text).toEqual(new Set([profile.bystander.provider]));
        expect(result.body.errors, result.text).toHaveLength(1);
        const [error] = result.body.errors ?? [];
        expect(error?.path).toEqual(["list"]);
        expect(error?.extensions?.code).toBe("UPSTREAM_UNAVAILABLE");
        expect(error?.extensions?.["provider"]).toBe(profile.provider);
        expect(error?.message).toMatch(new RegExp(`^${profile.name} \\S+: expected 2xx, got 5\\d\\d`));
        expect(result.text).not.toMatch(STACK_TRACE);
        // Filtered to it, the list fails as a whole, with the same code.
        const alone = await send<ListAnswer>(listQuery(shared), { first: 1, provider: profile.provider }, headers);
        expect(alone.body.data?.list ?? null).toBeNull();
        expect(alone.body.errors?.map((one) => one.extensions?.code)).toEqual(["UPSTREAM_UNAVAILABLE"]);
        expect(alone.text).not.toMatch(STACK_TRACE);
      }, 60_000);
    });

    it("put none of its secrets, and no emulator key, in any answer", () => {
      const secrets = profile.secrets();
      expect(secrets.length).toBeGreaterThan(0);
      expect(answers.length).toBeGreaterThan(10);
      const leaks = answers.flatMap((answer) => {
        const found = leakIn(answer, [...LEAK_NEEDLES, ...secrets]);
        return found === null ? [] : [found];
      });
      expect(leaks).toEqual([]);
    });
  });
}
