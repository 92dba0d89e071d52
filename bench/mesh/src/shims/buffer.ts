/** `buffer` for packages that require the bare name (see `[alias]` in wrangler.toml): workerd's `node:buffer`. */
export * from "node:buffer";
