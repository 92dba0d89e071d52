/**
 * Local development and tests point every backend at the embedded emulator with one setting, `EMULATOR_URL`,
 * instead of a list of each backend's URL and demo credentials: each registered backend says where its part of the
 * emulator lives (`emulatorSettings` on its `Backend` object), so a new backend needs no line in `.dev.vars` or in
 * the test suite's settings. Production leaves `EMULATOR_URL` unset and gets `env` itself.
 */
import { BACKENDS } from "./backends/registry";
import { perEnv } from "./per-env";
import type { GatewayVars } from "./vars";

/**
 * `env` with every backend's settings defaulting to its part of the emulator at `EMULATOR_URL` (and the emulator's
 * demo credentials unless `EMULATOR_DEMO_CREDENTIALS=false`); a setting `env` gives itself still wins, bindings
 * included. `env` itself when `EMULATOR_URL` is unset or blank. One object per `env` object (`per-env.ts`), so the
 * settings caches keyed by it keep working. Never throws.
 */
export const withEmulatorSettings: <E extends GatewayVars>(env: E) => E = perEnv(<E extends GatewayVars>(env: E): E => {
  const url = env.EMULATOR_URL?.trim().replace(/\/+$/, "") ?? "";
  if (url === "") return env;
  const demo = env.EMULATOR_DEMO_CREDENTIALS?.trim().toLowerCase() !== "false";
  const defaults = Object.assign({}, ...BACKENDS.map((backend) => backend.emulatorSettings(url, demo))) as Record<
    string,
    string
  >;
  return { ...defaults, ...env };
});
