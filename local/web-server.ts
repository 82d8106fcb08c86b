/**
 * The local web page (`npm start` serves it beside the S3 endpoint, on 127.0.0.1 only): the
 * page itself (dist/web, built by `npm ci`), the page's API (lambdas/web/api.ts, as deployed),
 * the bytes of an upload (size-checked before a byte is read), the outputs the page links to,
 * and a Server-Sent Events stream that says when an article changed. Each change is a fresh
 * look at what the pipeline wrote (lambdas/web/status.ts), prompted by a stage starting or
 * finishing on it, never a guess.
 */
import { createServer, type IncomingMessage, type OutgoingHttpHeaders, type Server, type ServerResponse } from 'node:http';
import { readdirSync, readFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ListObjectsV2Command, PutObjectCommand } from '@aws-sdk/client-s3';
import { describe as describeError } from './queue';
import { errorResponse, handleApi, type ApiContext } from '../lambdas/web/api';
import { fetchIntoBucket } from '../lambdas/web/fetch-into';
import { articleKey, uploadName, REVISIONS_PREFIX } from '../lambdas/web/keys';
import { findArticle, type Store } from '../lambdas/web/status';
import type { ArticleView, PageConfig } from '../lambdas/web/types';
import { tooLargeError } from '../lambdas/intake/sniff';
import { DEFAULT_MAX_BYTES } from '../lambdas/intake/types';
import { getObjectBytes, headObject } from '../lambdas/handlers/s3-io';
import { BRIEFINGS_PREFIX, FIGURES_PREFIX, withoutExtension } from '../lambdas/handlers/s3-keys';
import { COMMON_HEADERS, PAGE_POLICY, refusalOf } from './web-guard';
import type { StageActivity } from './web-activity';
import { sdkObjectStore } from '../lambdas/handlers/sdk-object-store';

export const DEFAULT_WEB_PORT = 4570;
export const PAGE_DIR = fileURLToPath(new URL('../dist/web/', import.meta.url));

export interface WebServerOptions {
  /** 0 picks a free port. */
  readonly port: number;
  readonly store: Store;
  /** The local pipeline's handler activity; without it, waiting articles read `extracting`. */
  readonly activity?: StageActivity;
  /** Default 5 MB, as the pipeline. */
  readonly maxBytes?: number;
  /** The built page. Default: dist/web. */
  readonly pageDir?: string;
  readonly log?: (line: string) => void;
}

export interface WebServer {
  readonly url: string;
  readonly port: number;
  close(): Promise<void>;
}

const API = '/api';
/** JSON request bodies are a name, an address or a few hundred edits. */
const MAX_JSON_BYTES = 256 * 1024;
const KEEP_ALIVE_MS = 15_000;

const TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.json': 'application/json; charset=utf-8',
  '.pdf': 'application/pdf',
  '.map': 'application/json; charset=utf-8',
};

/** Only these outputs are served: figures, briefings and revisions (never error records' sources or inputs). */
const SERVED_PREFIXES = [FIGURES_PREFIX, BRIEFINGS_PREFIX, REVISIONS_PREFIX];

/** `a b/ü.pdf` → `a%20b/%C3%BC.pdf`: each segment encoded, the slashes kept. */
const encodePath = (key: string): string => key.split('/').map(encodeURIComponent).join('/');

class HttpRefusal extends Error {
  constructor(readonly status: number, readonly code: string, message: string) {
    super(message);
  }
}

function send(response: ServerResponse, status: number, body: string | Uint8Array, headers: OutgoingHttpHeaders): void {
  response.writeHead(status, { ...COMMON_HEADERS, 'cache-control': 'no-store', ...headers, 'content-length': Buffer.byteLength(body) });
  response.end(body);
}

const sendJson = (response: ServerResponse, status: number, body: unknown): void =>
  send(response, status, JSON.stringify(body), { 'content-type': 'application/json; charset=utf-8' });

