/**
 * What both stages share: an SQS batch of S3 notifications in, partial batch failures out.
 * Per object: HEAD it (gone → nothing to do), skip it when an output already records its ETag
 * (S3 delivers at least once), else download it, let the stage's core make its product within
 * the article's time budget, and store the outcome (commit.ts: conditional writes, stale
 * outputs removed).
 *
 * Failures are classified by origin. Whatever the core throws on this input's bytes is
 * permanent: it becomes an error record and the message is done. A storage or network failure,
 * or the invocation running out of time, is temporary: the message fails alone and SQS
 * delivers it again — except on its last allowed delivery, where it too ends in an error
 * record ("gave up after 3 tries: …"), so an upload never vanishes into the dead-letter queue
 * while S3 still answers.
 *
 * Each article is one scope: its correlation id on the log lines, the metrics (flushed per
 * article) and a trace subsegment, and one event when it is finished (events.ts): Briefing
 * Ready once the render stage stored the PDF, Briefing Failed once an error record is stored
 * (or, when even that fails, on the last delivery).
 */
import type { Logger } from '@aws-lambda-powertools/logger';
import type { Metrics } from '@aws-lambda-powertools/metrics';
import type { ObjectStore } from '../aws/object-store';
import type { Context, SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';
import { BriefingError, describeError, inputFault, isBriefingError, type Stage } from '../core/errors';
import type { TemplateStore } from '../template/load';
import { ArticleBudget, budgetFor, type BudgetRule, DEFAULT_INVOCATION_MS, InvocationClock } from './budget';
import { commitOutcome, storedOutcome, tidyUp, type CommitContext, type CommitResult, type Outcome, type Source, type StageOutputs, type Stored } from './commit';
import { type ArticleSource, correlationIdOf, sourceOfObject } from './correlation';
import { errorRecordBody, errorRecordFor } from './error-record';
import { type ArticleOutcome, briefingEvent, type BriefingEvent, type EventPublisher } from './events';
import { SERVICE } from '../contract/names';
import { count, flushMetrics, METRIC, newLogger, newMetrics } from './observability';
import type { PresignUrl } from './presign';
import { headObject, type ObjectHead, readObject } from './s3-io';
import { objectsCreated, type ObjectRef } from './s3-notifications';
import type { ArticleTracer } from './tracing';
import { endColdStart } from '../core/cold-start';

export type { StageOutputs } from './commit';

/** SQS's maxReceiveCount when neither the deps nor MAX_RECEIVE_COUNT say (the stack's default). */
export const DEFAULT_MAX_RECEIVE_COUNT = 3;

export interface HandlerDeps {
  readonly s3: ObjectStore;
  /** Where every output (`figures/`, `briefings/`, `errors/`) is written. */
  readonly outputBucket: string;
  /** Inputs larger than this are refused from their HEAD, without downloading. Default 5 MB. */
  readonly maxBytes?: number;
  /**
   * Deliveries SQS makes before dead-lettering a message (its maxReceiveCount): a temporary
   * failure on the last one is recorded as an error and announced. Default: MAX_RECEIVE_COUNT
   * from the environment, else 3.
   */
  readonly maxReceiveCount?: number;
  readonly logger?: Logger;
  readonly metrics?: Metrics;
  /** Where Briefing Ready / Failed go. Default: nowhere. */
  readonly events?: EventPublisher;
  /** One subsegment per article. Default: none. */
  readonly tracer?: ArticleTracer;
  /** A short-lived GET URL for a briefing, put in its Ready event. Default: none. */
  readonly presignUrl?: PresignUrl;
  /** The templates an upload may choose from. Default: those deployed beside the code (`templates/`). */
  readonly templates?: TemplateStore;
  /** Key prefixes mapped to a template name ("flash/" → "flash"). Default: none. */
  readonly templatePrefixes?: Readonly<Record<string, string>>;
}

/** Everything a stage's work function gets: the object, its bytes and its time budget. */
export interface StageInput {
  readonly key: string;
  readonly head: ObjectHead;
  readonly bytes: Uint8Array;
  readonly budget: ArticleBudget;
  /** The input article this object stands for (itself in the extract stage). */
  readonly article: ArticleSource;
  /** What the outputs record besides the source ETag (see {@link StageSpec.fingerprint}). */
  readonly fingerprint: Readonly<Record<string, string>>;
}

/** A stage's product, and what to log, count and announce once it is stored. */
export interface Product extends Stored {
  readonly facts: Readonly<Record<string, unknown>>;
  readonly measures?: Readonly<Record<string, number>>;
  /** Something to look at, though the product is good (extraction problems): logged as a warning. */
  readonly warning?: { readonly message: string; readonly facts: Readonly<Record<string, unknown>> };
}

export interface StageSpec {
  /** The stage: names its service (logs, metrics) and is named when its core fails on an input. */
  readonly stage: keyof typeof SERVICE;
  /** Time the core may spend on one input, by its size. */
  readonly budget: BudgetRule;
  /** The keys this input's outcome goes to; null when the object is not this stage's input. */
  outputsOf(key: string): StageOutputs | null;
  /** The input article an object of this stage stands for. Default: the object itself. */
  sourceOf?(bucket: string, key: string, head: ObjectHead): ArticleSource;
  /**
   * Metadata every output records besides the source ETag (the template's name and hash): an
   * output recording other values is stale, not a duplicate. Must not throw.
   */
  fingerprint?(key: string, head: ObjectHead): Readonly<Record<string, string>>;
  /** Refuse an input from its HEAD alone (too large, bad metadata); throw a permanent BriefingError to do so. */
  check?(key: string, head: ObjectHead): void;
  produce(input: StageInput): Promise<Product>;
  /** Metrics of a stored product (counts are added by the stage). */
  measure?(product: Product, metrics: Metrics): void;
  /** The Ready event of a stored product, when this stage finishes articles (render). */
  ready?(key: string, product: Product, fingerprint: Readonly<Record<string, string>>): Promise<ArticleOutcome>;
}

export type SqsHandler = (event: SQSEvent, context?: Context) => Promise<SQSBatchResponse>;

function maxReceiveCountOf(deps: HandlerDeps): number {
  const fromEnv = Number(process.env.MAX_RECEIVE_COUNT);
  return deps.maxReceiveCount ?? (Number.isInteger(fromEnv) && fromEnv > 0 ? fromEnv : DEFAULT_MAX_RECEIVE_COUNT);
}

const receiveCountOf = (message: SQSRecord): number => Number(message.attributes?.ApproximateReceiveCount) || 1;

const errorOutcome = (key: string, head: ObjectHead, error: BriefingError): Outcome => ({
  kind: 'error',
  stored: { body: errorRecordBody(errorRecordFor(key, error, head.lastModified)), contentType: 'application/json' },
});

/**
 * Records that a message was given up on outside the handler — it crashed or timed out on
 * every delivery, so it never wrote a record itself (the local queue's dead-letter sink calls
 * this). `gone` when the object no longer exists; `present` when an outcome already records it.
 */
export async function recordGaveUp(
  ctx: CommitContext, outputs: StageOutputs, ref: ObjectRef, stage: Stage, reason: string,
): Promise<CommitResult | 'gone'> {
  const head = await headObject(ctx.s3, ref.bucket, ref.key, ctx.signal);
  if (!head) return 'gone';
  const source: Source = { bucket: ref.bucket, key: ref.key, etag: head.etag };
  if (await storedOutcome(ctx, outputs, source)) return 'present';
  const error = new BriefingError(stage, 'gave_up', reason);
  return commitOutcome(ctx, outputs, source, errorOutcome(ref.key, head, error));
}

export function createStageHandler(spec: StageSpec, deps: HandlerDeps): SqsHandler {
  const service = SERVICE[spec.stage];
  const logger = deps.logger ?? newLogger(service);
  const metrics = deps.metrics ?? newMetrics(service);
  const maxReceiveCount = maxReceiveCountOf(deps);
  const trace = deps.tracer ? deps.tracer.traceArticle.bind(deps.tracer) : <T>(_id: string, work: () => Promise<T>) => work();

  async function publish(event: BriefingEvent, log: Logger, clock: InvocationClock): Promise<void> {
    if (!deps.events) return;
    try {
      // Within the invocation's time; past its deadline, within the margin kept for recording.
      await deps.events.publish(event, clock.signal.aborted ? AbortSignal.timeout(clock.marginMs) : clock.signal);
      log.info('event published', { detailType: event.detailType });
    } catch (error) {
      log.error('event not published; the outputs in S3 still say what happened', { detailType: event.detailType, error: error as Error });
      count(metrics, METRIC.eventsNotPublished);
    }
  }

  /** Errors already logged with their article's id, so the message-level catch does not log them twice. */
  const logged = new WeakSet<object>();

  /** Stores the outcome; true when this delivery stored it (and so announces it). */
  async function store(ctx: CommitContext, outputs: StageOutputs, source: Source, outcome: Outcome, log: Logger, facts: Record<string, unknown>): Promise<boolean> {
    const result = await commitOutcome(ctx, outputs, source, outcome);
    if (result === 'superseded') {
      log.info('input replaced while it was processed; its newer version is handled by its own notification', facts);
      return false;
    }
    if (result === 'present') {
      log.info('another delivery stored this outcome first', facts);
      count(metrics, METRIC.duplicates);
      return false;
    }
    if (outcome.kind === 'error') {
      log.warn('input refused; error record written', { ...facts, errorKey: outputs.error });
      count(metrics, METRIC.failed);
    } else {
      log.info('output written', { ...facts, outputKey: outputs.product });
      count(metrics, METRIC.processed);
    }
    return true;
  }

  async function handleObject({ bucket, key }: ObjectRef, clock: InvocationClock, lastTry: number | null, messageId: string): Promise<void> {
    // A child logger per article: the local pipeline runs articles concurrently on one handler.
    // Until HEAD tells the version, the id is the object's bucket/key.
    let article: ArticleSource = { bucket, key, etag: '' };
    let log = logger.createChild({ persistentKeys: { correlation_id: correlationIdOf(article) } });
    let announced = false;
    const announce = async (outcome: ArticleOutcome): Promise<void> => {
      announced = true;
      await publish(briefingEvent(article, deps.outputBucket, outcome), log, clock);
    };
    try {
      const outputs = spec.outputsOf(key);
      if (!outputs) {
        log.warn('not an input of this stage; ignored', { bucket, key });
        return;
      }
      const ctx: CommitContext = { s3: deps.s3, outputBucket: deps.outputBucket, signal: clock.signal };
      const head = await headObject(deps.s3, bucket, key, clock.signal);
      if (!head) {
        log.info('object no longer exists; nothing to do', { bucket, key });
        return;
      }
      article = spec.sourceOf?.(bucket, key, head) ?? sourceOfObject(bucket, key, head);
      const correlationId = correlationIdOf(article);
      log = logger.createChild({ persistentKeys: { correlation_id: correlationId } });
      // EMF metadata, not a dimension: a dimension per article would be a billed custom metric per article.
      metrics.addMetadata('correlation_id', correlationId);
      await trace(correlationId, async () => {
        const fingerprint = spec.fingerprint?.(key, head) ?? {};
        const source: Source = { bucket, key, etag: head.etag, fingerprint };
        const stored = await storedOutcome(ctx, outputs, source);
        if (stored) {
          log.info('duplicate delivery: an output already records this source', { bucket, key, etag: head.etag, ...fingerprint });
          count(metrics, METRIC.duplicates);
          await tidyUp(ctx, outputs, source, stored);
          return;
        }
        let outcome: Outcome;
        let facts: Record<string, unknown> = { bucket, key, ...fingerprint };
        let failure: BriefingError | null = null;
        let storeCtx = ctx;
        try {
          spec.check?.(key, head);
          const bytes = await readObject(deps.s3, bucket, key, head.etag, clock.signal);
          if (!bytes) {
            log.info('object replaced or deleted while being read; its newer version has its own notification', { bucket, key });
            return;
          }
          const budget = new ArticleBudget(spec.stage, budgetFor(spec.budget, head.size), head.size, clock);
          let product: Product;
          try {
            product = await spec.produce({ key, head, bytes, budget, article, fingerprint });
          } catch (error) {
            throw inputFault(spec.stage, error);
          }
          outcome = { kind: 'product', stored: product };
          facts = { ...facts, ...product.facts };
          spec.measure?.(product, metrics);
          if (product.warning) log.warn(product.warning.message, product.warning.facts);
          if (await store(ctx, outputs, source, outcome, log, facts)) {
            if (spec.ready) await announce(await spec.ready(key, product, fingerprint));
          }
          return;
        } catch (error) {
          if (isBriefingError(error) && error.permanent) failure = error;
          else if (lastTry !== null) {
            // The last delivery SQS will make: record the failure rather than lose the upload.
            failure = new BriefingError(spec.stage, 'gave_up', `gave up after ${lastTry} tries: ${describeError(error)}`, { cause: error });
            // The invocation's own signal may be what ran out; the record gets the margin kept for it.
            if (clock.signal.aborted) storeCtx = { ...ctx, signal: AbortSignal.timeout(clock.marginMs) };
          } else throw error;
        }
        outcome = errorOutcome(key, head, failure);
        facts = { ...facts, error: failure.code, reason: failure.message };
        if (await store(storeCtx, outputs, source, outcome, log, facts)) {
          const record = errorRecordFor(key, failure, head.lastModified);
          await announce({ ready: false, stage: spec.stage, error: record.error, reason: record.reason, errorKey: outputs.error });
        }
      });
    } catch (error) {
      log.error('message failed; SQS will redeliver it', { messageId, bucket, key, error: error as Error });
      if (error instanceof Object) logged.add(error);
      // Not even the record could be stored on the last delivery: at least say so.
      if (lastTry !== null && !announced) {
        await announce({ ready: false, stage: spec.stage, error: 'gave_up', reason: `gave up after the last delivery: ${describeError(error)}` });
      }
      throw error;
    } finally {
      flushMetrics(metrics);
    }
  }

  return async (event, context) => {
    if (context) logger.addContext(context);
    const clock = new InvocationClock(context?.getRemainingTimeInMillis?.() ?? DEFAULT_INVOCATION_MS);
    const batchItemFailures: SQSBatchResponse['batchItemFailures'] = [];
    try {
      for (const message of event.Records) {
        const receives = receiveCountOf(message);
        try {
          // Out of time: the rest of the batch is handed back untouched, to be delivered again.
          clock.check();
          const lastTry = receives >= maxReceiveCount ? receives : null;
          for (const object of objectsCreated(message.body)) {
            await handleObject(object, clock, lastTry, message.messageId);
            // One article briefed: the rest of a batch of records is warm work (lambdas/core/cold-start.ts).
            endColdStart();
          }
        } catch (error) {
          if (!(error instanceof Object && logged.has(error))) {
            logger.error('message failed; SQS will redeliver it', { messageId: message.messageId, receiveCount: receives, error: error as Error });
          }
          batchItemFailures.push({ itemIdentifier: message.messageId });
        }
      }
    } finally {
      clock.dispose();
      flushMetrics(metrics);
    }
    return { batchItemFailures };
  };
}
