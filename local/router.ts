/**
 * Which queues an object-created event goes to: the S3 → SQS notifications (and the
 * EventBridge rule) of the deployed stack, as a function. Uploads to the input bucket feed
 * extraction; only `figures/*.json` in the output bucket feeds rendering, and the figures of an
 * article under `events/<name>/` the event stage as well, so the PDFs, error records and Event
 * JSON the stages write never trigger their own stage (no loop).
 */
import type { S3EventRecord } from 'aws-lambda';
import { eventOfFiguresKey } from '../lambdas/handlers/event-keys';
import { decodeEventKey, FIGURES_PREFIX } from '../lambdas/handlers/s3-keys';

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
