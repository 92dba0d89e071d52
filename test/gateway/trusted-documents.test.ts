/**
 * Trusted documents (`TRUSTED_DOCUMENTS`): a gateway started with the manifest that GraphQL Code Generator's client
 * preset writes (generated here by the real codegen, `persistedDocuments: { hashAlgorithm: "sha256" }`) runs its
 * operations by `documentId` over POST, GET, SSE and graphql-ws, and refuses an ad-hoc query and an unknown id with
 * coded errors, before any upstream call. An unusable manifest is `GATEWAY_MISCONFIGURED`.
 */
import { createHash } from "node:crypto";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { generate } from "@graphql-codegen/cli";
import { createClient as createWsClient } from "graphql-ws";
import WebSocket from "ws";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PRODUCTION_BROWSER_AND_AUTH, startTestGateway, type TestGateway } from "../utils/test-gateway";
import { clearUpstreamRequests, DEMO, upstreamRequests, type GqlError } from "./helpers";
import { sseRun } from "./security-helpers";

const OWN_KEYS = { "x-nexus-project-id": DEMO.project, "x-nexus-secret-key": DEMO.key };
const OPERATIONS = `query LatestJobs($n: Int!) {
  jobs(first: $n) { edges { node { id name } } }
}

subscription WatchJob($id: ID!) {
  jobUpdated(id: $id) { id name }
}
`;

let gateway: TestGateway;
let manifest: Record<string, string> = {};
let latestJobsId = "";

