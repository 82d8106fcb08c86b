/**
 * An http(s):// argument, fetched from a real HTTP server on 127.0.0.1: the content type
 * decides the format, redirects are followed up to 3, 5 MB and 10 s are the limits, and every
 * failure is one `error:` line.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fetchArticle } from '../../lambdas/intake/fetch';
import { pdfinfo } from '../render/poppler';
import { repoRoot, runCli, type CliResult } from '../support/cli';

const page = readFileSync(join(repoRoot, 'tests/fixtures/intake/cyclone-page.html'));
const wire = readFileSync(join(repoRoot, 'examples/idlib-offensive-2019.txt'));
const MB = 1024 * 1024;

type Route = (request: IncomingMessage, response: ServerResponse) => void;
const send = (type: string | null, body: Uint8Array | string, status = 200): Route => (_request, response) => {
  response.writeHead(status, type === null ? {} : { 'content-type': type });
  response.end(body);
};
const redirect = (to: string, status = 302): Route => (_request, response) => {
  response.writeHead(status, { location: to });
  response.end();
};

const ROUTES: Record<string, Route> = {
  '/news/cyclone-buzi': send('text/html; charset=utf-8', page),
  // The address says .html, the server says plain text: the server is believed.
  '/wire/idlib.html': send('text/plain; charset=utf-8', wire),
  '/hop1': redirect('/hop2', 301),
  '/hop2': redirect('/hop3', 307),
  '/hop3': redirect('/news/cyclone-buzi'),
  '/loop0': redirect('/loop1'),
  '/loop1': redirect('/loop2'),
  '/loop2': redirect('/loop3'),
  '/loop3': redirect('/news/cyclone-buzi'),
  '/to-ftp': redirect('ftp://example.org/a.txt'),
  '/gone': send('text/html', '<h1>Not here</h1>', 404),
  '/broken': send('text/html', 'oops', 503),
  '/report.pdf': send('application/pdf', '%PDF-1.7\n'),
  '/minutes': send('application/vnd.oasis.opendocument.text', 'PK\u0003\u0004'),
  '/photo': send('image/png', new Uint8Array([0x89, 0x50, 0x4e, 0x47])),
  '/declared-huge': (_request, response) => {
    response.writeHead(200, { 'content-type': 'text/plain', 'content-length': String(6 * MB) });
    response.write('Headline\n\n');
    // never finishes: the declared length alone must be enough to refuse it
  },
  '/endless': (_request, response) => {
    response.writeHead(200, { 'content-type': 'text/plain' }); // chunked, no length
    const line = Buffer.alloc(64 * 1024, 0x61);
    const pump = () => {
      while (response.write(line)) { if (response.writableLength > 8 * MB) return; }
      response.once('drain', pump);
    };
    response.on('close', () => response.removeAllListeners('drain'));
    pump();
  },
  '/silent': () => { /* never answers */ },
};

let server: Server;
let base: string;
let work: string;
const sockets = new Set<import('node:net').Socket>();

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'briefing-fetch-'));
  server = createServer((request, response) => (ROUTES[request.url ?? ''] ?? send('text/plain', 'no route', 404))(request, response));
  server.on('connection', (socket) => { sockets.add(socket); socket.on('close', () => sockets.delete(socket)); });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  for (const socket of sockets) socket.destroy();
  await new Promise((resolve) => server.close(resolve));
  rmSync(work, { recursive: true, force: true });
});

/** Exactly one line on stderr, `error: <address>: <reason>`, nothing on stdout; returns the reason. */
function oneErrorLine(result: CliResult, address: string): string {
  expect(result.stdout).toBe('');
  expect(result.stderr).toMatch(/^[^\n]*\n$/);
  expect(result.stderr.startsWith(`error: ${address}: `)).toBe(true);
  return result.stderr.slice(`error: ${address}: `.length).trim();
}

