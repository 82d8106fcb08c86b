/**
 * What both stages share: an SQS batch of S3 notifications in, partial batch failures out.
 * Per object: HEAD it (gone → nothing to do), skip it when an output already records its ETag
 * (S3 delivers at least once), else download and let the stage produce its output. A permanent
 * error becomes an `errors/` record and counts as done; anything else fails only that message,
 * which SQS redelivers and finally dead-letters. Each article is one scope: its correlation id
 * on the log lines, the metrics (flushed per article) and a trace subsegment, and one event
 * when it is finished (see events.ts; the render stage announces Ready itself).
 */
import type { Logger } from '@aws-lambda-powertools/logger';
import type { Metrics } from '@aws-lambda-powertools/metrics';
import type { S3Client } from '@aws-sdk/client-s3';
import type { Context, SQSBatchResponse, SQSEvent } from 'aws-lambda';
import { isBriefingError } from '../core/errors';
import { type ArticleSource, correlationIdOf, sourceOfObject } from './correlation';
import { errorRecordFor, writeErrorRecord } from './error-record';
import { type ArticleOutcome, briefingEvent, type BriefingEvent, type EventPublisher } from './events';
import { SERVICE } from './names';
import { count, flushMetrics, METRIC, newLogger, newMetrics } from './observability';
import { headObject, type ObjectHead, readObject, recordsSource } from './s3-io';
import { objectsCreated, type ObjectRef } from './s3-notifications';
import type { PresignUrl } from './presign';
import type { ArticleTracer } from './tracing';
import type { TemplateStore } from '../template/load';

export interface HandlerDeps {
  readonly s3: S3Client;
  /** Where every output (`figures/`, `briefings/`, `errors/`) is written. */
  readonly outputBucket: string;
  /** Inputs larger than this are refused from their HEAD, without downloading. Default 5 MB. */
  readonly maxBytes?: number;
  readonly logger?: Logger;
  readonly metrics?: Metrics;
  /** Where Briefing Ready / Failed go. Default: nowhere. */
  readonly events?: EventPublisher;
  /** One subsegment per article. Default: none. */
  readonly tracer?: ArticleTracer;
  /** SQS maxReceiveCount: a message failing on this delivery is given up, so its article is announced as failed. Default: never announced. */
  readonly maxReceiveCount?: number;
  /** A short-lived GET URL for a briefing, put in its Ready event. Default: none. */
  readonly presignUrl?: PresignUrl;
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
  /** The input article this object stands for (itself in the extract stage). */
  readonly source: ArticleSource;
  /** Publishes the article's Ready event (the render stage, once its PDF is written). */
  readonly announce: (outcome: ArticleOutcome) => Promise<void>;
  readonly deps: Required<Pick<HandlerDeps, 's3' | 'outputBucket'>> & Pick<HandlerDeps, 'presignUrl'> & { readonly logger: Logger; readonly metrics: Metrics };
  /** What the outputs must record besides the source ETag (see {@link StageSpec.fingerprint}). */
  readonly fingerprint: Readonly<Record<string, string>>;
}

export interface StageSpec {
  readonly stage: keyof typeof SERVICE;
  /** The input article an object of this stage stands for. Default: the object itself. */
  sourceOf?(bucket: string, key: string, head: ObjectHead): ArticleSource;
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
  const service = SERVICE[spec.stage];
  const logger = deps.logger ?? newLogger(service);
  const metrics = deps.metrics ?? newMetrics(service);
  const resolved = { s3: deps.s3, outputBucket: deps.outputBucket, presignUrl: deps.presignUrl, logger, metrics };
  const trace = deps.tracer ? deps.tracer.traceArticle.bind(deps.tracer) : <T>(_id: string, work: () => Promise<T>) => work();

  async function publish(event: BriefingEvent, log: Logger): Promise<void> {
    if (!deps.events) return;
    try {
      await deps.events.publish(event);
      log.info('event published', { detailType: event.detailType });
    } catch (error) {
      log.error('event not published; the outputs in S3 still say what happened', { detailType: event.detailType, error: error as Error });
      count(metrics, METRIC.eventsNotPublished);
    }
  }

