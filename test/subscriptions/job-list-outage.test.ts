/**
 * `jobListUpdated` over two platforms (Nexus and ModelArts, this file's demo projects) while one of them is down,
 * through the front door on both transports. As the `jobs` query does, the live list keeps showing the platforms that
 * answer: each message lacks the failed platform's jobs and carries one error naming it (`extensions.provider`),
 * and the platform's jobs come back (as `added`) once it answers again. Only when every platform is down does the
 * subscription fail; refused credentials still fail it whole (they must end the listener, not show half a list).
 */
import { afterEach, describe, expect, it } from "vitest";
import { credentialHeaders, MA, modelArts, NEXUS } from "../modelarts/helpers";
import { clearFaults, setFaults } from "../utils/emulator-control";
import { sseClient, waitFor, watch, wsClient, type Result, type TestProject, type Watch } from "./helpers";

const BOTH: TestProject & Record<string, string> = {
  "x-nexus-project-id": NEXUS.project,
  "x-nexus-secret-key": NEXUS.key,
  ...credentialHeaders({ modelarts: MA }),
};
/** Nexus's 40 demo jobs and ModelArts's 20 export tasks fit on one page of 100. */
const LIST = /* GraphQL */ `
  subscription {
    jobListUpdated(first: 100) {
      jobs { edges { node { id provider } } }
      added
      removed
    }
  }
`;

interface ListMessage {
  jobs: { edges: { node: { id: string; provider: string } }[] };
  added: string[];
  removed: string[];
}

const messageOf = (result: Result): ListMessage | null =>
  (result.data as { jobListUpdated?: ListMessage } | null | undefined)?.jobListUpdated ?? null;
const providersOf = (message: ListMessage | null): string[] =>
  [...new Set(message?.jobs.edges.map((edge) => edge.node.provider) ?? [])].sort();

const watches: Watch[] = [];
const clientOf = (transport: "graphql-ws" | "SSE") => (transport === "SSE" ? sseClient(BOTH) : wsClient(BOTH));

afterEach(async () => {
  for (const open of watches.splice(0)) open.stop();
  await Promise.all([modelArts.clearFaults(), clearFaults()]);
});

describe.each(["graphql-ws", "SSE"] as const)("jobListUpdated over two platforms (%s)", (transport) => {
  it("shows the platform that answers while the other is down, names the missing one, and takes it back", async () => {
    await modelArts.setFaults({ errorRate: 1, errorStatus: 503 });
    const live = watch(clientOf(transport), LIST);
    watches.push(live);
    await waitFor(() => live.results.length > 0 || live.ended(), "the first message", { timeoutMs: 25_000 });
    const [first] = live.results;
    expect(live.ended(), JSON.stringify(await Promise.race([live.done, Promise.resolve(null)]))).toBe(false);
    expect(providersOf(messageOf(first ?? {}))).toEqual(["NEXUS"]);
    expect(messageOf(first ?? {})?.jobs.edges).toHaveLength(40);
    expect(first?.errors).toHaveLength(1);
    expect(first?.errors?.[0]).toMatchObject({
      path: ["jobListUpdated"],
      extensions: { code: "UPSTREAM_UNAVAILABLE", provider: "MODELARTS" },
    });

    await modelArts.clearFaults();
    await waitFor(
      () => live.results.some((result) => providersOf(messageOf(result)).includes("MODELARTS")),
      "a message with ModelArts's tasks back",
      { timeoutMs: 25_000 },
    );
    const back = live.results.find((result) => providersOf(messageOf(result)).includes("MODELARTS"));
    expect(back?.errors).toBeUndefined();
    expect(providersOf(messageOf(back ?? {}))).toEqual(["MODELARTS", "NEXUS"]);
    const message = messageOf(back ?? {});
    const tasks = message?.jobs.edges.filter((edge) => edge.node.provider === "MODELARTS").map((edge) => edge.node.id);
    expect(tasks).toHaveLength(20);
    expect([...(message?.added ?? [])].sort()).toEqual([...(tasks ?? [])].sort());
    expect(live.ended()).toBe(false);
  });

  it("drops a platform that goes down while it is watched, saying so, and goes on", async () => {
    const live = watch(clientOf(transport), LIST);
    watches.push(live);
    await waitFor(() => live.results.length > 0, "the first message", { timeoutMs: 25_000 });
    const [first] = live.results;
    expect(first?.errors).toBeUndefined();
    expect(providersOf(messageOf(first ?? {}))).toEqual(["MODELARTS", "NEXUS"]);
    const tasks = messageOf(first ?? {})
      ?.jobs.edges.filter((edge) => edge.node.provider === "MODELARTS")
      .map((edge) => edge.node.id);

    await modelArts.setFaults({ errorRate: 1, errorStatus: 503 });
    await waitFor(() => live.results.some((result) => result.errors !== undefined), "a message naming ModelArts", {
      timeoutMs: 25_000,
    });
    const down = live.results.find((result) => result.errors !== undefined);
    expect(down?.errors).toHaveLength(1);
    expect(down?.errors?.[0]).toMatchObject({
      path: ["jobListUpdated"],
      extensions: { code: "UPSTREAM_UNAVAILABLE", provider: "MODELARTS" },
    });
    expect(providersOf(messageOf(down ?? {}))).toEqual(["NEXUS"]);
    expect([...(messageOf(down ?? {})?.removed ?? [])].sort()).toEqual([...(tasks ?? [])].sort());
    expect(live.ended()).toBe(false);
  });

  it("fails with the first platform's error, and no data, when every platform is down", async () => {
    await Promise.all([
      modelArts.setFaults({ errorRate: 1, errorStatus: 503 }),
      setFaults({ errorRate: 1, errorStatus: 503 }),
    ]);
    const live = watch(clientOf(transport), LIST);
    watches.push(live);
    await waitFor(() => live.results.length > 0 || live.ended(), "the refusal", { timeoutMs: 25_000 });
    const outcome = live.results[0] ?? (await live.done);
    const errors = "errors" in outcome ? outcome.errors : (outcome as { error: unknown }).error;
    expect(JSON.stringify(errors)).toContain("UPSTREAM_UNAVAILABLE");
    expect(live.results.every((result) => messageOf(result) === null)).toBe(true);
  });

  it("still fails whole when one platform refuses the caller's credentials", async () => {
    const refused = { ...BOTH, "x-modelarts-token": "not-a-token-of-this-project" };
    const client = transport === "SSE" ? sseClient(refused) : wsClient(refused);
    const live = watch(client, LIST);
    watches.push(live);
    await waitFor(() => live.results.length > 0 || live.ended(), "the refusal", { timeoutMs: 25_000 });
    expect(live.results.every((result) => messageOf(result) === null)).toBe(true);
    const outcome = live.results[0] ?? (await live.done);
    expect(JSON.stringify(outcome)).toMatch(/"provider":"MODELARTS"|modelarts/i);
    expect(JSON.stringify(outcome)).not.toContain("UPSTREAM_UNAVAILABLE");
  });
});
