/**
 * The checks s3rver leaves out, as one middleware run before any of its own, so the local
 * server is safe to leave running on a laptop and behaves like S3 where the pipeline relies on it:
 *
 * - `Host` must name this server (127.0.0.1, localhost or [::1] on its port, or a host the
 *   operator added): a DNS-rebinding page reaches the port under its own name and is refused.
 * - Writes from a browser (any request with an `Origin`, and every CORS preflight) are refused
 *   unless that origin was allowed — the local web page's, once there is one.
 * - Every request is signed with SigV4 and the local credentials (sigv4.ts).
 * - Bucket names follow S3's rules and keys stay inside their bucket's folder: `.` and `..`
 *   segments, a leading `/`, NUL, keys over 1,024 bytes and segments too long for a file name
 *   are refused with S3's error codes — in the path, in `x-amz-copy-source` and in the key list
 *   of a multi-object delete.
 * - Conditional requests: `If-None-Match: *` and `If-Match` on PUT, `If-Match` on GET and
 *   DELETE answer 412 as S3 does (s3rver ignores them). Requests on one key are serialised,
 *   so a check and the write it guards are one step, and a GET never reads half a PUT.
 */
import { Readable } from 'node:stream';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createRequire } from 'node:module';
import { verifySignature, type Credentials } from './sigv4';

/** s3rver's own error type: thrown here, it is rendered as S3's XML error by s3rver. */
type S3ErrorClass = new (code: string, message: string, detail?: Record<string, string>) => Error;
const S3Error = createRequire(import.meta.url)('s3rver/lib/models/error') as S3ErrorClass;

/** The part of a Koa context this middleware uses. */
export interface GuardContext {
  readonly req: IncomingMessage;
  readonly res: ServerResponse;
  readonly method: string;
  /** Raw path, no query. */
  readonly path: string;
  readonly url: string;
  readonly query: Readonly<Record<string, string | string[] | undefined>>;
}

/** The part of s3rver's store the conditional checks read. */
export interface ObjectStore {
  getMetadata(bucket: string, key: string): Promise<{ etag: string }>;
}

export interface GuardOptions {
  readonly port: () => number;
  /** Extra `host:port` values accepted in `Host` (a proxy in front, a LAN name), lower case. */
  readonly allowedHosts: ReadonlySet<string>;
  /** Origins (`http://127.0.0.1:4569`) whose browser requests are accepted. */
  readonly allowedOrigins: readonly string[];
  readonly credentials: Credentials;
  readonly store: ObjectStore;
  /**
   * The server's own endpoints beside S3 (the event stream): they get the Host and Origin checks,
   * not S3's (no signature: a browser's EventSource cannot sign).
   */
  readonly routes?: ReadonlySet<string>;
}

/** S3 allows keys of 1,024 bytes. */
export const MAX_KEY_BYTES = 1024;
/**
 * s3rver stores an object as `<segment>._S3rver_metadata.json` and file systems allow names of
 * 255 bytes, so a longer segment would fail or be cut by the file system.
 */
export const MAX_SEGMENT_BYTES = 200;
/** A multi-object delete lists at most 1,000 keys; its XML is far below this. */
const MAX_DELETE_BODY = 1024 * 1024;
/** A GET whose client stops reading cannot hold its key longer than this. */
const MAX_LOCK_MS = 30_000;

const BUCKET_NAME = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;
const UPLOAD_ID = /^[A-Za-z0-9_.-]{1,256}$/;

const bytes = (text: string): number => Buffer.byteLength(text, 'utf8');

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    throw new S3Error('InvalidURI', 'Couldn\'t parse the specified URI.');
  }
}

export function checkBucketName(bucket: string): void {
  if (!BUCKET_NAME.test(bucket) || bucket.includes('..')) {
    throw new S3Error('InvalidBucketName', 'The specified bucket is not valid.', { BucketName: bucket.slice(0, 80) });
  }
}

