/**
 * Which queue an object-created event goes to: the S3 → SQS notifications of the deployed
 * stack, as a function. Uploads to the input bucket feed extraction; only `figures/*.json` in
 * the output bucket feeds rendering, so the PDFs and error records the stages write never
 * trigger anything (no loop).
 */
import type { S3EventRecord } from 'aws-lambda';
import { decodeEventKey, FIGURES_PREFIX } from '../lambdas/handlers/s3-keys';

export type StageName = 'extract' | 'render';

export interface Buckets {
  readonly input: string;
  readonly output: string;
}

export function stageFor(record: S3EventRecord, buckets: Buckets): StageName | null {
  if (!record.eventName.startsWith('ObjectCreated:')) return null;
  const bucket = record.s3.bucket.name;
  if (bucket === buckets.input) return 'extract';
  const key = decodeEventKey(record.s3.object.key);
  if (bucket === buckets.output && key.startsWith(FIGURES_PREFIX) && key.endsWith('.json')) return 'render';
  return null;
}

/** The SQS message body S3 sends for one record. */
export function notificationBody(record: S3EventRecord): string {
  return JSON.stringify({ Records: [record] });
}
