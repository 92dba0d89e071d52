/**
 * A job's ephemeral deployment as the gateway reads it: every field of the SDK's Deployment read model is optional,
 * so a template that lacks fields, or carries one of another type, reads as nulls and never as an error; `replicas`
 * comes from `scaling.replicas`, or from a top-level `replicas` where an upstream echoes the create body.
 */
import { describe, expect, it } from "vitest";
import { nexusJobResolvers } from "../../src/backends/nexus/resolvers/jobs";

type FieldResolvers = Record<string, unknown>;

/** Every field of `typeName` resolved on `parent`, as an executor would call them (no args, context or info needed). */
function resolveAll(typeName: string, parent: unknown): Record<string, unknown> {
  const fields = (nexusJobResolvers as Record<string, FieldResolvers | undefined>)[typeName] ?? {};
  const out: Record<string, unknown> = {};
  for (const [name, resolver] of Object.entries(fields)) {
    if (typeof resolver === "function")
      out[name] = (resolver as (parent: unknown, args: unknown, context: unknown, info: unknown) => unknown)(
        parent,
        {},
        {},
        {},
      );
  }
  return out;
}

describe("NexusEphemeralDeploymentTemplate", () => {
  it("reads an empty template as every field null", () => {
    const read = resolveAll("NexusEphemeralDeploymentTemplate", {});
    expect(Object.keys(read).sort()).toEqual(
      [
        "artifactId",
        "createdAt",
        "deploymentId",
        "historyVersions",
        "instanceId",
        "name",
        "options",
        "projectId",
        "region",
        "replicas",
        "resources",
        "scaling",
        "status",
        "updatedAt",
        "url",
        "versionTag",
      ].sort(),
    );
    expect(Object.values(read).every((value) => value === null)).toBe(true);
  });

  it("reads fields of another type as null instead of failing", () => {
    const read = resolveAll("NexusEphemeralDeploymentTemplate", {
      id: 42,
      name: ["x"],
      status: "Available",
      createDate: "yesterday",
      historyVersions: "v1",
      options: [1, 2],
      instanceId: { id: "instance_x" },
      resources: "GPU",
      scaling: 3,
      replicas: 1.5,
      url: null,
    });
    expect(Object.values(read).every((value) => value === null)).toBe(true);
  });

  it("takes replicas from scaling, else from a top-level replicas (an upstream that echoes the create body)", () => {
    expect(resolveAll("NexusEphemeralDeploymentTemplate", { scaling: { replicas: 3 }, replicas: 1 }).replicas).toBe(3);
    expect(
      resolveAll("NexusEphemeralDeploymentTemplate", { artifactId: "a", instanceId: "i", replicas: 2 }),
    ).toMatchObject({
      artifactId: "a",
      instanceId: "i",
      replicas: 2,
      scaling: null,
    });
  });

  it("keeps only the object entries of historyVersions, and reads a sparse version as nulls", () => {
    const read = resolveAll("NexusEphemeralDeploymentTemplate", {
      historyVersions: [{ versionTag: "v1" }, "junk", null],
    });
    expect(read.historyVersions).toEqual([{ versionTag: "v1" }]);
    expect(resolveAll("NexusDeploymentVersion", { versionTag: 7 })).toEqual({
      versionTag: null,
      artifactId: null,
      updatedAt: null,
    });
    expect(resolveAll("NexusDeploymentStatus", {})).toEqual({ overview: null, message: null, updatedAt: null });
  });
});
