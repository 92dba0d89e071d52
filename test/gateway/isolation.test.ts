/**
 * Project isolation: each caller sees only its own project, another project's ids resolve to null, and a key
 * used for another project's id is FORBIDDEN.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { DEMO, gql, gqlData, OTHER, resetEmulator, upstreamGet } from "./helpers";

let demoJobIds: string[];
let otherJobIds: string[];

beforeAll(async () => {
  await resetEmulator();
  demoJobIds = (await upstreamGet<{ data: { id: string }[] }>("jobs?limit=1000", DEMO)).body.data.map((job) => job.id);
  otherJobIds = (await upstreamGet<{ data: { id: string }[] }>("jobs?limit=1000", OTHER)).body.data.map(
    (job) => job.id,
  );
});

describe("project isolation", () => {
  it("lists only the caller's own jobs", async () => {
    const query = `{ jobs(first: 100) { edges { node { ... on NexusJob { nexusId projectId } } } } }`;
    const demo = await gqlData<{ jobs: { edges: { node: { nexusId: string; projectId: string } }[] } }>(
      query,
      {},
      DEMO,
    );
    const other = await gqlData<{ jobs: { edges: { node: { nexusId: string; projectId: string } }[] } }>(
      query,
      {},
      OTHER,
    );
    expect(new Set(demo.jobs.edges.map((edge) => edge.node.nexusId))).toEqual(new Set(demoJobIds));
    expect(new Set(other.jobs.edges.map((edge) => edge.node.nexusId))).toEqual(new Set(otherJobIds));
    expect(new Set(other.jobs.edges.map((edge) => edge.node.projectId))).toEqual(new Set([OTHER.project]));
  });

  it("resolves another project's job id to null, through job and node", async () => {
    const demoJob = demoJobIds[0];
    const global = await gqlData<{ job: { id: string } }>(
      `query($id: ID!) { job(id: $id) { id } }`,
      { id: demoJob },
      DEMO,
    );
    const result = await gql<{ job: unknown; node: unknown }>(
      `query($raw: ID!, $global: ID!) { job(id: $raw) { id } node(id: $global) { id } }`,
      { raw: demoJob, global: global.job.id },
      OTHER,
    );
    expect(result.body.errors).toBeUndefined();
    expect(result.body.data).toEqual({ job: null, node: null });
  });

  it("gives FORBIDDEN for one project's id with another project's key", async () => {
    const result = await gql(`{ jobs(first: 1) { edges { cursor } } }`, {}, { project: DEMO.project, key: OTHER.key });
    expect(result.body.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    expect(result.text).not.toContain(OTHER.key);
  });
});
