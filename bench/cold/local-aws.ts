/**
 * S3 and EventBridge answered from the local disk, for the cold handler paths: the SDK clients
 * the handlers build keep every middleware (serialising, signing, retrying, parsing the XML
 * and JSON answers), and only the HTTP request at the end is answered here instead of on the
 * network. Objects live under `$BENCH_S3_DIR/<bucket>/<key>`, their metadata beside them under
 * `.meta/`; PutEvents always succeeds. No request leaves the process.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';

interface LocalRequest {
  readonly method: string;
  readonly hostname: string;
  readonly path: string;
  readonly headers: Record<string, string>;
  readonly body?: unknown;
}

interface LocalResponse {
  readonly statusCode: number;
  readonly headers: Record<string, string>;
  readonly body: Readable;
}

/** The shape of a Smithy HttpHandler, as much of it as the SDK clients call. */
export interface LocalHandler {
  handle(request: LocalRequest): Promise<{ response: LocalResponse }>;
  updateHttpClientConfig(): void;
  httpHandlerConfigs(): Record<string, never>;
  destroy(): void;
}

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

const reply = (statusCode: number, headers: Record<string, string> = {}, body: Uint8Array | string = ''): { response: LocalResponse } =>
  ({ response: { statusCode, headers, body: Readable.from(body.length > 0 ? [Buffer.from(body)] : []) } });

async function bodyBytes(body: unknown): Promise<Buffer> {
  if (body === undefined || body === null) return Buffer.alloc(0);
  if (typeof body === 'string') return Buffer.from(body);
  // By its bytes: Buffer.from(view) would ask the SDK's JSON body (a Uint8Array that also reads
  // as a string) for its valueOf(), and the SDK warns on stderr that a string method was called.
  if (body instanceof Uint8Array) return Buffer.from(body.buffer, body.byteOffset, body.byteLength);
  const chunks: Buffer[] = [];
  for await (const chunk of body as AsyncIterable<Uint8Array | string>) chunks.push(Buffer.from(chunk));
  return Buffer.concat(chunks);
}

/** Virtual-hosted (`bucket.s3.region.amazonaws.com/key`), as the SDK addresses S3 on Lambda. */
function bucketAndKey(request: LocalRequest): { bucket: string; key: string } {
  const bucket = request.hostname.split('.s3.')[0]!;
  const key = request.path.replace(/^\//, '').split('/').map(decodeURIComponent).join('/');
  return { bucket, key };
}

async function s3(request: LocalRequest): Promise<{ response: LocalResponse }> {
  const { bucket, key } = bucketAndKey(request);
  const file = objectFile(bucket, key);
  if (request.method === 'PUT') {
    const metadata = Object.fromEntries(Object.entries(request.headers)
      .filter(([name]) => name.toLowerCase().startsWith(META_PREFIX))
      .map(([name, value]) => [name.slice(META_PREFIX.length).toLowerCase(), value]));
    const body = await bodyBytes(request.body);
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

/** The handler the shims give every client they build. */
export function localHandler(): LocalHandler {
  return {
    async handle(request) {
      if (request.hostname.includes('.s3.') || request.hostname.startsWith('s3.')) return s3(request);
      if (request.hostname.startsWith('events.')) {
        await bodyBytes(request.body);
        return reply(200, { 'content-type': 'application/x-amz-json-1.1' }, JSON.stringify({ FailedEntryCount: 0, Entries: [{ EventId: 'bench' }] }));
      }
      return reply(400, { 'content-type': 'application/xml' }, `<Error><Code>Bench</Code><Message>no local answer for ${request.hostname}</Message></Error>`);
    },
    updateHttpClientConfig() {},
    httpHandlerConfigs: () => ({}),
    destroy() {},
  };
}
