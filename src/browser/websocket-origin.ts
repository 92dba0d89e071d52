/**
 * Cross-site WebSocket hijacking: browsers let any page open a WebSocket to any host, with no preflight, and only
 * say where they come from in `Origin`. A WebSocket upgrade from a browser page on an origin that is neither the
 * gateway's own nor in `CORS_ORIGINS` is refused, like a cross-origin HTTP request would be kept from the page.
 */
import { isSettingsProblem } from "../auth/auth-settings";
import { browserSettingsFromEnv, originAllowed, type BrowserEnv } from "./browser-settings";

/**
 * A 403 for an upgrade from a foreign browser origin, else null (no Origin: not a browser; the gateway's own
 * origin; an origin in `CORS_ORIGINS`). Unusable settings are left to `connection_init`, which closes with 4500
 * naming the setting.
 */
export function foreignOriginRefusal(request: Request, env: BrowserEnv): Response | null {
  const settings = browserSettingsFromEnv(env);
  if (isSettingsProblem(settings) || originAllowed(request.headers.get("origin"), request.url, settings)) return null;
  return new Response("WebSocket upgrade refused: this origin is not in the gateway's CORS_ORIGINS.\n", {
    status: 403,
    headers: { "content-type": "text/plain; charset=utf-8" },
  });
}