/** The manifest that codegen's client preset writes for {@link OPERATIONS}. */
async function codegenManifest(): Promise<Record<string, string>> {
  const dir = await mkdtemp(join(tmpdir(), "trusted-documents-"));
  try {
    await writeFile(join(dir, "operations.graphql"), OPERATIONS);
    // codegen's `generate` is typed `any`: these are the fields of its output files read here.
    const files = (await generate(
      {
        schema: "schema.graphql",
        documents: [join(dir, "operations.graphql")],
        silent: true,
        generates: {
          [join(dir, "gql/")]: { preset: "client", presetConfig: { persistedDocuments: { hashAlgorithm: "sha256" } } },
        },
      },
      false,
    )) as { filename: string; content: string }[];
    const file = files.find((candidate) => candidate.filename.endsWith("persisted-documents.json"));
    if (file === undefined) throw new Error("codegen wrote no persisted-documents.json");
    return JSON.parse(file.content) as Record<string, string>;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

interface Answer {
  status: number;
  data: Record<string, unknown> | null | undefined;
  errors: GqlError[] | undefined;
}

/** Sends `params` as this file's caller, over POST (a JSON body) or GET (the query string). */
async function send(params: Record<string, unknown>, method: "POST" | "GET"): Promise<Answer> {
  const answer = await gateway.graphql.send(params, { method, headers: OWN_KEYS });
  return { status: answer.status, data: answer.body.data, errors: answer.body.errors };
}

function postJson(body: Record<string, unknown>): Promise<Answer> {
  return send(body, "POST");
}

const codesOf = (answer: { errors?: readonly GqlError[] | undefined }) =>
  answer.errors?.map((error) => [error.extensions?.code, error.message]);

beforeAll(async () => {
  manifest = await codegenManifest();
  const entry = Object.entries(manifest).find(([, document]) => document.startsWith("query LatestJobs"));
  if (entry === undefined) throw new Error("no LatestJobs in the manifest");
  latestJobsId = entry[0];
  // Codegen's id is the sha256 hex of the printed document, with the GraphQL-over-HTTP draft's prefix.
  expect(latestJobsId).toBe(`sha256:${createHash("sha256").update(entry[1]).digest("hex")}`);
  gateway = await startTestGateway({ ...PRODUCTION_BROWSER_AND_AUTH, TRUSTED_DOCUMENTS: JSON.stringify(manifest) });
}, 120_000);

afterAll(async () => {
  await gateway?.dispose();
});

describe("a gateway with trusted documents", () => {
  it("runs a codegen-hashed operation by documentId over POST", async () => {
    const answer = await postJson({ documentId: latestJobsId, operationName: "LatestJobs", variables: { n: 2 } });
    expect(answer.errors).toBeUndefined();
    expect((answer.data?.["jobs"] as { edges: unknown[] }).edges).toHaveLength(2);
  });

  it("runs it over GET, with the documentId in the query string (and with the bare hex id)", async () => {
    for (const id of [latestJobsId, latestJobsId.replace(/^sha256:/, "")]) {
      const answer = await send({ documentId: id, variables: { n: 3 } }, "GET");
      expect(answer.errors).toBeUndefined();
      expect((answer.data?.["jobs"] as { edges: unknown[] }).edges).toHaveLength(3);
    }
  });

  it("runs it by Apollo's extensions.persistedQuery.sha256Hash too", async () => {
    const answer = await postJson({
      extensions: { persistedQuery: { version: 1, sha256Hash: latestJobsId.replace(/^sha256:/, "") } },
      variables: { n: 1 },
    });
    expect(answer.errors).toBeUndefined();
    expect((answer.data?.["jobs"] as { edges: unknown[] }).edges).toHaveLength(1);
  });

  it("refuses an ad-hoc query with PERSISTED_QUERY_ONLY (400), even the manifest's own text, before any upstream call", async () => {
    await clearUpstreamRequests();
    for (const query of ["{ jobs(first: 1) { edges { node { id } } } }", manifest[latestJobsId] ?? ""]) {
      const answer = await postJson({ query, variables: { n: 1 } });
      expect(answer.status).toBe(400);
      expect(codesOf(answer)).toEqual([
        [
          "PERSISTED_QUERY_ONLY",
          'This gateway runs trusted documents only: send the operation\'s "documentId" from your persisted-documents manifest instead of its "query".',
        ],
      ]);
    }
    const none = await postJson({ variables: { n: 1 } });
    expect(none.status).toBe(400);
    expect(codesOf(none)).toEqual([
      [
        "PERSISTED_QUERY_ONLY",
        'This gateway runs trusted documents only: send the operation\'s "documentId" from your persisted-documents manifest.',
      ],
    ]);
    expect(await upstreamRequests()).toEqual([]);
  });

  it("refuses an unknown hash with PERSISTED_QUERY_NOT_FOUND (404), over POST and GET", async () => {
    const unknown = `sha256:${createHash("sha256").update("{ __typename }").digest("hex")}`;
    const expected = [
      [
        "PERSISTED_QUERY_NOT_FOUND",
        `No trusted document has the id "${unknown}". This gateway runs only the documents of its manifest (TRUSTED_DOCUMENTS).`,
      ],
    ];
    const posted = await postJson({ documentId: unknown });
    expect(posted.status).toBe(404);
    expect(codesOf(posted)).toEqual(expected);
    const got = await send({ documentId: unknown }, "GET");
    expect(got.status).toBe(404);
    expect(codesOf(got)).toEqual(expected);
    const wrongType = await postJson({ documentId: 42 });
    expect([wrongType.status, codesOf(wrongType)]).toEqual([
      400,
      [["BAD_REQUEST", '"documentId" must be a string: the id of a document in the manifest.']],
    ]);
  });

  it("obeys the same rule over SSE", async () => {
    const outcome = await sseRun(
      gateway.graphql.endpoint,
      OWN_KEYS,
      'subscription { jobUpdated(id: "batchjob_x") { id } }',
    );
    expect(
      outcome.kind === "refused" && [outcome.status, outcome.errors.map((error) => error.extensions?.code)],
    ).toEqual([400, ["PERSISTED_QUERY_ONLY"]]);
  });

  it("obeys the same rule over graphql-ws: documentId runs, an ad-hoc query and an unknown id are refused", async () => {
    const client = createWsClient({
      url: gateway.graphql.endpoint.replace(/^http/, "ws"),
      webSocketImpl: WebSocket,
      connectionParams: OWN_KEYS,
      retryAttempts: 0,
      lazy: true,
    });
    const run = (payload: Record<string, unknown>) =>
      new Promise<{ data?: unknown; errors?: readonly { message: string; extensions?: Record<string, unknown> }[] }>(
        (resolve, reject) => {
          let last: { data?: unknown; errors?: readonly { message: string; extensions?: Record<string, unknown> }[] } =
            {};
          client.subscribe(payload as { query: string }, {
            next: (value) => {
              last = value;
            },
            error: reject,
            complete: () => resolve(last),
          });
        },
      );
    try {
      const ran = await run({ query: "", documentId: latestJobsId, variables: { n: 2 } });
      expect(ran.errors).toBeUndefined();
      expect((ran.data as { jobs: { edges: unknown[] } }).jobs.edges).toHaveLength(2);
      const adHoc = await run({ query: "{ jobs(first: 1) { edges { node { id } } } }" });
      expect(adHoc.errors?.map((error) => error.extensions?.["code"])).toEqual(["PERSISTED_QUERY_ONLY"]);
      const unknown = await run({ query: "", documentId: "sha256:00" });
      expect(adHoc.data ?? null).toBeNull();
      expect(unknown.errors?.map((error) => error.extensions?.["code"])).toEqual(["PERSISTED_QUERY_NOT_FOUND"]);
    } finally {
      await client.dispose();
    }
  });
});

describe("an unusable manifest", () => {
  it("answers every operation with GATEWAY_MISCONFIGURED (500), naming the setting", async () => {
    const broken = await startTestGateway({
      ...PRODUCTION_BROWSER_AND_AUTH,
      TRUSTED_DOCUMENTS: '["not", "a", "manifest"]',
    });
    try {
      const response = await broken.graphql.send({ documentId: latestJobsId }, { headers: OWN_KEYS });
      const body = response.body;
      expect(response.status).toBe(500);
      expect(codesOf(body)).toEqual([
        [
          "GATEWAY_MISCONFIGURED",
          'The gateway\'s TRUSTED_DOCUMENTS setting is invalid: it is not a JSON object. Expected the JSON object { "<id>": "<document>" } that GraphQL Code Generator\'s client preset (persisted-documents.json) or the Relay compiler writes.',
        ],
      ]);
    } finally {
      await broken.dispose();
    }
  }, 120_000);
});
