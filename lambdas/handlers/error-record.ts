/**
 * `errors/<key>.json` — the visible trace of an input that will never succeed, written instead
 * of retrying it. Its `at` is the source object's LastModified, not the clock, so processing
 * the same upload again writes the same bytes.
 */
import type { BriefingError } from '../core/errors';

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

export const errorRecordBody = (record: ErrorRecord): string => `${JSON.stringify(record, null, 2)}\n`;

/** A record read back by a client of the pipeline: the source key it names, and the reason to show. */
export function parseErrorRecord(bytes: Uint8Array): { readonly key: string | undefined; readonly reason: string } {
  const record = JSON.parse(new TextDecoder().decode(bytes)) as Partial<ErrorRecord>;
  return { key: record.key, reason: record.reason ?? record.error ?? 'error record without a reason' };
}
