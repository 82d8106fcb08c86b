/**
 * How the handlers' AWS client (lambdas/aws/call.ts) treats each answer, against a local HTTP
 * server that answers as S3 and EventBridge do when things go wrong: what is tried again (429,
 * 503 with or without a body, RequestTimeout, a dropped connection) and how long it waits
 * (throttling longer, Retry-After as a floor in both its forms), what is not (a refusal about the
 * request), a clock that S3 says is off (corrected from its Date and tried again), and an abort
 * during the wait (at once, no further try).
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { EventBridgeEvents } from '../../lambdas/aws/eventbridge';
import { nodeHttpTransport } from '../../lambdas/aws/http';
import type { RetryOptions } from '../../lambdas/aws/retry';
import { S3Objects } from '../../lambdas/aws/s3';
import { S3_TIMEOUTS } from '../../lambdas/handlers/runtime';

interface Planned { readonly status: number; readonly headers?: Record<string, string>; readonly body?: string }

let server: Server;
let plan: Planned[] = [];
const seen: IncomingMessage[] = [];
beforeAll(async () => {
  server = createServer((request, response) => {
    request.resume();
    request.on('end', () => {
      seen.push(request);
      const next = plan.shift() ?? { status: 200, headers: { etag: '"ok"' }, body: 'fine' };
      if (next.status === 0) return void request.socket.destroy();
      response.writeHead(next.status, next.headers ?? {}).end(request.method === 'HEAD' ? undefined : next.body ?? '');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
beforeEach(() => {
  plan = [];
  seen.length = 0;
});

const endpoint = (): string => `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
/** Waits drawn at the top of their range, so a throttling wait (from 500 ms) shows against a transient one (from 1 ms). */
const client = (retry: RetryOptions = {}): S3Objects => new S3Objects({
  region: 'us-east-1', endpoint: endpoint(), credentials: { accessKeyId: 'a', secretAccessKey: 'b' },
  transport: nodeHttpTransport(S3_TIMEOUTS), retry: { baseDelayMs: 1, random: () => 0.999, ...retry },
});
const s3Error = (code: string, message = code): string => `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${code}</Code><Message>${message}</Message></Error>`;

async function timed<T>(work: () => Promise<T>): Promise<{ ms: number; value?: T; error?: Error & { $metadata?: { attempts?: number; httpStatusCode?: number } } }> {
  const started = Date.now();
  try {
    const value = await work();
    return { ms: Date.now() - started, value };
  } catch (error) {
    return { ms: Date.now() - started, error: error as Error };
  }
}

describe('tried again', () => {
  it('a 503 SlowDown, a 503 with no body (a HEAD), and a 429 wait as throttling does; a 500 does not', async () => {
    const s3 = client();
    try {
      plan = [{ status: 503, body: s3Error('SlowDown', 'Please reduce your request rate.') }];
      const slowDown = await timed(() => s3.getObject('b', 'k'));
      expect(slowDown.error).toBeUndefined();
      expect(slowDown.ms).toBeGreaterThanOrEqual(450);

      plan = [{ status: 503 }];
      const head = await timed(() => s3.headObject('b', 'k'));
      expect(head.error).toBeUndefined();
      expect(head.ms).toBeGreaterThanOrEqual(450);

      plan = [{ status: 429, body: s3Error('TooManyRequests') }];
      expect((await timed(() => s3.getObject('b', 'k'))).ms).toBeGreaterThanOrEqual(450);

      plan = [{ status: 500, body: s3Error('InternalError') }];
      const internal = await timed(() => s3.getObject('b', 'k'));
      expect(internal.error).toBeUndefined();
      expect(internal.ms).toBeLessThan(300);
      expect(seen).toHaveLength(8);
    } finally {
      s3.destroy();
    }
  });

  it('waits at least what Retry-After says, in seconds or as a date', async () => {
    const s3 = client({ maxDelayMs: 5_000 });
    try {
      plan = [{ status: 503, headers: { 'retry-after': '1' }, body: s3Error('SlowDown') }];
      expect((await timed(() => s3.getObject('b', 'k'))).ms).toBeGreaterThanOrEqual(950);
      plan = [{ status: 503, headers: { 'retry-after': new Date(Date.now() + 2_000).toUTCString() }, body: s3Error('SlowDown') }];
      expect((await timed(() => s3.getObject('b', 'k'))).ms).toBeGreaterThanOrEqual(900);
    } finally {
      s3.destroy();
    }
  });

  it('a RequestTimeout refusal and a dropped connection; and gives up after its tries with what it last got', async () => {
    const s3 = client({ maxAttempts: 3 });
    try {
      plan = [{ status: 400, body: s3Error('RequestTimeout', 'Your socket connection to the server was not read from or written to within the timeout period.') }, { status: 0 }];
      expect((await timed(() => s3.getObject('b', 'k'))).value).toBeDefined();
      expect(seen).toHaveLength(3);
      plan = [0, 1, 2].map(() => ({ status: 500, body: s3Error('InternalError', 'We encountered an internal error.') }));
      const gaveUp = await timed(() => s3.getObject('b', 'k'));
      expect(gaveUp.error).toMatchObject({ name: 'InternalError', message: 'We encountered an internal error.', $metadata: { attempts: 3, httpStatusCode: 500 } });
    } finally {
      s3.destroy();
    }
  });

  it('signs again with the clock S3 keeps when it says ours is off, and then succeeds', async () => {
    const s3 = client();
    try {
      const theirs = new Date(Date.now() + 3_600_000);
      plan = [{ status: 403, headers: { date: theirs.toUTCString() }, body: s3Error('RequestTimeTooSkewed', 'The difference between the request time and the current time is too large.') }];
      expect((await timed(() => s3.getObject('b', 'k'))).value).toBeDefined();
      const dated = seen.map((request) => Date.parse(String(request.headers['x-amz-date']).replace(/^(\d{4})(\d\d)(\d\d)T(\d\d)(\d\d)(\d\d)Z$/, '$1-$2-$3T$4:$5:$6Z')));
      expect(Math.abs(dated[0]! - Date.now())).toBeLessThan(60_000);
      expect(Math.abs(dated[1]! - theirs.getTime())).toBeLessThan(60_000);
      // The correction stays for the client's later calls.
      await s3.getObject('b', 'k');
      expect(Math.abs(Date.parse(String(seen[2]!.headers['x-amz-date']).replace(/^(\d{4})(\d\d)(\d\d)T(\d\d)(\d\d)(\d\d)Z$/, '$1-$2-$3T$4:$5:$6Z')) - theirs.getTime())).toBeLessThan(60_000);
    } finally {
      s3.destroy();
    }
  });
});

