/**
 * An HTTP proxy between the handlers and the local S3 server that injects the faults S3 and the
 * network produce: 500/503 answers (some after the request took effect, so a retried PUT meets
 * its own earlier write), connections dropped before or after the server saw the request,
 * delays of 1–3 s, and requests that never answer. Faults are drawn from a seeded generator,
 * so a failing run can be replayed; rules can also target requests by method and key.
 *
 * Requests are forwarded byte for byte, Host header included, so their SigV4 signatures (made
 * for the proxy's address) still verify: the server is told to accept the proxy's host.
 */
import { createServer, request, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

export type Fault = 'error-before' | 'error-after' | 'drop-before' | 'drop-after' | 'delay' | 'hang';

export interface ProxiedRequest {
  readonly method: string;
  /** Decoded `bucket/key` (no query). */
  readonly path: string;
  readonly query: string;
}

/** Decides the fault of one request: a targeted rule, or none. */
export type Rule = (request: ProxiedRequest) => Fault | { readonly delayMs: number } | null;

export interface FaultProxyOptions {
  /** The server requests are forwarded to. */
  readonly target: string;
  /** Share of requests given a random fault. Default 0. */
  readonly rate?: number;
  /** The random faults, each equally likely. Default: every fault but `hang`. */
  readonly faults?: readonly Fault[];
  readonly seed?: number;
}

export interface FaultProxy {
  readonly endpoint: string;
  /** `host:port` as clients of the proxy send it in `Host`. */
  readonly host: string;
  /** Faults injected so far, by kind. */
  readonly injected: Readonly<Record<string, number>>;
  readonly requests: number;
  /** Adds a rule, checked before the random faults; returns its removal. */
  rule(rule: Rule): () => void;
  setRate(rate: number): void;
  close(): Promise<void>;
}

/** mulberry32: small, fast, good enough to spread faults; the same seed gives the same run. */
function generator(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const s3Error = (status: number): string => {
  const [code, message] = status === 503 ? ['ServiceUnavailable', 'Please reduce your request rate.'] : ['InternalError', 'We encountered an internal error. Please try again.'];
  return `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${code}</Code><Message>${message}</Message></Error>`;
};

export async function startFaultProxy(options: FaultProxyOptions): Promise<FaultProxy> {
  const target = new URL(options.target);
  const random = generator(options.seed ?? 1);
  const faults = options.faults ?? ['error-before', 'error-after', 'drop-before', 'drop-after', 'delay'];
  let rate = options.rate ?? 0;
  const rules = new Set<Rule>();
  const injected: Record<string, number> = {};
  const sockets = new Set<Socket>();
  let requests = 0;

  const decide = (req: ProxiedRequest): Fault | { delayMs: number } | null => {
    for (const rule of rules) {
      const fault = rule(req);
      if (fault) return fault;
    }
    // Always draw both numbers, so the sequence of faults does not depend on earlier choices.
    const roll = random();
    const pick = random();
    return roll < rate ? faults[Math.floor(pick * faults.length)]! : null;
  };

  const answerError = (res: ServerResponse, status: number): void => {
    res.writeHead(status, { 'content-type': 'application/xml' });
    res.end(s3Error(status));
  };

  const forward = (req: IncomingMessage, body: Buffer, onResponse: (upstream: IncomingMessage, upstreamBody: Buffer) => void, onError: () => void): void => {
    const upstream = request({ host: target.hostname, port: target.port, method: req.method, path: req.url, headers: req.headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => onResponse(response, Buffer.concat(chunks)));
      response.on('error', onError);
    });
    upstream.on('error', onError);
    upstream.end(body);
  };

  const server: Server = createServer((req, res) => {
    requests += 1;
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const [pathPart = '', query = ''] = (req.url ?? '').split('?');
      let path = pathPart;
      try {
        path = decodeURIComponent(pathPart);
      } catch {
        // keep it raw
      }
      const decided = decide({ method: req.method ?? 'GET', path: path.replace(/^\//, ''), query });
      const kind = decided === null ? null : typeof decided === 'string' ? decided : 'delay';
      if (kind) injected[kind] = (injected[kind] ?? 0) + 1;
      const body = Buffer.concat(chunks);
      const passOn = (): void => forward(req, body, (upstream, upstreamBody) => {
        res.writeHead(upstream.statusCode ?? 502, upstream.headers);
        res.end(upstreamBody);
      }, () => res.destroy());
      switch (kind) {
        case null:
          return passOn();
        case 'error-before':
          return answerError(res, random() < 0.5 ? 500 : 503);
        case 'error-after':
          return forward(req, body, () => answerError(res, 500), () => res.destroy());
        case 'drop-before':
          return void req.socket.destroy();
        case 'drop-after':
          return forward(req, body, () => req.socket.destroy(), () => req.socket.destroy());
        case 'hang':
          return; // never answered; the client's timeout is what ends it
        case 'delay': {
          const delayMs = typeof decided === 'object' && decided !== null ? decided.delayMs : 1000 + Math.floor(random() * 2000);
          setTimeout(passOn, delayMs);
          return;
        }
      }
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    host: `127.0.0.1:${port}`,
    injected,
    get requests() {
      return requests;
    },
    rule(rule) {
      rules.add(rule);
      return () => rules.delete(rule);
    },
    setRate(next) {
      rate = next;
    },
    async close() {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
