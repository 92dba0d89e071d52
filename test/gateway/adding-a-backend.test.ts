/**
 * Adding a backend is one folder and one registry line: a copy of the sources gets the in-memory backend
 * (test/fixtures/memory-backend/: its Backend object, resolvers and schema fragment) in `src/backends/memory/` and
 * one entry in `src/backends/registry.ts`, nothing else; the gateway built from that copy then serves it beside the
 * three real platforms: its own type and root field, the shared lists merged across all four, `node`, a provider
 * filter, and its credential header accepted (CORS) and read like any other backend's.
 */
import { cpSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestGateway, type TestGateway } from "../utils/test-gateway";
import { copyOfSources } from "../utils/workers-root";
import { registerMemoryBackend } from "../conformance/memory-gateway";
import { GRAVITI } from "../graviti/helpers";
import { credentialHeaders, MA } from "../modelarts/helpers";
import { DEMO, nexusHeaders, resetEmulator, upstreamRequests } from "./helpers";

const FIXTURE = fileURLToPath(new URL("../fixtures/memory-backend", import.meta.url));

interface JobNode {
  __typename: string;
  id: string;
  provider: string;
  name: string;
  shelf?: string;
}

let gateway: TestGateway;
let sourceLinesChanged: string[];

beforeAll(async () => {
  await resetEmulator();
  const root = copyOfSources();
  cpSync(FIXTURE, join(root, "src/backends/memory"), { recursive: true });
  const registryPath = join(root, "src/backends/registry.ts");
  const before = readFileSync(registryPath, "utf8");
  const after = registerMemoryBackend(before);
  writeFileSync(registryPath, after);
  const old = new Set(before.split("\n"));
  sourceLinesChanged = after.split("\n").filter((line) => !old.has(line));
  gateway = await startTestGateway({}, { root });
}, 90_000);

afterAll(async () => {
  await gateway?.dispose();
});

const CALLER = { ...nexusHeaders(DEMO), "x-memory-token": "any" };

