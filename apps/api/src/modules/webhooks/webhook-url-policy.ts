import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { BlockList, isIP, type LookupFunction } from 'node:net';

/**
 * Where webhooks may go (SSRF protection): https to public addresses only, except for the hosts of
 * WEBHOOK_ALLOWED_HOSTS (local receivers in development and tests). Checked when an endpoint is saved (the
 * URL) and again on every delivery (the addresses the name resolves to, on the connection actually made).
 */
const NOT_PUBLIC = new BlockList();
for (const [network, prefix] of [
  ['0.0.0.0', 8], ['10.0.0.0', 8], ['100.64.0.0', 10], ['127.0.0.0', 8], ['169.254.0.0', 16], ['172.16.0.0', 12],
  ['192.0.0.0', 24], ['192.0.2.0', 24], ['192.168.0.0', 16], ['198.18.0.0', 15], ['198.51.100.0', 24], ['203.0.113.0', 24],
  ['224.0.0.0', 4], ['240.0.0.0', 4],
] as const) NOT_PUBLIC.addSubnet(network, prefix, 'ipv4');
for (const [network, prefix] of [['::', 128], ['::1', 128], ['fc00::', 7], ['fe80::', 10], ['ff00::', 8], ['2001:db8::', 32], ['64:ff9b::', 96]] as const) {
  NOT_PUBLIC.addSubnet(network, prefix, 'ipv6');
}

export function isPublicAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 0) return false;
  const mapped = family === 6 ? /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address)?.[1] : undefined;
  if (mapped) return isPublicAddress(mapped);
  return !NOT_PUBLIC.check(address, family === 4 ? 'ipv4' : 'ipv6');
}

export class WebhookUrlPolicy {
  private readonly allowed: ReadonlySet<string>;

  constructor(allowedHosts: readonly string[]) {
    this.allowed = new Set(allowedHosts);
  }

  /** Why this URL may not receive webhooks, or null when it may. */
  problemWith(raw: string): string | null {
    let url: URL;
    try {
      url = new URL(raw);
    } catch {
      return 'url must be an absolute URL';
    }
    if (url.username || url.password) return 'url must not contain credentials';
    if (url.hash) return 'url must not contain a fragment';
    const host = hostOf(url);
    if (this.allowed.has(host)) return url.protocol === 'https:' || url.protocol === 'http:' ? null : 'url must use https';
    if (url.protocol !== 'https:') return 'url must use https';
    if (isIP(host) !== 0 && !isPublicAddress(host)) return 'url must not point to a private, loopback or link-local address';
    if (host === 'localhost' || host.endsWith('.localhost') || !host.includes('.')) return 'url must use a public host name';
    return null;
  }

  /** A DNS lookup for the HTTP client that refuses names resolving to non-public addresses. */
  guardedLookup(host: string): LookupFunction | undefined {
    if (this.allowed.has(host)) return undefined;
    return (hostname, options, callback) => {
      dnsLookup(hostname, { ...options, all: true }, (error, addresses: LookupAddress[] | undefined) => {
        // On a failed lookup (ENOTFOUND, no network) there are no addresses: the delivery attempt fails, the process does not.
        const [first] = addresses ?? [];
        if (error || addresses === undefined) {
          callback(error ?? Object.assign(new Error(`${hostname} did not resolve`), { code: 'ENOTFOUND' }), '', 4);
        } else if (!first || addresses.some((entry) => !isPublicAddress(entry.address))) {
          callback(Object.assign(new Error(`${hostname} resolves to a non-public address`), { code: 'EWEBHOOKBLOCKED' }), '', 4);
        } else if (options.all) {
          (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, addresses);
        } else {
          callback(null, first.address, first.family);
        }
      });
    };
  }
}

export function hostOf(url: URL): string {
  return url.hostname.toLowerCase().replace(/^\[(.*)\]$/, '$1');
}
