/**
 * Reading the settings that decide what a browser may do: `CORS_ORIGINS` (which other origins may call the gateway,
 * with credentials), `GRAPHIQL`, `INTROSPECTION` and `JOBS_PAGE`. All are closed by default, which is what production gets;
 * `.dev.vars` opens them for local development. A bad value is a {@link SettingsProblem} naming the setting.
 */
import type { SettingsProblem } from "../auth/auth-settings";
import { perEnv } from "../per-env";

/** The environment fields this module reads. */
export interface BrowserEnv {
  CORS_ORIGINS?: string | undefined;
  GRAPHIQL?: string | undefined;
  INTROSPECTION?: string | undefined;
  JOBS_PAGE?: string | undefined;
}

/** What browsers may do. */
export interface BrowserSettings {
  /** Exact origins (`https://app.example.com`) allowed cross-origin, with credentials. Empty by default. */
  corsOrigins: readonly string[];
  /** Serve GraphiQL on a browser GET of the endpoint. Default false. */
  graphiql: boolean;
  /** Answer introspection queries (`__schema`, `__type`). Default false. */
  introspection: boolean;
  /** Serve the live jobs page at `/jobs` (pages/jobs-page.ts). Default false. */
  jobsPage: boolean;
}

function booleanSetting(setting: string, raw: string | undefined): boolean | SettingsProblem {
  const value = (raw ?? "").trim().toLowerCase();
  if (value === "" || value === "false") return false;
  if (value === "true") return true;
  return {
    setting,
    message: `The gateway's ${setting} setting is invalid: expected "true" or "false", got "${value.slice(0, 20)}".`,
  };
}

function originsSetting(raw: string | undefined): string[] | SettingsProblem {
  const origins: string[] = [];
  for (const entry of (raw ?? "").split(/[\s,]+/).filter((value) => value !== "")) {
    let origin: string | null = null;
    try {
      origin = new URL(entry).origin;
    } catch {
      // Not a URL: reported below.
    }
    // Only exact origins: a path, a trailing slash or a wildcard would never match a browser's Origin header, and
    // "*" with credentials is what this setting exists to prevent.
    if (origin === null || origin === "null" || origin !== entry) {
      return {
        setting: "CORS_ORIGINS",
        message: `The gateway's CORS_ORIGINS setting is invalid: "${entry.slice(0, 80)}" is not an origin such as https://app.example.com.`,
      };
    }
    origins.push(origin);
  }
  return origins;
}

/**
 * Reads the browser settings: every one closed when unset. Returns the first problem instead; never throws. Once
 * per `env` object (see per-env.ts): CORS, CSRF, auth and introspection ask on every request.
 */
export const browserSettingsFromEnv: (env: BrowserEnv) => BrowserSettings | SettingsProblem =
  perEnv(readBrowserSettings);

function readBrowserSettings(env: BrowserEnv): BrowserSettings | SettingsProblem {
  const corsOrigins = originsSetting(env.CORS_ORIGINS);
  if (!Array.isArray(corsOrigins)) return corsOrigins;
  const graphiql = booleanSetting("GRAPHIQL", env.GRAPHIQL);
  if (typeof graphiql !== "boolean") return graphiql;
  const introspection = booleanSetting("INTROSPECTION", env.INTROSPECTION);
  if (typeof introspection !== "boolean") return introspection;
  const jobsPage = booleanSetting("JOBS_PAGE", env.JOBS_PAGE);
  if (typeof jobsPage !== "boolean") return jobsPage;
  // Frozen with the settings: the cached list is every request's.
  return { corsOrigins: Object.freeze(corsOrigins), graphiql, introspection, jobsPage };
}

/**
 * True when a browser on `origin` may use the gateway at `requestUrl`: the same origin, or one in `CORS_ORIGINS`.
 * A request without an Origin header (not from a browser, or a same-origin GET) is allowed: CORS is a browser rule.
 */
export function originAllowed(origin: string | null, requestUrl: string, settings: BrowserSettings): boolean {
  if (origin === null) return true;
  return origin === new URL(requestUrl).origin || settings.corsOrigins.includes(origin);
}