/** Refuses a key that could leave its bucket's folder or that the file system cannot store. */
export function checkKey(key: string): void {
  if (bytes(key) > MAX_KEY_BYTES) throw new S3Error('KeyTooLongError', `Your key is too long: the limit is ${MAX_KEY_BYTES} bytes.`);
  const segments = key.split('/');
  if (key.startsWith('/')) throw new S3Error('InvalidArgument', 'Object keys starting with "/" are refused by the local server.', { ArgumentName: 'key' });
  if (key.includes('\0')) throw new S3Error('InvalidArgument', 'Object keys may not contain NUL.', { ArgumentName: 'key' });
  if (segments.some((s) => s === '.' || s === '..')) {
    throw new S3Error('InvalidArgument', 'Object keys with "." or ".." segments are refused by the local server: they would point outside the bucket.', { ArgumentName: 'key' });
  }
  if (segments.some((s) => bytes(s) > MAX_SEGMENT_BYTES)) {
    throw new S3Error('KeyTooLongError', `A part of the key between slashes is longer than ${MAX_SEGMENT_BYTES} bytes, the local server's limit.`);
  }
}

/** `/bucket/key…` → its parts, decoded; the service root has neither. */
function target(path: string): { bucket: string | null; key: string | null } {
  const [, bucket = '', ...rest] = path.split('/');
  if (bucket === '') return { bucket: null, key: null };
  const key = rest.length === 0 ? null : rest.map(decodeSegment).join('/');
  return { bucket: decodeSegment(bucket), key: key === '' ? null : key };
}

const isLocalHostName = (host: string): boolean => host === '127.0.0.1' || host === 'localhost' || host === '[::1]';

function checkHost(ctx: GuardContext, options: GuardOptions): void {
  const host = (ctx.req.headers.host ?? '').toLowerCase();
  const port = String(options.port());
  const [, name = '', given = ''] = /^(\[[^\]]*\]|[^:]*)(?::(\d+))?$/.exec(host) ?? [];
  if ((isLocalHostName(name) && given === port) || options.allowedHosts.has(host)) return;
  throw new S3Error('AccessDenied', `This server answers only to 127.0.0.1:${port} or localhost:${port}, not to Host "${host.slice(0, 80)}".`);
}

function checkOrigin(ctx: GuardContext, options: GuardOptions): void {
  const origin = ctx.req.headers.origin;
  const reading = ctx.method === 'GET' || ctx.method === 'HEAD';
  if (origin === undefined) {
    // Old browsers omit Origin on some requests but always say where a request comes from.
    if (!reading && ctx.req.headers['sec-fetch-site'] === 'cross-site') {
      throw new S3Error('AccessDenied', 'Requests from other web sites are refused by the local server.');
    }
    return;
  }
  if (options.allowedOrigins.includes(origin)) return;
  if (reading) return;
  throw new S3Error('AccessDenied', `Requests from the web page ${origin.slice(0, 80)} are refused by the local server.`);
}

/** The keys a multi-object delete names; the body is kept for s3rver to read again. */
async function checkDeleteBody(ctx: GuardContext & { req: IncomingMessage }): Promise<void> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of ctx.req) {
    size += (chunk as Buffer).length;
    if (size > MAX_DELETE_BODY) throw new S3Error('MalformedXML', 'The XML you provided was too large.');
    chunks.push(chunk as Buffer);
  }
  const body = Buffer.concat(chunks);
  const xmlText = body.toString('utf8');
  for (const m of xmlText.matchAll(/<Key>([\s\S]*?)<\/Key>/g)) {
    checkKey(m[1]!.replace(/&(lt|gt|quot|apos|amp);/g, (_, e: string) => ({ lt: '<', gt: '>', quot: '"', apos: "'", amp: '&' })[e]!));
  }
  // s3rver reads the body from ctx.req: hand it a fresh stream of the same bytes.
  (ctx as { req: unknown }).req = Object.assign(Readable.from([body]), { headers: ctx.req.headers });
}

/** Serialises requests on one key: a promise chain per key. */
class KeyLocks {
  private readonly tails = new Map<string, Promise<void>>();

  async acquire(key: string): Promise<() => void> {
    const previous = this.tails.get(key) ?? Promise.resolve();
    let release!: () => void;
    const mine = new Promise<void>((resolve) => { release = resolve; });
    const tail = previous.then(() => mine);
    this.tails.set(key, tail);
    await previous;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      release();
      if (this.tails.get(key) === tail) this.tails.delete(key);
    };
  }
}

