/**
 * Which hosts are public: the rule that keeps the gateway from being used as a network probe. A URL a caller gives
 * (a webhook endpoint), which an upstream will call, must be https on a host that is not loopback, private,
 * link-local, cloud metadata, unspecified, multicast, broadcast or otherwise not globally reachable. Backend-neutral:
 * any backend's URLs can use it.
 *
 * It classifies the hostname as the WHATWG URL parser leaves it, which has already normalised every IPv4 form
 * (`2130706433`, `0x7f000001`, `0177.0.0.1`, `127.1` are all `127.0.0.1`) and every IPv6 form (`[::ffff:127.0.0.1]`
 * is `[::ffff:7f00:1]`, lowercase, zeros compressed). So the code only needs dotted IPv4, canonical IPv6 and names.
 *
 * Our own ~100 lines rather than a library: `ipaddr.js` (the usual choice, ~12 KB minified) names a range
 * (`private`) but not its CIDR, which our messages show, and does not look into NAT64, 6to4 or IPv4-mapped
 * addresses for the IPv4 address inside, which we must; the tables below are the IANA special-purpose registries.
 *
 * What no rule here can see: a public DNS name that resolves to a private address (the README's "Webhook endpoints").
 */

/** Why a host is not public, for code that branches on it (uploads allow plain http on loopback only). */
export type NonPublicKind =
  | "loopback"
  | "private"
  | "link-local"
  | "metadata"
  | "unspecified"
  | "shared"
  | "multicast"
  | "broadcast"
  | "reserved"
  | "local-name";

/** A host that is not public: its kind, what it is in words (`a private address`), and its range (`10.0.0.0/8`). */
export interface NonPublicHost {
  kind: NonPublicKind;
  what: string;
  range: string;
}

type Entry = readonly [cidr: string, kind: NonPublicKind, what: string];

// IANA IPv4 special-purpose registry, the ranges not globally reachable. First match wins: narrow before wide.
const IPV4: readonly Entry[] = [
  ["0.0.0.0/8", "unspecified", "an unspecified address"],
  ["10.0.0.0/8", "private", "a private address"],
  ["100.64.0.0/10", "shared", "a carrier-grade NAT address"],
  ["127.0.0.0/8", "loopback", "a loopback address"],
  ["169.254.169.254/32", "metadata", "the cloud metadata address"],
  ["169.254.0.0/16", "link-local", "a link-local address"],
  ["172.16.0.0/12", "private", "a private address"],
  ["192.0.0.0/24", "reserved", "an IETF protocol address"],
  ["192.0.2.0/24", "reserved", "a documentation address"],
  ["192.88.99.0/24", "reserved", "a 6to4 relay address"],
  ["192.168.0.0/16", "private", "a private address"],
  ["198.18.0.0/15", "reserved", "a benchmarking address"],
  ["198.51.100.0/24", "reserved", "a documentation address"],
  ["203.0.113.0/24", "reserved", "a documentation address"],
  ["224.0.0.0/4", "multicast", "a multicast address"],
  ["255.255.255.255/32", "broadcast", "the broadcast address"],
  ["240.0.0.0/4", "reserved", "a reserved address"],
];

// IPv6 ranges refused outright. NAT64, 6to4 and IPv4-mapped addresses are judged by the IPv4 address inside
// (below), and anything outside global unicast (2000::/3) is refused after this table.
const IPV6: readonly Entry[] = [
  ["::/128", "unspecified", "an unspecified address"],
  ["::1/128", "loopback", "a loopback address"],
  ["::/96", "reserved", "a deprecated IPv4-compatible address"],
  ["64:ff9b:1::/48", "private", "a local-use NAT64 address"],
  ["100::/64", "reserved", "a discard-only address"],
  ["2001:db8::/32", "reserved", "a documentation address"],
  ["2001::/23", "reserved", "an IETF protocol address (Teredo, benchmarking, ...)"],
  ["3fff::/20", "reserved", "a documentation address"],
  ["fc00::/7", "private", "a unique local (private) address"],
  ["fe80::/10", "link-local", "a link-local address"],
  ["fec0::/10", "private", "a site-local address"],
  ["ff00::/8", "multicast", "a multicast address"],
];

