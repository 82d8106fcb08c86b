/**
 * AWS Signature Version 4: the one canonical form both sides use, the handlers' S3 and
 * EventBridge calls signing a request (its headers, or a presigned URL's query) and the local
 * server checking one (local/sigv4.ts). Written here rather than taken from the SDK because the
 * SDK's signer comes with the client it belongs to, and that client was most of what a cold
 * handler spent before it did any work (bench `cold`).
 */
import { createHash, createHmac } from 'node:crypto';
import type { AwsCredentials } from './credentials';

export const ALGORITHM = 'AWS4-HMAC-SHA256';
/** The payload hash a presigned URL signs: the body is not known when the URL is made. */
export const UNSIGNED_PAYLOAD = 'UNSIGNED-PAYLOAD';

export const sha256Hex = (data: string | Uint8Array): string => createHash('sha256').update(data).digest('hex');
const hmac = (key: string | Buffer, data: string): Buffer => createHmac('sha256', key).update(data, 'utf8').digest();

/** RFC 3986 encoding, as SigV4 canonicalises names and values (encodeURIComponent leaves !'()* alone). */
export const rfc3986 = (value: string): string => encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

/** A key's path as S3 canonicalises it: each segment encoded once, the slashes kept. */
export const encodeKeyPath = (key: string): string => key.split('/').map(rfc3986).join('/');

/** Query pairs, already decoded, in canonical form: encoded, sorted by name then value. */
export function canonicalQuery(pairs: ReadonlyArray<readonly [string, string]>): string {
  return pairs
    .map(([name, value]) => [rfc3986(name), rfc3986(value)] as const)
    .sort(([a, x], [b, y]) => (a < b ? -1 : a > b ? 1 : x < y ? -1 : x > y ? 1 : 0))
    .map(([name, value]) => `${name}=${value}`)
    .join('&');
}

/** Where a signature is valid: the day, region and service of its credential scope. */
export interface SigningScope {
  /** `20240522T101500Z` */
  readonly amzDate: string;
  readonly region: string;
  readonly service: string;
}

export const credentialScope = (scope: SigningScope): string => `${scope.amzDate.slice(0, 8)}/${scope.region}/${scope.service}/aws4_request`;

/** `Date` → `20240522T101500Z`. */
export const amzDateOf = (date: Date): string => date.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');

export interface CanonicalParts {
  readonly method: string;
  /** The path as sent, already encoded (`/bucket/a%20b.txt`). */
  readonly path: string;
  /** Canonical query string (canonicalQuery). */
  readonly query: string;
  /** Lower-case name → value, for every signed header. */
  readonly header: (name: string) => string | undefined;
  /** Lower-case names, sorted. */
  readonly signedHeaders: readonly string[];
  readonly payloadHash: string;
}

export function canonicalRequest(parts: CanonicalParts): string {
  const headers = parts.signedHeaders.map((name) => `${name}:${(parts.header(name) ?? '').trim().replace(/\s+/g, ' ')}\n`).join('');
  return [parts.method, parts.path, parts.query, headers, parts.signedHeaders.join(';'), parts.payloadHash].join('\n');
}

/** The hex signature of a canonical request under `secretAccessKey` and the scope. */
export function signatureOf(canonical: string, scope: SigningScope, secretAccessKey: string): string {
  const stringToSign = [ALGORITHM, scope.amzDate, credentialScope(scope), sha256Hex(canonical)].join('\n');
  const key = hmac(hmac(hmac(hmac(`AWS4${secretAccessKey}`, scope.amzDate.slice(0, 8)), scope.region), scope.service), 'aws4_request');
  return createHmac('sha256', key).update(stringToSign, 'utf8').digest('hex');
}

/**
 * Where a request goes. The path is kept apart from a URL object on purpose: a URL resolves
 * `..` segments (and `%2E%2E`), and an S3 key may hold them.
 */
