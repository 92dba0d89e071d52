/**
 * The public-endpoint rule (src/upstream/public-endpoint.ts) and the upload-host rule (src/upstream/upload-hosts.ts)
 * over many spellings of the same hosts: every form goes through the WHATWG URL parser first, as in the gateway.
 */
import { describe, expect, it } from "vitest";
import { nonPublicHostOf, publicEndpointRefusal, webhookAllowPrivateFromEnv } from "../../src/upstream/public-endpoint";
import { uploadHostsOf, uploadUrlRefusal } from "../../src/upstream/upload-hosts";

/** What the rule says of `url`: `public`, or the refused host's range. */
function rangeOf(url: string): string {
  return nonPublicHostOf(new URL(url).hostname)?.range ?? "public";
}

describe("nonPublicHostOf: IPv4 in every form the URL parser accepts", () => {
  it.each([
    ["http://127.0.0.1/", "127.0.0.0/8"],
    ["http://127.0.0.1:9/", "127.0.0.0/8"],
    ["http://2130706433/", "127.0.0.0/8"],
    ["http://0x7f000001/", "127.0.0.0/8"],
    ["http://0177.0.0.1/", "127.0.0.0/8"],
    ["http://127.1/", "127.0.0.0/8"],
    ["http://0x7f.1/", "127.0.0.0/8"],
    ["http://127.0.0.1./", "127.0.0.0/8"],
    ["http://127.255.255.254/", "127.0.0.0/8"],
    ["http://0.0.0.0/", "0.0.0.0/8"],
    ["http://0/", "0.0.0.0/8"],
    ["http://10.0.0.1/", "10.0.0.0/8"],
    ["http://012.1/", "10.0.0.0/8"],
    ["http://172.16.0.1/", "172.16.0.0/12"],
    ["http://172.31.255.255/", "172.16.0.0/12"],
    ["http://192.168.1.1/", "192.168.0.0/16"],
    ["http://3232235777/", "192.168.0.0/16"],
    ["http://169.254.169.254/latest/meta-data/", "169.254.169.254/32"],
    ["http://0xa9fea9fe/", "169.254.169.254/32"],
    ["http://169.254.1.1/", "169.254.0.0/16"],
    ["http://100.64.0.1/", "100.64.0.0/10"],
    ["http://100.100.100.200/", "100.64.0.0/10"],
    ["http://100.127.255.255/", "100.64.0.0/10"],
    ["http://198.18.0.1/", "198.18.0.0/15"],
    ["http://198.19.255.255/", "198.18.0.0/15"],
    ["http://192.0.0.192/", "192.0.0.0/24"],
    ["http://192.0.2.1/", "192.0.2.0/24"],
    ["http://224.0.0.1/", "224.0.0.0/4"],
    ["http://239.255.255.250/", "224.0.0.0/4"],
    ["http://255.255.255.255/", "255.255.255.255/32"],
    ["http://0xffffffff/", "255.255.255.255/32"],
    ["http://240.0.0.1/", "240.0.0.0/4"],
  ])("refuses %s (%s)", (url, range) => {
    expect(rangeOf(url)).toBe(range);
  });

  it.each([
    "http://8.8.8.8/",
    "http://134744072/",
    "http://1.1.1.1/",
    "http://172.15.255.255/",
    "http://172.32.0.1/",
    "http://100.63.255.255/",
    "http://100.128.0.1/",
    "http://198.17.255.255/",
    "http://198.20.0.1/",
    "http://169.253.255.255/",
    "http://11.0.0.1/",
    "http://223.255.255.255/",
  ])("lets %s through", (url) => {
    expect(rangeOf(url)).toBe("public");
  });
});

