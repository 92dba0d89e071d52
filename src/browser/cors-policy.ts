/**
 * The CORS answer for one request, as Yoga's `cors` option wants it: an allowed origin gets exactly its own origin
 * back, with credentials, and the headers the gateway reads (every backend's credentials, and the bearer); any other origin gets no
 * CORS headers at all, so the browser keeps the response from the page.
 */
import { isSettingsProblem } from "../auth/auth-settings";
import { CREDENTIAL_HEADERS } from "../backends/registry";
import { browserSettingsFromEnv, type BrowserEnv } from "./browser-settings";

/** The request headers a cross-origin page may send: what the gateway reads, and Yoga's CSRF header. */
export const CORS_ALLOWED_HEADERS = [
  "content-type",
  "accept",
  "authorization",
  ...CREDENTIAL_HEADERS,
  "x-graphql-yoga-csrf",
];

/** What {@link corsOptionsFor} answers: no CORS at all, or the options for one allowed origin (Yoga's `CORSOptions`). */
export type CorsAnswer =
  false | { origin: string; credentials: true; methods: string[]; allowedHeaders: string[]; maxAge: number };

/**
 * The CORS options for `request`: `false` (no CORS headers) unless its Origin is listed in `CORS_ORIGINS`; then that
 * origin alone, with credentials, methods GET and POST, and {@link CORS_ALLOWED_HEADERS}. Unusable settings allow
 * nothing. Never throws.
 */
export function corsOptionsFor(request: Request, env: BrowserEnv): CorsAnswer {
  const origin = request.headers.get("origin");
  const settings = browserSettingsFromEnv(env);
  if (origin === null || isSettingsProblem(settings) || !settings.corsOrigins.includes(origin)) return false;
  return {
    // A string, not a list: Yoga sends a one-element list's entry whatever the request's origin was.
    origin,
    credentials: true,
    methods: ["GET", "POST", "OPTIONS"],
    allowedHeaders: CORS_ALLOWED_HEADERS,
    maxAge: 600,
  };
}
