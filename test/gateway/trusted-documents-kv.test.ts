/**
 * Trusted documents from Workers KV (`TRUSTED_DOCUMENTS` bound as a KV namespace, wrangler.toml's commented block
 * uncommented in a copy of the sources): a gateway whose
 * local namespace was seeded the way the README says (`wrangler kv bulk put --local`, key the document id, value the
 * document) runs a document by its id over HTTP and graphql-ws, and refuses an unknown id and an ad-hoc query with
 * the same coded refusals as a manifest in the var, before any upstream call.
 */
import { createHash } from "node:crypto";
import { execFile } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { createClient as createWsClient } from "graphql-ws";
import WebSocket from "ws";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createGraphQLClient, type GraphQLTestClient } from "../utils/graphql-client";
import { SUITE_GATEWAY_VARS } from "../utils/test-gateway";
import { startWorker, type StartedWorker } from "../utils/workers";
import { copyOfSources } from "../utils/workers-root";
import { clearUpstreamRequests, DEMO, upstreamRequests } from "./helpers";

const OWN_KEYS = { "x-nexus-project-id": DEMO.project, "x-nexus-secret-key": DEMO.key };
const JOBS = "query KvJobs($n: Int!) { jobs(first: $n) { edges { node { id } } } }";
/** Ids as codegen writes them (`sha256:<hex>`) and as Relay writes them (bare hex). */
const JOBS_ID = `sha256:${createHash("sha256").update(JOBS).digest("hex")}`;
const TYPENAME = "query KvTypename { __typename }";
const TYPENAME_ID = createHash("sha256").update(TYPENAME).digest("hex");
const UNKNOWN_ID = "0".repeat(64);

let dir = "";
let worker: StartedWorker | undefined;
let graphql: GraphQLTestClient;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "trusted-documents-kv-"));
  const persistTo = join(dir, "state");
  // The README's upload, into the local namespace a gateway started with the same persistence directory reads.
  const upload = join(dir, "documents.json");
  await writeFile(
    upload,
    JSON.stringify([
      { key: JOBS_ID, value: JOBS },
      { key: TYPENAME_ID, value: TYPENAME },
    ]),
  );
  // A copy of the sources whose wrangler.toml has the README's block uncommented, as an operator turns it on.
  const root = copyOfSources();
  const config = join(root, "wrangler.toml");
  const toml = await readFile(config, "utf8");
  const uncommented = toml.replace(
    '# [[kv_namespaces]]\n# binding = "TRUSTED_DOCUMENTS"',
    '[[kv_namespaces]]\nbinding = "TRUSTED_DOCUMENTS"',
  );
  expect(uncommented, "wrangler.toml has the commented TRUSTED_DOCUMENTS block the README names").not.toBe(toml);
  await writeFile(config, uncommented);
  await promisify(execFile)(
    "npx",
    ["wrangler", "kv", "bulk", "put", upload, "--binding", "TRUSTED_DOCUMENTS", "--local", "--persist-to", persistTo],
    { cwd: root, env: { ...process.env, WRANGLER_SEND_METRICS: "false" } },
  );
  const vars = SUITE_GATEWAY_VARS(inject("emulatorUrl"));
  const started = await startWorker({ config: "wrangler.toml", vars, persistTo, root });
  worker = started.worker;
  graphql = createGraphQLClient(started.url).withHeaders(OWN_KEYS);
}, 120_000);

afterAll(async () => {
  await worker?.dispose();
  if (dir !== "") await rm(dir, { recursive: true, force: true });
});

describe("trusted documents in a KV namespace", () => {
  it("runs a document by its id over POST and GET, in either spelling of the id", async () => {
    await clearUpstreamRequests();
    const posted = await graphql.send({ documentId: JOBS_ID, variables: { n: 1 } });
    expect(posted.status, posted.text).toBe(200);
    expect(posted.body.errors).toBeUndefined();
    expect((posted.body.data as { jobs: { edges: unknown[] } }).jobs.edges).toHaveLength(1);
    const bare = await graphql.send({ documentId: TYPENAME_ID }, { method: "GET" });
    expect(bare.body, bare.text).toEqual({ data: { __typename: "Query" } });
    const prefixed = await graphql.send({ documentId: `sha256:${TYPENAME_ID}` });
    expect(prefixed.body, prefixed.text).toEqual({ data: { __typename: "Query" } });
    expect((await upstreamRequests()).filter((request) => request.path.includes("/jobs"))).toHaveLength(1);
  });

  it("refuses an id the namespace does not hold, and an ad-hoc query, as a manifest does, with no upstream call", async () => {
    await clearUpstreamRequests();
    const unknown = await graphql.send({ documentId: UNKNOWN_ID });
    expect(unknown.status).toBe(404);
    expect(unknown.body.errors).toEqual([
      {
        message: `No trusted document has the id "${UNKNOWN_ID}". This gateway runs only the documents of its manifest (TRUSTED_DOCUMENTS).`,
        extensions: { code: "PERSISTED_QUERY_NOT_FOUND" },
      },
    ]);
    const adHoc = await graphql.send({ query: JOBS, variables: { n: 1 } });
    expect(adHoc.status).toBe(400);
    expect(adHoc.body.errors?.map((error) => error.extensions?.code)).toEqual(["PERSISTED_QUERY_ONLY"]);
    expect(await upstreamRequests()).toEqual([]);
  });

  it("runs a document by its id over graphql-ws, and refuses an unknown one there too", async () => {
    const client = createWsClient({
      url: graphql.endpoint.replace(/^http/, "ws"),
      webSocketImpl: WebSocket,
      connectionParams: OWN_KEYS,
      retryAttempts: 0,
      lazy: true,
    });
    type Result = { data?: unknown; errors?: readonly { message: string; extensions?: Record<string, unknown> }[] };
    const run = (payload: Record<string, unknown>) =>
      new Promise<Result>((resolve, reject) => {
        let last: Result = {};
        client.subscribe(payload as { query: string }, {
          next: (value) => {
            last = value;
          },
          error: reject,
          complete: () => resolve(last),
        });
      });
    try {
      const ran = await run({ query: "", documentId: JOBS_ID, variables: { n: 1 } });
      expect(ran.errors).toBeUndefined();
      expect((ran.data as { jobs: { edges: unknown[] } }).jobs.edges).toHaveLength(1);
      const refused = await run({ query: "", documentId: UNKNOWN_ID });
      expect(refused.errors?.map((error) => error.extensions?.["code"])).toEqual(["PERSISTED_QUERY_NOT_FOUND"]);
    } finally {
      await client.dispose();
    }
  });
});
