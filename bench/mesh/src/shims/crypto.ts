/** `crypto` for packages that require the bare name (see `[alias]` in wrangler.toml): workerd's `node:crypto`. */
export * from "node:crypto";
