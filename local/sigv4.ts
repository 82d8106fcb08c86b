/**
 * AWS Signature Version 4 checked as S3 checks it, for the local server: s3rver accepts any
 * request without a signature and any SigV4 signature at all, so on a laptop any web page or
 * local process could write articles. Both forms are verified — the Authorization header and
 * presigned URLs (X-Amz-* query parameters) — against the local credentials.
 *
 * The payload hash is taken as the client states it (`x-amz-content-sha256`), as it is signed;
 * the body is not hashed again. What matters here is who may send, not transport integrity.
 */
import { timingSafeEqual } from 'node:crypto';
import { ALGORITHM, canonicalQuery as canonicalPairs, canonicalRequest, signatureOf, UNSIGNED_PAYLOAD } from '../lambdas/aws/sigv4';

export interface Credentials {
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
}

export interface SignedRequest {
  readonly method: string;
  /** The request target as received: raw path and query (`/articles/a%20b.txt?uploads`). */
  readonly url: string;
  /** Lower-case names, as Node gives them. */
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
}

/** `null` when the signature holds, else S3's error code and message. */
export type Refusal = { readonly code: string; readonly message: string } | null;

/** S3 refuses header-signed requests more than 15 minutes off its clock. */
const MAX_SKEW_MS = 15 * 60 * 1000;
/** Presigned URLs live at most a week. */
const MAX_EXPIRES_S = 7 * 24 * 3600;

const safeDecode = (value: string): string => {
  try {
    return decodeURIComponent(value.replace(/\+/g, '%20'));
  } catch {
    return value;
  }
};

const header = (request: SignedRequest, name: string): string | undefined => {
  const value = request.headers[name];
  return Array.isArray(value) ? value.join(',') : value;
};

/** `20240522T101500Z` → epoch ms, NaN when malformed. */
const parseAmzDate = (value: string | undefined): number => {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(value ?? '');
  return m ? Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6])) : Number.NaN;
};

/** The received query in canonical form, less the parameter that carries the signature. */
function canonicalQuery(query: string, without: string | null): string {
  const pairs = query
    .split('&')
    .filter((pair) => pair !== '')
    .map((pair): [string, string] => {
      const at = pair.indexOf('=');
      return at < 0 ? [safeDecode(pair), ''] : [safeDecode(pair.slice(0, at)), safeDecode(pair.slice(at + 1))];
    })
    .filter(([name]) => name !== without);
  return canonicalPairs(pairs);
}

interface Parts {
  readonly accessKeyId: string;
  readonly date: string;
  readonly region: string;
  readonly service: string;
  readonly signedHeaders: readonly string[];
  readonly signature: string;
  readonly amzDate: string;
  readonly payloadHash: string;
  /** The query parameter left out of the canonical query (presigned URLs). */
  readonly unsignedParam: string | null;
}

const refuse = (code: string, message: string): Refusal => ({ code, message });

function fromHeader(request: SignedRequest, authorization: string): Parts | Refusal {
  if (!authorization.startsWith(`${ALGORITHM} `)) {
    return refuse('AccessDenied', 'only AWS Signature Version 4 (AWS4-HMAC-SHA256) is accepted');
  }
  const fields = new Map(
    authorization.slice(ALGORITHM.length + 1).split(',').map((part) => {
      const at = part.indexOf('=');
      return [part.slice(0, at).trim(), part.slice(at + 1).trim()] as const;
    }),
  );
  const credential = fields.get('Credential')?.split('/') ?? [];
  const signedHeaders = fields.get('SignedHeaders')?.split(';') ?? [];
  const signature = fields.get('Signature') ?? '';
  const payloadHash = header(request, 'x-amz-content-sha256');
  if (credential.length !== 5 || signedHeaders.length === 0 || signature === '') {
    return refuse('AuthorizationHeaderMalformed', 'the Authorization header needs Credential, SignedHeaders and Signature');
  }
  if (!payloadHash) return refuse('InvalidRequest', 'missing required header for this request: x-amz-content-sha256');
  const amzDate = header(request, 'x-amz-date') ?? '';
  const when = parseAmzDate(amzDate);
  if (Number.isNaN(when)) return refuse('AccessDenied', 'AWS authentication requires a valid x-amz-date header');
  if (Math.abs(Date.now() - when) > MAX_SKEW_MS) {
    return refuse('RequestTimeTooSkewed', 'the difference between the request time and the current time is too large');
  }
  const [accessKeyId, date, region, service] = credential as [string, string, string, string, string];
  return { accessKeyId, date, region, service, signedHeaders, signature, amzDate, payloadHash, unsignedParam: null };
}

