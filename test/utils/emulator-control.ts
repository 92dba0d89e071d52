/**
 * The emulator's control API (reset, request log, faults) for the gateway and subscription tests and the
 * benchmarks, acting on the running file's tenant (`test/utils/tenant.ts`; the benchmarks, outside `test/`, act on
 * the default tenant). The emulator's own tests use theirs (`test/emulator/helpers.ts`), which also checks every
 * answer against the OpenAPI document.
 */
import {
  useTenant,
  type Faults,
  type LargeProject,
  type LargeProjectSize,
  type ResetOptions,
  type UpstreamRequest,
} from "./tenant";

export type { Faults, LargeProject, LargeProjectSize, UpstreamRequest } from "./tenant";

/**
 * Back to the seeded data; also clears the request log and the faults. `msPerItem` sets how long each item takes
 * at each stage for jobs created from now on. Throws unless the emulator answers 2xx.
 */
export async function resetEmulator(options: ResetOptions = {}): Promise<void> {
  await useTenant().reset(options);
}

/**
 * Like {@link resetEmulator}, and also seeds this file's tenant's large project (default 10,000 jobs and 2,000
 * datasets); answers its id, key, sizes and the caller and headers that act as it.
 */
export async function resetLargeProject(
  size: LargeProjectSize = {},
  options: ResetOptions = {},
): Promise<LargeProject> {
  return useTenant().resetLarge(size, options);
}

/** Every API request of this file's tenant since the last reset or clear, oldest first. */
export async function upstreamRequests(): Promise<UpstreamRequest[]> {
  return useTenant().requests();
}

/** Clears the request log of this file's tenant. */
export async function clearUpstreamRequests(): Promise<void> {
  await useTenant().clearRequests();
}

/** Sets the faults of this file's tenant, replacing the previous setting. */
export async function setFaults(faults: Faults): Promise<void> {
  await useTenant().setFaults(faults);
}

/** Removes every fault of this file's tenant. */
export async function clearFaults(): Promise<void> {
  await useTenant().clearFaults();
}
