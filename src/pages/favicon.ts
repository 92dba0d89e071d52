/**
 * The gateway's favicon, served by the Worker itself at {@link FAVICON_PATH}: GraphiQL's page and the jobs page
 * point at it, so no page makes a request to another host for its icon (Yoga's page loads one from GitHub, which
 * fails offline and under a strict CSP). An SVG, so it is a few hundred bytes of text in the bundle.
 */

/** Where the favicon is served (same origin as the API). */
export const FAVICON_PATH = "/favicon.svg";

/** Two connected nodes on a dark tile: a graph over batches. */
const FAVICON_SVG = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32">
<rect width="32" height="32" rx="6" fill="#1b1f3b"/>
<path d="M9 22 L16 10 L23 22 Z" fill="none" stroke="#e535ab" stroke-width="2.5" stroke-linejoin="round"/>
<circle cx="16" cy="10" r="3.5" fill="#e535ab"/><circle cx="9" cy="22" r="3.5" fill="#e535ab"/>
<circle cx="23" cy="22" r="3.5" fill="#e535ab"/>
</svg>
`;

/** True for a request of the favicon: {@link FAVICON_PATH}, or `/favicon.ico`, which browsers ask for unprompted. */
export function isFaviconRequest(url: URL): boolean {
  return url.pathname === FAVICON_PATH || url.pathname === "/favicon.ico";
}

/** The favicon (SVG, cacheable for a day). Never fails. */
export function faviconResponse(): Response {
  return new Response(FAVICON_SVG, {
    headers: { "content-type": "image/svg+xml", "cache-control": "public, max-age=86400" },
  });
}