// IPv6 prefixes with an IPv4 address inside: [prefix, first 16-bit group of the IPv4 address].
const EMBEDDING_V4: readonly (readonly [cidr: string, at: number, name: string])[] = [
  ["::ffff:0:0/96", 6, "IPv4-mapped"],
  ["64:ff9b::/96", 6, "NAT64"],
  ["2002::/16", 1, "6to4"],
];

/** `a.b.c.d` as 4 bytes, or null. Only the dotted form: the URL parser has turned every other form into it. */
function ipv4Bytes(text: string): number[] | null {
  const parts = text.split(".");
  if (parts.length !== 4 || !parts.every((part) => /^\d{1,3}$/.test(part) && Number(part) <= 255)) return null;
  return parts.map(Number);
}

/** A canonical IPv6 address (no brackets, no embedded dotted part: the URL parser leaves none) as 16 bytes, or null. */
function ipv6Bytes(text: string): number[] | null {
  const halves = text.split("::");
  if (halves.length > 2) return null;
  const groupsOf = (half: string | undefined): string[] => (half === undefined || half === "" ? [] : half.split(":"));
  const head = groupsOf(halves[0]);
  const tail = groupsOf(halves[1]);
  const missing = 8 - head.length - tail.length;
  if (halves.length === 1 ? missing !== 0 : missing < 1) return null;
  const groups = [...head, ...Array<string>(halves.length === 1 ? 0 : missing).fill("0"), ...tail];
  if (!groups.every((group) => /^[0-9a-f]{1,4}$/i.test(group))) return null;
  return groups.flatMap((group) => {
    const value = Number.parseInt(group, 16);
    return [value >> 8, value & 0xff];
  });
}

/** True when the first `bits` bits of `address` and `prefix` are equal (same length). */
function inPrefix(address: readonly number[], prefix: readonly number[], bits: number): boolean {
  for (let i = 0; i < bits; i += 8) {
    const mask = bits - i >= 8 ? 0xff : (0xff << (8 - (bits - i))) & 0xff;
    if (((address[i / 8] ?? 0) & mask) !== ((prefix[i / 8] ?? 0) & mask)) return false;
  }
  return true;
}

function matchTable(
  address: readonly number[],
  table: readonly Entry[],
  parse: (text: string) => number[] | null,
): NonPublicHost | null {
  for (const [cidr, kind, what] of table) {
    const [base = "", bits = "0"] = cidr.split("/");
    const prefix = parse(base);
    if (prefix !== null && inPrefix(address, prefix, Number(bits))) return { kind, what, range: cidr };
  }
  return null;
}

function classifyIpv4(bytes: readonly number[]): NonPublicHost | null {
  return matchTable(bytes, IPV4, ipv4Bytes);
}

function classifyIpv6(bytes: readonly number[]): NonPublicHost | null {
  const listed = matchTable(bytes, IPV6, ipv6Bytes);
  if (listed !== null) return listed;
  for (const [cidr, at, name] of EMBEDDING_V4) {
    const [base = "", bits = "0"] = cidr.split("/");
    const prefix = ipv6Bytes(base);
    if (prefix === null || !inPrefix(bytes, prefix, Number(bits))) continue;
    const inner = classifyIpv4(bytes.slice(at * 2, at * 2 + 4));
    // An upstream that reaches IPv4 through this prefix reaches the address inside: judge that one.
    return inner === null
      ? null
      : { ...inner, what: `${inner.what} (${name})`, range: `${inner.range} inside ${cidr}` };
  }
  // Only global unicast is public; the rest of the space is reserved or unassigned.
  if (!inPrefix(bytes, [0x20], 3))
    return { kind: "reserved", what: "not a global unicast address", range: "outside 2000::/3" };
  return null;
}