describe('briefing extract <http(s) address>', () => {
  it('reads an HTML page as HTML; the address the page names for itself wins over the one fetched', async () => {
    const result = await runCli(['extract', `${base}/news/cyclone-buzi`]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const extraction = JSON.parse(result.stdout);
    expect(extraction.article.title).toBe('Cyclone Idai: floods cut off Buzi as death toll climbs');
    expect(extraction.article.url).toBe('https://ledger.example.org/africa/2019/03/18/cyclone-idai-buzi-floods');
    expect(extraction.figures.length).toBeGreaterThan(0);
  });

  it('goes by the content type, not the address: text/plain at …/idlib.html is wire copy, its url the address', async () => {
    const result = await runCli(['extract', `${base}/wire/idlib.html`]);
    expect(result.code).toBe(0);
    const { article } = JSON.parse(result.stdout);
    expect(article.title).toBe('Idlib: ‘more than 500 civilians killed’ since Russian-led assault began');
    expect(article.url).toBe(`${base}/wire/idlib.html`);
  });

  it('follows 3 redirects, and refuses a 4th (exit 1)', async () => {
    const followed = await runCli(['extract', `${base}/hop1`]);
    expect(followed.code).toBe(0);
    expect(JSON.parse(followed.stdout).article.url).toMatch(/^https?:\/\//);
    const address = `${base}/loop0`;
    const refused = await runCli(['extract', address]);
    expect(refused.code).toBe(1);
    expect(oneErrorLine(refused, address)).toBe('cannot fetch: more than 3 redirects (last to /news/cyclone-buzi)');
  });

  it.each([
    ['/gone', 3, /^cannot fetch: the server answered 404 Not Found$/],
    ['/broken', 1, /^cannot fetch: the server answered 503 Service Unavailable$/],
    ['/to-ftp', 3, /^cannot fetch: redirected to ftp: \(only http and https are fetched\)$/],
    ['/report.pdf', 3, /^a PDF \(application\/pdf\) is not read here: download it, then save its text as a \.txt file \(for example `pdftotext "report\.pdf" "report\.txt"`\)/],
    ['/minutes', 3, /^an OpenDocument text \(application\/vnd\.oasis\.opendocument\.text\) is not read here: download it, then in LibreOffice/],
    ['/photo', 3, /^the address serves image\/png, not an article \(HTML, plain text, Markdown or JSON\)$/],
    ['/declared-huge', 3, /^page is 6 MB; the limit for one article is 5 MB \(raise it with --max-bytes\)$/],
    ['/endless', 3, /^page is more than 5 MB; the limit for one article is 5 MB \(raise it with --max-bytes\)$/],
  ])('%s: exit %i, one line', async (path, code, reason) => {
    const address = `${base}${path}`;
    const result = await runCli(['extract', address]);
    expect(result.code).toBe(code);
    expect(oneErrorLine(result, address)).toMatch(reason);
  });

  it('says so in one line when nothing listens there (exit 1)', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const host = `127.0.0.1:${(closed.address() as AddressInfo).port}`;
    await new Promise((resolve) => closed.close(resolve));
    const address = `http://${host}/article`;
    const result = await runCli(['extract', address]);
    expect(result.code).toBe(1);
    expect(oneErrorLine(result, address)).toBe(`cannot fetch: ${host} refused the connection`);
  });
});

describe('fetchArticle', () => {
  it('gives up on a server that does not answer within the time limit', async () => {
    const started = performance.now();
    await expect(fetchArticle(`${base}/silent`, { maxBytes: MB, timeoutMs: 300, maxRedirects: 3 }))
      .rejects.toThrow(`cannot fetch: no complete answer from ${new URL(base).host} within 0.3 s`);
    expect(performance.now() - started).toBeLessThan(5_000);
  });
});

describe('briefing render <http(s) address> -o <folder>/', () => {
  it('names the PDF after the last part of the address', async () => {
    const result = await runCli(['render', `${base}/news/cyclone-buzi`, '-o', `${work}/`]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const pdf = readFileSync(join(work, 'cyclone-buzi.pdf'));
    expect(pdfinfo(pdf)).toMatch(/Title:\s+Cyclone Idai/);
  });
});
