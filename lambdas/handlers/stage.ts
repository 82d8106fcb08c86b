/**
 * What both stages share: an SQS batch of S3 notifications in, partial batch failures out.
 * Per object: HEAD it (gone → nothing to do), skip it when an output already records its ETag
 * (S3 delivers at least once), else download and let the stage produce its output. A permanent
 * error becomes an `errors/` record and counts as done; anything else fails only that message,
 * which SQS redelivers and finally dead-letters.
 */
import type { Logger } from '@aws-lambda-powertools/logger';
import type { Metrics } from '@aws-lambda-powertools/metrics';
import type { S3Client } from '@aws-sdk/client-s3';
import type { Context, SQSBatchResponse, SQSEvent } from 'aws-lambda';
import { isBriefingError } from '../core/errors';
import { errorRecordFor, writeErrorRecord } from './error-record';
import { count, flushMetrics, METRIC, newLogger, newMetrics } from './observability';
import { headObject, type ObjectHead, readObject, recordsSource } from './s3-io';
import { objectsCreated, type ObjectRef } from './s3-notifications';
import type { TemplateStore } from '../template/load';

export interface HandlerDeps {
  readonly s3: S3Client;
  /** Where every output (`figures/`, `briefings/`, `errors/`) is written. */
  readonly outputBucket: string;
  /** Inputs larger than this are refused from their HEAD, without downloading. Default 5 MB. */
  readonly maxBytes?: number;
  readonly logger?: Logger;
  readonly metrics?: Metrics;
  /** The templates an upload may choose from. Default: those deployed beside the code (`templates/`). */
  readonly templates?: TemplateStore;
  /** Key prefixes mapped to a template name ("flash/" → "flash"). Default: none. */
  readonly templatePrefixes?: Readonly<Record<string, string>>;
}

/** Everything a stage's work function gets: the object, its bytes, and where to write. */
export interface StageInput {
  readonly key: string;
  readonly head: ObjectHead;
  readonly bytes: Uint8Array;
  readonly deps: Required<Pick<HandlerDeps, 's3' | 'outputBucket'>> & { readonly logger: Logger; readonly metrics: Metrics };
  /** What the outputs must record besides the source ETag (see {@link StageSpec.fingerprint}). */
  readonly fingerprint: Readonly<Record<string, string>>;
}

export interface StageSpec {
  readonly service: string;
  /** The output keys that would record this source as done; null when the object is not this stage's input. */
  outputsOf(key: string): readonly string[] | null;
  /**
   * Metadata every output records besides the source ETag (the template's name and hash): an
   * output recording other values is stale, not a duplicate. Must not throw.
   */
  fingerprint?(key: string, head: ObjectHead): Readonly<Record<string, string>>;
  /** Refuse an input from its HEAD alone (e.g. too large); throw a permanent BriefingError to do so. */
  check?(key: string, head: ObjectHead): void;
  produce(input: StageInput): Promise<void>;
}

export type SqsHandler = (event: SQSEvent, context?: Context) => Promise<SQSBatchResponse>;

export function createStageHandler(spec: StageSpec, deps: HandlerDeps): SqsHandler {
  const logger = deps.logger ?? newLogger(spec.service);
  const metrics = deps.metrics ?? newMetrics(spec.service);
  const resolved = { s3: deps.s3, outputBucket: deps.outputBucket, logger, metrics };

  async function handleObject({ bucket, key }: ObjectRef): Promise<void> {
    const outputs = spec.outputsOf(key);
    if (!outputs) {
      logger.warn('not an input of this stage; ignored', { bucket, key });
      return;
    }
    const head = await headObject(deps.s3, bucket, key);
    if (!head) {
      logger.info('object no longer exists; nothing to do', { bucket, key });
      return;
    }
    const fingerprint = spec.fingerprint?.(key, head) ?? {};
    const done = await Promise.all(outputs.map((out) => recordsSource(deps.s3, deps.outputBucket, out, head.etag, fingerprint)));
    if (done.includes(true)) {
      logger.info('duplicate delivery: output already records this source', { bucket, key, etag: head.etag, ...fingerprint });
      count(metrics, METRIC.duplicates);
      return;
    }
    try {
      spec.check?.(key, head);
      const bytes = await readObject(deps.s3, bucket, key, head.etag);
      if (!bytes) {
        logger.info('object deleted while processing; nothing to do', { bucket, key });
        return;
      }
      await spec.produce({ key, head, bytes, deps: resolved, fingerprint });
    } catch (error) {
      if (!isBriefingError(error) || !error.permanent) throw error;
      const record = errorRecordFor(key, error, head.lastModified);
      const errorKey = await writeErrorRecord(deps.s3, deps.outputBucket, record, head.etag, fingerprint);
      logger.warn('input refused; error record written', { bucket, key, errorKey, error: record.error, reason: record.reason });
      count(metrics, METRIC.failed);
    }
  }

  return async (event, context) => {
    if (context) logger.addContext(context);
    const batchItemFailures: SQSBatchResponse['batchItemFailures'] = [];
    try {
      for (const message of event.Records) {
        try {
          for (const object of objectsCreated(message.body)) await handleObject(object);
        } catch (error) {
          logger.error('message failed; SQS will redeliver it', { messageId: message.messageId, error: error as Error });
          batchItemFailures.push({ itemIdentifier: message.messageId });
        }
      }
    } finally {
      flushMetrics(metrics);
    }
    return { batchItemFailures };
  };
}
