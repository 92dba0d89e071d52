/**
 * Key rotation in the emulator: `POST /__emulator/keys` (and its Graviti and ModelArts twins) adds a valid key to a
 * project or workspace and revokes any key, the seeded one too; a reset restores the seeded keys only. Every request
 * log entry names the credential it carried by `keyId`, the first 8 hex digits of its SHA-256, computed here with
 * Node's crypto, not the emulator's code. Every answer is checked against the OpenAPI documents by the helpers.
 */
import { beforeEach, describe, expect, it } from "vitest";
import { G, gcall } from "./graviti-helpers";
import {
  batch,
  call,
  controlPath,
  DEMO,
  keyIdOf,
  OTHER,
  requestLog,
  reset,
  type ApiErrorBody,
  type LoggedRequest,
} from "./helpers";
import * as ma from "./modelarts-helpers";

const FORBIDDEN = { code: "ForbiddenError", message: "No Access Rights to Requested Resources" };

/** The answer of a key change: the owner and the key ids of its valid keys. */
interface KeyChange {
  project?: string;
  workspace?: string;
  keyIds: string[];
}

/** `POST /__emulator/keys` in this file's tenant. */
async function changeNexusKey(body: unknown) {
  return call<KeyChange & ApiErrorBody>("POST", controlPath("keys"), { key: null, body });
}

/** The status of a Nexus API call with `key`. */
async function nexusStatus(key: string, project: string = DEMO.project): Promise<{ status: number; body: unknown }> {
  const response = await call("GET", batch("jobs?limit=1", project), { key });
  return { status: response.status, body: response.body };
}