const unquote = (etag: string): string => etag.trim().replace(/^W\//, '').replace(/^"|"$/g, '');

async function currentEtag(store: ObjectStore, bucket: string, key: string): Promise<string | null> {
  try {
    return unquote((await store.getMetadata(bucket, key)).etag);
  } catch {
    return null; // getMetadata throws when the object does not exist
  }
}

async function checkConditions(ctx: GuardContext, store: ObjectStore, bucket: string, key: string): Promise<void> {
  const ifMatch = ctx.req.headers['if-match'];
  const ifNoneMatch = ctx.req.headers['if-none-match'];
  const writing = ctx.method === 'PUT' || ctx.method === 'DELETE';
  if (ifMatch === undefined && !(ctx.method === 'PUT' && ifNoneMatch !== undefined)) return;
  const etag = await currentEtag(store, bucket, key);
  if (ifMatch !== undefined) {
    if (etag === null && writing) throw new S3Error('NoSuchKey', 'The specified key does not exist.', { Key: key });
    if (etag !== null && ifMatch.trim() !== '*' && !ifMatch.split(',').map(unquote).includes(etag)) {
      throw new S3Error('PreconditionFailed', 'At least one of the pre-conditions you specified did not hold', { Condition: 'If-Match' });
    }
  }
  if (ctx.method === 'PUT' && ifNoneMatch !== undefined && etag !== null) {
    if (ifNoneMatch.trim() === '*' || ifNoneMatch.split(',').map(unquote).includes(etag)) {
      throw new S3Error('PreconditionFailed', 'At least one of the pre-conditions you specified did not hold', { Condition: 'If-None-Match' });
    }
  }
}

export type Middleware = (ctx: GuardContext, next: () => Promise<unknown>) => Promise<unknown>;

export function s3Guard(options: GuardOptions): Middleware {
  const locks = new KeyLocks();
  return async (ctx, next) => {
    checkHost(ctx, options);
    if (options.routes?.has(ctx.path)) {
      // Read-only streams, but what they carry (keys, download links) is no other page's business.
      const origin = ctx.req.headers.origin;
      if (origin !== undefined && !options.allowedOrigins.includes(origin)) {
        throw new S3Error('AccessDenied', `Requests from the web page ${origin.slice(0, 80)} are refused by the local server.`);
      }
      return next();
    }
    checkOrigin(ctx, options);
    const { bucket, key } = target(ctx.path);
    if (bucket !== null) checkBucketName(bucket);
    if (key !== null) checkKey(key);
    const uploadId = ctx.query.uploadId;
    if (uploadId !== undefined && (typeof uploadId !== 'string' || !UPLOAD_ID.test(uploadId))) {
      throw new S3Error('NoSuchUpload', 'The specified upload does not exist.');
    }
    const copySource = ctx.req.headers['x-amz-copy-source'];
    if (typeof copySource === 'string') {
      const source = target(`/${copySource.replace(/^\//, '').split('?')[0]}`);
      if (source.bucket === null || source.key === null) throw new S3Error('InvalidArgument', 'Copy Source must mention the source bucket and key.', { ArgumentName: 'x-amz-copy-source' });
      checkBucketName(source.bucket);
      checkKey(source.key);
    }
    // A preflight carries no credentials; only an allowed origin gets this far (checkOrigin).
    if (ctx.method !== 'OPTIONS') {
      const refusal = verifySignature({ method: ctx.method, url: ctx.url, headers: ctx.req.headers }, options.credentials);
      if (refusal) throw new S3Error(refusal.code, refusal.message);
    }
    if (ctx.method === 'POST' && key === null && 'delete' in ctx.query) await checkDeleteBody(ctx);
    if (ctx.method === 'POST' && key === null && !('delete' in ctx.query)) {
      throw new S3Error('AccessDenied', 'Browser form uploads (POST) are not accepted by the local server; sign a PUT request.');
    }
    if (bucket === null || key === null || ctx.method === 'HEAD' || ctx.method === 'OPTIONS') return next();

    const release = await locks.acquire(`${bucket}/${key}`);
    const timer = setTimeout(release, MAX_LOCK_MS);
    ctx.res.once('close', release);
    try {
      await checkConditions(ctx, options.store, bucket, key);
      return await next();
    } finally {
      // A GET keeps the key until its body is sent (the 'close' above); anything else is done.
      if (ctx.method !== 'GET') release();
      if (ctx.res.closed) release();
      timer.unref();
    }
  };
}
