/**
 * A gateway that holds a Graviti key (`GRAVITI_ACCESS_KEY`): a caller with a gateway token granted Graviti uses it
 * with no Graviti header, a caller without a token is refused before any call, and a caller's own
 * `x-graviti-access-key` wins over the held one (and needs no token). One gateway of its own for the file.
 */
import { afterAll, beforeAll, describe, expect, it, inject } from "vitest";
import { tokenHash } from "../gateway/security-helpers";
import { PRODUCTION_BROWSER_AND_AUTH, startTestGateway, type TestGateway } from "../utils/test-gateway";
import { GRAVITI } from "./helpers";

const TOKEN = "graviti-test-token-3c9d";
const LIST = "{ datasets(first: 50) { totalCount edges { node { provider ... on GravitiDataset { workspace } } } } }";

interface Answer {
  datasets: { totalCount: number; edges: { node: { provider: string; workspace: string } }[] } | null;
}

let gateway: TestGateway;

beforeAll(async () => {
  await GRAVITI.reset();
  gateway = await startTestGateway({
    ...PRODUCTION_BROWSER_AND_AUTH,
    NEXUS_PROJECT_ID: "",
    NEXUS_SECRET_KEY: "",
    GRAVITI_API_URL: `${inject("emulatorUrl")}/graviti`,
    GRAVITI_ACCESS_KEY: GRAVITI.demo.key,
    GATEWAY_TOKENS: JSON.stringify({ [tokenHash(TOKEN)]: { name: "graviti-ci", graviti: ["*"] } }),
  });
});

afterAll(async () => {
  await gateway?.dispose();
});

describe("a server-held Graviti key", () => {
  it("serves a caller whose token grants Graviti, from the held key's workspace", async () => {
    await GRAVITI.clearRequests();
    const answer = await gateway.graphql.query(LIST, {}, { headers: { authorization: `Bearer ${TOKEN}` } });
    expect(answer.body.errors).toBeUndefined();
    const data = answer.body.data as unknown as Answer;
    expect(data.datasets?.totalCount).toBe(14);
    expect(new Set(data.datasets?.edges.map((edge) => edge.node.workspace))).toEqual(new Set([GRAVITI.demo.workspace]));
    expect((await GRAVITI.requests()).map((request) => request.path)).toEqual(["/graviti/v2/datasets"]);
  });

  it("refuses a caller without a token with UNAUTHENTICATED, before any Graviti call", async () => {
    await GRAVITI.clearRequests();
    const answer = await gateway.graphql.query(LIST);
    expect(answer.status).toBe(401);
    expect(answer.body.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    expect(await GRAVITI.requests()).toEqual([]);
  });

  it("uses the caller's own key instead of the held one, with no token", async () => {
    const answer = await gateway.graphql.query(LIST, {}, { headers: { "x-graviti-access-key": GRAVITI.other.key } });
    expect(answer.body.errors).toBeUndefined();
    const data = answer.body.data as unknown as Answer;
    expect(data.datasets?.totalCount).toBe(2);
    expect(new Set(data.datasets?.edges.map((edge) => edge.node.workspace))).toEqual(
      new Set([GRAVITI.other.workspace]),
    );
  });
});