describe("Nexus keys", () => {
  beforeEach(async () => {
    await reset();
  });

  it("accepts an added key beside the seeded one, and answers both key ids", async () => {
    const added = await changeNexusKey({ project: DEMO.project, add: "second-key" });
    expect(added.status).toBe(200);
    expect(added.body).toEqual({ project: DEMO.project, keyIds: [keyIdOf(DEMO.key), keyIdOf("second-key")] });
    expect((await nexusStatus("second-key")).status).toBe(200);
    expect((await nexusStatus(DEMO.key)).status).toBe(200);
    // The key is the project's only: the other project still refuses it.
    expect(await nexusStatus("second-key", OTHER.project)).toEqual({ status: 403, body: FORBIDDEN });
  });

  it("answers 403 ForbiddenError to a revoked added key, and keeps the seeded key", async () => {
    await changeNexusKey({ project: DEMO.project, add: "second-key" });
    const revoked = await changeNexusKey({ project: DEMO.project, revoke: "second-key" });
    expect(revoked.body).toEqual({ project: DEMO.project, keyIds: [keyIdOf(DEMO.key)] });
    expect(await nexusStatus("second-key")).toEqual({ status: 403, body: FORBIDDEN });
    expect((await nexusStatus(DEMO.key)).status).toBe(200);
  });

  it("revokes the seeded key: 403 ForbiddenError on every route, while an added key still works", async () => {
    await changeNexusKey({ project: DEMO.project, add: "rotated-key" });
    const revoked = await changeNexusKey({ project: DEMO.project, revoke: DEMO.key });
    expect(revoked.body).toEqual({ project: DEMO.project, keyIds: [keyIdOf("rotated-key")] });
    for (const path of [batch("jobs"), batch("datasets"), batch("webhooks")]) {
      const response = await call("GET", path, { key: DEMO.key });
      expect({ status: response.status, body: response.body }).toEqual({ status: 403, body: FORBIDDEN });
    }
    expect((await nexusStatus("rotated-key")).status).toBe(200);
    // Revoking it again changes nothing; the other project keeps its key.
    expect((await changeNexusKey({ project: DEMO.project, revoke: DEMO.key })).status).toBe(200);
    expect((await nexusStatus(OTHER.key, OTHER.project)).status).toBe(200);
  });

  it("gives a revoked key back when it is added again", async () => {
    await changeNexusKey({ project: DEMO.project, revoke: DEMO.key });
    expect((await nexusStatus(DEMO.key)).status).toBe(403);
    expect((await changeNexusKey({ project: DEMO.project, add: DEMO.key })).body).toEqual({
      project: DEMO.project,
      keyIds: [keyIdOf(DEMO.key)],
    });
    expect((await nexusStatus(DEMO.key)).status).toBe(200);
  });

  it("restores the seeded keys only on reset", async () => {
    await changeNexusKey({ project: DEMO.project, add: "second-key" });
    await changeNexusKey({ project: DEMO.project, revoke: DEMO.key });
    await reset();
    expect((await nexusStatus(DEMO.key)).status).toBe(200);
    expect(await nexusStatus("second-key")).toEqual({ status: 403, body: FORBIDDEN });
  });

  it("logs the key id of each request's Secret-Key, and null for an upload PUT without one", async () => {
    await changeNexusKey({ project: DEMO.project, add: "second-key" });
    await nexusStatus(DEMO.key);
    await nexusStatus("second-key");
    await nexusStatus("wrong-key");
    await call("GET", batch("jobs"), { key: null });
    const log: LoggedRequest[] = await requestLog();
    expect(log.map((entry) => [entry.status, entry.keyId])).toEqual([
      [200, keyIdOf(DEMO.key)],
      [200, keyIdOf("second-key")],
      [403, keyIdOf("wrong-key")],
      [403, null],
    ]);
    expect(keyIdOf(DEMO.key)).toMatch(/^[0-9a-f]{8}$/);
    // Never the key itself, anywhere in an entry.
    expect(JSON.stringify(log)).not.toContain("second-key");
    expect(JSON.stringify(log)).not.toContain(DEMO.key);
  });

  it("answers 400 naming what is wrong with a body", async () => {
    const cases: [unknown, string][] = [
      [
        { project: "proj_nope", add: "k" },
        `project: expected one of ${DEMO.project}, ${OTHER.project}, got "proj_nope"`,
      ],
      [{ add: "k" }, "project: expected a non-empty string, got nothing"],
      [{ project: 7, add: "k" }, "project: expected a non-empty string, got 7"],
      [{ project: DEMO.project }, "body: expected exactly one of add, revoke, got neither"],
      [{ project: DEMO.project, add: "a", revoke: "b" }, "body: expected exactly one of add, revoke, got both"],
      [{ project: DEMO.project, add: "" }, 'add: expected a non-empty string, got ""'],
      [{ project: DEMO.project, add: 42 }, "add: expected a non-empty string, got 42"],
      [{ project: DEMO.project, revoke: ["k"] }, 'revoke: expected a non-empty string, got ["k"]'],
      [{ project: DEMO.project, add: OTHER.key }, `add: the key is already a key of project ${OTHER.project}`],
      [{ project: DEMO.project, revoke: OTHER.key }, `revoke: not a key of project ${DEMO.project}`],
      [{ project: DEMO.project, revoke: "never-added" }, `revoke: not a key of project ${DEMO.project}`],
      ["[1]", "body: expected a JSON object, got [1]"],
      ["{", "body: expected valid JSON"],
    ];
    for (const [body, message] of cases) {
      const response = await changeNexusKey(body);
      expect({ status: response.status, body: response.body }).toEqual({
        status: 400,
        body: { code: "BadRequestError", message },
      });
    }
    // Nothing was changed by the refusals.
    expect((await nexusStatus(DEMO.key)).status).toBe(200);
    expect((await nexusStatus(OTHER.key, OTHER.project)).status).toBe(200);
  });
});