export interface RequestTarget {
  /** `https://bucket.s3.eu-west-1.amazonaws.com`, `http://127.0.0.1:4569`. */
  readonly origin: URL;
  /** Encoded, as sent (`/a%20b.txt`). */
  readonly path: string;
  /** Decoded name/value pairs. */
  readonly query: ReadonlyArray<readonly [string, string]>;
}

/** The request target as sent on the wire: path and canonical query. */
export const requestPath = (target: RequestTarget): string => (target.query.length > 0 ? `${target.path}?${canonicalQuery(target.query)}` : target.path);

/** An outgoing request, before signing. */
export interface UnsignedRequest extends RequestTarget {
  readonly method: string;
  /** Lower-case names. `host` is added from the origin. */
  readonly headers: Readonly<Record<string, string>>;
  readonly payloadHash: string;
}

/**
 * The headers to send: the request's own, `host`, `x-amz-date`, the session token when there
 * is one, and `authorization`, every header given signed.
 */
export function signHeaders(request: UnsignedRequest, credentials: AwsCredentials, scope: Omit<SigningScope, 'amzDate'>, now = new Date()): Record<string, string> {
  const amzDate = amzDateOf(now);
  const headers: Record<string, string> = {
    ...request.headers,
    host: request.origin.host,
    'x-amz-date': amzDate,
    ...(credentials.sessionToken ? { 'x-amz-security-token': credentials.sessionToken } : {}),
  };
  const signedHeaders = Object.keys(headers).sort();
  const full = { ...scope, amzDate };
  const canonical = canonicalRequest({
    method: request.method, path: request.path, query: canonicalQuery(request.query),
    header: (name) => headers[name], signedHeaders, payloadHash: request.payloadHash,
  });
  headers.authorization = `${ALGORITHM} Credential=${credentials.accessKeyId}/${credentialScope(full)}, SignedHeaders=${signedHeaders.join(';')}, Signature=${signatureOf(canonical, full, credentials.secretAccessKey)}`;
  return headers;
}

/** S3 refuses a presigned URL that would live longer than a week. */
export const MAX_PRESIGN_SECONDS = 7 * 24 * 3600;

/** A GET URL anyone holding it may use for `expiresSeconds` (S3's query-string signing, only `host` signed). */
export function presignUrl(target: RequestTarget, credentials: AwsCredentials, scope: Omit<SigningScope, 'amzDate'>, expiresSeconds: number, now = new Date()): string {
  if (!Number.isInteger(expiresSeconds) || expiresSeconds < 1 || expiresSeconds > MAX_PRESIGN_SECONDS) {
    throw new RangeError(`a presigned URL lives 1 s to 7 days (${MAX_PRESIGN_SECONDS} s), not ${expiresSeconds} s`);
  }
  const full = { ...scope, amzDate: amzDateOf(now) };
  const query: Array<readonly [string, string]> = [
    ...target.query,
    ['X-Amz-Algorithm', ALGORITHM],
    ['X-Amz-Credential', `${credentials.accessKeyId}/${credentialScope(full)}`],
    ['X-Amz-Date', full.amzDate],
    ['X-Amz-Expires', String(expiresSeconds)],
    ...(credentials.sessionToken ? [['X-Amz-Security-Token', credentials.sessionToken] as [string, string]] : []),
    ['X-Amz-SignedHeaders', 'host'],
  ];
  const canonical = canonicalRequest({
    method: 'GET', path: target.path, query: canonicalQuery(query),
    header: (name) => (name === 'host' ? target.origin.host : undefined), signedHeaders: ['host'], payloadHash: UNSIGNED_PAYLOAD,
  });
  // Encoded as the canonical query is, so the URL reads back exactly as it was signed.
  const signature = signatureOf(canonical, full, credentials.secretAccessKey);
  return `${target.origin.origin}${requestPath({ ...target, query: [...query, ['X-Amz-Signature', signature]] })}`;
}
