/**
 * The tenant of a Graviti access key, without a call: `key-` and the first 128 bits of the key's SHA-256, in hex.
 *
 * Why not the workspace's name (`GET /v2/current-workspace`)? `Backend.tenantOf` is synchronous and runs for every
 * request, and a call there would cost every request one upstream round trip. A key acts in exactly one workspace,
 * so two workspaces never share a tenant; two keys of one workspace get two tenants (two watch objects, two
 * breakers), which is allowed and rare. The hash is one-way: the tenant names watch objects and breakers, and may
 * show up in their logs, so it must not be the key itself. The hash is synchronous (`encoding/sha256-hex.ts`), and
 * made once per key and isolate.
 */
import { sha256HexOnce } from "../../encoding/sha256-hex";

/** The tenant of an access key: `key-<32 hex>`. Never throws. */
export function tenantOfAccessKey(accessKey: string): string {
  return `key-${sha256HexOnce(accessKey).slice(0, 32)}`;
}
