/**
 * How requests name their emulator tenant (emulator/src/tenants.ts) and how a test file's tenant is named after the
 * file (test/utils/tenant.ts): pure functions, no Worker.
 */
import { describe, expect, it } from "vitest";
import {
  controlTenantOf,
  demoProjectsOf,
  tenantOfApiPath,
  tenantOfProject,
  tenantOfUploadToken,
  uploadTokenOf,
} from "../../emulator/src/tenants";
import { tenantNameOfFile } from "../utils/tenant";

describe("emulator tenants", () => {
  it("keeps the default tenant's projects and keys as they always were, and suffixes the others'", () => {
    expect(demoProjectsOf("default")).toEqual({
      demo: { id: "proj_demo", secretKey: "demo-secret-key" },
      other: { id: "proj_other", secretKey: "other-secret-key" },
    });
    expect(demoProjectsOf("gateway-queries")).toEqual({
      demo: { id: "proj_demo_gateway-queries", secretKey: "demo-secret-key_gateway-queries" },
      other: { id: "proj_other_gateway-queries", secretKey: "other-secret-key_gateway-queries" },
    });
  });

  it("finds the tenant from the project id, and the default tenant for any other project", () => {
    expect(tenantOfProject("proj_demo_a-1")).toBe("a-1");
    expect(tenantOfProject("proj_other_a-1")).toBe("a-1");
    expect(tenantOfProject("proj_demo")).toBe("default");
    expect(tenantOfProject("proj_0123456789abcdef0123456789abcdef")).toBe("default");
    expect(tenantOfProject("proj_demo_Not_Valid")).toBe("default");
    expect(tenantOfProject("proj_demo_")).toBe("default");
  });

  it("routes upload tokens by their prefix, and leaves the default tenant's tokens bare", () => {
    expect(uploadTokenOf("default", "abc123")).toBe("abc123");
    expect(uploadTokenOf("t-2", "abc123")).toBe("t-2.abc123");
    expect(tenantOfUploadToken("t-2.abc123")).toBe("t-2");
    expect(tenantOfUploadToken("abc123")).toBe("default");
    expect(tenantOfUploadToken("BAD.abc123")).toBe("default");
  });

  it("finds the tenant of an API path from its project or upload token", () => {
    expect(tenantOfApiPath("/projects/proj_demo_t/batch/jobs")).toBe("t");
    expect(tenantOfApiPath("/projects/proj_demo%5Ft/batch/jobs")).toBe("t");
    expect(tenantOfApiPath("/upload/t.abc")).toBe("t");
    expect(tenantOfApiPath("/projects/proj_demo/batch/jobs")).toBe("default");
    expect(tenantOfApiPath("/nothing-here")).toBe("default");
    expect(tenantOfApiPath("/projects/%E0%A4%A/batch/jobs")).toBe("default");
  });

  it("reads the control API's tenant from ?tenant=, and refuses a bad name with a 400 naming tenant", () => {
    expect(controlTenantOf(new URL("http://e/__emulator/reset"))).toBe("default");
    expect(controlTenantOf(new URL("http://e/__emulator/reset?tenant=abc"))).toBe("abc");
    for (const bad of ["", "-a", "A", "a_b", "x".repeat(64)]) {
      expect(() => controlTenantOf(new URL(`http://e/__emulator/reset?tenant=${bad}`))).toThrow(
        expect.objectContaining({
          status: 400,
          code: "BadRequestError",
          message: `tenant: expected 1 to 63 lowercase letters, digits or hyphens, starting with a letter or digit, got ${JSON.stringify(bad)}`,
        }),
      );
    }
  });
});

describe("test file tenants", () => {
  it("names a file's tenant after its path below test/", () => {
    expect(tenantNameOfFile("/work/repo/test/gateway/queries.test.ts")).toBe("gateway-queries");
    expect(tenantNameOfFile("/work/repo/test/subscriptions/graphql-ws-close-codes.test.ts")).toBe(
      "subscriptions-graphql-ws-close-codes",
    );
    expect(tenantNameOfFile("C:\\repo\\test\\Gateway\\My_File.test.ts")).toBe("gateway-my-file");
    expect(tenantNameOfFile(`/r/test/${"a".repeat(80)}.test.ts`)).toBe("a".repeat(63));
  });

  it("gives files outside test/ (the benchmarks) the default tenant", () => {
    expect(tenantNameOfFile("/work/repo/bench/nested-query.bench.ts")).toBe("default");
  });
});
