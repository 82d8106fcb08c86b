/**
 * One HTTP exchange with an AWS endpoint, bounded in time: `connectionTimeout` to connect,
 * `requestTimeout` for the answer to start, `socketTimeout` of silence while it streams, and the
 * caller's AbortSignal over all of it. The whole body is read before the answer is returned (the
 * stages read objects whole), so a body that breaks off is a failed exchange, tried again by
 * the caller (call.ts) like any other. Connections are kept alive: a warm container reuses them.
 */
import { Agent as HttpAgent, request as httpRequest, type IncomingMessage } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';

export interface HttpRequest {
  readonly method: string;
  /** Scheme, host and port. */
  readonly origin: URL;
  /** Path and query, encoded, as sent. */
  readonly path: string;
  /** Lower-case names. */
  readonly headers: Readonly<Record<string, string>>;
  readonly body?: Uint8Array;
}

export interface HttpResponse {
  readonly status: number;
  /** Lower-case names. */
  readonly headers: Readonly<Record<string, string>>;
  readonly body: Uint8Array;
}

export interface HttpTransport {
  /** Sends one request; rejects on a network failure, a timeout (name `TimeoutError`) or the signal (`AbortError`). */
  send(request: HttpRequest, signal?: AbortSignal): Promise<HttpResponse>;
  /** Closes the connections kept alive. */
  destroy(): void;
}

export interface HttpTimeouts {
  /** To open the connection. */
  readonly connectionTimeout: number;
  /** From the request sent to the answer's first byte. */
  readonly requestTimeout: number;
  /** Silence while the answer streams. */
  readonly socketTimeout: number;
}

/** A timeout of ours, retryable as a network failure is. */
export class HttpTimeoutError extends Error {
  override readonly name = 'TimeoutError';
  readonly code = 'ETIMEDOUT';
}

const abortError = (signal: AbortSignal): Error => {
  const reason: unknown = signal.reason;
  return reason instanceof Error ? reason : Object.assign(new Error('the request was aborted'), { name: 'AbortError' });
};

/** A body cut short: retryable, as a reset connection is. */
const brokenOff = (detail = ''): Error => Object.assign(new Error(`the connection closed before the answer ended${detail ? ` (${detail})` : ''}`), { code: 'ECONNRESET' });

function headersOf(message: IncomingMessage): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(message.headers)) if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : value;
  return headers;
}

/** The transport over Node's http and https, with keep-alive agents of its own. */
export function nodeHttpTransport(timeouts: HttpTimeouts): HttpTransport {
  const agents = { 'http:': new HttpAgent({ keepAlive: true }), 'https:': new HttpsAgent({ keepAlive: true }) };
  const send = (request: HttpRequest, signal?: AbortSignal): Promise<HttpResponse> => new Promise<HttpResponse>((resolve, reject) => {
    if (signal?.aborted) return reject(abortError(signal));
    const https = request.origin.protocol === 'https:';
    if (!https && request.origin.protocol !== 'http:') return reject(new Error(`unsupported endpoint protocol ${request.origin.protocol}`));
    const timers = new Set<NodeJS.Timeout>();
    const after = (ms: number, what: string): NodeJS.Timeout => {
      const timer = setTimeout(() => fail(new HttpTimeoutError(`${what} took longer than ${ms} ms`)), ms);
      timers.add(timer);
      return timer;
    };
    const stop = (timer: NodeJS.Timeout): void => {
      clearTimeout(timer);
      timers.delete(timer);
    };
    const onAbort = (): void => fail(abortError(signal!));
    let settled = false;
    const settle = (): boolean => {
      if (settled) return false;
      settled = true;
      for (const timer of timers) clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      return true;
    };
    function fail(error: Error): void {
      if (!settle()) return;
      outgoing.destroy(error);
      reject(error);
    }
    const outgoing = (https ? httpsRequest : httpRequest)({
      method: request.method,
      protocol: request.origin.protocol,
      hostname: request.origin.hostname.replace(/^\[|\]$/g, ''),
      port: request.origin.port || undefined,
      path: request.path,
      headers: { ...request.headers, ...(request.body ? { 'content-length': String(request.body.byteLength) } : {}) },
      agent: https ? agents['https:'] : agents['http:'],
    });
    signal?.addEventListener('abort', onAbort, { once: true });
    outgoing.on('socket', (socket) => {
      if (!socket.connecting) return;
      const connecting = after(timeouts.connectionTimeout, 'connecting');
      socket.once('connect', () => stop(connecting));
    });
    const answer = after(timeouts.requestTimeout, 'the answer');
    outgoing.on('error', (error) => fail(error));
    outgoing.on('response', (response) => {
      stop(answer);
      // Silence is measured once the answer has started: before that, `requestTimeout` is the bound.
      outgoing.setTimeout(timeouts.socketTimeout, () => fail(new HttpTimeoutError(`no data for ${timeouts.socketTimeout} ms`)));
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('error', (error) => fail(error));
      response.on('close', () => {
        if (!response.complete) fail(brokenOff());
      });
      response.on('end', () => {
        if (!response.complete) return fail(brokenOff());
        const body = Buffer.concat(chunks);
        const expected = response.headers['content-length'];
        if (request.method !== 'HEAD' && expected !== undefined && Number(expected) !== body.byteLength) {
          return fail(brokenOff(`after ${body.byteLength} of ${expected} bytes`));
        }
        if (settle()) resolve({ status: response.statusCode ?? 0, headers: headersOf(response), body });
      });
    });
    outgoing.end(request.body);
  });
  return {
    send,
    destroy() {
      agents['http:'].destroy();
      agents['https:'].destroy();
    },
  };
}
