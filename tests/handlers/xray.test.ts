/**
 * X-Ray without the SDK (lambdas/handlers/xray.ts): segment documents sent over real UDP to a
 * listener standing in for the daemon, for a handler, an article and real S3 calls against the
 * embedded S3 server over HTTP; and nothing at all off Lambda or when the trace is not sampled.
 */
import { createSocket, type Socket } from 'node:dgram';
import { GetObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type HttpTransport, nodeHttpTransport } from '../../lambdas/aws/http';
import { S3Objects } from '../../lambdas/aws/s3';
import { S3_TIMEOUTS } from '../../lambdas/handlers/runtime';
import { parseDaemonAddress, parseTraceHeader, XRayTracer } from '../../lambdas/handlers/xray';
import { s3ServerForTests } from '../support/s3';

const ROOT = '1-5759e988-bd862e3fe1be46a994272793';
const FUNCTION_SEGMENT = '53995c3f42cd8ad8';
const SAMPLED = `Root=${ROOT};Parent=${FUNCTION_SEGMENT};Sampled=1`;

type Doc = Record<string, unknown> & { id: string; name: string; parent_id: string; trace_id: string; start_time: number; end_time: number };

let daemon: Socket;
let address = '';
const received: Array<{ header: string; doc: Doc }> = [];
beforeAll(async () => {
  daemon = createSocket('udp4');
  daemon.on('message', (packet) => {
    const text = packet.toString('utf8');
    const newline = text.indexOf('\n');
    received.push({ header: text.slice(0, newline), doc: JSON.parse(text.slice(newline + 1)) as Doc });
  });
  await new Promise<void>((resolve) => daemon.bind(0, '127.0.0.1', resolve));
  address = `127.0.0.1:${daemon.address().port}`;
});
afterAll(() => daemon.close());

const s3 = s3ServerForTests(['traced']);

/** A tracer as a Lambda entry makes it, with the daemon at our listener and the given trace header. */
function tracer(header: string | undefined): XRayTracer {
  const saved = process.env.AWS_XRAY_DAEMON_ADDRESS;
  process.env.AWS_XRAY_DAEMON_ADDRESS = `udp:${address} tcp:${address}`;
  try {
    return new XRayTracer({ service: 'briefing-test', traceHeader: () => header });
  } finally {
    if (saved === undefined) delete process.env.AWS_XRAY_DAEMON_ADDRESS;
    else process.env.AWS_XRAY_DAEMON_ADDRESS = saved;
  }
}

const client = (): S3Client => new S3Client({
  endpoint: s3.server.endpoint, region: 'us-east-1', forcePathStyle: true,
  credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
});

