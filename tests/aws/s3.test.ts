/**
 * The handlers' own S3 client (lambdas/aws/s3.ts) against the embedded S3 server over HTTP,
 * which checks every SigV4 signature and S3's conditional requests: objects round-trip under
 * keys that need encoding (a `..` segment sent as written), S3's refusals come back named as S3 names
 * them, presigned URLs open the object, and transient failures are tried again while refusals,
 * an aborted call and tries used up are not.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { credentialsFromEnv } from '../../lambdas/aws/credentials';
import { nodeHttpTransport } from '../../lambdas/aws/http';
import { S3Objects } from '../../lambdas/aws/s3';
import { eventPublisherFromEnv, objectStoreFromEnv, S3_TIMEOUTS } from '../../lambdas/handlers/runtime';
import { startFaultProxy } from '../reliability/fault-proxy';
import { handlerStoreFor, s3ServerForTests } from '../support/s3';

const BUCKET = 'objects';
const env = s3ServerForTests([BUCKET]);
const store = (): S3Objects => env.objects;

const text = (bytes: Uint8Array): string => Buffer.from(bytes).toString('utf8');
const failureOf = async (promise: Promise<unknown>): Promise<{ name: string; status?: number; attempts?: number; message: string }> => {
  const error = await promise.then(() => { throw new Error('expected a failure'); }, (e: unknown) => e as Error & { $metadata?: { httpStatusCode?: number; attempts?: number } });
  return { name: error.name, status: error.$metadata?.httpStatusCode, attempts: error.$metadata?.attempts, message: error.message };
};

describe('objects in and out', () => {
  it.each([
    'plain.txt',
    '2019/idlib offensive+update ü.txt',
    "odd !*'() chars & = ; , $ @ [ ].json",
    'emoji 🚑/key.txt',
  ])('puts, heads and gets %j with its metadata and type', async (key) => {
    const etag = await store().putObject(BUCKET, key, { body: `body of ${key}`, contentType: 'text/plain; charset=utf-8', metadata: { 'Source-Key': 'a%2Fb', published: '2019-05-06' } });
    expect(etag).toMatch(/^[0-9a-f]{32}$/);
    const head = await store().headObject(BUCKET, key);
    expect(head).toMatchObject({ etag, size: Buffer.byteLength(`body of ${key}`), contentType: 'text/plain; charset=utf-8', metadata: { 'source-key': 'a%2Fb', published: '2019-05-06' } });
    expect(head.lastModified.getTime()).toBeGreaterThan(Date.now() - 60_000);
    expect(text(await store().getObject(BUCKET, key, etag))).toBe(`body of ${key}`);
  });

  it('sends a key with `..` as written, never resolved to another key (the local server refuses such keys by name)', async () => {
    const refused = await failureOf(store().putObject(BUCKET, 'a/../dots/./kept.txt', { body: 'x', contentType: 'text/plain', metadata: {} }));
    expect(refused).toMatchObject({ name: 'InvalidArgument', status: 400, attempts: 1 });
    expect(await failureOf(store().headObject(BUCKET, 'dots/kept.txt'))).toMatchObject({ name: 'NotFound' });
  });

  it('names S3\'s refusals as S3 does: a missing object, a failed condition', async () => {
    expect(await failureOf(store().headObject(BUCKET, 'missing.txt'))).toMatchObject({ name: 'NotFound', status: 404, attempts: 1 });
    expect(await failureOf(store().getObject(BUCKET, 'missing.txt'))).toMatchObject({ name: 'NoSuchKey', status: 404, attempts: 1 });
    const etag = await store().putObject(BUCKET, 'cond.txt', { body: 'one', contentType: 'text/plain', metadata: {} });
    expect(await failureOf(store().putObject(BUCKET, 'cond.txt', { body: 'two', contentType: 'text/plain', metadata: {}, ifNoneMatch: '*' }))).toMatchObject({ name: 'PreconditionFailed', status: 412 });
    expect(await failureOf(store().putObject(BUCKET, 'cond.txt', { body: 'two', contentType: 'text/plain', metadata: {}, ifMatch: 'f'.repeat(32) }))).toMatchObject({ name: 'PreconditionFailed', status: 412 });
    expect(await failureOf(store().getObject(BUCKET, 'cond.txt', 'f'.repeat(32)))).toMatchObject({ name: 'PreconditionFailed', status: 412 });
    expect(await failureOf(store().deleteObject(BUCKET, 'cond.txt', 'f'.repeat(32)))).toMatchObject({ name: 'PreconditionFailed', status: 412 });
    const replaced = await store().putObject(BUCKET, 'cond.txt', { body: 'two', contentType: 'text/plain', metadata: {}, ifMatch: etag });
    await store().deleteObject(BUCKET, 'cond.txt', replaced);
    expect(await failureOf(store().headObject(BUCKET, 'cond.txt'))).toMatchObject({ name: 'NotFound' });
  });

  it('is refused, once, with credentials the server does not know', async () => {
    const wrong = new S3Objects({ region: 'us-east-1', endpoint: env.server.endpoint, credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'not the secret' }, transport: nodeHttpTransport(S3_TIMEOUTS) });
    try {
      expect(await failureOf(wrong.headObject(BUCKET, 'plain.txt'))).toMatchObject({ status: 403, attempts: 1 });
      expect(await failureOf(wrong.getObject(BUCKET, 'plain.txt'))).toMatchObject({ name: 'SignatureDoesNotMatch', status: 403, attempts: 1 });
    } finally {
      wrong.destroy();
    }
  });

  it('presigns a GET URL that opens the object, and that stops opening it once changed', async () => {
    const key = 'shared/a b ü.pdf';
    await store().putObject(BUCKET, key, { body: '%PDF-1.7 fake', contentType: 'application/pdf', metadata: {} });
    const url = store().presignGet(BUCKET, key, 60);
    const answer = await fetch(url);
    expect(answer.status).toBe(200);
    expect(await answer.text()).toBe('%PDF-1.7 fake');
    expect((await fetch(url.replace('X-Amz-Expires=60', 'X-Amz-Expires=600'))).status).toBe(403);
  });
});

describe('addressing on AWS', () => {
  const aws = new S3Objects({ region: 'eu-west-1', credentials: { accessKeyId: 'a', secretAccessKey: 'b' }, transport: nodeHttpTransport(S3_TIMEOUTS) });
  afterAll(() => aws.destroy());

  it('virtual-hosted for a plain bucket, path style for one with dots, the key encoded once as S3 reads it', () => {
    expect(aws.target('briefing-output-1a2b', 'figures/a b+ü.json')).toMatchObject({ origin: new URL('https://briefing-output-1a2b.s3.eu-west-1.amazonaws.com'), path: '/figures/a%20b%2B%C3%BC.json' });
    expect(aws.target('my.bucket', 'k')).toMatchObject({ origin: new URL('https://s3.eu-west-1.amazonaws.com'), path: '/my.bucket/k' });
    // RFC 3986: what encodeURIComponent leaves (!'()*) is encoded too; the unreserved -_.~ are not.
    expect(aws.target('b', "x/odd !'()*-_.~=&.txt").path).toBe('/x/odd%20%21%27%28%29%2A-_.~%3D%26.txt');
  });

  it('in the China regions, under their own domain', () => {
    const china = new S3Objects({ region: 'cn-north-1', credentials: { accessKeyId: 'a', secretAccessKey: 'b' }, transport: nodeHttpTransport(S3_TIMEOUTS) });
    expect(china.target('b', 'k').origin.host).toBe('b.s3.cn-north-1.amazonaws.com.cn');
    china.destroy();
  });

  it('refuses a presigned URL that would outlive S3\'s week', () => {
    expect(() => aws.presignGet('b', 'k', 7 * 24 * 3600 + 1)).toThrow(/1 s to 7 days/);
    expect(() => aws.presignGet('b', 'k', 0)).toThrow(RangeError);
  });
});

describe('failures on the way', () => {
  it('tries a 500 or 503 again and succeeds; gives up after its tries with S3\'s code', async () => {
    const proxy = await startFaultProxy({ target: env.server.endpoint });
    env.server.allowHost(proxy.host);
    const client = handlerStoreFor(proxy.endpoint, { retry: { maxAttempts: 3, baseDelayMs: 1 } });
    try {
      await store().putObject(BUCKET, 'flaky.txt', { body: 'flaky', contentType: 'text/plain', metadata: {} });
      let failures = 1;
      proxy.rule((request) => (request.path === `${BUCKET}/flaky.txt` && failures-- > 0 ? 'error-before' : null));
      const head = await client.headObject(BUCKET, 'flaky.txt');
      expect(head.size).toBe(5);
      proxy.rule((request) => (request.path === `${BUCKET}/down.txt` ? 'error-before' : null));
      const down = await failureOf(client.getObject(BUCKET, 'down.txt'));
      expect(down).toMatchObject({ attempts: 3 });
      expect(down.name).toMatch(/^(InternalError|ServiceUnavailable)$/);
      // A dropped connection is tried again too.
      let drops = 1;
      proxy.rule((request) => (request.path === `${BUCKET}/dropped.txt` && drops-- > 0 ? 'drop-before' : null));
      await client.putObject(BUCKET, 'dropped.txt', { body: 'kept', contentType: 'text/plain', metadata: {} });
      expect(text(await store().getObject(BUCKET, 'dropped.txt'))).toBe('kept');
    } finally {
      client.destroy();
      await proxy.close();
    }
  });

  it('ends a request that never answers at its timeout, and at once when the caller aborts', async () => {
    const proxy = await startFaultProxy({ target: env.server.endpoint });
    env.server.allowHost(proxy.host);
    proxy.rule((request) => (request.path === `${BUCKET}/stuck.txt` ? 'hang' : null));
    const quick = handlerStoreFor(proxy.endpoint, { retry: { maxAttempts: 2, baseDelayMs: 1 }, timeouts: { requestTimeout: 150 } });
    const patient = handlerStoreFor(proxy.endpoint, { timeouts: { requestTimeout: 60_000, socketTimeout: 60_000 } });
    try {
      expect(await failureOf(quick.getObject(BUCKET, 'stuck.txt'))).toMatchObject({ name: 'TimeoutError', attempts: 2 });
      const started = Date.now();
      const aborted = await failureOf(patient.getObject(BUCKET, 'stuck.txt', undefined, AbortSignal.timeout(200)));
      expect(aborted.name).toMatch(/^(TimeoutError|AbortError)$/);
      expect(aborted.attempts).toBeUndefined();
      expect(Date.now() - started).toBeLessThan(2_000);
    } finally {
      quick.destroy();
      patient.destroy();
      await proxy.close();
    }
  });
});

describe('an answer that breaks off or stalls', () => {
  let server: Server;
  let answers = 0;
  /** What the first answer does after 4 of its 12 bytes: the connection closes, or nothing more comes. */
  let first: 'close' | 'stall' = 'close';
  beforeAll(async () => {
    server = createServer((request, response) => {
      answers += 1;
      response.writeHead(200, { 'content-length': '12', etag: '"e"' });
      if (answers > 1) return void response.end('whole answer');
      response.write('half');
      if (first === 'close') setTimeout(() => response.socket?.destroy(), 20);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  });
  afterAll(() => {
    server.closeAllConnections();
    return new Promise<void>((resolve) => server.close(() => resolve()));
  });

  const client = (): S3Objects => new S3Objects({
    region: 'us-east-1', endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    credentials: { accessKeyId: 'a', secretAccessKey: 'b' }, retry: { baseDelayMs: 1 },
    transport: nodeHttpTransport({ ...S3_TIMEOUTS, socketTimeout: 200 }),
  });

  it.each(['close', 'stall'] as const)('%s: a failed try, not a short object; the body is read again', async (mode) => {
    first = mode;
    answers = 0;
    const s3 = client();
    try {
      expect(text(await s3.getObject('b', 'k'))).toBe('whole answer');
      expect(answers).toBe(2);
    } finally {
      s3.destroy();
    }
  });
});