describe("nonPublicHostOf: IPv6", () => {
  it.each([
    ["http://[::1]/", "::1/128"],
    ["http://[0:0:0:0:0:0:0:1]/", "::1/128"],
    ["http://[::]/", "::/128"],
    ["http://[::127.0.0.1]/", "::/96"],
    ["http://[fe80::1]/", "fe80::/10"],
    ["http://[febf::1]/", "fe80::/10"],
    ["http://[fc00::1]/", "fc00::/7"],
    ["http://[fd00:ec2::254]/", "fc00::/7"],
    ["http://[fec0::1]/", "fec0::/10"],
    ["http://[ff02::1]/", "ff00::/8"],
    ["http://[::ffff:127.0.0.1]/", "127.0.0.0/8 inside ::ffff:0:0/96"],
    ["http://[::ffff:7f00:1]/", "127.0.0.0/8 inside ::ffff:0:0/96"],
    ["http://[::ffff:169.254.169.254]/", "169.254.169.254/32 inside ::ffff:0:0/96"],
    ["http://[::ffff:a00:1]/", "10.0.0.0/8 inside ::ffff:0:0/96"],
    ["http://[64:ff9b::10.0.0.1]/", "10.0.0.0/8 inside 64:ff9b::/96"],
    ["http://[64:ff9b::7f00:1]/", "127.0.0.0/8 inside 64:ff9b::/96"],
    ["http://[64:ff9b:1::1]/", "64:ff9b:1::/48"],
    ["http://[2002:c0a8:101::1]/", "192.168.0.0/16 inside 2002::/16"],
    ["http://[2001:db8::1]/", "2001:db8::/32"],
    ["http://[2001::1]/", "2001::/23"],
    ["http://[100::1]/", "100::/64"],
    ["http://[3fff::1]/", "3fff::/20"],
    ["http://[4000::1]/", "outside 2000::/3"],
    ["http://[::2]/", "::/96"],
  ])("refuses %s (%s)", (url, range) => {
    expect(rangeOf(url)).toBe(range);
  });

  it.each([
    "http://[2606:4700:4700::1111]/",
    "http://[2a00:1450:4001:82a::200e]/",
    "http://[::ffff:8.8.8.8]/",
    "http://[64:ff9b::8.8.8.8]/",
    "http://[2002:808:808::1]/",
  ])("lets %s through", (url) => {
    expect(rangeOf(url)).toBe("public");
  });
});

describe("nonPublicHostOf: names", () => {
  it.each([
    ["http://localhost/", "localhost"],
    ["http://LOCALHOST./", "localhost"],
    ["http://api.localhost/", "*.localhost"],
    ["http://metadata.google.internal/", "*.internal"],
    ["http://metadata.google.internal./computeMetadata/v1/", "*.internal"],
    ["http://ip-10-0-0-1.ec2.internal/", "*.internal"],
    ["http://metadata.goog/", "metadata.goog"],
    ["http://printer.local/", "*.local"],
    ["http://nas.home.arpa/", "*.home.arpa"],
    ["http://box.localdomain/", "*.localdomain"],
    ["http://metadata/", "a name without a dot"],
    ["http://kubernetes/", "a name without a dot"],
  ])("refuses %s (%s)", (url, range) => {
    expect(rangeOf(url)).toBe(range);
  });

  it.each([
    "https://hooks.example.com/x",
    "https://localhost.example.com/",
    "https://internal.example.com/",
    "https://example.local.example.com/",
  ])("lets %s through", (url) => {
    expect(rangeOf(url)).toBe("public");
  });
});

