/**
 * The local S3 server as an attacker on the same laptop meets it: unsigned and wrongly signed
 * requests, keys that climb out of the data folder, writes from another web site, a DNS-rebound
 * Host — and the conditional requests the pipeline relies on, which s3rver alone ignores.
 */
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  CopyObjectCommand, DeleteObjectCommand, DeleteObjectsCommand, GetObjectCommand, PutObjectCommand, S3Client, type S3ServiceException,
} from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localS3Client, startS3Server, type S3Server } from '../../local/s3-server';

const LOCAL_PAGE = 'http://127.0.0.1:7777';
let root: string;
let server: S3Server;

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 's3-safety-'));
  server = await startS3Server({
    directory: join(root, 'data', 's3'),
    buckets: ['articles'],
    allowedOrigins: [LOCAL_PAGE],
    // Like the local pipeline's event stream: no signature, but what it says is no other page's business.
    routes: { '/_test/stream': (_request, response) => response.writeHead(200, { 'content-type': 'text/plain' }).end('events') },
  });
});
afterAll(async () => {
  await server.close();
  rmSync(root, { recursive: true, force: true });
});

/** Every file under the test's folder, relative to it. */
const filesUnder = (dir: string): string[] => readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => join(e.parentPath ?? e.path, e.name).slice(dir.length + 1));

/** The S3 error code the server answered with. */
async function refusal(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    return (error as S3ServiceException).name;
  }
  throw new Error('the request was accepted');
}

