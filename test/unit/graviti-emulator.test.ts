/**
 * The Graviti emulator's pure parts (emulator/src/graviti/): how an access key names its tenant, the Graviti code
 * for a status, faults in Graviti's words, and the checks of bodies and paging. No Worker.
 */
import { describe, expect, it } from "vitest";
import { decideFault } from "../../emulator/src/faults";
import { GravitiError, gravitiCodeForStatus, GRAVITI_FAULT_ANSWERS } from "../../emulator/src/graviti/errors";
import { demoWorkspacesOf, tenantOfAccessKey } from "../../emulator/src/graviti/tenants";
import { createDatasetBody, pagingOf, updateDatasetBody } from "../../emulator/src/graviti/validation";
import { gravitiTenantNamed } from "../utils/graviti-tenant";

/** The error a function throws, for asserting its code and message. */
function thrown(run: () => unknown): { status: number; code: string; message: string } {
  try {
    run();
  } catch (error) {
    if (error instanceof GravitiError) return { status: error.status, code: error.code, message: error.message };
    throw error;
  }
  throw new Error("expected a GravitiError, nothing was thrown");
}

describe("Graviti tenants", () => {
  it("keeps the default tenant's workspaces unsuffixed and suffixes the others', as the test helper does", () => {
    expect(demoWorkspacesOf("default")).toEqual({
      demo: { name: "graviti-demo", accessKey: "ACCESSKEY-demo" },
      other: { name: "graviti-other", accessKey: "ACCESSKEY-other" },
    });
    expect(demoWorkspacesOf("emulator-x")).toEqual({
      demo: { name: "graviti-demo-emulator-x", accessKey: "ACCESSKEY-demo_emulator-x" },
      other: { name: "graviti-other-emulator-x", accessKey: "ACCESSKEY-other_emulator-x" },
    });
    const helper = gravitiTenantNamed("emulator-x");
    expect([helper.demo.workspace, helper.demo.key, helper.other.workspace, helper.other.key]).toEqual([
      "graviti-demo-emulator-x",
      "ACCESSKEY-demo_emulator-x",
      "graviti-other-emulator-x",
      "ACCESSKEY-other_emulator-x",
    ]);
  });

  it("finds the tenant in the key, and the default tenant for anything else", () => {
    expect(tenantOfAccessKey("ACCESSKEY-demo_alice")).toBe("alice");
    expect(tenantOfAccessKey("ACCESSKEY-other_a-1")).toBe("a-1");
    for (const key of [
      null,
      "",
      "ACCESSKEY-demo",
      "ACCESSKEY-demo_",
      "ACCESSKEY-demo_Bad_Name",
      "accesskey-demo_alice",
      "ACCESSKEY-x_alice",
    ]) {
      expect(tenantOfAccessKey(key), String(key)).toBe("default");
    }
  });
});

describe("Graviti errors and faults", () => {
  it("maps statuses to Graviti codes", () => {
    expect([400, 401, 403, 404, 405, 409, 429, 500, 502, 503, 418].map(gravitiCodeForStatus)).toEqual([
      "InvalidParamsValue",
      "Unauthorized",
      "AccessDenied",
      "ResourceNotExist",
      "MethodNotAllowed",
      "NameConflict",
      "TooManyRequests",
      "InternalServerError",
      "InternalServerError",
      "ServiceUnavailable",
      "InvalidParamsValue",
    ]);
  });

  it("words injected errors and throttles in Graviti's codes", async () => {
    const error = decideFault({ errorRate: 1 }, "/graviti/v2/datasets", () => 0, GRAVITI_FAULT_ANSWERS).response;
    expect(error?.status).toBe(503);
    expect(await error?.json()).toEqual({
      code: "ServiceUnavailable",
      message: "Injected fault: 503 for /graviti/v2/datasets",
    });
    const throttled = decideFault(
      { throttleRate: 1, retryAfterSeconds: 4 },
      "/graviti/x",
      () => 0,
      GRAVITI_FAULT_ANSWERS,
    ).response;
    expect(throttled?.headers.get("Retry-After")).toBe("4");
    expect(await throttled?.json()).toEqual({ code: "TooManyRequests", message: "Too many requests: retry after 4 s" });
  });
});

describe("Graviti validation", () => {
  it("defaults alias and with_draft, and keeps storage_config only when given", () => {
    expect(createDatasetBody({ name: "a_b-1", extra: true })).toEqual({ name: "a_b-1", alias: "", with_draft: false });
    expect(createDatasetBody({ name: "x", storage_config: "S", with_draft: true })).toEqual({
      name: "x",
      alias: "",
      storage_config: "S",
      with_draft: true,
    });
  });

  it("tells a missing parameter from a bad one", () => {
    expect(thrown(() => createDatasetBody({}))).toEqual({
      status: 400,
      code: "RequestParamsMissing",
      message: "name: required",
    });
    expect(thrown(() => createDatasetBody({ name: null }))).toMatchObject({
      code: "InvalidParamsValue",
      message: expect.stringMatching(/^name: .*got null$/),
    });
    expect(thrown(() => updateDatasetBody({ other: 1 }))).toMatchObject({ code: "RequestParamsMissing" });
  });

  it("reads offset and limit with their defaults and bounds", () => {
    expect(pagingOf(new URL("http://x/"))).toEqual({ offset: 0, limit: 128 });
    expect(pagingOf(new URL("http://x/?offset=5&limit=1"))).toEqual({ offset: 5, limit: 1 });
    expect(thrown(() => pagingOf(new URL("http://x/?limit=129")))).toEqual({
      status: 400,
      code: "InvalidParamsValue",
      message: 'limit: expected an integer from 1 to 128, got "129"',
    });
  });
});
