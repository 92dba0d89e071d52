/**
 * A gateway that holds credentials for two platforms (Nexus and Graviti) serves each caller only the held ones it may
 * use: a verified token the projects its grant names, and a caller with keys of its own none of them (it has not
 * proved who it is, so the gateway's key for the other platform is not its to use). Over HTTP and graphql-ws, with
 * the upstreams' request logs showing that a platform not allowed is never asked. One gateway of its own.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, inject, it } from "vitest";
import { useGravitiTenant } from "../utils/graviti-tenant";
import { PRODUCTION_BROWSER_AND_AUTH, startTestGateway, type TestGateway } from "../utils/test-gateway";
import { useTenant } from "../utils/tenant";
import { tokenHash, wsRun } from "./security-helpers";

const NEXUS = useTenant();
const GRAVITI = useGravitiTenant();

const NEXUS_ONLY = "held-nexus-only-5e1f";
const BOTH = "held-both-0b7a";
const NEITHER = "held-neither-93cd";
const LIST = "{ datasets(first: 100, includeExpired: true) { edges { node { provider } } } }";

let gateway: TestGateway;

/** The providers of a datasets answer, each once, in the order met. */
function providersOf(data: Record<string, unknown> | null | undefined): string[] {
  const datasets = (data as { datasets?: { edges: { node: { provider: string } }[] } } | null | undefined)?.datasets;
  return [...new Set((datasets?.edges ?? []).map((edge) => edge.node.provider))];
}

beforeAll(async () => {
  await Promise.all([NEXUS.reset(), GRAVITI.reset()]);
  gateway = await startTestGateway({
    ...PRODUCTION_BROWSER_AND_AUTH,
    NEXUS_PROJECT_ID: NEXUS.demo.project,
    NEXUS_SECRET_KEY: NEXUS.demo.key,
    GRAVITI_API_URL: `${inject("emulatorUrl")}/graviti`,
    GRAVITI_ACCESS_KEY: GRAVITI.demo.key,
    GATEWAY_TOKENS: JSON.stringify({
      [tokenHash(NEXUS_ONLY)]: { name: "nexus-dashboard", nexus: [NEXUS.demo.project] },
      [tokenHash(BOTH)]: { name: "ops", nexus: ["*"], graviti: ["*"] },
      [tokenHash(NEITHER)]: { name: "elsewhere", nexus: [NEXUS.other.project] },
    }),
  });
});

afterAll(async () => {
  await gateway?.dispose();
});

beforeEach(async () => {
  await Promise.all([NEXUS.clearRequests(), GRAVITI.clearRequests()]);
});

describe("held credentials of two platforms", () => {
  it("serve a token granted Nexus alone from Nexus, and never ask Graviti", async () => {
    const answer = await gateway.graphql.query(LIST, {}, { headers: { authorization: `Bearer ${NEXUS_ONLY}` } });
    expect(answer.body.errors).toBeUndefined();
    expect(providersOf(answer.body.data)).toEqual(["NEXUS"]);
    expect(await GRAVITI.requests()).toEqual([]);
  });

  it("serve a token granted both from both", async () => {
    const answer = await gateway.graphql.query(LIST, {}, { headers: { authorization: `Bearer ${BOTH}` } });
    expect(answer.body.errors).toBeUndefined();
    expect(providersOf(answer.body.data).sort()).toEqual(["GRAVITI", "NEXUS"]);
  });

  it("refuse a token granted neither, naming both held projects", async () => {
    const answer = await gateway.graphql.query(LIST, {}, { headers: { authorization: `Bearer ${NEITHER}` } });
    expect(answer.status).toBe(403);
    expect(answer.body.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    // A held Graviti key's project is the key's tenant (a hash of it, never the key).
    expect(answer.body.errors?.[0]?.message).toMatch(
      new RegExp(
        `^"elsewhere" may not use nexus project ${NEXUS.demo.project} or graviti project key-[0-9a-f]{32}\\.$`,
      ),
    );
    expect(await NEXUS.requests()).toEqual([]);
    expect(await GRAVITI.requests()).toEqual([]);
  });

  it("are not lent to a caller with Nexus keys of its own: Graviti's held key stays unused, over HTTP", async () => {
    const own = { "x-nexus-project-id": NEXUS.other.project, "x-nexus-secret-key": NEXUS.other.key };
    const answer = await gateway.graphql.query(LIST, {}, { headers: own });
    expect(answer.body.errors).toBeUndefined();
    expect(providersOf(answer.body.data)).toEqual(["NEXUS"]);
    expect(await GRAVITI.requests()).toEqual([]);
    // Its own project was asked, not the held one.
    expect(
      (await NEXUS.requests()).every((request) => request.path.startsWith(`/projects/${NEXUS.other.project}/`)),
    ).toBe(true);
  });

  it("are not lent to a caller with Nexus keys of its own over graphql-ws either", async () => {
    const outcome = await wsRun(
      gateway.graphql.endpoint,
      { "x-nexus-project-id": NEXUS.other.project, "x-nexus-secret-key": NEXUS.other.key },
      LIST,
    );
    expect(outcome.kind).toBe("result");
    if (outcome.kind !== "result") return;
    expect(outcome.errors).toBeUndefined();
    expect(providersOf(outcome.data)).toEqual(["NEXUS"]);
    expect(await GRAVITI.requests()).toEqual([]);
  });

  it("serve a graphql-ws caller by its token's grant", async () => {
    const outcome = await wsRun(gateway.graphql.endpoint, { authorization: `Bearer ${NEXUS_ONLY}` }, LIST);
    expect(outcome.kind).toBe("result");
    if (outcome.kind !== "result") return;
    expect(providersOf(outcome.data)).toEqual(["NEXUS"]);
    expect(await GRAVITI.requests()).toEqual([]);
  });
});