describe('not tried again', () => {
  it('a refusal about the request itself', async () => {
    const s3 = client();
    try {
      plan = [{ status: 400, body: s3Error('InvalidArgument', 'bad key') }];
      const refused = await timed(() => s3.getObject('b', 'k'));
      expect(refused.error).toMatchObject({ name: 'InvalidArgument', message: 'bad key', $metadata: { attempts: 1, httpStatusCode: 400 } });
      expect(seen).toHaveLength(1);
    } finally {
      s3.destroy();
    }
  });

  it('a call aborted while it waits to try again: at once, with no further try', async () => {
    const s3 = client({ baseDelayMs: 5_000, maxDelayMs: 5_000 });
    try {
      plan = [{ status: 500, body: s3Error('InternalError') }];
      const aborted = await timed(() => s3.getObject('b', 'k', undefined, AbortSignal.timeout(150)));
      expect(aborted.error?.name).toMatch(/^(TimeoutError|AbortError)$/);
      expect(aborted.ms).toBeLessThan(1_000);
      expect(seen).toHaveLength(1);
    } finally {
      s3.destroy();
    }
  });
});

describe('EventBridge\'s answers', () => {
  const events = (): EventBridgeEvents => new EventBridgeEvents({ region: 'us-east-1', endpoint: endpoint(), credentials: { accessKeyId: 'a', secretAccessKey: 'b' }, transport: nodeHttpTransport(S3_TIMEOUTS), retry: { maxAttempts: 2, baseDelayMs: 1 } });
  const entry = { EventBusName: 'bus', Source: 'briefing', DetailType: 'Briefing Ready', Time: new Date(0), Detail: '{}' };

  it('names an error by its type, whatever the body holds', async () => {
    plan = [{ status: 400, headers: { 'x-amzn-errortype': 'ValidationException:http://internal' }, body: '{"message":"Detail is not JSON"}' }];
    await expect(events().putEvents([entry])).rejects.toMatchObject({ name: 'ValidationException', message: 'Detail is not JSON' });
    plan = [{ status: 400, body: '{"__type":"com.amazonaws.eventbridge#ResourceNotFoundException","Message":"no bus"}' }];
    await expect(events().putEvents([entry])).rejects.toMatchObject({ name: 'ResourceNotFoundException', message: 'no bus' });
    for (const body of ['null', '{"__type":42}', 'not json']) {
      plan = [{ status: 500, body }, { status: 500, body }];
      await expect(events().putEvents([entry])).rejects.toMatchObject({ name: 'Http500', $metadata: { attempts: 2 } });
    }
    expect(seen.at(-1)!.headers['content-type']).toBe('application/x-amz-json-1.1');
  });
});