function fromQuery(params: URLSearchParams): Parts | Refusal {
  if (params.get('X-Amz-Algorithm') !== ALGORITHM) return refuse('AuthorizationQueryParametersError', `X-Amz-Algorithm must be ${ALGORITHM}`);
  const credential = params.get('X-Amz-Credential')?.split('/') ?? [];
  const signedHeaders = params.get('X-Amz-SignedHeaders')?.split(';') ?? [];
  const signature = params.get('X-Amz-Signature') ?? '';
  const amzDate = params.get('X-Amz-Date') ?? '';
  const expires = Number(params.get('X-Amz-Expires'));
  if (credential.length !== 5 || signedHeaders.length === 0 || signature === '' || !Number.isInteger(expires)) {
    return refuse('AuthorizationQueryParametersError', 'a presigned URL needs X-Amz-Credential, X-Amz-Date, X-Amz-Expires, X-Amz-SignedHeaders and X-Amz-Signature');
  }
  const when = parseAmzDate(amzDate);
  if (Number.isNaN(when)) return refuse('AuthorizationQueryParametersError', 'X-Amz-Date must be written yyyyMMddTHHmmssZ');
  if (expires < 1 || expires > MAX_EXPIRES_S) return refuse('AuthorizationQueryParametersError', 'X-Amz-Expires must be from 1 second to 7 days');
  if (Date.now() > when + expires * 1000) return refuse('AccessDenied', 'request has expired');
  if (when - Date.now() > MAX_SKEW_MS) return refuse('RequestTimeTooSkewed', 'the presigned URL is dated in the future');
  const [accessKeyId, date, region, service] = credential as [string, string, string, string, string];
  const payloadHash = params.get('X-Amz-Content-Sha256') ?? UNSIGNED_PAYLOAD;
  return { accessKeyId, date, region, service, signedHeaders, signature, amzDate, payloadHash, unsignedParam: 'X-Amz-Signature' };
}

/** Checks the request's SigV4 signature against `credentials`. */
export function verifySignature(request: SignedRequest, credentials: Credentials): Refusal {
  const at = request.url.indexOf('?');
  const path = at < 0 ? request.url : request.url.slice(0, at);
  const query = at < 0 ? '' : request.url.slice(at + 1);
  const params = new URLSearchParams(query);
  const authorization = header(request, 'authorization');
  if (authorization !== undefined && params.has('X-Amz-Algorithm')) {
    return refuse('InvalidArgument', 'only one authentication mechanism is allowed: the Authorization header or the X-Amz-* query parameters');
  }
  const parts = authorization !== undefined ? fromHeader(request, authorization)
    : params.has('X-Amz-Algorithm') ? fromQuery(params)
    : refuse('AccessDenied', `requests must be signed (AWS SigV4) with the local credentials, e.g. AWS_ACCESS_KEY_ID=${credentials.accessKeyId}`);
  if (parts === null || 'code' in parts) return parts;

  if (parts.accessKeyId !== credentials.accessKeyId) {
    return refuse('InvalidAccessKeyId', 'the access key id you provided does not exist in our records');
  }
  if (parts.service !== 's3' || !parts.amzDate.startsWith(parts.date)) {
    return refuse('AuthorizationHeaderMalformed', 'the credential scope must be <date>/<region>/s3/aws4_request, dated as the request');
  }
  if (!parts.signedHeaders.includes('host')) return refuse('AccessDenied', 'the Host header must be signed');

  const canonical = canonicalRequest({
    method: request.method,
    path,
    query: canonicalQuery(query, parts.unsignedParam),
    header: (name) => header(request, name),
    signedHeaders: parts.signedHeaders,
    payloadHash: parts.payloadHash,
  });
  const expected = Buffer.from(signatureOf(canonical, { amzDate: parts.amzDate, region: parts.region, service: 's3' }, credentials.secretAccessKey));
  const given = Buffer.from(parts.signature);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    return refuse('SignatureDoesNotMatch', 'the request signature we calculated does not match the signature you provided; check your key and signing method');
  }
  return null;
}