  /** Errors already logged with their article's id, so the message-level catch does not log them twice. */
  const logged = new WeakSet<object>();

  async function handleObject({ bucket, key }: ObjectRef, message: { readonly messageId: string; readonly lastTry: boolean }): Promise<void> {
    // A child logger per article: the local pipeline runs articles concurrently on one handler.
    // Until HEAD tells the version, the id is the object's bucket/key.
    let source: ArticleSource = { bucket, key, etag: '' };
    let log = logger.createChild({ persistentKeys: { correlation_id: correlationIdOf(source) } });
    try {
      const outputs = spec.outputsOf(key);
      if (!outputs) {
        log.warn('not an input of this stage; ignored', { bucket, key });
        return;
      }
      const head = await headObject(deps.s3, bucket, key);
      if (!head) {
        log.info('object no longer exists; nothing to do', { bucket, key });
        return;
      }
      source = spec.sourceOf?.(bucket, key, head) ?? sourceOfObject(bucket, key, head);
      const correlationId = correlationIdOf(source);
      log = logger.createChild({ persistentKeys: { correlation_id: correlationId } });
      // EMF metadata, not a dimension: a dimension per article would be a billed custom metric per article.
      // (On Lambda one container runs one invocation and its articles one after another.)
      metrics.addMetadata('correlation_id', correlationId);
      const articleDeps = { ...resolved, logger: log };
      await trace(correlationId, async () => {
        const fingerprint = spec.fingerprint?.(key, head) ?? {};
        const done = await Promise.all(outputs.map((out) => recordsSource(deps.s3, deps.outputBucket, out, head.etag, fingerprint)));
        if (done.includes(true)) {
          log.info('duplicate delivery: output already records this source', { bucket, key, etag: head.etag, ...fingerprint });
          count(metrics, METRIC.duplicates);
          return;
        }
        const announce = (outcome: ArticleOutcome) => publish(briefingEvent(source, deps.outputBucket, outcome), log);
        try {
          spec.check?.(key, head);
          const bytes = await readObject(deps.s3, bucket, key, head.etag);
          if (!bytes) {
            log.info('object deleted while processing; nothing to do', { bucket, key });
            return;
          }
          await spec.produce({ key, head, bytes, source, announce, deps: articleDeps, fingerprint });
        } catch (error) {
          if (!isBriefingError(error) || !error.permanent) throw error;
          const record = errorRecordFor(key, error, head.lastModified);
          const errorKey = await writeErrorRecord(deps.s3, deps.outputBucket, record, head.etag, fingerprint);
          log.warn('input refused; error record written', { bucket, key, errorKey, error: record.error, reason: record.reason });
          count(metrics, METRIC.failed);
          await announce({ ready: false, stage: spec.stage, error: record.error, reason: record.reason, errorKey });
        }
      });
    } catch (error) {
      log.error('message failed; SQS will redeliver it', { messageId: message.messageId, bucket, key, error: error as Error });
      if (error instanceof Object) logged.add(error);
      if (message.lastTry) {
        const reason = `gave up after the last delivery: ${error instanceof Error ? error.message : String(error)}`;
        await publish(briefingEvent(source, deps.outputBucket, { ready: false, stage: spec.stage, error: 'gave_up', reason }), log);
      }
      throw error;
    } finally {
      flushMetrics(metrics);
    }
  }

  const isLastTry = (receiveCount: string | undefined): boolean =>
    deps.maxReceiveCount !== undefined && Number(receiveCount) >= deps.maxReceiveCount;

  return async (event, context) => {
    if (context) logger.addContext(context);
    const batchItemFailures: SQSBatchResponse['batchItemFailures'] = [];
    try {
      for (const message of event.Records) {
        try {
          const lastTry = isLastTry(message.attributes?.ApproximateReceiveCount);
          for (const object of objectsCreated(message.body)) await handleObject(object, { messageId: message.messageId, lastTry });
        } catch (error) {
          if (!(error instanceof Object && logged.has(error))) logger.error('message failed; SQS will redeliver it', { messageId: message.messageId, error: error as Error });
          batchItemFailures.push({ itemIdentifier: message.messageId });
        }
      }
    } finally {
      flushMetrics(metrics);
    }
    return { batchItemFailures };
  };
}
