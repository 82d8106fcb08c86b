/**
 * The deployed page's API handler, given HTTP API events as the JWT authorizer passes them on,
 * against the real local pipeline (s3rver, the real stage handlers) and real pre-signed URLs:
 * each user's space, uploads through a signed PUT, the state and links of their articles, a
 * correction saved in their name, and what is refused.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { APIGatewayProxyEventV2WithJWTAuthorizer } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDeployedApi } from '../../lambdas/web/deployed-api';
import { isPublicAddress } from '../../lambdas/web/public-address';
import type { ArticleDetail, ArticleList, UploadTarget } from '../../lambdas/web/types';
import { startLocalPipeline, type LocalPipeline } from '../../local/pipeline';
import { getJson } from '../support/s3';

const ALICE = '11111111-2222-4333-8444-555555555555';
const BOB = '99999999-8888-4777-8666-555555555555';
const seed = readFileSync(new URL('../../examples/idlib-offensive-2019.txt', import.meta.url));

let pipeline: LocalPipeline;
let dataDir: string;
let api: ReturnType<typeof createDeployedApi>;

function event(method: string, path: string, options: { sub?: string; query?: string; body?: unknown; email?: string } = {}): APIGatewayProxyEventV2WithJWTAuthorizer {
  const claims: Record<string, string> = options.sub === undefined ? {} : { sub: options.sub, ...(options.email ? { email: options.email } : {}) };
  return {
    version: '2.0',
    routeKey: `${method} ${path}`,
    rawPath: path,
    rawQueryString: options.query ?? '',
    headers: {},
    isBase64Encoded: false,
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
    requestContext: { http: { method, path }, authorizer: { jwt: { claims, scopes: [] }, principalId: '', integrationLatency: 0 } },
  } as unknown as APIGatewayProxyEventV2WithJWTAuthorizer;
}

async function call<T>(method: string, path: string, options: Parameters<typeof event>[2] = {}): Promise<{ status: number; body: T }> {
  const answer = await api(event(method, path, options));
  return { status: answer.statusCode!, body: JSON.parse(answer.body!) as T };
}

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'deployed-api-'));
  pipeline = await startLocalPipeline({ port: 0, dataDir });
  api = createDeployedApi({
    s3: pipeline.client,
    store: { s3: pipeline.client, inputBucket: pipeline.inputBucket, outputBucket: pipeline.outputBucket },
    maxBytes: 5 * 1024 * 1024,
    downloadSeconds: 600,
    uploadSeconds: 300,
    fetches: true,
  });
});

afterAll(async () => {
  await pipeline.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('the deployed page API (HTTP API + JWT authorizer → Lambda)', () => {
  it('hands out a pre-signed PUT inside the caller\'s own prefix, with the size and type signed', async () => {
    const { status, body } = await call<UploadTarget>('POST', '/uploads', { sub: ALICE, body: { name: 'idlib.txt', size: seed.byteLength, type: 'text/plain' } });
    expect(status).toBe(200);
    expect(body.key).toBe('idlib.txt');
    const url = new URL(body.url);
    expect(decodeURIComponent(url.pathname)).toBe(`/articles/users/${ALICE}/idlib.txt`);
    expect(url.searchParams.get('X-Amz-SignedHeaders')).toBe('content-length;content-type;host');
    expect(Number(url.searchParams.get('X-Amz-Expires'))).toBe(300);
    const put = await fetch(body.url, { method: 'PUT', headers: body.headers, body: seed });
    expect(put.status).toBe(200);
    await pipeline.idle();
  });

  it('lists the caller\'s articles only, with their state and pre-signed links that work', async () => {
    const alice = await call<ArticleList>('GET', '/articles', { sub: ALICE });
    expect(alice.body.articles.map((a) => [a.key, a.state])).toEqual([['idlib.txt', 'ready']]);
    const pdf = await fetch(alice.body.articles[0]!.links.pdf!);
    expect(pdf.status).toBe(200);
    expect(Buffer.from(await pdf.arrayBuffer()).subarray(0, 4).toString('latin1')).toBe('%PDF');
    expect(new URL(alice.body.articles[0]!.links.pdf!).searchParams.get('response-content-disposition')).toBe("inline; filename*=UTF-8''idlib.pdf");
    const bob = await call<ArticleList>('GET', '/articles', { sub: BOB });
    expect(bob.body.articles).toEqual([]);
  });

  it('keeps each user to their own space: another user\'s key is not found, a path outside is refused', async () => {
    expect((await call('GET', '/article', { sub: BOB, query: 'key=idlib.txt' })).status).toBe(404);
    expect((await call('GET', '/article', { sub: BOB, query: `key=${encodeURIComponent(`../${ALICE}/idlib.txt`)}` })).status).toBe(400);
    expect((await call('GET', '/articles', { sub: BOB, query: `key=${encodeURIComponent(`users/${ALICE}/idlib.txt`)}` })).body).toEqual({ articles: [], more: false });
    expect((await call('POST', '/revisions', { sub: BOB, body: { key: 'idlib.txt', revision: 1, edits: [{ id: 'f1', remove: true }] } })).status).toBe(404);
    expect((await call('GET', '/articles', {})).status).toBe(401);
    expect((await call('GET', '/articles', { sub: 'users/../x' })).status).toBe(401);
  });

  it('saves a correction in the caller\'s name; the render stage makes the new PDF', async () => {
    const before = await call<ArticleDetail>('GET', '/article', { sub: ALICE, query: 'key=idlib.txt' });
    const injured = before.body.extraction.figures.find((f) => f.value === 2117 && f.category === 'injured')!;
    const saved = await call<{ article: { state: string; revision: number } }>('POST', '/revisions', {
      sub: ALICE, email: 'alice@example.org', body: { key: 'idlib.txt', revision: 1, edits: [{ id: injured.id, category: 'other' }] },
    });
    expect(saved.status).toBe(200);
    expect(saved.body.article).toMatchObject({ state: 'rendering', revision: 2 });
    await pipeline.idle();
    const detail = await call<ArticleDetail>('GET', '/article', { sub: ALICE, query: 'key=idlib.txt' });
    expect(detail.body.article).toMatchObject({ state: 'ready', revision: 2 });
    expect(detail.body.extraction.revision).toMatchObject({ number: 2, by: 'alice@example.org' });
    const original = await getJson<{ figures: Array<{ id: string; category: string }> }>(pipeline.client, 'briefings', `revisions/users/${ALICE}/idlib/v1.json`);
    expect(original.figures.find((f) => f.id === injured.id)?.category).toBe('injured');
    expect(detail.body.extraction.figures.find((f) => f.id === injured.id)).toMatchObject({ category: 'other', edited: ['category'] });
    // Saving again from the old revision is refused: someone saved since.
    const stale = await call<{ error: string }>('POST', '/revisions', { sub: ALICE, body: { key: 'idlib.txt', revision: 1, edits: [{ id: 'f1', remove: true }] } });
    expect(stale.status).toBe(409);
    expect(stale.body.error).toBe('conflict');
  });

  it('refuses an upload too large before anything is sent, and a web address that is not public', async () => {
    const large = await call<{ reason: string }>('POST', '/uploads', { sub: ALICE, body: { name: 'big.txt', size: 7_800_000, type: 'text/plain' } });
    expect(large.status).toBe(413);
    expect(large.body.reason).toBe('file is 7.4 MB; the limit for one article is 5 MB');
    const local = await call<{ reason: string }>('POST', '/fetches', { sub: ALICE, body: { url: `${pipeline.endpoint}/articles/users/${ALICE}/idlib.txt` } });
    expect(local.status).toBe(422);
    expect(local.body.reason).toBe('cannot fetch: 127.0.0.1 is not a public internet address');
  });

  it.each([
    ['127.0.0.1', false], ['10.1.2.3', false], ['169.254.169.254', false], ['172.20.0.1', false], ['192.168.1.1', false], ['100.64.0.1', false],
    ['::1', false], ['fd00::1', false], ['fe80::1', false], ['::ffff:127.0.0.1', false], ['0.0.0.0', false],
    ['93.184.216.34', true], ['2606:2800:220:1:248:1893:25c8:1946', true], ['::ffff:93.184.216.34', true],
  ])('%s is public: %s', (address, expected) => {
    expect(isPublicAddress(address)).toBe(expected);
  });
});
