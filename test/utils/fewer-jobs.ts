/**
 * Cuts a seeded Nexus project's jobs down for tests that walk them page by page. A Nexus page reads the project's
 * whole job list upstream (the page's window, then the total), so a walk in pages of 1 costs about jobs × jobs: the
 * walks of the demo project's 40 jobs were the suite's longest tests. Every `step`-th job of the list is kept, so what
 * is left still spans the seed's ages and states (running, waiting, finished, cancelled, failed).
 */
import { inject } from "vitest";
import type { TenantProject } from "./tenant";

interface WireJob {
  id: string;
  createDate: number;
}

/** Calls the emulator's Nexus API as `caller`; throws an error naming the call unless it answers 2xx. */
async function nexusApi(method: string, resource: string, caller: TenantProject): Promise<Response> {
  const response = await fetch(`${inject("emulatorUrl")}/projects/${caller.project}/batch/${resource}`, {
    method,
    headers: { "Secret-Key": caller.key },
  });
  if (!response.ok) throw new Error(`${method} ${resource}: expected 2xx, got ${response.status}`);
  return response;
}

/**
 * Deletes, upstream, every job of `caller`'s project but every `step`-th of its list (newest first, ties by id; the
 * first, the newest, is kept), and resolves with how many are left. Throws if a call fails.
 */
export async function keepEveryNthJob(caller: TenantProject, step: number): Promise<number> {
  const jobs = ((await (await nexusApi("GET", "jobs?limit=1000", caller)).json()) as { data: WireJob[] }).data;
  const newestFirst = [...jobs].sort((a, b) => b.createDate - a.createDate || (a.id < b.id ? -1 : 1));
  const gone = newestFirst.filter((_, index) => index % step !== 0);
  await Promise.all(gone.map((job) => nexusApi("DELETE", `jobs/${job.id}`, caller)));
  return jobs.length - gone.length;
}
