/**
 * `jobs-page.client.js` is browser JavaScript that the Worker serves, not a module it runs: wrangler's
 * `[[rules]] type = "Text"` (wrangler.toml) bundles it as a string, which is what importing it gives.
 */
declare const script: string;
export default script;
