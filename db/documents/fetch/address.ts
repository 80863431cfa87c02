/**
 * Which addresses a redirect may lead to. The analyst may capture any address they type, local ones
 * included; but a page the analyst reached on a public address may not send the capture on to a
 * loopback, private, link-local (cloud metadata: 169.254.169.254) or otherwise non-public address.
 * Checked on the address actually connected to (after DNS), so a name that resolves differently
 * later (DNS rebinding) is caught too.
 */
import { lookup as dnsLookup, type LookupAddress, type LookupOptions } from 'node:dns';
import { BlockList, isIP } from 'node:net';
import { FetchError } from './errors';

const NOT_PUBLIC = new BlockList();
for (const [net, bits] of [
  ['0.0.0.0', 8], ['10.0.0.0', 8], ['100.64.0.0', 10], ['127.0.0.0', 8], ['169.254.0.0', 16], ['172.16.0.0', 12],
  ['192.0.0.0', 24], ['192.168.0.0', 16], ['198.18.0.0', 15], ['224.0.0.0', 4], ['240.0.0.0', 4],
] as const)
  NOT_PUBLIC.addSubnet(net, bits, 'ipv4');
for (const [net, bits] of [['::', 128], ['::1', 128], ['fc00::', 7], ['fe80::', 10], ['ff00::', 8], ['64:ff9b:1::', 48]] as const)
  NOT_PUBLIC.addSubnet(net, bits, 'ipv6');

/** True for an address on the public internet (IPv4-mapped IPv6 is judged by its IPv4 address). */
export function isPublicAddress(ip: string): boolean {
  const v = isIP(ip);
  if (!v) return false;
  return !NOT_PUBLIC.check(ip, v === 4 ? 'ipv4' : 'ipv6');
}

/** Decides, per connection, whether the address may be used; `hostname` only helps tests classify. */
export type AddressPolicy = (ip: string, hostname: string) => boolean;

type LookupCallback = (err: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

/**
 * Tracks one fetch: when the first hop (the typed address) is local or private, so may every hop be;
 * after a public first hop every further hop must be public too.
 */
export class RedirectGuard {
  private hop = -1;
  private privateAllowed = false;

  constructor(
    private readonly requested: string,
    private readonly isPublic: AddressPolicy = (ip) => isPublicAddress(ip),
  ) {}

  /** Called before each hop's request (the first hop is the address the analyst typed). */
  nextHop(): void {
    this.hop++;
  }

  /** Throws unless this hop may connect to `ip`. */
  check(ip: string, url: URL): void {
    const pub = this.isPublic(ip, url.hostname);
    if (this.hop === 0) {
      if (!pub) this.privateAllowed = true;
      return;
    }
    if (!pub && !this.privateAllowed)
      throw new FetchError(
        `${this.requested} redirects to ${url.host} (${ip}), a local or private address; ClaimTrail follows a public page only to public addresses (type the local address yourself to capture it). Nothing was stored.`,
      );
  }

  /** The hop's target as an IP literal is checked at once; a name is checked after DNS, in `lookup`. */
  checkLiteral(url: URL): void {
    const host = url.hostname.replace(/^\[|\]$/g, '');
    if (isIP(host)) this.check(host, url);
  }

  /** A `lookup` for http.request that refuses the connection before any byte is sent. */
  lookup(url: URL) {
    return (hostname: string, options: LookupOptions, callback: LookupCallback): void => {
      dnsLookup(hostname, { ...options, all: true }, (err, addresses) => {
        if (err) return callback(err, options.all ? [] : '');
        try {
          for (const a of addresses) this.check(a.address, url);
        } catch (e) {
          return callback(e as NodeJS.ErrnoException, options.all ? [] : '');
        }
        if (options.all) callback(null, addresses);
        else callback(null, addresses[0]!.address, addresses[0]!.family);
      });
    };
  }
}
