/**
 * Yoga plugin: `Vary: Origin` on every response. HTTP-only by nature (a response header, `onResponse`). The CORS headers depend on the request's Origin (an allowed origin
 * gets them, any other gets none), so a cache in front of the gateway must not hand one origin's answer to another.
 */
import type { Plugin } from "graphql-yoga";

/** Adds `Origin` to each response's `Vary` header (once). Never throws. */
export function useVaryOrigin(): Plugin {
  return {
    onResponse({ response }) {
      const vary = response.headers.get("vary");
      const names = (vary ?? "").split(",").map((name) => name.trim().toLowerCase());
      if (!names.includes("origin") && !names.includes("*")) response.headers.append("vary", "Origin");
    },
  };
}