describe('configuration from the environment', () => {
  const withEnv = <T>(vars: Record<string, string | undefined>, work: () => T): T => {
    const saved = Object.fromEntries(Object.keys(vars).map((name) => [name, process.env[name]]));
    Object.assign(process.env, vars);
    for (const [name, value] of Object.entries(vars)) if (value === undefined) delete process.env[name];
    try {
      return work();
    } finally {
      for (const [name, value] of Object.entries(saved)) if (value === undefined) delete process.env[name]; else process.env[name] = value;
    }
  };
  const lambda = { AWS_REGION: 'eu-west-1', AWS_ACCESS_KEY_ID: 'id', AWS_SECRET_ACCESS_KEY: 'secret', AWS_ENDPOINT_URL_S3: undefined, AWS_ENDPOINT_URL: undefined, AWS_USE_FIPS_ENDPOINT: undefined, AWS_USE_DUALSTACK_ENDPOINT: undefined };

  it('takes the endpoint the SDK would: the service\'s own, else the general one; and refuses the FIPS and dual-stack switches by name', () => {
    withEnv({ ...lambda, AWS_ENDPOINT_URL: 'http://127.0.0.1:9999' }, () => {
      const store = objectStoreFromEnv();
      expect(store.target('b', 'k')).toMatchObject({ origin: new URL('http://127.0.0.1:9999'), path: '/b/k' });
      store.destroy();
    });
    withEnv({ ...lambda, AWS_ENDPOINT_URL: 'http://127.0.0.1:9999', AWS_ENDPOINT_URL_S3: 'http://127.0.0.1:8888' }, () => {
      const store = objectStoreFromEnv();
      expect(store.target('b', 'k').origin.port).toBe('8888');
      store.destroy();
    });
    withEnv({ ...lambda, AWS_USE_FIPS_ENDPOINT: 'true' }, () => expect(() => objectStoreFromEnv()).toThrow(/AWS_USE_FIPS_ENDPOINT=true is not supported.*AWS_ENDPOINT_URL_S3/));
    withEnv({ ...lambda, AWS_USE_DUALSTACK_ENDPOINT: 'TRUE', EVENT_BUS_NAME: 'bus' }, () => expect(() => eventPublisherFromEnv()).toThrow(/AWS_USE_DUALSTACK_ENDPOINT=true.*AWS_ENDPOINT_URL_EVENTBRIDGE/));
  });

  it('takes credentials from the environment Lambda sets, and names what is missing', () => {
    expect(credentialsFromEnv({ AWS_ACCESS_KEY_ID: 'id', AWS_SECRET_ACCESS_KEY: 'secret', AWS_SESSION_TOKEN: 'token' })).toEqual({ accessKeyId: 'id', secretAccessKey: 'secret', sessionToken: 'token' });
    expect(credentialsFromEnv({ AWS_ACCESS_KEY_ID: 'id', AWS_SECRET_ACCESS_KEY: 'secret' })).toEqual({ accessKeyId: 'id', secretAccessKey: 'secret' });
    expect(() => credentialsFromEnv({ AWS_ACCESS_KEY_ID: 'id' })).toThrow(/no AWS credentials: AWS_SECRET_ACCESS_KEY not set/);
    expect(() => credentialsFromEnv({})).toThrow(/AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY not set/);
  });
});
