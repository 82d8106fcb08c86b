/**
 * S3 event notifications as they arrive in an SQS message body. S3 also sends a one-off
 * `s3:TestEvent` when a notification is configured; it names no object and is ignored.
 */
import type { S3Event } from 'aws-lambda';
import { BriefingError } from '../core/errors';
import { decodeEventKey } from './s3-keys';

/** One created object, key decoded to what S3 actually stores. */
export interface ObjectRef {
  readonly bucket: string;
  readonly key: string;
}

/** The created objects a message announces; throws (so the message is retried, then dead-lettered) if it is not an S3 notification. */
export function objectsCreated(body: string): ObjectRef[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch (cause) {
    throw new BriefingError('storage', 'bad_message', 'queue message is not JSON', { cause });
  }
  const message = parsed as Partial<S3Event> & { Event?: string };
  if (message.Event === 's3:TestEvent') return [];
  if (!Array.isArray(message.Records)) {
    throw new BriefingError('storage', 'bad_message', 'queue message is not an S3 event notification');
  }
  return message.Records.filter((record) => record.eventName?.startsWith('ObjectCreated:')).map((record) => ({
    bucket: record.s3.bucket.name,
    key: decodeEventKey(record.s3.object.key),
  }));
}
