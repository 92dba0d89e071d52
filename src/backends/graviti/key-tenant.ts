/**
 * The tenant of a Graviti access key, without a call: `key-` and the first 128 bits of the key's SHA-256, in hex.
 *
 * Why not the workspace's name (`GET /v2/current-workspace`)? `Backend.tenantOf` is synchronous and runs for every
 * request, and a call there would cost every request one upstream round trip. A key acts in exactly one workspace,
 * so two workspaces never share a tenant; two keys of one workspace get two tenants (two watch objects, two
 * breakers), which is allowed and rare. The hash is one-way: the tenant names watch objects and breakers, and may
 * show up in their logs, so it must not be the key itself. The hash is `@noble/hashes` (audited, dependency-free,
 * about 5 KiB here) because Web Crypto's `digest` is asynchronous and the Workers types offer no synchronous hash.
 */
import { sha256 } from "@noble/hashes/sha2.js";
import { bytesToHex, utf8ToBytes } from "@noble/hashes/utils.js";

/** SHA-256 of `text` (UTF-8), as 64 hex digits. */
export function sha256Hex(text: string): string {
  return bytesToHex(sha256(utf8ToBytes(text)));
}

/** The tenant of an access key: `key-<32 hex>`. Never throws. */
export function tenantOfAccessKey(accessKey: string): string {
  return `key-${sha256Hex(accessKey).slice(0, 32)}`;
}
