/**
 * `errors/<key>.json` — the visible trace of an input that will never succeed, written instead
 * of retrying it. Its `at` is the source object's LastModified, not the clock, so processing
 * the same upload again writes the same bytes.
 */
import type { S3Client } from '@aws-sdk/client-s3';
import type { BriefingError } from '../core/errors';
import { errorKeyFor } from './s3-keys';
import { writeObject } from './s3-io';

export interface ErrorRecord {
  readonly key: string;
  readonly error: string;
  readonly reason: string;
  readonly at: string;
  /** Extension: the pipeline stage that refused the input. */
  readonly stage: string;
}

export function errorRecordFor(sourceKey: string, error: BriefingError, sourceModified: Date): ErrorRecord {
  return {
    key: sourceKey,
    error: error.code,
    reason: error.message.replace(/\s+/g, ' ').trim(),
    at: sourceModified.toISOString(),
    stage: error.stage,
  };
}

/** Writes the record (with the stage's `metadata`, so a retry under a new template is not skipped) and returns its key. */
export async function writeErrorRecord(
  s3: S3Client,
  bucket: string,
  record: ErrorRecord,
  sourceEtag: string,
  metadata: Readonly<Record<string, string>> = {},
): Promise<string> {
  const key = errorKeyFor(record.key);
  await writeObject(s3, bucket, key, `${JSON.stringify(record, null, 2)}\n`, {
    contentType: 'application/json',
    sourceEtag,
    metadata,
  });
  return key;
}

/** A record read back by a client of the pipeline: the source key it names, and the reason to show. */
export function parseErrorRecord(bytes: Uint8Array): { readonly key: string | undefined; readonly reason: string } {
  const record = JSON.parse(new TextDecoder().decode(bytes)) as Partial<ErrorRecord>;
  return { key: record.key, reason: record.reason ?? record.error ?? 'error record without a reason' };
}
