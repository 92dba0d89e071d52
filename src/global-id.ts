/**
 * Global ids: every `Node.id` is base64url (no padding) of `"<TypeName>:<ref>"`. The type name names the backend
 * (each backend's types are its own: `NexusJob`, …), so an id routes to its backend and type through the registry
 * (`backends/registry.ts`); the ref is the backend's own reference, checked against the type's grammar before it
 * goes anywhere near an upstream path. This is the format the API has always issued, so every id a client stored
 * still resolves.
 */
import { base64UrlDecode, base64UrlEncode } from "./encoding/base64url";

/** A global id taken apart (its type name is not checked here; see `resolveId` in `resources/ids.ts`). */
export interface DecodedGlobalId {
  typename: string;
  ref: string;
}

/** The global id of an object: base64url of `"<typename>:<ref>"`. */
export function toGlobalId(typename: string, ref: string): string {
  return base64UrlEncode(`${typename}:${ref}`);
}

/** Takes a global id apart; null when it is not base64url of `"<Name>:<ref>"`. Never throws. */
export function decodeGlobalId(id: string): DecodedGlobalId | null {
  const decoded = base64UrlDecode(id);
  if (decoded === null) return null;
  const colon = decoded.indexOf(":");
  if (colon <= 0 || colon === decoded.length - 1) return null;
  const typename = decoded.slice(0, colon);
  if (!/^[A-Z][A-Za-z0-9]{0,63}$/.test(typename)) return null;
  return { typename, ref: decoded.slice(colon + 1) };
}
