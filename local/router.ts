/**
 * Which queues an object-created event goes to: the S3 → SQS notifications (and the
 * EventBridge rule) of the deployed stack, as a function. Uploads to the input bucket feed
 * extraction; only `figures/*.json` in the output bucket feeds rendering, and the figures of an
 * article under `events/<name>/` the event stage as well, so the PDFs, error records and Event
 * JSON the stages write never trigger their own stage (no loop).
 */
import type { S3EventRecord } from 'aws-lambda';
import { eventOfFiguresKey } from '../lambdas/handlers/event-keys';
import { decodeEventKey, encodeEventKey, FIGURES_PREFIX } from '../lambdas/handlers/s3-keys';

export type StageName = 'extract' | 'render' | 'event';

export interface Buckets {
  readonly input: string;
  readonly output: string;
}

export function stagesFor(record: S3EventRecord, buckets: Buckets): StageName[] {
  if (!record.eventName.startsWith('ObjectCreated:')) return [];
  const bucket = record.s3.bucket.name;
  if (bucket === buckets.input) return ['extract'];
  const key = decodeEventKey(record.s3.object.key);
  if (bucket !== buckets.output || !key.startsWith(FIGURES_PREFIX) || !key.endsWith('.json')) return [];
  return eventOfFiguresKey(key) === null ? ['render'] : ['render', 'event'];
}

/** The SQS message body S3 sends for one record. */
export function notificationBody(record: S3EventRecord): string {
  return JSON.stringify({ Records: [record] });
}

/** The notification S3 would have sent for an object that is there: what reconciling queues. */
export function notificationFor(bucket: string, key: string, etag: string, size: number): string {
  const record = {
    eventVersion: '2.1',
    eventSource: 'aws:s3',
    awsRegion: 'us-east-1',
    eventTime: new Date().toISOString(),
    eventName: 'ObjectCreated:Put',
    userIdentity: { principalId: 'local-reconcile' },
    requestParameters: { sourceIPAddress: '127.0.0.1' },
    responseElements: { 'x-amz-request-id': 'reconcile', 'x-amz-id-2': 'reconcile' },
    s3: {
      s3SchemaVersion: '1.0',
      configurationId: 'reconcile',
      bucket: { name: bucket, ownerIdentity: { principalId: 'local' }, arn: `arn:aws:s3:::${bucket}` },
      object: { key: encodeEventKey(key), size, eTag: etag, sequencer: '0' },
    },
  } satisfies S3EventRecord;
  return notificationBody(record);
}

/** The decoded object key a notification body is about, or null if it is not one. */
export function keyOfBody(body: string): string | null {
  try {
    const event = JSON.parse(body) as { Records?: S3EventRecord[] };
    const key = event.Records?.[0]?.s3.object.key;
    return key === undefined ? null : decodeEventKey(key);
  } catch {
    return null;
  }
}