describe("a backend added by one folder and one registry line", () => {
  it("took two changed lines of the registry (its import and its entry) and no other file", () => {
    expect(sourceLinesChanged).toEqual([
      'import { memoryBackend } from "./memory";',
      "export const BACKENDS: readonly AnyBackend[] = [nexusBackend, gravitiBackend, modelArtsBackend, memoryBackend];",
    ]);
  });

  it("serves its own type, its root field and its Provider value", async () => {
    const result = await gateway.graphql.query<{
      memoryJobCount: number;
      __type: { fields: { name: string }[] } | null;
      providers: { enumValues: { name: string }[] } | null;
    }>(
      `{ memoryJobCount __type(name: "MemoryJob") { fields { name } } providers: __type(name: "Provider") { enumValues { name } } }`,
      {},
      { headers: CALLER },
    );
    expect(result.body.errors, result.text).toBeUndefined();
    expect(result.body.data?.memoryJobCount).toBe(13);
    expect(result.body.data?.__type?.fields.map((field) => field.name)).toContain("shelf");
    expect(result.body.data?.providers?.enumValues.map((value) => value.name)).toEqual([
      "NEXUS",
      "GRAVITI",
      "MODELARTS",
      "MEMORY",
    ]);
  });

  it("merges its jobs with Nexus's in the shared jobs list, newest first, each once, both ways", async () => {
    const query = `query($first: Int, $after: String) {
      jobs(first: $first, after: $after) {
        edges { cursor node { __typename id provider name ... on MemoryJob { shelf } } }
        pageInfo { hasNextPage endCursor }
      }
    }`;
    const seen: JobNode[] = [];
    let after: string | null = null;
    for (let page = 0; page < 20; page += 1) {
      const result: Awaited<
        ReturnType<
          typeof gateway.graphql.query<{
            jobs: { edges: { node: JobNode }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } };
          }>
        >
      > = await gateway.graphql.query(query, { first: 7, after }, { headers: CALLER });
      expect(result.body.errors, result.text).toBeUndefined();
      const jobs = result.body.data?.jobs;
      if (jobs === undefined) throw new Error("no jobs");
      seen.push(...jobs.edges.map((edge) => edge.node));
      if (!jobs.pageInfo.hasNextPage) break;
      after = jobs.pageInfo.endCursor;
    }
    const memory = seen.filter((job) => job.provider === "MEMORY");
    expect(memory.map((job) => job.name)).toEqual(Array.from({ length: 13 }, (_, i) => `memory job ${i}`));
    expect(memory.every((job) => job.__typename === "MemoryJob" && job.shelf?.startsWith("shelf-") === true)).toBe(
      true,
    );
    expect(seen.filter((job) => job.provider === "NEXUS").length).toBeGreaterThan(0);
    expect(new Set(seen.map((job) => job.id)).size).toBe(seen.length);
    // Backwards from the end, in pages of 5, the same items in the same order.
    const backwards: JobNode[] = [];
    let before: string | null = null;
    for (let page = 0; page < 30; page += 1) {
      const result: Awaited<
        ReturnType<
          typeof gateway.graphql.query<{
            jobs: { edges: { node: JobNode }[]; pageInfo: { hasPreviousPage: boolean; startCursor: string | null } };
          }>
        >
      > = await gateway.graphql.query(
        `query($last: Int, $before: String) { jobs(last: $last, before: $before) { edges { node { __typename id provider name ... on MemoryJob { shelf } } } pageInfo { hasPreviousPage startCursor } } }`,
        { last: 5, before },
        { headers: CALLER },
      );
      expect(result.body.errors, result.text).toBeUndefined();
      const jobs = result.body.data?.jobs;
      if (jobs === undefined) throw new Error("no jobs");
      backwards.unshift(...jobs.edges.map((edge) => edge.node));
      if (!jobs.pageInfo.hasPreviousPage) break;
      before = jobs.pageInfo.startCursor;
    }
    expect(backwards.map((job) => job.id)).toEqual(seen.map((job) => job.id));
    // The Nexus part came from the emulator, as the tenant's demo project.
    expect((await upstreamRequests()).some((request) => request.path === `/projects/${DEMO.project}/batch/jobs`)).toBe(
      true,
    );
  });

  it("finds one of its jobs by global id and filters the list by its provider", async () => {
    const result = await gateway.graphql.query<{ jobs: { edges: { node: JobNode }[] } }>(
      `{ jobs(first: 3, provider: MEMORY) { edges { node { __typename id provider name } } } }`,
      {},
      { headers: CALLER },
    );
    expect(result.body.errors, result.text).toBeUndefined();
    const first = result.body.data?.jobs.edges[0]?.node;
    expect(result.body.data?.jobs.edges.map((edge) => edge.node.provider)).toEqual(["MEMORY", "MEMORY", "MEMORY"]);
    const byId = await gateway.graphql.query<{ node: JobNode | null }>(
      `query($id: ID!) { node(id: $id) { __typename id ... on MemoryJob { name shelf } } }`,
      { id: first?.id },
      { headers: CALLER },
    );
    expect(byId.body.errors, byId.text).toBeUndefined();
    expect(byId.body.data?.node).toEqual({
      __typename: "MemoryJob",
      id: first?.id,
      name: "memory job 0",
      shelf: "shelf-0",
    });
  });

  it("asks for its credentials like any backend: without its header, its part is UNAUTHENTICATED, naming the header", async () => {
    const result = await gateway.graphql.query(
      `{ memoryJobCount jobs(first: 1, provider: MEMORY) { edges { node { id } } } }`,
      {},
      { headers: nexusHeaders(DEMO) },
    );
    expect(result.body.errors?.map((error) => [error.extensions?.code, error.message])).toEqual([
      ["UNAUTHENTICATED", "No credentials: send the x-memory-token header, or configure MEMORY_TOKEN on the gateway."],
    ]);
  });

  it("lets a browser send its credential header cross-origin (CORS comes from the registry)", async () => {
    const response = await gateway.graphql.fetch({
      method: "OPTIONS",
      headers: {
        origin: "https://app.example.com",
        "access-control-request-method": "POST",
        "access-control-request-headers": "x-memory-token",
      },
    });
    expect(response.headers.get("access-control-allow-headers")?.toLowerCase()).toContain("x-memory-token");
  });

  it("leaves the three real platforms working in the same gateway", async () => {
    const result = await gateway.graphql.query<{ datasets: { edges: { node: { provider: string } }[] } }>(
      `{ datasets(first: 50) { edges { node { provider } } } }`,
      {},
      { headers: { ...CALLER, "x-graviti-access-key": GRAVITI.demo.key, ...credentialHeaders({ modelarts: MA }) } },
    );
    expect(result.body.errors, result.text).toBeUndefined();
    expect(new Set(result.body.data?.datasets.edges.map((edge) => edge.node.provider))).toEqual(
      new Set(["NEXUS", "GRAVITI", "MODELARTS"]),
    );
  });
});