// Names that never lead to a public host: RFC 6761's localhost, the private-use `.internal` of cloud metadata
// (`metadata.google.internal`, `*.ec2.internal`), mDNS's `.local`, and home networks.
const LOCAL_SUFFIXES: readonly (readonly [suffix: string, kind: NonPublicKind, what: string])[] = [
  ["localhost", "loopback", "a loopback name"],
  ["internal", "local-name", "an internal name"],
  ["local", "local-name", "a link-local (mDNS) name"],
  ["localdomain", "local-name", "a local name"],
  ["home.arpa", "local-name", "a home network name"],
];

function classifyName(hostname: string): NonPublicHost | null {
  const name = hostname.replace(/\.$/, "").toLowerCase();
  for (const [suffix, kind, what] of LOCAL_SUFFIXES) {
    if (name === suffix || name.endsWith(`.${suffix}`))
      return { kind, what, range: name === suffix ? suffix : `*.${suffix}` };
  }
  if (name === "metadata.goog") return { kind: "metadata", what: "a cloud metadata name", range: "metadata.goog" };
  // `metadata`, `kubernetes`, `intranet`: resolved through the local resolver's search domains, never public DNS.
  if (!name.includes(".")) return { kind: "local-name", what: "a single-label name", range: "a name without a dot" };
  return null;
}

/**
 * What makes `hostname` non-public, or null for a public host. `hostname` is a `URL`'s `hostname` for an http(s)
 * URL (IPv4 dotted, IPv6 in brackets, names lowercase); a trailing dot is ignored. Never throws.
 */
export function nonPublicHostOf(hostname: string): NonPublicHost | null {
  if (hostname.startsWith("[") && hostname.endsWith("]")) {
    const bytes = ipv6Bytes(hostname.slice(1, -1));
    return bytes === null ? { kind: "reserved", what: "not a valid IPv6 address", range: "IPv6" } : classifyIpv6(bytes);
  }
  const v4 = ipv4Bytes(hostname.replace(/\.$/, ""));
  return v4 === null ? classifyName(hostname) : classifyIpv4(v4);
}

/** Why a URL is not a public endpoint: the rule that refused it and the words that say so. */
export type EndpointRefusal =
  { rule: "https"; message: string } | { rule: "public-host"; host: NonPublicHost; message: string };

/** The URL as messages quote it: normalised (so `http://2130706433/` shows as `http://127.0.0.1/`), cut short. */
export function quotedUrl(url: URL): string {
  const text = url.toString();
  return JSON.stringify(text.length > 100 ? `${text.slice(0, 100)}…` : text);
}

/**
 * Why `url` (an http(s) URL) is not a public https endpoint, or null when it is. The host is judged first (a private
 * address over http is refused for the address): `"http://10.0.0.1/" is a private address (10.0.0.0/8)`; then the
 * scheme: `must use https, got "http://example.com/hook"`. Ports are not judged. Never throws.
 */
export function publicEndpointRefusal(url: URL): EndpointRefusal | null {
  const host = nonPublicHostOf(url.hostname);
  if (host !== null) return { rule: "public-host", host, message: `${quotedUrl(url)} is ${host.what} (${host.range})` };
  if (url.protocol !== "https:") return { rule: "https", message: `must use https, got ${quotedUrl(url)}` };
  return null;
}

/**
 * `WEBHOOK_ALLOW_PRIVATE`: true only for the exact string `true` (local development, where receivers listen on
 * loopback over plain http). Default false; any other value is false too, the safe side. Never throws.
 */
export function webhookAllowPrivateFromEnv(env: { WEBHOOK_ALLOW_PRIVATE?: string | undefined }): boolean {
  return env.WEBHOOK_ALLOW_PRIVATE?.trim() === "true";
}
