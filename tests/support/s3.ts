/**
 * Test helpers around the real embedded S3 server: upload and wait for the notification S3
 * would send, wrap notifications in SQS messages exactly as S3 → SQS delivers them, read
 * objects back, and count what a handler did through a real Powertools Metrics object.
 */
import { HeadObjectCommand, PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { Logger } from '@aws-lambda-powertools/logger';
import { Metrics } from '@aws-lambda-powertools/metrics';
import type { MetricUnit } from '@aws-lambda-powertools/metrics/types';
import type { S3EventRecord, SQSEvent } from 'aws-lambda';
import { METRICS_NAMESPACE } from '../../lambdas/handlers/observability';
import { getObjectBytes } from '../../lambdas/handlers/s3-io';
import { afterAll, beforeAll } from 'vitest';
import { startS3Server, type S3Server } from '../../local/s3-server';
import { sdkObjectStore } from '../../lambdas/handlers/sdk-object-store';
import type { S3Objects } from '../../lambdas/aws/s3';
import { handlerObjectStore, type HandlerClientOptions } from '../../lambdas/handlers/runtime';
import { LOCAL_CREDENTIALS } from '../../local/credentials';

/**
 * A real S3 server with `buckets` for the tests of one file (started before them, closed after),
 * and every notification it sends. Read its fields inside tests, once the server has started.
 */
export function s3ServerForTests(buckets: readonly string[]): { readonly server: S3Server; readonly records: S3EventRecord[]; readonly objects: S3Objects } {
  const state = { server: undefined as unknown as S3Server, records: [] as S3EventRecord[], objects: undefined as unknown as S3Objects };
  beforeAll(async () => {
    state.server = await startS3Server({ buckets });
    state.records = recordEvents(state.server);
    state.objects = handlerStoreFor(state.server.endpoint);
  });
  afterAll(async () => {
    state.objects?.destroy();
    await state.server?.close();
  });
  return state;
}

/** The extract and render handlers' own S3 client (lambdas/aws/s3.ts), for a server or a proxy in front of it. */
export const handlerStoreFor = (endpoint: string, options: Omit<HandlerClientOptions, 'endpoint' | 'credentials' | 'region'> = {}): S3Objects =>
  handlerObjectStore({ endpoint, credentials: LOCAL_CREDENTIALS, region: 'us-east-1', ...options });

/** Collects every object-created record the server announces. */
export function recordEvents(server: S3Server): S3EventRecord[] {
  const records: S3EventRecord[] = [];
  server.onObjectCreated((record) => records.push(record));
  return records;
}

/** Waits until a record for `encodedKey` (as S3 spells it in notifications) has arrived. */
export async function waitForRecord(records: readonly S3EventRecord[], bucket: string, encodedKey: string, timeoutMs = 5_000): Promise<S3EventRecord> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const hit = records.findLast((r) => r.s3.bucket.name === bucket && r.s3.object.key === encodedKey);
    if (hit) return hit;
    if (Date.now() > deadline) throw new Error(`no notification for ${bucket}/${encodedKey}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

export async function putObject(client: S3Client, bucket: string, key: string, body: Uint8Array | string, metadata?: Record<string, string>): Promise<void> {
  await client.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: body, Metadata: metadata }));
}

let messageCounter = 0;

/** One SQS message per S3 record, the body being the notification S3 sends to the queue. */
export function sqsEvent(...records: S3EventRecord[]): SQSEvent {
  return {
    Records: records.map((record) => {
      messageCounter += 1;
      return {
        messageId: `message-${messageCounter}`,
        receiptHandle: `receipt-${messageCounter}`,
        body: JSON.stringify({ Records: [record] }),
        attributes: {
          ApproximateReceiveCount: '1',
          SentTimestamp: String(Date.now()),
          SenderId: 'AIDAS3',
          ApproximateFirstReceiveTimestamp: String(Date.now()),
        },
        messageAttributes: {},
        md5OfBody: '',
        eventSource: 'aws:sqs',
        eventSourceARN: 'arn:aws:sqs:us-east-1:000000000000:queue',
        awsRegion: 'us-east-1',
      };
    }),
  };
}

/** A raw SQS event whose single message carries `body` verbatim. */
export function sqsEventWithBody(body: string): SQSEvent {
  const event = sqsEvent({} as S3EventRecord);
  const [message] = event.Records;
  return { Records: [{ ...message!, body }] };
}

export const getBytes = (client: S3Client, bucket: string, key: string): Promise<Uint8Array> => getObjectBytes(sdkObjectStore(client), bucket, key);

export async function getJson<T>(client: S3Client, bucket: string, key: string): Promise<T> {
  return JSON.parse(new TextDecoder().decode(await getBytes(client, bucket, key))) as T;
}

/** HEAD as a plain summary, or null when the object does not exist. */
export async function stat(client: S3Client, bucket: string, key: string): Promise<{ etag: string; lastModified: Date; contentType?: string; metadata: Record<string, string> } | null> {
  try {
    const head = await client.send(new HeadObjectCommand({ Bucket: bucket, Key: key }));
    return { etag: head.ETag ?? '', lastModified: head.LastModified!, contentType: head.ContentType, metadata: head.Metadata ?? {} };
  } catch (error) {
    if ((error as { name?: string }).name === 'NotFound') return null;
    throw error;
  }
}

/** Powertools Metrics that also keeps every value it was given, so tests can count renders. */
export class RecordingMetrics extends Metrics {
  readonly recorded: Array<{ name: string; value: number }> = [];

  constructor() {
    // EMF lines on stdout are for CloudWatch, not for a test run.
    process.env.POWERTOOLS_METRICS_DISABLED = 'true';
    super({ namespace: METRICS_NAMESPACE, serviceName: 'test' });
  }

  override addMetric(name: string, unit: MetricUnit, value: number): this {
    this.recorded.push({ name, value });
    return super.addMetric(name, unit, value);
  }

  /** How many times `name` was recorded. */
  times(name: string): number {
    return this.recorded.filter((m) => m.name === name).length;
  }

  sum(name: string): number {
    return this.recorded.filter((m) => m.name === name).reduce((a, m) => a + m.value, 0);
  }
}

/** Quiet unless TEST_LOG_LEVEL says otherwise (e.g. TEST_LOG_LEVEL=DEBUG to see handler logs). */
export const testLogger = (): Logger =>
  new Logger({ serviceName: 'test', logLevel: (process.env.TEST_LOG_LEVEL ?? 'SILENT') as 'SILENT' });