describe("Graviti keys", () => {
  const added = `ACCESSKEY-demo-second_${G.name}`;
  const change = (body: unknown) => gcall<KeyChange & ApiErrorBody>("POST", G.controlPath("keys"), { key: null, body });
  const status = async (key: string): Promise<number> =>
    (await gcall("GET", "/graviti/v2/current-workspace", { key })).status;

  beforeEach(async () => {
    await G.reset();
  });

  it("accepts an added key, answers 401 to a revoked one (the seeded one too), and a reset restores the seed", async () => {
    expect((await change({ workspace: G.demo.workspace, add: added })).body).toEqual({
      workspace: G.demo.workspace,
      keyIds: [keyIdOf(G.demo.key), keyIdOf(added)],
    });
    expect(await status(added)).toBe(200);
    expect((await change({ workspace: G.demo.workspace, revoke: G.demo.key })).body).toEqual({
      workspace: G.demo.workspace,
      keyIds: [keyIdOf(added)],
    });
    expect(await status(G.demo.key)).toBe(401);
    expect(await status(added)).toBe(200);
    await G.reset();
    expect(await status(G.demo.key)).toBe(200);
    expect(await status(added)).toBe(401);
  });

  it("logs the key id of each request's X-Token", async () => {
    const wrong = `ACCESSKEY-demo-wrong_${G.name}`;
    for (const key of [G.demo.key, G.other.key, wrong]) await status(key);
    const log = (await gcall<LoggedRequest[]>("GET", G.controlPath("requests"), { key: null })).body;
    // A request without an X-Token names no tenant, so it lands in the shared default tenant's log: not tested here.
    expect(log.map((entry) => [entry.status, entry.keyId])).toEqual([
      [200, keyIdOf(G.demo.key)],
      [200, keyIdOf(G.other.key)],
      [401, keyIdOf(wrong)],
    ]);
  });

  it("answers 400 InvalidParamsValue naming what is wrong with a body", async () => {
    const cases: [unknown, string][] = [
      [
        { workspace: "graviti-nope", add: added },
        `workspace: expected one of ${G.demo.workspace}, ${G.other.workspace}, got "graviti-nope"`,
      ],
      [{ add: added }, "workspace: expected a non-empty string, got nothing"],
      [{ workspace: G.demo.workspace }, "body: expected exactly one of add, revoke, got neither"],
      [{ workspace: G.demo.workspace, add: "" }, 'add: expected a non-empty string, got ""'],
      [{ workspace: G.demo.workspace, revoke: false }, "revoke: expected a non-empty string, got false"],
      [
        { workspace: G.demo.workspace, add: `ACCESSKEY-second_${G.name}` },
        `add: expected ACCESSKEY-{demo|other}-<letters or digits>_${G.name}, so that its requests reach tenant ${G.name}`,
      ],
      [
        { workspace: G.demo.workspace, add: G.other.key },
        `add: the key is already a key of workspace ${G.other.workspace}`,
      ],
    ];
    for (const [body, message] of cases) {
      const response = await change(body);
      expect({ status: response.status, body: response.body }).toEqual({
        status: 400,
        body: { code: "InvalidParamsValue", message },
      });
    }
  });
});

describe("ModelArts keys", () => {
  const change = (body: unknown) => ma.call<KeyChange & ApiErrorBody>("POST", ma.controlPath("keys"), { body });
  const status = async (token: string, project: string = ma.DEMO.project): Promise<number> =>
    (await ma.call("GET", ma.v2("datasets?limit=1", project), { token })).status;

  beforeEach(async () => {
    await ma.reset();
  });

  it("accepts an added token, answers 401 APIGW.0301 to a revoked one (the seeded one too), and a reset restores the seed", async () => {
    expect((await change({ project: ma.DEMO.project, add: "second-token" })).body).toEqual({
      project: ma.DEMO.project,
      keyIds: [keyIdOf(ma.DEMO.token), keyIdOf("second-token")],
    });
    expect(await status("second-token")).toBe(200);
    expect(await status("second-token", ma.OTHER.project)).toBe(403);
    await change({ project: ma.DEMO.project, revoke: ma.DEMO.token });
    const refused = await ma.call("GET", ma.v2("datasets"), { token: ma.DEMO.token });
    expect({ status: refused.status, code: (refused.body as ma.ModelArtsErrorBody).error_code }).toEqual({
      status: 401,
      code: "APIGW.0301",
    });
    expect(await status("second-token")).toBe(200);
    await ma.reset();
    expect(await status(ma.DEMO.token)).toBe(200);
    expect(await status("second-token")).toBe(401);
  });

  it("logs the key id of each request's X-Auth-Token, null without one", async () => {
    await status(ma.DEMO.token);
    await status(ma.OTHER.token);
    await ma.call("GET", ma.v2("datasets"), { token: null });
    const log = (await ma.call<LoggedRequest[]>("GET", ma.controlPath("requests"))).body;
    expect(log.map((entry) => [entry.status, entry.keyId])).toEqual([
      [200, keyIdOf(ma.DEMO.token)],
      [403, keyIdOf(ma.OTHER.token)],
      [401, null],
    ]);
  });

  it("answers 400 BadRequestError naming what is wrong with a body", async () => {
    const cases: [unknown, string][] = [
      [
        { project: "modelarts_nope", add: "t" },
        `project: expected one of ${ma.DEMO.project}, ${ma.OTHER.project}, got "modelarts_nope"`,
      ],
      [{ project: ma.DEMO.project }, "body: expected exactly one of add, revoke, got neither"],
      [{ project: ma.DEMO.project, add: 1 }, "add: expected a non-empty string, got 1"],
      [{ project: ma.DEMO.project, revoke: "" }, 'revoke: expected a non-empty string, got ""'],
      [
        { project: ma.DEMO.project, add: ma.OTHER.token },
        `add: the key is already a key of project ${ma.OTHER.project}`,
      ],
    ];
    for (const [body, message] of cases) {
      const response = await change(body);
      expect({ status: response.status, body: response.body }).toEqual({
        status: 400,
        body: { code: "BadRequestError", message },
      });
    }
  });
});
