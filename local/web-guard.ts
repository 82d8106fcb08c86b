/**
 * What keeps the local page server the user's own: it answers only to its own address (a DNS
 * name rebound to 127.0.0.1 arrives with another Host), and a request a browser sends on behalf
 * of another site — a form or script on any page the user has open — is refused by its Origin
 * or Sec-Fetch-Site before it is read. A change (any method but GET and HEAD) must name the
 * page's own origin. Every answer carries headers that keep a browser from reinterpreting it.
 */
import type { IncomingMessage, OutgoingHttpHeaders } from 'node:http';

export interface Refusal {
  readonly status: number;
  readonly error: string;
  readonly reason: string;
}

const READS = new Set(['GET', 'HEAD']);
/** `none`: the user typed the address or opened a bookmark. */
const OWN_SITE = new Set(['same-origin', 'none']);

/** Host and Origin values that are this server's own, on `port`. */
export function ownAddresses(port: number): { readonly hosts: ReadonlySet<string>; readonly origins: ReadonlySet<string> } {
  const hosts = [`127.0.0.1:${port}`, `localhost:${port}`];
  return { hosts: new Set(hosts), origins: new Set(hosts.map((host) => `http://${host}`)) };
}

export function refusalOf(request: IncomingMessage, port: number): Refusal | null {
  const { hosts, origins } = ownAddresses(port);
  const host = request.headers.host ?? '';
  if (!hosts.has(host.toLowerCase())) {
    return { status: 421, error: 'wrong_host', reason: `this server answers only as http://127.0.0.1:${port} (asked as ${host || 'no host'})` };
  }
  const origin = request.headers.origin;
  if (origin !== undefined && !origins.has(origin.toLowerCase())) {
    return { status: 403, error: 'cross_origin', reason: `requests from ${origin} are refused: only this page may use this server` };
  }
  const site = request.headers['sec-fetch-site'];
  if (typeof site === 'string' && !OWN_SITE.has(site)) {
    return { status: 403, error: 'cross_site', reason: `a ${site} request is refused: only this page may use this server` };
  }
  if (!READS.has(request.method ?? '') && origin === undefined) {
    return { status: 403, error: 'no_origin', reason: 'a change must come from the page itself (the request names no Origin)' };
  }
  return null;
}

/** The page may load its own script, style and frames, and talk to its own server only. */
export const PAGE_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "frame-src 'self'",
  "form-action 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** On every answer. */
export const COMMON_HEADERS: OutgoingHttpHeaders = {
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'cross-origin-resource-policy': 'same-origin',
  'cross-origin-opener-policy': 'same-origin',
};