describe("publicEndpointRefusal", () => {
  it("names the address and its range, for http and https alike", () => {
    expect(publicEndpointRefusal(new URL("http://10.0.0.1/"))?.message).toBe(
      '"http://10.0.0.1/" is a private address (10.0.0.0/8)',
    );
    expect(publicEndpointRefusal(new URL("https://2130706433:8443/x"))?.message).toBe(
      '"https://127.0.0.1:8443/x" is a loopback address (127.0.0.0/8)',
    );
    expect(publicEndpointRefusal(new URL("https://[::ffff:7f00:1]/"))?.message).toBe(
      '"https://[::ffff:7f00:1]/" is a loopback address (IPv4-mapped) (127.0.0.0/8 inside ::ffff:0:0/96)',
    );
  });

  it("refuses plain http to a public host, and lets https with any port through", () => {
    expect(publicEndpointRefusal(new URL("http://example.com/hook"))).toEqual({
      rule: "https",
      message: 'must use https, got "http://example.com/hook"',
    });
    expect(publicEndpointRefusal(new URL("https://hooks.example.com/x"))).toBeNull();
    expect(publicEndpointRefusal(new URL("https://hooks.example.com:8443/x"))).toBeNull();
  });

  it("reads WEBHOOK_ALLOW_PRIVATE as true only when it says true", () => {
    expect(webhookAllowPrivateFromEnv({})).toBe(false);
    expect(webhookAllowPrivateFromEnv({ WEBHOOK_ALLOW_PRIVATE: "false" })).toBe(false);
    expect(webhookAllowPrivateFromEnv({ WEBHOOK_ALLOW_PRIVATE: "yes" })).toBe(false);
    expect(webhookAllowPrivateFromEnv({ WEBHOOK_ALLOW_PRIVATE: " true " })).toBe(true);
  });
});

describe("uploadUrlRefusal", () => {
  const defaults = uploadHostsOf(undefined);

  it("allows https on storage.googleapis.com by default, and nothing else", () => {
    expect(uploadUrlRefusal("https://storage.googleapis.com/bucket/o?X-Goog-Signature=abc", defaults)).toBeNull();
    expect(uploadUrlRefusal("https://STORAGE.googleapis.com./b", defaults)).toBeNull();
    expect(uploadUrlRefusal("https://evil.example/upload?sig=secret", defaults)).toBe(
      'the upload URL\'s host "evil.example" is not in UPLOAD_ALLOWED_HOSTS (storage.googleapis.com)',
    );
    expect(uploadUrlRefusal("https://storage.googleapis.com.evil.example/", defaults)).not.toBeNull();
    expect(uploadUrlRefusal("http://storage.googleapis.com/b", defaults)).toBe(
      'the upload URL to "storage.googleapis.com" is plain http; only https is allowed (http only to a loopback host)',
    );
    expect(uploadUrlRefusal("ftp://storage.googleapis.com/b", defaults)).toBe(
      'the upload URL has the scheme "ftp:", expected https',
    );
    expect(uploadUrlRefusal("not a url", defaults)).toBe("the upload URL is not a URL");
  });

  it("matches *.suffix on names below it, never the suffix itself nor an IP literal", () => {
    const hosts = uploadHostsOf("*.blob.example.com, *.0.1");
    expect(uploadUrlRefusal("https://acct.blob.example.com/x", hosts)).toBeNull();
    expect(uploadUrlRefusal("https://a.b.blob.example.com/x", hosts)).toBeNull();
    expect(uploadUrlRefusal("https://blob.example.com/x", hosts)).not.toBeNull();
    expect(uploadUrlRefusal("https://10.0.0.1/x", hosts)).not.toBeNull();
  });

  it("allows plain http only to a loopback host the list names, and names ignored entries", () => {
    const hosts = uploadHostsOf("127.0.0.1, ::1, 10.0.0.1, https://x.example/, host:8080");
    expect(hosts.ignored).toEqual(["https://x.example/", "host:8080"]);
    expect(uploadUrlRefusal("http://127.0.0.1:8788/upload/t", hosts)).toBeNull();
    expect(uploadUrlRefusal("http://2130706433:8788/upload/t", hosts)).toBeNull();
    expect(uploadUrlRefusal("http://[::1]:8788/upload/t", hosts)).toBeNull();
    expect(uploadUrlRefusal("http://10.0.0.1/upload/t", hosts)).toBe(
      'the upload URL to "10.0.0.1" is plain http; only https is allowed (http only to a loopback host)',
    );
    expect(uploadUrlRefusal("http://localhost:8788/upload/t", hosts)).toBe(
      'the upload URL\'s host "localhost" is not in UPLOAD_ALLOWED_HOSTS (127.0.0.1, ::1, 10.0.0.1, https://x.example/, host:8080; ' +
        'ignored entries: "https://x.example/", "host:8080")',
    );
  });
});
