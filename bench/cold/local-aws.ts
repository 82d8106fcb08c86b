/**
 * S3 and EventBridge answered from the local disk, for the cold handler paths: the handlers'
 * own clients (lambdas/aws) keep everything they do (signing, retrying, reading S3's and
 * EventBridge's answers), and only the HTTP exchange at the end is answered here instead of on
 * the network. Objects live under `$BENCH_S3_DIR/<bucket>/<key>`, their metadata beside them
 * under `.meta/`; PutEvents always succeeds. No request leaves the process.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { HttpRequest, HttpResponse } from '../../lambdas/aws/http';

const META_PREFIX = 'x-amz-meta-';

function storeDir(given?: string): string {
  const dir = given ?? process.env.BENCH_S3_DIR;
  if (!dir) throw new Error('bench: BENCH_S3_DIR is not set (where the local S3 keeps its objects)');
  return dir;
}

const objectFile = (bucket: string, key: string, dir?: string): string => path.join(storeDir(dir), bucket, key);
const metaFile = (bucket: string, key: string, dir?: string): string => path.join(storeDir(dir), '.meta', bucket, `${key}.json`);

/** Writes an object as PutObject would; `dir` is the store (default $BENCH_S3_DIR: the bench seeds its input this way). */
export function putLocalObject(bucket: string, key: string, body: Uint8Array, metadata: Record<string, string> = {}, contentType = 'application/octet-stream', dir?: string): void {
  for (const [file, contents] of [[objectFile(bucket, key, dir), body], [metaFile(bucket, key, dir), JSON.stringify({ contentType, metadata })]] as const) {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, contents);
  }
}

const reply = (status: number, headers: Record<string, string> = {}, body: Uint8Array | string = ''): HttpResponse =>
  ({ status, headers, body: Buffer.from(body) });

/** Virtual-hosted (`bucket.s3.region.amazonaws.com/key`), as the handlers address S3 on Lambda. */
function bucketAndKey(request: HttpRequest): { bucket: string; key: string } {
  const bucket = request.origin.hostname.split('.s3.')[0]!;
  const key = request.path.split('?')[0]!.replace(/^\//, '').split('/').map(decodeURIComponent).join('/');
  return { bucket, key };
}

function s3(request: HttpRequest): HttpResponse {
  const { bucket, key } = bucketAndKey(request);
  const file = objectFile(bucket, key);
  if (request.method === 'PUT') {
    const metadata = Object.fromEntries(Object.entries(request.headers)
      .filter(([name]) => name.toLowerCase().startsWith(META_PREFIX))
      .map(([name, value]) => [name.slice(META_PREFIX.length).toLowerCase(), value]));
    const body = Buffer.from(request.body ?? new Uint8Array());
    putLocalObject(bucket, key, body, metadata, request.headers['content-type']);
    return reply(200, { etag: `"${createHash('md5').update(body).digest('hex')}"` });
  }
  if (!existsSync(file)) return request.method === 'HEAD' ? reply(404) : reply(404, { 'content-type': 'application/xml' }, '<Error><Code>NoSuchKey</Code><Message>not found</Message></Error>');
  const bytes = readFileSync(file);
  const etag = `"${createHash('md5').update(bytes).digest('hex')}"`;
  const ifMatch = request.headers['if-match'];
  if (ifMatch && ifMatch !== etag) return reply(412, { 'content-type': 'application/xml' }, '<Error><Code>PreconditionFailed</Code><Message>etag</Message></Error>');
  const meta = JSON.parse(readFileSync(metaFile(bucket, key), 'utf8')) as { contentType: string; metadata: Record<string, string> };
  const headers = {
    etag,
    'content-length': String(bytes.length),
    'content-type': meta.contentType,
    'last-modified': statSync(file).mtime.toUTCString(),
    ...Object.fromEntries(Object.entries(meta.metadata).map(([name, value]) => [`${META_PREFIX}${name}`, value])),
  };
  return request.method === 'HEAD' ? reply(200, headers) : reply(200, headers, bytes);
}

/** Answers one request of the handlers' clients, as S3 or EventBridge would. */
export function answerLocally(request: HttpRequest): HttpResponse {
  const host = request.origin.hostname;
  if (host.includes('.s3.') || host.startsWith('s3.')) return s3(request);
  if (host.startsWith('events.')) return reply(200, { 'content-type': 'application/x-amz-json-1.1' }, JSON.stringify({ FailedEntryCount: 0, Entries: [{ EventId: 'bench' }] }));
  return reply(400, { 'content-type': 'application/xml' }, `<Error><Code>Bench</Code><Message>no local answer for ${host}</Message></Error>`);
}
