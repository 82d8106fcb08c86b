/**
 * A server that fetches addresses for its users must not be pointed at itself or its
 * neighbours: the Lambda runtime API on 127.0.0.1, link-local and private ranges, anything not
 * on the public internet. Checked before every request of a fetch (the first and each
 * redirect), on every address the name resolves to. A name that resolves differently between
 * this check and the connection (DNS rebinding) is not caught here; outside a VPC a Lambda
 * function has nothing else to reach on those ranges.
 */
import { lookup } from 'node:dns/promises';
import { BlockList, isIP } from 'node:net';
import { IntakeError } from '../core/errors';

const NOT_PUBLIC = new BlockList();
for (const [network, prefix] of [
  ['0.0.0.0', 8], ['10.0.0.0', 8], ['100.64.0.0', 10], ['127.0.0.0', 8], ['169.254.0.0', 16], ['172.16.0.0', 12],
  ['192.0.0.0', 24], ['192.0.2.0', 24], ['192.168.0.0', 16], ['198.18.0.0', 15], ['198.51.100.0', 24], ['203.0.113.0', 24],
  ['224.0.0.0', 4], ['240.0.0.0', 4],
] as const) NOT_PUBLIC.addSubnet(network, prefix, 'ipv4');
for (const [network, prefix] of [['::', 128], ['::1', 128], ['fc00::', 7], ['fe80::', 10], ['ff00::', 8], ['64:ff9b::', 96], ['2001:db8::', 32]] as const) {
  NOT_PUBLIC.addSubnet(network, prefix, 'ipv6');
}

/** True for an address on the public internet. IPv4-mapped IPv6 (`::ffff:10.0.0.1`) is judged as the IPv4 it maps. */
export function isPublicAddress(address: string): boolean {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address)?.[1];
  if (mapped) return isPublicAddress(mapped);
  const family = isIP(address);
  if (family === 0) return false;
  return !NOT_PUBLIC.check(address, family === 4 ? 'ipv4' : 'ipv6');
}

const refused = (url: URL): IntakeError =>
  new IntakeError('not_public', `cannot fetch: ${url.hostname} is not a public internet address`);

/** `FetchLimits.checkAddress` for a server: refuses a host that is, or resolves to, a non-public address. */
export async function checkPublicAddress(url: URL): Promise<void> {
  const host = url.hostname.replace(/^\[|\]$/g, '');
  if (isIP(host)) {
    if (!isPublicAddress(host)) throw refused(url);
    return;
  }
  if (/^localhost$|\.localhost$|\.internal$|\.local$/i.test(host)) throw refused(url);
  const addresses = await lookup(host, { all: true, verbatim: true }).catch(() => []);
  // An unknown host is the fetch's own error to report ("host … not found").
  if (addresses.some(({ address }) => !isPublicAddress(address))) throw refused(url);
}
