/**
 * The handlers' events outside the happy path, against s3rver: an article given up on its last
 * delivery is announced as failed (and only then), a publisher that fails never fails the
 * article, and the EventBridge publisher sends what the CDK rule matches. EventBridge cannot run
 * here, so a local HTTP endpoint answers PutEvents for the handlers' own client (lambdas/aws).
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFileSync } from 'node:fs';
import type { S3EventRecord } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sourceFromMetadata, sourceMetadata } from '../../lambdas/handlers/correlation';
import { eventBridgePublisher } from '../../lambdas/handlers/eventbridge';
import { briefingEvent, type BriefingEvent } from '../../lambdas/handlers/events';
import { createExtractHandler } from '../../lambdas/handlers/extract-handler';
import { METRIC } from '../../lambdas/handlers/observability';
import { encodeEventKey } from '../../lambdas/handlers/s3-keys';
import { startS3Server, type S3Server } from '../../local/s3-server';
import { EventBridgeEvents } from '../../lambdas/aws/eventbridge';
import { nodeHttpTransport } from '../../lambdas/aws/http';
import type { S3Objects } from '../../lambdas/aws/s3';
import { S3_TIMEOUTS } from '../../lambdas/handlers/runtime';
import { handlerStoreFor, putObject, recordEvents, RecordingMetrics, sqsEvent, testLogger, waitForRecord } from '../support/s3';

const INPUT = 'articles';
const OUTPUT = 'briefings';
const ARTICLE = readFileSync(new URL('../fixtures/articles/idlib-offensive-2019.txt', import.meta.url));

let server: S3Server;
let records: S3EventRecord[];
let objects: S3Objects;

beforeAll(async () => {
  server = await startS3Server({ buckets: [INPUT, OUTPUT] });
  records = recordEvents(server);
  objects = handlerStoreFor(server.endpoint);
});
afterAll(async () => {
  objects?.destroy();
  await server?.close();
});

const withReceiveCount = (record: S3EventRecord, count: number) => {
  const event = sqsEvent(record);
  event.Records[0]!.attributes.ApproximateReceiveCount = String(count);
  return event;
};

describe('events from the handlers', () => {
  it('announces Briefing Failed (gave_up) only when the last delivery fails', async () => {
    const key = 'retry/last try.txt';
    await putObject(server.client, INPUT, key, ARTICLE);
    const record = await waitForRecord(records, INPUT, encodeEventKey(key));
    const published: BriefingEvent[] = [];
    const signals: Array<AbortSignal | undefined> = [];
    // Writing to a bucket that does not exist: a storage fault that retrying does not mend.
    const extract = createExtractHandler({
      s3: objects, outputBucket: 'bucket-that-does-not-exist', logger: testLogger(), metrics: new RecordingMetrics(),
      events: { publish: async (event, signal) => { published.push(event); signals.push(signal); } },
      maxReceiveCount: 3,
    });
    for (const count of [1, 2]) expect((await extract(withReceiveCount(record, count))).batchItemFailures).toHaveLength(1);
    expect(published).toEqual([]);
    expect((await extract(withReceiveCount(record, 3))).batchItemFailures).toHaveLength(1);
    expect(published).toHaveLength(1);
    expect(published[0]).toMatchObject({
      source: 'briefing',
      detailType: 'Briefing Failed',
      detail: { stage: 'extract', error: 'gave_up', reason: expect.stringMatching(/^gave up after the last delivery: /), input: { bucket: INPUT, key } },
    });
    // Published within the invocation's time: the stage hands the publisher its deadline.
    expect(signals[0]).toBeInstanceOf(AbortSignal);
    expect(signals[0]!.aborted).toBe(false);
    expect(published[0]!.detail.correlationId).toMatch(new RegExp(`^articles/retry/last try\\.txt@[0-9a-f]{32}$`));
  });

  it('still finishes the article when the publisher fails, and counts the lost event', async () => {
    const key = 'events/publisher down.txt';
    await putObject(server.client, INPUT, key, '   \n');
    const record = await waitForRecord(records, INPUT, encodeEventKey(key));
    const metrics = new RecordingMetrics();
    const extract = createExtractHandler({
      s3: objects, outputBucket: OUTPUT, logger: testLogger(), metrics,
      events: { publish: async () => { throw new Error('EventBridge unreachable'); } },
    });
    expect(await extract(sqsEvent(record))).toEqual({ batchItemFailures: [] });
    expect(metrics.times(METRIC.failed)).toBe(1);
    expect(metrics.times(METRIC.eventsNotPublished)).toBe(1);
  });
});

describe('correlation source on the figures metadata', () => {
  it('round-trips keys that are not ASCII, and refuses metadata that does not name a source', () => {
    const source = { bucket: 'articles', key: '2019/Idlib – ä 東京+x.txt', versionId: 'v1.2', etag: 'abc' };
    const metadata = sourceMetadata(source);
    for (const value of Object.values(metadata)) expect(value).toMatch(/^[\x20-\x7e]*$/);
    expect(sourceFromMetadata(metadata)).toEqual(source);
    expect(sourceFromMetadata({ 'source-bucket': 'articles' })).toBeUndefined();
  });
});

describe('EventBridge publisher', () => {
  let endpoint: Server;
  const calls: Array<{ target: string; contentType: string; authorization: string; body: Record<string, any> }> = [];
  let answer: Record<string, unknown> = { FailedEntryCount: 0, Entries: [{ EventId: '1' }] };

  beforeAll(async () => {
    endpoint = createServer((request, response) => {
      let body = '';
      request.on('data', (chunk) => { body += chunk; });
      request.on('end', () => {
        calls.push({ target: String(request.headers['x-amz-target']), contentType: String(request.headers['content-type']), authorization: String(request.headers.authorization), body: JSON.parse(body) });
        response.writeHead(200, { 'content-type': 'application/x-amz-json-1.1' }).end(JSON.stringify(answer));
      });
    });
    await new Promise<void>((resolve) => endpoint.listen(0, '127.0.0.1', resolve));
  });
  afterAll(() => new Promise<void>((resolve) => endpoint.close(() => resolve())));

  it('puts one entry with the source, detail type, bus and detail the rule matches; a rejected entry is an error', async () => {
    const transport = nodeHttpTransport(S3_TIMEOUTS);
    const client = new EventBridgeEvents({
      endpoint: `http://127.0.0.1:${(endpoint.address() as AddressInfo).port}`,
      region: 'us-east-1',
      credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
      transport,
    });
    const publisher = eventBridgePublisher(client, 'my-bus');
    const event = briefingEvent({ bucket: 'in', key: 'a.txt', etag: 'e1' }, 'out', { ready: true, figuresKey: 'figures/a.json', briefingKey: 'briefings/a.pdf', template: 'briefing.hbs', figures: 4 });
    await publisher.publish(event);
    expect(calls).toHaveLength(1);
    expect(calls[0]!.target).toBe('AWSEvents.PutEvents');
    expect(calls[0]!.contentType).toBe('application/x-amz-json-1.1');
    expect(calls[0]!.authorization).toMatch(/^AWS4-HMAC-SHA256 Credential=test\/\d{8}\/us-east-1\/events\/aws4_request, SignedHeaders=[a-z0-9;-]*x-amz-target[a-z0-9;-]*, Signature=[0-9a-f]{64}$/);
    const [entry] = calls[0]!.body.Entries;
    expect(entry).toMatchObject({ EventBusName: 'my-bus', Source: 'briefing', DetailType: 'Briefing Ready', Time: Date.parse(event.time) / 1000 });
    expect(JSON.parse(entry.Detail)).toEqual({
      correlationId: 'in/a.txt@e1', stage: 'render', input: { bucket: 'in', key: 'a.txt', etag: 'e1' },
      output: { bucket: 'out', figuresKey: 'figures/a.json', briefingKey: 'briefings/a.pdf' }, template: 'briefing.hbs', figures: 4,
    });

    answer = { FailedEntryCount: 1, Entries: [{ ErrorCode: 'InternalFailure', ErrorMessage: 'try again' }] };
    await expect(publisher.publish(event)).rejects.toThrow(/EventBridge refused the event: InternalFailure try again/);
    transport.destroy();
  });
});
