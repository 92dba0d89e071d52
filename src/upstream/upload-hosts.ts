/**
 * Where the gateway itself sends bytes that an upstream told it to send: an upload URL (Nexus's signed dataset URL)
 * must be https on a host the `UPLOAD_ALLOWED_HOSTS` setting names, so that an upstream (or whoever answers in its
 * place) cannot point the gateway's Worker at another host. Backend-neutral.
 *
 * Plain http needs no setting of its own: it is allowed only to a loopback host that the list names explicitly (the
 * local emulator, as `.dev.vars` and the test suite set it up), which no Worker at the edge can reach anyway, as
 * `AUTH_JWKS_URL` allows http on loopback only.
 */
import { perEnv } from "../per-env";
import { nonPublicHostOf } from "./public-endpoint";

/** Default of `UPLOAD_ALLOWED_HOSTS`: where Nexus's signed upload URLs point (Google Cloud Storage). */
export const DEFAULT_UPLOAD_ALLOWED_HOSTS = "storage.googleapis.com";

/** The hosts an upload URL may point at, from `UPLOAD_ALLOWED_HOSTS`. */
export interface UploadHosts {
  /** Host names and IP literals, as a URL's `hostname` spells them (`127.0.0.1`, `[::1]`, lowercase names). */
  readonly exact: readonly string[];
  /** `*.suffix` entries, without the `*` (`.example.com`): any name under them, never an IP literal. */
  readonly suffixes: readonly string[];
  /** Entries that are neither, as given: listed in refusals, so that a typo shows. */
  readonly ignored: readonly string[];
  /** The setting as given (or the default), for messages. */
  readonly setting: string;
}

/** A host as a URL's `hostname` would spell it (`127.1` → `127.0.0.1`, `::1` → `[::1]`), or null when it is not one. */
function canonicalHost(entry: string): string | null {
  const bracketed = entry.includes(":") && !entry.startsWith("[") ? `[${entry}]` : entry;
  try {
    const url = new URL(`https://${bracketed}/`);
    // Anything beyond a bare host (a port, a path, credentials) would be silently dropped: refuse it instead.
    return url.host === url.hostname && url.pathname === "/" && url.username === "" && !/[/?#@]/.test(entry)
      ? url.hostname.replace(/\.$/, "")
      : null;
  } catch {
    return null;
  }
}

/**
 * Reads `UPLOAD_ALLOWED_HOSTS`: comma-separated host names, IP literals or `*.suffix` patterns. Unset or empty:
 * {@link DEFAULT_UPLOAD_ALLOWED_HOSTS}. An entry that is none of these (a URL, a host with a port) is ignored and
 * named in refusals. Once per `env`. Never throws.
 */
export const uploadHostsFromEnv: (env: { UPLOAD_ALLOWED_HOSTS?: string | undefined }) => UploadHosts = perEnv(
  (env: { UPLOAD_ALLOWED_HOSTS?: string | undefined }) => uploadHostsOf(env.UPLOAD_ALLOWED_HOSTS),
);

/** {@link uploadHostsFromEnv} over the setting's raw value. Never throws. */
export function uploadHostsOf(raw: string | undefined): UploadHosts {
  const setting = raw === undefined || raw.trim() === "" ? DEFAULT_UPLOAD_ALLOWED_HOSTS : raw.trim();
  const exact: string[] = [];
  const suffixes: string[] = [];
  const ignored: string[] = [];
  for (const entry of setting
    .split(",")
    .map((part) => part.trim())
    .filter((part) => part !== "")) {
    const wildcard = entry.startsWith("*.");
    const host = canonicalHost(wildcard ? entry.slice(2) : entry);
    if (host === null || (wildcard && (host.startsWith("[") || !host.includes(".")))) ignored.push(entry);
    else if (wildcard) suffixes.push(`.${host}`);
    else exact.push(host);
  }
  return { exact, suffixes, ignored, setting };
}

function isAllowedHost(hostname: string, hosts: UploadHosts): boolean {
  const host = hostname.replace(/\.$/, "");
  if (hosts.exact.includes(host)) return true;
  // A pattern stands for names only: `*.0.1` must not let in 10.0.0.1.
  const ipLiteral = host.startsWith("[") || /^\d+(\.\d+){3}$/.test(host);
  return !ipLiteral && hosts.suffixes.some((suffix) => host.endsWith(suffix));
}

/**
 * Why the gateway must not send bytes to `rawUrl`, or null when it may: not a URL, not https (plain http only on a
 * loopback host the list names), or a host `UPLOAD_ALLOWED_HOSTS` does not name. The message names the host and the
 * setting, never the URL's path or query (a signed URL carries its credential there). Never throws.
 */
export function uploadUrlRefusal(rawUrl: string, hosts: UploadHosts): string | null {
  let url: URL;
  try {
    url = new URL(rawUrl);
  } catch {
    return "the upload URL is not a URL";
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") {
    return `the upload URL has the scheme "${url.protocol.slice(0, 20)}", expected https`;
  }
  const host = JSON.stringify(url.hostname);
  if (!isAllowedHost(url.hostname, hosts)) {
    const ignored =
      hosts.ignored.length === 0
        ? ""
        : `; ignored entries: ${hosts.ignored.map((entry) => JSON.stringify(entry)).join(", ")}`;
    return `the upload URL's host ${host} is not in UPLOAD_ALLOWED_HOSTS (${hosts.setting}${ignored})`;
  }
  if (url.protocol === "http:" && nonPublicHostOf(url.hostname)?.kind !== "loopback") {
    return `the upload URL to ${host} is plain http; only https is allowed (http only to a loopback host)`;
  }
  return null;
}