/** The documents sent since `from`, once the count stops growing. */
async function sentSince(from: number, count: number): Promise<Doc[]> {
  const deadline = Date.now() + 2_000;
  while (received.length - from < count && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
  // Nothing more than expected arrives after.
  await new Promise((r) => setTimeout(r, 50));
  return received.slice(from).map((r) => r.doc);
}

describe('the trace header and the daemon address', () => {
  it('reads Lambda\'s trace header, sampled or not, and nothing from an empty one', () => {
    expect(parseTraceHeader(SAMPLED)).toEqual({ root: ROOT, parent: FUNCTION_SEGMENT, sampled: true });
    expect(parseTraceHeader(`Root=${ROOT};Parent=${FUNCTION_SEGMENT};Sampled=0;Lineage=a:1`)).toEqual({ root: ROOT, parent: FUNCTION_SEGMENT, sampled: false });
    expect(parseTraceHeader(`Root=${ROOT}`)).toEqual({ root: ROOT, parent: null, sampled: false });
    expect(parseTraceHeader('')).toBeNull();
    expect(parseTraceHeader(undefined)).toBeNull();
    expect(parseTraceHeader('Parent=abc;Sampled=1')).toBeNull();
  });

  it('reads the daemon address in both of Lambda\'s spellings, and refuses anything else', () => {
    expect(parseDaemonAddress('169.254.79.129:2000')).toEqual({ host: '169.254.79.129', port: 2000 });
    expect(parseDaemonAddress('udp:127.0.0.1:2001 tcp:127.0.0.1:2000')).toEqual({ host: '127.0.0.1', port: 2001 });
    expect(parseDaemonAddress(undefined)).toBeNull();
    expect(parseDaemonAddress('localhost')).toBeNull();
  });
});

describe('an invocation traced to the daemon', () => {
  it('sends the handler, each article and each S3 call as subsegments of the function\'s segment, and passes the trace on to S3', async () => {
    const from = received.length;
    const traced = tracer(SAMPLED);
    const s3Client = traced.captureAWSv3Client(client());
    let traceHeaderSent: string | undefined;
    s3Client.middlewareStack.add((next) => async (args) => {
      traceHeaderSent = (args.request as { headers: Record<string, string> }).headers['X-Amzn-Trace-Id'];
      return next(args);
    }, { step: 'finalizeRequest', name: 'seeTraceHeader' });

    const answer = await traced.traceInvocation(() => traced.traceSubsegment('### article', { correlation_id: 'traced/a.txt@1' }, async () => {
      await s3Client.send(new PutObjectCommand({ Bucket: 'traced', Key: 'a.txt', Body: 'hello' }));
      return 'done';
    }));
    expect(answer).toBe('done');
    const docs = await sentSince(from, 3);
    expect(docs.map((d) => d.name).sort()).toEqual(['## handler', '### article', 'S3']);
    expect(received.slice(from).every((r) => r.header === '{"format":"json","version":1}')).toBe(true);

    const [handler, article, call] = ['## handler', '### article', 'S3'].map((name) => docs.find((d) => d.name === name)!);
    for (const doc of docs) {
      expect(doc).toMatchObject({ trace_id: ROOT, type: 'subsegment' });
      expect(doc.id).toMatch(/^[0-9a-f]{16}$/);
      expect(doc.end_time).toBeGreaterThanOrEqual(doc.start_time);
    }
    expect(handler).toMatchObject({ parent_id: FUNCTION_SEGMENT, annotations: { ColdStart: true, Service: 'briefing-test' } });
    expect(article).toMatchObject({ parent_id: handler!.id, annotations: { correlation_id: 'traced/a.txt@1' } });
    expect(call).toMatchObject({ parent_id: article!.id, namespace: 'aws', aws: { operation: 'PutObject', region: 'us-east-1', retries: 0 }, http: { response: { status: 200 } } });
    expect(call).not.toHaveProperty('fault');
    expect(traceHeaderSent).toBe(`Root=${ROOT};Parent=${call!.id};Sampled=1`);

    // The second invocation of the same process is not a cold start.
    const again = received.length;
    await traced.traceInvocation(async () => undefined);
    expect((await sentSince(again, 1))[0]).toMatchObject({ name: '## handler', annotations: { ColdStart: false } });
  });

  it('marks a refused S3 call as an error with its exception, and a failed article as a fault, and still throws', async () => {
    const from = received.length;
    const traced = tracer(SAMPLED);
    const s3Client = traced.captureAWSv3Client(client());
    const failed = traced.traceInvocation(() => traced.traceSubsegment('### article', { correlation_id: 'x' }, async () => {
      await s3Client.send(new GetObjectCommand({ Bucket: 'traced', Key: 'missing.txt' }));
    }));
    await expect(failed).rejects.toThrow();
    const docs = await sentSince(from, 3);
    const call = docs.find((d) => d.name === 'S3')!;
    expect(call).toMatchObject({ error: true, aws: { operation: 'GetObject' }, http: { response: { status: 404 } } });
    expect((call.cause as { exceptions: Array<{ type: string; remote: boolean }> }).exceptions[0]).toMatchObject({ type: 'NoSuchKey', remote: true });
    expect(docs.find((d) => d.name === '### article')).toMatchObject({ fault: true });
    expect(docs.find((d) => d.name === '## handler')).toMatchObject({ fault: true });
  });

  it('keeps two articles in flight at once apart: each call under its own article', async () => {
    const from = received.length;
    const traced = tracer(SAMPLED);
    const s3Client = traced.captureAWSv3Client(client());
    const article = (name: string) => traced.traceSubsegment('### article', { correlation_id: name }, async () => {
      await s3Client.send(new PutObjectCommand({ Bucket: 'traced', Key: name, Body: name }));
    });
    await traced.traceInvocation(async () => { await Promise.all([article('one.txt'), article('two.txt')]); });
    const docs = await sentSince(from, 5);
    const articles = docs.filter((d) => d.name === '### article');
    const calls = docs.filter((d) => d.name === 'S3');
    expect(articles).toHaveLength(2);
    expect(calls.map((c) => c.parent_id).sort()).toEqual(articles.map((a) => a.id).sort());
  });
});

describe('the handlers\' own AWS clients, traced', () => {
  it('records each S3 call once however many tries it took, as a subsegment of the article, and sends the trace to S3 on every try', async () => {
    const from = received.length;
    const traced = tracer(SAMPLED);
    const real = nodeHttpTransport(S3_TIMEOUTS);
    const headersSent: Array<string | undefined> = [];
    let dropFirst = true;
    // The real transport, watched; its first request fails as a dropped connection does.
    const transport: HttpTransport = {
      async send(request, signal) {
        headersSent.push(request.headers['x-amzn-trace-id']);
        if (dropFirst) {
          dropFirst = false;
          throw Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' });
        }
        return real.send(request, signal);
      },
      destroy: () => real.destroy(),
    };
    const objects = new S3Objects({ region: 'us-east-1', endpoint: s3.server.endpoint, credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' }, transport, retry: { baseDelayMs: 1 }, tracer: traced });
    try {
      await traced.traceInvocation(() => traced.traceSubsegment('### article', { correlation_id: 'traced/own.txt@1' }, async () => {
        await objects.putObject('traced', 'own.txt', { body: 'hello', contentType: 'text/plain', metadata: {} });
        await expect(objects.getObject('traced', 'missing.txt')).rejects.toMatchObject({ name: 'NoSuchKey' });
      }));
      const docs = await sentSince(from, 4);
      const article = docs.find((d) => d.name === '### article')!;
      const calls = docs.filter((d) => d.name === 'S3');
      expect(calls).toHaveLength(2);
      const [put, get] = ['PutObject', 'GetObject'].map((operation) => calls.find((c) => (c.aws as { operation: string }).operation === operation)!);
      expect(put).toMatchObject({ parent_id: article.id, namespace: 'aws', aws: { region: 'us-east-1', retries: 1 }, http: { response: { status: 200 } } });
      expect(put).not.toHaveProperty('fault');
      expect(get).toMatchObject({ parent_id: article.id, error: true, aws: { retries: 0 }, http: { response: { status: 404 } } });
      expect((get!.cause as { exceptions: Array<{ type: string; remote: boolean }> }).exceptions[0]).toMatchObject({ type: 'NoSuchKey', remote: true });
      expect(headersSent).toEqual([put, put, get].map((call) => `Root=${ROOT};Parent=${call!.id};Sampled=1`));
    } finally {
      objects.destroy();
    }
  });
});

describe('no trace', () => {
  it('sends nothing and adds no header when the invocation is not sampled, has no trace header, or there is no daemon', async () => {
    const from = received.length;
    for (const traced of [tracer(`Root=${ROOT};Parent=${FUNCTION_SEGMENT};Sampled=0`), tracer(undefined), new XRayTracer({ service: 's', traceHeader: () => SAMPLED, sink: null })]) {
      const s3Client = traced.captureAWSv3Client(client());
      let header: string | undefined = 'unseen';
      s3Client.middlewareStack.add((next) => async (args) => {
        header = (args.request as { headers: Record<string, string> }).headers['X-Amzn-Trace-Id'];
        return next(args);
      }, { step: 'finalizeRequest', name: 'seeTraceHeader' });
      expect(await traced.traceInvocation(() => traced.traceSubsegment('### article', {}, async () => {
        await s3Client.send(new PutObjectCommand({ Bucket: 'traced', Key: 'quiet.txt', Body: 'q' }));
        return 7;
      }))).toBe(7);
      expect(header).toBeUndefined();
    }
    await new Promise((r) => setTimeout(r, 100));
    expect(received.length).toBe(from);
  });
});