/** A raw HTTP request, exactly as given: no SDK to sign or normalise it. */
function raw(method: string, path: string, headers: Record<string, string> = {}, body = ''): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: server.port, method, path, headers: { host: `127.0.0.1:${server.port}`, ...headers } }, (res) => {
      let text = '';
      res.on('data', (chunk: Buffer) => { text += chunk.toString('utf8'); });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

/** A correctly signed SDK client that adds `headers` to every request after signing. */
function clientWith(headers: Record<string, string>): S3Client {
  const client = localS3Client(server.endpoint);
  client.middlewareStack.add((next) => (args) => {
    Object.assign((args.request as { headers: Record<string, string> }).headers, headers);
    return next(args);
  }, { step: 'finalizeRequest', priority: 'low', name: 'extraHeaders' });
  return client;
}

describe('the local S3 server refuses', () => {
  it('requests without a signature, with a wrong secret and with an unknown key', async () => {
    const unsigned = await raw('PUT', '/articles/unsigned.txt', { 'content-type': 'text/plain' }, 'hello');
    expect(unsigned.status).toBe(403);
    expect(unsigned.body).toContain('<Code>AccessDenied</Code>');
    const wrongSecret = localS3Client(server.endpoint);
    wrongSecret.config.credentials = async () => ({ accessKeyId: 'S3RVER', secretAccessKey: 'guessed' });
    expect(await refusal(wrongSecret.send(new PutObjectCommand({ Bucket: 'articles', Key: 'forged.txt', Body: 'x' })))).toBe('SignatureDoesNotMatch');
    const otherKey = localS3Client(server.endpoint);
    otherKey.config.credentials = async () => ({ accessKeyId: 'AKIAEXAMPLE', secretAccessKey: 'S3RVER' });
    expect(await refusal(otherKey.send(new PutObjectCommand({ Bucket: 'articles', Key: 'other.txt', Body: 'x' })))).toBe('InvalidAccessKeyId');
    // A body swapped after signing keeps its signature valid only if its hash was signed: the
    // SDK signs the hash, and a changed header is a changed signature.
    const tampered = clientWith({ 'x-amz-meta-published': '2001-01-01' });
    tampered.middlewareStack.add((next) => (args) => {
      (args.request as { headers: Record<string, string> }).headers['x-amz-date'] = '20000101T000000Z';
      return next(args);
    }, { step: 'finalizeRequest', priority: 'low', name: 'staleDate' });
    expect(await refusal(tampered.send(new PutObjectCommand({ Bucket: 'articles', Key: 'late.txt', Body: 'x' })))).toBe('RequestTimeTooSkewed');
    expect(filesUnder(root).filter((file) => /unsigned|forged|other|late/.test(file))).toEqual([]);
    for (const c of [wrongSecret, otherKey, tampered]) c.destroy();
  });

  it('keys with .. segments, absolute keys, NUL and over-long keys or segments, wherever they appear', async () => {
    const client = localS3Client(server.endpoint);
    const put = (key: string) => client.send(new PutObjectCommand({ Bucket: 'articles', Key: key, Body: 'escape' }));
    expect(await refusal(put('../../../x.txt'))).toBe('InvalidArgument');
    expect(await refusal(put('a/../../b.txt'))).toBe('InvalidArgument');
    expect(await refusal(put('/etc/passwd'))).toBe('InvalidArgument');
    expect(await refusal(put(`${'a'.repeat(201)}.txt`))).toBe('KeyTooLongError');
    expect(await refusal(put(`${'dir/'.repeat(300)}x.txt`))).toBe('KeyTooLongError');
    // Encoded dots reach the server as %2E%2E: decoded before the check, refused all the same.
    expect((await raw('GET', '/articles/%2E%2E/%2E%2E/x.txt')).body).toContain('<Code>InvalidArgument</Code>');
    expect(await refusal(client.send(new CopyObjectCommand({ Bucket: 'articles', Key: 'copy.txt', CopySource: 'articles/../../../etc/hostname' })))).toBe('InvalidArgument');
    expect(await refusal(client.send(new DeleteObjectsCommand({ Bucket: 'articles', Delete: { Objects: [{ Key: 'fine.txt' }, { Key: '../../victim' }] } })))).toBe('InvalidArgument');
    expect(await refusal(client.send(new GetObjectCommand({ Bucket: '..', Key: 'x' })))).toBe('InvalidBucketName');
    // Nothing was written anywhere, inside the data folder or beside it.
    expect(filesUnder(root).filter((file) => !file.startsWith(join('data', 's3', 'articles')))).toEqual([]);
    expect(existsSync(join(root, 'x.txt'))).toBe(false);
    client.destroy();
  });

  it('writes from another web site, and lets the configured local page write', async () => {
    const evil = clientWith({ origin: 'https://evil.example' });
    expect(await refusal(evil.send(new PutObjectCommand({ Bucket: 'articles', Key: 'csrf.txt', Body: 'x' })))).toBe('AccessDenied');
    const form = await raw('POST', '/articles', { origin: 'https://evil.example', 'content-type': 'multipart/form-data; boundary=b' },
      '--b\r\nContent-Disposition: form-data; name="key"\r\n\r\ncsrf.txt\r\n--b\r\nContent-Disposition: form-data; name="file"; filename="a.txt"\r\n\r\nx\r\n--b--\r\n');
    expect(form.status).toBe(403);
    const preflight = await raw('OPTIONS', '/articles/csrf.txt', { origin: 'https://evil.example', 'access-control-request-method': 'PUT' });
    expect(preflight.status).toBe(403);
    const sneaky = clientWith({ 'sec-fetch-site': 'cross-site' });
    expect(await refusal(sneaky.send(new PutObjectCommand({ Bucket: 'articles', Key: 'csrf.txt', Body: 'x' })))).toBe('AccessDenied');
    expect(filesUnder(root).some((file) => file.includes('csrf'))).toBe(false);

    const page = clientWith({ origin: LOCAL_PAGE });
    await page.send(new PutObjectCommand({ Bucket: 'articles', Key: 'from the page.txt', Body: 'ok' }));
    const allowedPreflight = await raw('OPTIONS', '/articles/x.txt', { origin: LOCAL_PAGE, 'access-control-request-method': 'PUT' });
    expect(allowedPreflight.status).toBe(200);
    for (const c of [evil, sneaky, page]) c.destroy();
  });

  it("other web sites' requests to its own endpoints (the event stream), while the CLI and the local page read them", async () => {
    expect(await raw('GET', '/_test/stream')).toEqual({ status: 200, body: 'events' });
    expect((await raw('GET', '/_test/stream', { origin: LOCAL_PAGE })).status).toBe(200);
    expect((await raw('GET', '/_test/stream', { origin: 'https://evil.example' })).status).toBe(403);
    expect((await raw('GET', '/_test/stream', { host: `evil.example:${server.port}` })).status).toBe(403);
  });

  it('a Host header that is not its own (DNS rebinding)', async () => {
    const rebound = await raw('GET', '/articles', { host: `evil.example:${server.port}` });
    expect(rebound.status).toBe(403);
    expect(rebound.body).toMatch(/answers only to 127\.0\.0\.1/);
    const otherPort = await raw('GET', '/articles', { host: '127.0.0.1:1' });
    expect(otherPort.status).toBe(403);
  });
});

describe('the local S3 server honours conditional requests as S3 does', () => {
  it('If-None-Match and If-Match on PUT, If-Match on GET and DELETE', async () => {
    const client = localS3Client(server.endpoint);
    const first = await client.send(new PutObjectCommand({ Bucket: 'articles', Key: 'cas.txt', Body: 'one', IfNoneMatch: '*' }));
    expect(await refusal(client.send(new PutObjectCommand({ Bucket: 'articles', Key: 'cas.txt', Body: 'two', IfNoneMatch: '*' })))).toBe('PreconditionFailed');
    expect(await refusal(client.send(new PutObjectCommand({ Bucket: 'articles', Key: 'cas.txt', Body: 'two', IfMatch: '"0123"' })))).toBe('PreconditionFailed');
    expect(await refusal(client.send(new PutObjectCommand({ Bucket: 'articles', Key: 'missing.txt', Body: 'two', IfMatch: first.ETag })))).toBe('NoSuchKey');
    const second = await client.send(new PutObjectCommand({ Bucket: 'articles', Key: 'cas.txt', Body: 'two', IfMatch: first.ETag }));
    expect(await refusal(client.send(new GetObjectCommand({ Bucket: 'articles', Key: 'cas.txt', IfMatch: first.ETag })))).toBe('PreconditionFailed');
    const got = await client.send(new GetObjectCommand({ Bucket: 'articles', Key: 'cas.txt', IfMatch: second.ETag }));
    expect(await got.Body!.transformToString()).toBe('two');
    expect(await refusal(client.send(new DeleteObjectCommand({ Bucket: 'articles', Key: 'cas.txt', IfMatch: first.ETag })))).toBe('PreconditionFailed');
    await client.send(new DeleteObjectCommand({ Bucket: 'articles', Key: 'cas.txt', IfMatch: second.ETag }));
    expect(await refusal(client.send(new GetObjectCommand({ Bucket: 'articles', Key: 'cas.txt' })))).toBe('NoSuchKey');
    client.destroy();
  });

  it('lets exactly one of many simultaneous If-None-Match writers win', async () => {
    const client = localS3Client(server.endpoint);
    const results = await Promise.allSettled(
      Array.from({ length: 8 }, (_, i) => client.send(new PutObjectCommand({ Bucket: 'articles', Key: 'race.txt', Body: `writer ${i}`, IfNoneMatch: '*' }))),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(results.filter((r) => r.status === 'rejected').map((r) => ((r as PromiseRejectedResult).reason as Error).name)).toEqual(Array(7).fill('PreconditionFailed'));
    client.destroy();
  });
});