/** The body, refused from its declared length before a byte is read, and again if it sends more. */
async function readBody(request: IncomingMessage, maxBytes: number, tooLarge: (size: number) => Error): Promise<Buffer> {
  const declared = request.headers['content-length'];
  if (declared === undefined) throw new HttpRefusal(411, 'length_required', 'the request must say its length (Content-Length)');
  const size = Number(declared);
  if (!Number.isInteger(size) || size < 0) throw new HttpRefusal(400, 'bad_length', 'the request names no valid length');
  if (size > maxBytes) throw tooLarge(size);
  const chunks: Buffer[] = [];
  let received = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    received += chunk.byteLength;
    if (received > size) throw tooLarge(received);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

export async function startWebServer(options: WebServerOptions): Promise<WebServer> {
  const { store } = options;
  const log = options.log ?? (() => {});
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const pageDir = options.pageDir ?? PAGE_DIR;
  let pageFiles: Set<string>;
  try {
    pageFiles = new Set(readdirSync(pageDir).filter((name) => TYPES[extname(name)]));
  } catch {
    pageFiles = new Set();
  }
  if (!pageFiles.has('index.html')) throw new Error(`the web page is not built (${pageDir} has no index.html): run npm run build`);

  const clients = new Set<ServerResponse>();
  const lastSent = new Map<string, string>();
  const broadcast = (view: ArticleView): void => {
    const json = JSON.stringify({ article: view });
    if (lastSent.get(view.key) === json) return;
    lastSent.set(view.key, json);
    for (const client of clients) client.write(`event: article\ndata: ${json}\n\n`);
  };

  const context: ApiContext = {
    store,
    space: '',
    user: null,
    maxBytes,
    link: async (key) => `/files/${encodePath(key)}`,
    activity: options.activity?.of,
    uploadTarget: async (key, request) => ({
      url: `/uploads/${encodePath(key)}`,
      method: 'PUT',
      headers: { 'content-type': request.type || 'application/octet-stream' },
    }),
    fetchInto: (url) => fetchIntoBucket(store, '', url, maxBytes),
    now: () => new Date(),
  };

  // One fresh look per article at a time, in order, so a slow older look never overwrites a newer one.
  const looks = new Map<string, Promise<void>>();
  const refresh = (inputKey: string): Promise<void> => {
    const next = (looks.get(inputKey) ?? Promise.resolve()).then(async () => {
      const view = await findArticle(store, inputKey, context);
      if (view) broadcast(view);
    }).catch((error: unknown) => log(`web   could not read the state of ${inputKey}: ${describeError(error)}`));
    looks.set(inputKey, next);
    void next.finally(() => { if (looks.get(inputKey) === next) looks.delete(inputKey); });
    return next;
  };
  /** The uploads whose figures are `figures/<stem>.json` (an upload's extension is not in its outputs' keys). */
  const inputsOfFigures = async (figuresKey: string): Promise<string[]> => {
    const stem = figuresKey.slice(FIGURES_PREFIX.length, -'.json'.length);
    const listed = await store.s3.send(new ListObjectsV2Command({ Bucket: store.inputBucket, Prefix: stem }));
    return (listed.Contents ?? []).map((object) => object.Key ?? '').filter((key) => withoutExtension(key) === stem);
  };
  const unsubscribe = options.activity?.onChange((stage, key) => {
    if (stage === 'extract') void refresh(key);
    else if (stage === 'render') void inputsOfFigures(key).then((keys) => keys.forEach((inputKey) => void refresh(inputKey)), () => {});
  });

  const config: PageConfig = { mode: 'local', api: API, maxBytes, updates: 'events', fetches: true };

  async function serveApi(request: IncomingMessage, response: ServerResponse, url: URL): Promise<void> {
    const path = url.pathname.slice(API.length);
    if (path === '/events' && request.method === 'GET') return subscribe(request, response);
    let body: unknown;
    if (request.method === 'POST') {
      if (!/^application\/json\b/i.test(request.headers['content-type'] ?? '')) {
        throw new HttpRefusal(415, 'not_json', 'send the request as application/json');
      }
      const bytes = await readBody(request, MAX_JSON_BYTES, () => new HttpRefusal(413, 'too_large', 'the request is too large'));
      try {
        body = JSON.parse(bytes.toString('utf8'));
      } catch {
        throw new HttpRefusal(400, 'bad_json', 'the request is not valid JSON');
      }
    }
    const answer = await handleApi(context, { method: request.method ?? 'GET', path, query: url.searchParams, body });
    sendJson(response, answer.status, answer.body);
    const changed = (answer.body as { article?: ArticleView | null } | null)?.article;
    if (answer.status === 200 && changed) broadcast(changed);
  }

  function subscribe(request: IncomingMessage, response: ServerResponse): void {
    response.writeHead(200, { ...COMMON_HEADERS, 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-store' });
    response.write('retry: 2000\n: article changes, one JSON object per data line\n\n');
    clients.add(response);
    const keepAlive = setInterval(() => response.write(': keep-alive\n\n'), KEEP_ALIVE_MS).unref();
    request.on('close', () => {
      clearInterval(keepAlive);
      clients.delete(response);
    });
  }

  async function upload(request: IncomingMessage, response: ServerResponse, key: string): Promise<void> {
    const name = uploadName(key);
    const bytes = await readBody(request, maxBytes, (size) => tooLargeError(size, maxBytes));
    const type = request.headers['content-type'];
    await store.s3.send(new PutObjectCommand({
      Bucket: store.inputBucket,
      Key: name,
      Body: bytes,
      ContentType: type && type !== 'application/octet-stream' ? type : undefined,
    }));
    const view = await findArticle(store, name, context);
    sendJson(response, 200, { article: view });
    if (view) broadcast(view);
  }

  async function serveOutput(response: ServerResponse, key: string, head: boolean): Promise<void> {
    // A `..` step or a control character is refused (400) before the store sees it: s3rver keeps objects as files.
    articleKey(key);
    const type = TYPES[extname(key)];
    if (!type || !SERVED_PREFIXES.some((prefix) => key.startsWith(prefix))) throw new HttpRefusal(404, 'not_found', 'no such file');
    const found = await headObject(sdkObjectStore(store.s3), store.outputBucket, key);
    if (!found) throw new HttpRefusal(404, 'not_found', 'no such file');
    const bytes = head ? new Uint8Array() : await getObjectBytes(sdkObjectStore(store.s3), store.outputBucket, key, found.etag);
    const file = key.split('/').pop()!;
    send(response, 200, bytes, {
      'content-type': type,
      'content-disposition': `inline; filename*=UTF-8''${encodeURIComponent(file)}`,
      // The page shows the PDF in a frame of its own; nothing else may frame it. JSON is also
      // sandboxed (a browser's PDF viewer does not run in a sandbox, so a PDF is not).
      'content-security-policy': `default-src 'none'; frame-ancestors 'self'${type === TYPES['.pdf'] ? '' : '; sandbox'}`,
      'x-frame-options': 'SAMEORIGIN',
      etag: `"${found.etag}"`,
    });
  }

  function servePage(response: ServerResponse, name: string): void {
    if (name === 'config.json') return sendJson(response, 200, config);
    if (!pageFiles.has(name)) throw new HttpRefusal(404, 'not_found', 'no such page');
    send(response, 200, readFileSync(join(pageDir, name)), {
      'content-type': TYPES[extname(name)]!,
      'content-security-policy': PAGE_POLICY,
      'x-frame-options': 'DENY',
    });
  }

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const refusal = refusalOf(request, port);
    if (refusal) return sendJson(response, refusal.status, { error: refusal.error, reason: refusal.reason });
    const url = new URL(request.url ?? '/', `http://${request.headers.host}`);
    const method = request.method ?? 'GET';
    const path = url.pathname;
    if (path === API || path.startsWith(`${API}/`)) return serveApi(request, response, url);
    if (path.startsWith('/uploads/') && method === 'PUT') return upload(request, response, decodeURIComponent(path.slice('/uploads/'.length)));
    if (method !== 'GET' && method !== 'HEAD') throw new HttpRefusal(405, 'method', `${method} is not accepted here`);
    if (path.startsWith('/files/')) return serveOutput(response, decodeURIComponent(path.slice('/files/'.length)), method === 'HEAD');
    return servePage(response, path === '/' ? 'index.html' : path.slice(1));
  }

  const server: Server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      if (response.headersSent) return void response.destroy();
      if (error instanceof HttpRefusal) return sendJson(response, error.status, { error: error.code, reason: error.message });
      if (error instanceof URIError) return sendJson(response, 400, { error: 'bad_path', reason: 'the address is not valid' });
      const answer = errorResponse(error);
      if (answer) return sendJson(response, answer.status, answer.body);
      log(`web   ${request.method} ${request.url} failed: ${describeError(error)}`);
      sendJson(response, 500, { error: 'internal', reason: `the page server failed: ${describeError(error)}` });
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as { port: number }).port;

  return {
    url: `http://127.0.0.1:${port}/`,
    port,
    async close() {
      unsubscribe?.();
      for (const client of clients) client.end();
      clients.clear();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await Promise.allSettled([...looks.values()]);
    },
  };
}
