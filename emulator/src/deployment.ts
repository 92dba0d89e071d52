/**
 * A job's ephemeral deployment as the API reads it back. The create body gives a template (`artifactId`,
 * `instanceId` or `resources`, `replicas`, optional `name`, `region`, `versionTag`, `options`); the read model of the
 * SDK (`datature` 1.11.7 `nexus/models.py`) is a whole Deployment, with `replicas` under `scaling`. The emulator
 * stores the create template and derives the Deployment on every read, so a stored job never needs migrating.
 *
 * Emulator conventions (the SDK names these fields, not their values): the deployment id is `deploy_` plus the
 * job's uuid; its status is `Creating` before the job starts, `Available` while it runs and `Deleted` once the
 * job has ended; a missing name is `<job name>-deployment`, a missing region `us-east-1`, a missing version tag
 * `latest`; the url is `https://deploy-<uuid>.nexus.datature.io`.
 */
import { ID_PREFIX } from "./ids";
import type { DeploymentReadWire, DeploymentWire, JobRecord } from "./types";

/** Whether a template field holds an object (validation lets only objects through for `options` and `resources`). */
function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null;
}

/** The deployment's status at `now`, given when the job starts and when (if ever) it reached its end. */
function statusAt(
  start: number,
  endedAt: number | undefined,
  now: number,
  createDate: number,
): DeploymentReadWire["status"] {
  if (endedAt !== undefined && endedAt <= now)
    return { overview: "Deleted", message: "Job ended", updateDate: endedAt };
  if (now < start) return { overview: "Creating", message: "Waiting for the job to start", updateDate: createDate };
  return { overview: "Available", message: "Serving the job", updateDate: start };
}

/** What the emulator stores of a deployment and what it answers, for one job at `now`. */
export function deploymentToWire(
  job: Pick<JobRecord, "id" | "name" | "projectId" | "createDate" | "spec">,
  start: number,
  endedAt: number | undefined,
  now: number,
): DeploymentWire {
  const deployment = job.spec.deployment;
  if (deployment.kind !== "NewEphemeralDeployment") return deployment;
  const template = deployment.template;
  const uuid = job.id.slice(ID_PREFIX.job.length);
  const text = (name: string, fallback: string): string =>
    typeof template[name] === "string" ? template[name] : fallback;
  const artifactId = text("artifactId", "");
  const versionTag = text("versionTag", "latest");
  return {
    kind: deployment.kind,
    template: {
      id: `${ID_PREFIX.deployment}${uuid}`,
      name: text("name", `${job.name}-deployment`),
      status: statusAt(start, endedAt, now, job.createDate),
      createDate: job.createDate,
      updateDate: job.createDate,
      projectId: job.projectId,
      artifactId,
      versionTag,
      region: text("region", "us-east-1"),
      historyVersions: [{ versionTag, artifactId, updateDate: job.createDate }],
      options: isObject(template.options) ? template.options : {},
      ...(typeof template.instanceId === "string" ? { instanceId: template.instanceId } : {}),
      ...(isObject(template.resources) ? { resources: template.resources } : {}),
      scaling: { replicas: typeof template.replicas === "number" ? template.replicas : 1 },
      url: `https://deploy-${uuid}.nexus.datature.io`,
    },
  };
}
