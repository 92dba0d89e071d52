/**
 * ModelArts auth and routing: `X-Auth-Token` per project (401 `APIGW.0301` without one or with one no project has,
 * 403 `APIGW.0302` with another project's), checked before the route; unknown paths and methods 404 `APIGW.0101`;
 * and tenants: a tenant's project ids and tokens reach that tenant's data only.
 */
import { beforeAll, describe, expect, it } from "vitest";
import {
  allDatasets,
  callUndocumented,
  DEMO,
  expectStatus,
  modelArtsProjectsOf,
  modelArtsUrl,
  OTHER,
  reset,
  TENANT,
  v2,
  type DatasetList,
  type ModelArtsErrorBody,
} from "./modelarts-helpers";

beforeAll(async () => {
  await reset();
});

/** One request of every operation on `project` (ids need not exist: auth comes first). */
function everyOperation(project: string): Array<[string, string, unknown]> {
  return [
    ["GET", v2("datasets", project), undefined],
    ["GET", v2("datasets/AnyDataset", project), undefined],
    ["POST", v2("datasets/AnyDataset/export-tasks", project), {}],
    ["GET", v2("datasets/AnyDataset/export-tasks", project), undefined],
    ["GET", v2("datasets/AnyDataset/export-tasks/AnyTask", project), undefined],
  ];
}

describe("X-Auth-Token", () => {
  it("answers 401 APIGW.0301 on every operation without a token", async () => {
    for (const [method, path, body] of everyOperation(DEMO.project)) {
      const response = await expectStatus<ModelArtsErrorBody>(401, method, path, { token: null, body });
      expect(response.body).toEqual({
        error_code: "APIGW.0301",
        error_msg: "Incorrect IAM authentication information: the X-Auth-Token header is missing",
      });
    }
  });

  it("answers 401 APIGW.0301 on every operation with a token that is no project's", async () => {
    for (const [method, path, body] of everyOperation(DEMO.project)) {
      const response = await expectStatus<ModelArtsErrorBody>(401, method, path, { token: "forged-token", body });
      expect(response.body).toEqual({
        error_code: "APIGW.0301",
        error_msg: "Incorrect IAM authentication information: the X-Auth-Token is not valid",
      });
    }
  });

  it("answers 403 APIGW.0302 on every operation with another project's token, both ways", async () => {
    for (const [project, token] of [
      [DEMO.project, OTHER.token],
      [OTHER.project, DEMO.token],
    ] as const) {
      for (const [method, path, body] of everyOperation(project)) {
        const response = await expectStatus<ModelArtsErrorBody>(403, method, path, { token, body });
        expect(response.body).toEqual({
          error_code: "APIGW.0302",
          error_msg: `The IAM user is not authorized to access project ${project}.`,
        });
      }
    }
  });

  it("sends a project id that names no tenant to the default tenant, where this tenant's token is not valid", async () => {
    const response = await expectStatus<ModelArtsErrorBody>(401, "GET", v2("datasets", `modelarts_nothing_${TENANT}`));
    expect(response.body).toEqual({
      error_code: "APIGW.0301",
      error_msg: "Incorrect IAM authentication information: the X-Auth-Token is not valid",
    });
  });

  it("lets each project's token read its own datasets", async () => {
    expect(await allDatasets(DEMO)).toHaveLength(16);
    expect(await allDatasets(OTHER)).toHaveLength(2);
  });
});

describe("routing", () => {
  it("answers 404 APIGW.0101 for an unknown path and for a known path with another method, after auth", async () => {
    const unknown = await callUndocumented("GET", v2("models"));
    expect(unknown.status).toBe(404);
    expect(unknown.body).toEqual({
      error_code: "APIGW.0101",
      error_msg: `The API does not exist or has not been published in the environment: GET /modelarts/v2/${DEMO.project}/models`,
    });
    const method = await callUndocumented("DELETE", v2("datasets/AnyDataset"));
    expect(method.status).toBe(404);
    expect(method.body.error_code).toBe("APIGW.0101");
    const outside = await callUndocumented("GET", `/modelarts/v1/${DEMO.project}/datasets`);
    expect(outside.status).toBe(404);
    expect(outside.body).toEqual({
      error_code: "APIGW.0101",
      error_msg:
        "The API does not exist or has not been published in the environment: GET /modelarts/v1/" +
        DEMO.project +
        "/datasets",
    });
    const anonymous = await callUndocumented("GET", v2("models"), null);
    expect(anonymous.status).toBe(401);
    expect(anonymous.body.error_code).toBe("APIGW.0301");
  });

  it("accepts a trailing slash", async () => {
    const response = await fetch(`${modelArtsUrl()}/v2/${DEMO.project}/datasets/`, {
      headers: { "X-Auth-Token": DEMO.token },
    });
    expect(response.status).toBe(200);
    expect(((await response.json()) as DatasetList).total_number).toBe(16);
  });

  it("serves its OpenAPI description at /modelarts/openapi.json", async () => {
    const response = await expectStatus<{ openapi: string; info: { title: string } }>(
      200,
      "GET",
      "/modelarts/openapi.json",
      { token: null },
    );
    expect(response.body.openapi).toBe("3.1.0");
    expect(response.body.info.title).toContain("ModelArts");
  });
});

describe("tenants", () => {
  const neighbour = modelArtsProjectsOf(`${TENANT}-b`).demo;

  it("routes a tenant's project ids to that tenant: another tenant's token is not valid there", async () => {
    const response = await expectStatus<ModelArtsErrorBody>(401, "GET", v2("datasets", DEMO.project), {
      token: neighbour.token,
    });
    expect(response.body.error_code).toBe("APIGW.0301");
    const mine = await expectStatus<ModelArtsErrorBody>(401, "GET", v2("datasets", neighbour.project), {
      token: DEMO.token,
    });
    expect(mine.body.error_code).toBe("APIGW.0301");
  });

  it("seeds every tenant with the same world under ids of its own", async () => {
    const ours = await allDatasets(DEMO);
    const theirs = await allDatasets(neighbour);
    expect(theirs.map((d) => d.dataset_name)).toEqual(ours.map((d) => d.dataset_name));
    expect(theirs.some((d) => ours.some((o) => o.dataset_id === d.dataset_id))).toBe(false);
    // A tenant's dataset id means nothing in another tenant.
    const first = theirs[0];
    if (first === undefined) throw new Error("the neighbour tenant has no datasets");
    const foreign = await expectStatus<ModelArtsErrorBody>(400, "GET", v2(`datasets/${first.dataset_id}`));
    expect(foreign.body.error_code).toBe("ModelArts.4352");
  });
});
