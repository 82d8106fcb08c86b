/**
 * The local page server at the HTTP level, against a real embedded S3 server: uploads refused
 * from their declared size before a byte is read, only JSON changes from the page's own origin,
 * only the pipeline's outputs served, answers that a browser cannot reinterpret, and a live
 * event for each change.
 */
import { request as httpRequest } from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PutObjectCommand } from '@aws-sdk/client-s3';
import { startS3Server, type S3Server } from '../../local/s3-server';
import { PAGE_DIR, startWebServer, type WebServer } from '../../local/web-server';

let s3: S3Server;
let web: WebServer;
let origin: string;

beforeAll(async () => {
  s3 = await startS3Server({ buckets: ['articles', 'briefings'] });
  web = await startWebServer({ port: 0, store: { s3: s3.client, inputBucket: 'articles', outputBucket: 'briefings' }, maxBytes: 1000 });
  origin = web.url.replace(/\/$/, '');
});
afterAll(async () => {
  await web.close();
  await s3.close();
});

/** A request whose headers go out at once and whose body is never sent: what the server does before reading. */
function headersOnly(path: string, headers: Record<string, string>): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(`${origin}${path}`, { method: 'PUT', headers }, (res) => {
      let body = '';
      res.on('data', (chunk: Buffer) => { body += chunk.toString('utf8'); });
      res.on('end', () => { resolve({ status: res.statusCode ?? 0, body }); req.destroy(); });
    });
    req.on('error', reject);
    req.flushHeaders();
  });
}

const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(`${origin}${path}`, { method: 'POST', headers: { origin, 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });

describe('the local page server', () => {
  it('refuses an upload larger than the limit from its declared length, without waiting for its bytes', async () => {
    const answer = await headersOnly('/uploads/big.txt', { origin, 'content-length': '5000000', 'content-type': 'text/plain' });
    expect(answer.status).toBe(413);
    expect(JSON.parse(answer.body)).toEqual({ error: 'too_large', reason: 'file is 4.8 MB; the limit for one article is 1000 bytes' });
    expect(await headersOnly('/uploads/chunked.txt', { origin, 'transfer-encoding': 'chunked' }).then((a) => a.status)).toBe(411);
  });

  it('stores an upload from the page and tells every listener', async () => {
    const events = await fetch(`${origin}/api/events`);
    const reader = events.body!.getReader();
    const put = await fetch(`${origin}/uploads/${encodeURIComponent('notes <b>.txt')}`, { method: 'PUT', headers: { origin, 'content-type': 'text/plain' }, body: 'Floods.\n\nAt least 12 people died.' });
    expect(put.status).toBe(200);
    expect(((await put.json()) as { article: { key: string; state: string } }).article).toMatchObject({ key: 'notes <b>.txt', state: 'extracting' });
    let seen = '';
    while (!seen.includes('event: article')) seen += new TextDecoder().decode((await reader.read()).value);
    expect(seen).toContain('"key":"notes <b>.txt"');
    await reader.cancel();
  });

  it('refuses a name with a slash, a change that is not JSON, and one from no origin', async () => {
    const slash = await fetch(`${origin}/uploads/a%2Fb.txt`, { method: 'PUT', headers: { origin }, body: 'x' });
    expect(slash.status).toBe(400);
    expect(((await slash.json()) as { reason: string }).reason).toMatch(/slash/);
    expect((await post('/api/uploads', { name: 'a.txt', size: 1 }, { 'content-type': 'text/plain' })).status).toBe(415);
    expect((await fetch(`${origin}/api/uploads`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' })).status).toBe(403);
    expect((await post('/api/uploads', { name: 'a.txt', size: 5 })).status).toBe(200);
    expect((await post('/api/uploads', { name: 'a.txt', size: 5 }, { 'sec-fetch-site': 'cross-site' })).status).toBe(403);
  });

  it('serves only the pipeline\'s outputs, as what they are', async () => {
    await s3.client.send(new PutObjectCommand({ Bucket: 'briefings', Key: 'figures/x.json', Body: '{"a":1}' }));
    await s3.client.send(new PutObjectCommand({ Bucket: 'briefings', Key: 'errors/x.txt.json', Body: '{}' }));
    const json = await fetch(`${origin}/files/figures/x.json`);
    expect(json.status).toBe(200);
    expect(json.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(json.headers.get('x-content-type-options')).toBe('nosniff');
    expect(json.headers.get('content-security-policy')).toMatch(/sandbox/);
    for (const path of ['/files/errors/x.txt.json', '/files/figures/missing.json', '/files/../articles/notes.txt', '/files/figures/x.exe']) {
      expect((await fetch(`${origin}${path}`)).status, path).toBe(404);
    }
    // A `..` step sent as it is (fetch would tidy it away) never reaches the store.
    expect((await fetch(`${origin}/files/figures%2F..%2F..%2Fs3%2Farticles%2Fnotes.json`)).status).toBe(400);
  });

  it('sends the page with a policy that allows only its own script, style and frames', async () => {
    const page = await fetch(`${origin}/`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toBe(
      "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; frame-src 'self'; form-action 'none'; base-uri 'none'; frame-ancestors 'none'");
    expect(page.headers.get('x-frame-options')).toBe('DENY');
    expect(await (await fetch(`${origin}/config.json`)).json()).toEqual({ mode: 'local', api: '/api', maxBytes: 1000, updates: 'events', fetches: true });
    expect((await fetch(`${origin}/secret.txt`)).status).toBe(404);
  });

  it('will not start without the built page', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'no-page-'));
    try {
      await expect(startWebServer({ port: 0, store: { s3: s3.client, inputBucket: 'articles', outputBucket: 'briefings' }, pageDir: empty }))
        .rejects.toThrow(/the web page is not built .* run npm run build/);
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
    expect(PAGE_DIR).toMatch(/dist\/web\/$/);
  });
});
