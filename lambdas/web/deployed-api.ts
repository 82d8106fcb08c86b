/**
 * The deployed page's API: an HTTP API (payload 2.0) whose JWT authorizer has already checked
 * the caller's Cognito access token on every route. The caller's `sub` claim names their space,
 * `users/<sub>/`, in both buckets: every key they send is taken inside it, every URL handed out
 * (a pre-signed PUT to upload, pre-signed GETs of their PDFs and JSON) is for a key inside it,
 * and the list is of their uploads only.
 */
import { GetObjectCommand, PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import type { APIGatewayProxyEventV2WithJWTAuthorizer, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { handleApi, type ApiContext } from './api';
import { fetchIntoBucket } from './fetch-into';
import { spacePrefix } from './keys';
import { checkPublicAddress } from './public-address';
import type { Store } from './status';

export interface DeployedApiDeps {
  readonly s3: S3Client;
  readonly store: Store;
  readonly maxBytes: number;
  /** Lifetime of a pre-signed download URL, seconds. */
  readonly downloadSeconds: number;
  /** Lifetime of a pre-signed upload URL, seconds: long enough to send the file, no longer. */
  readonly uploadSeconds: number;
  /** Answers web addresses (`POST /fetches`), fetched by this function with public addresses only. */
  readonly fetches: boolean;
  /** For error logs (a bug, S3 unreachable); the caller sees one line. */
  readonly logError?: (message: string, error: unknown) => void;
}

/** A request body larger than this is no edit, name or address. */
const MAX_BODY_BYTES = 256 * 1024;

/** Cognito's `sub` is a UUID; anything else never names a space. */
const SUB = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const spaceOf = (sub: string): string => spacePrefix(`users/${sub}/`);

const json = (statusCode: number, body: unknown): APIGatewayProxyStructuredResultV2 => ({
  statusCode,
  headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' },
  body: JSON.stringify(body),
});

function parseBody(event: APIGatewayProxyEventV2WithJWTAuthorizer): unknown {
  if (!event.body) return undefined;
  const text = event.isBase64Encoded ? Buffer.from(event.body, 'base64').toString('utf8') : event.body;
  if (Buffer.byteLength(text) > MAX_BODY_BYTES) throw Object.assign(new Error('too large'), { status: 413 });
  return JSON.parse(text);
}

export function createDeployedApi(deps: DeployedApiDeps) {
  const { s3, store } = deps;
  const fileName = (key: string): string => key.split('/').pop() ?? key;
  return async (event: APIGatewayProxyEventV2WithJWTAuthorizer): Promise<APIGatewayProxyStructuredResultV2> => {
    const claims = event.requestContext.authorizer?.jwt?.claims ?? {};
    const sub = String(claims.sub ?? '');
    // The authorizer lets no request through without a valid token; this is for a route someone adds without one.
    if (!SUB.test(sub)) return json(401, { error: 'unauthorized', reason: 'sign in first' });
    const space = spaceOf(sub);
    let body: unknown;
    try {
      body = parseBody(event);
    } catch (error) {
      return (error as { status?: number }).status === 413
        ? json(413, { error: 'too_large', reason: 'the request is too large' })
        : json(400, { error: 'bad_json', reason: 'the request is not valid JSON' });
    }
    const context: ApiContext = {
      store,
      space,
      user: String(claims.email ?? claims.username ?? claims['cognito:username'] ?? sub),
      maxBytes: deps.maxBytes,
      link: (key) => getSignedUrl(s3, new GetObjectCommand({
        Bucket: store.outputBucket,
        Key: key,
        ResponseContentDisposition: `inline; filename*=UTF-8''${encodeURIComponent(fileName(key))}`,
      }), { expiresIn: deps.downloadSeconds }),
      // The size and type are signed: S3 refuses a PUT of any other length, so the limit holds without reading the file.
      uploadTarget: async (key, request) => {
        const contentType = request.type || 'application/octet-stream';
        const url = await getSignedUrl(s3, new PutObjectCommand({ Bucket: store.inputBucket, Key: key, ContentType: contentType, ContentLength: request.size }), {
          expiresIn: deps.uploadSeconds,
          signableHeaders: new Set(['content-type', 'content-length']),
        });
        return { url, method: 'PUT', headers: { 'content-type': contentType } };
      },
      fetchInto: deps.fetches ? (url) => fetchIntoBucket(store, space, url, deps.maxBytes, checkPublicAddress) : undefined,
      now: () => new Date(),
    };
    try {
      const answer = await handleApi(context, {
        method: event.requestContext.http.method,
        path: event.rawPath,
        query: new URLSearchParams(event.rawQueryString ?? ''),
        body,
      });
      return json(answer.status, answer.body);
    } catch (error) {
      deps.logError?.('web API request failed', error);
      return json(500, { error: 'internal', reason: 'the briefing service failed on this request; try again, and tell your administrator if it keeps failing' });
    }
  };
}
