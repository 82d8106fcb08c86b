/**
 * The deployed pipeline, on one machine: an embedded S3-compatible server, its object-created
 * events routed to SQS-like queues (extract, render, event), each driving the real Lambda
 * handler of its stage.
 * Anything that speaks S3 (aws cli, SDKs, desktop browsers) can upload to it.
 *
 * Nothing acknowledged is lost to a crash: the queues are journalled on disk, and at start a
 * reconcile pass queues every upload whose outputs do not record its current ETag (the journal
 * keeps receive counts; reconciling also catches what no journal could, e.g. data copied in).
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { Logger } from '@aws-lambda-powertools/logger';
import type { LogItem } from '@aws-lambda-powertools/logger';
import type { LogItemExtraInput, LogItemMessage } from '@aws-lambda-powertools/logger/types';
import type { S3Client } from '@aws-sdk/client-s3';
import { describeError } from '../lambdas/core/errors';
import { createEventHandler } from '../lambdas/handlers/event-handler';
import { createExtractHandler, extractOutputs } from '../lambdas/handlers/extract-handler';
import { eventOfFiguresKey } from '../lambdas/handlers/event-keys';
import { EVENT_SERVICE } from '../lambdas/contract/names';
import { findUnfinished, type StageName as ArticleStage } from '../lambdas/handlers/reconcile';
import { createRenderHandler, renderOutputs } from '../lambdas/handlers/render-handler';
import { handlerObjectStore } from '../lambdas/handlers/runtime';
import { handlerS3Client } from '../lambdas/handlers/sdk-clients';
import { decodeEventKey } from '../lambdas/handlers/s3-keys';
import { recordGaveUp, type StageOutputs } from '../lambdas/handlers/stage';
import { ArticleTracker, formatResult, type ArticleListener } from './article-log';
import { startCorePool, type CorePool } from './core-pool';
import { LOCAL_CREDENTIALS } from './credentials';
import { assertPortFree } from './port';
import { LocalQueue, type DeadLetter, type QueueHandler } from './queue';
import { QueueJournal } from './queue-journal';
import { keyOfBody, notificationBody, notificationFor, stagesFor, type StageName } from './router';
import { startS3Server, type ObjectCreatedListener } from './s3-server';
import { repairStore } from './store-repair';

import { DEFAULT_PORT, INPUT_BUCKET, OUTPUT_BUCKET } from './endpoint';
import { deployedTemplates, type TemplateStore } from '../lambdas/template/load';
import { watchTemplates } from './template-watch';
import { EVENTS_PATH, LocalEventHub, type EventListener } from './event-hub';
import { s3Presigner } from '../lambdas/handlers/presign';

export { DEFAULT_PORT, INPUT_BUCKET, OUTPUT_BUCKET } from './endpoint';

/**
 * The deployed stack's defaults (infra/briefing-pipeline.ts), so a failure takes as long to
 * come back here as there: each function's timeout, a visibility timeout six times as long
 * (AWS's advice for SQS event sources), 3 receives before the dead-letter queue.
 */
export const STAGE_TIMINGS: Readonly<Record<StageName, { readonly invocationTimeoutMs: number; readonly visibilityTimeoutMs: number }>> = {
  extract: { invocationTimeoutMs: 30_000, visibilityTimeoutMs: 180_000 },
  render: { invocationTimeoutMs: 60_000, visibilityTimeoutMs: 360_000 },
  event: { invocationTimeoutMs: 60_000, visibilityTimeoutMs: 360_000 },
};
export const DEFAULT_MAX_TRIES = 3;

export interface LocalPipelineOptions {
  /** 0 picks a free port. Default 4569. */
  readonly port?: number;
  /** S3 data in `<dataDir>/s3`, queue journals in `<dataDir>/queues`, dead-letter records in `<dataDir>/dead-letters`. */
  readonly dataDir: string;
  /** Handler invocations per stage at once. Default 2. */
  readonly concurrency?: number;
  /** Deliveries before a message becomes a dead-letter record. Default 3. */
  readonly maxTries?: number;
  /** Per stage: invocation (Lambda) timeout and visibility timeout. Default: STAGE_TIMINGS. */
  readonly timings?: Partial<Record<StageName, { readonly invocationTimeoutMs: number; readonly visibilityTimeoutMs: number }>>;
  /**
   * The S3 endpoint the handlers use, given the server's: how tests put a fault-injecting
   * proxy between the handlers and S3 (the server then accepts that endpoint's host in `Host`,
   * which the handlers' signatures name). Default: the server itself.
   */
  readonly handlerEndpoint?: (serverEndpoint: string) => string | Promise<string>;
  /** `host:port` values the server accepts in `Host` besides its own. */
  readonly allowedHosts?: readonly string[];
  /** Web origins whose browser requests the server accepts (a local web page). Default: none. */
  readonly allowedOrigins?: readonly string[];
  /** Run the stages' work on worker threads (the default), or in this thread (tests that wrap it). */
  readonly isolate?: boolean;
  /** Where log lines go (one per article, retries, dead letters, one `event {json}` per event). Default: nowhere. */
  readonly log?: (line: string) => void;
  /** Where the handlers' own JSON log lines go (level POWERTOOLS_LOG_LEVEL, else INFO). Default: stdout, and only with POWERTOOLS_LOG_LEVEL set. */
  readonly handlerLog?: (line: string) => void;
  /** Lifetime of the download URL in each Briefing Ready event. Default: one hour. */
  readonly presignedUrlSeconds?: number;
  /** Wraps a stage's handler: how tests inject a crash no real input can cause. */
  readonly wrapHandler?: (stage: StageName, handler: QueueHandler) => QueueHandler;
  /** The templates uploads choose from. Default: the repository's `templates/`. */
  readonly templates?: TemplateStore;
  /** Key prefixes mapped to a template, as the stack's `templatePrefixes`. Default: none. */
  readonly templatePrefixes?: Readonly<Record<string, string>>;
  /** Reload a template when its file changes (`npm start`). Default: false. */
  readonly watchTemplates?: boolean;
}

export interface LocalPipeline {
  readonly endpoint: string;
  readonly port: number;
  /** An S3 client configured for this endpoint. */
  readonly client: S3Client;
  readonly inputBucket: string;
  readonly outputBucket: string;
  readonly deadLetterDir: string;
  /** The templates uploads choose from (reloaded on a file change when watched). */
  readonly templates: TemplateStore;
  /** Server-Sent Events: every Briefing Ready / Failed event, as the deployed stack puts them on EventBridge. */
  readonly eventsUrl: string;
  /** Called with every Briefing Ready / Failed event. */
  onEvent(listener: EventListener): () => void;
  /** How many messages the start-up pass found unfinished and queued, per stage. */
  readonly reconciled: Readonly<Record<ArticleStage, number>>;
  /** Called once per uploaded article with its briefing or its error. */
  onArticle(listener: ArticleListener): () => void;
  /** Called for every object written to either bucket (each write, as S3 notifies it). */
  onObjectCreated(listener: ObjectCreatedListener): () => void;
  /** Resolves when every queue is empty and nothing is in flight. */
  idle(): Promise<void>;
  /** Finishes the work in flight (and the renders it leads to), then closes the server. */
  stop(): Promise<void>;
}

/** How long `stop()` waits for renders of articles already extracted. */
const DRAIN_LIMIT_MS = 30_000;

// The event stage writes no outcome per message (its Event JSON is per set): a dead letter of it is logged and kept on disk.
const OUTPUTS_OF: Record<ArticleStage, (key: string) => StageOutputs | null> = { extract: extractOutputs, render: renderOutputs };

export async function startLocalPipeline(options: LocalPipelineOptions): Promise<LocalPipeline> {
  const log = options.log ?? (() => {});
  const deadLetterDir = join(options.dataDir, 'dead-letters');
  const port = options.port ?? DEFAULT_PORT;
  const concurrency = options.concurrency ?? 2;
  await assertPortFree(port, '127.0.0.1');
  const events = new LocalEventHub(log);
  // A store a killed process left may hold an object cut short, which s3rver cannot serve: set aside first.
  for (const object of repairStore(join(options.dataDir, 's3'), join(options.dataDir, 'damaged'))) {
    log(`aside ${object.bucket}/${object.key}  ${object.reason}: a write a crash stopped, never acknowledged; its files are in ${relative(process.cwd(), object.movedTo) || object.movedTo}`);
  }
  const server = await startS3Server({
    port,
    directory: join(options.dataDir, 's3'),
    buckets: [INPUT_BUCKET, OUTPUT_BUCKET],
    silent: true,
    allowedHosts: options.allowedHosts,
    allowedOrigins: options.allowedOrigins,
    routes: { [EVENTS_PATH]: (request, response) => events.serve(request, response) },
  });
  const pool: CorePool | null = options.isolate === false ? null : await startCorePool(concurrency);
  // Locally the one line per article is the log; the handlers' JSON logs show only on request
  // (POWERTOOLS_LOG_LEVEL), and their CloudWatch metrics have nowhere to go.
  process.env.POWERTOOLS_METRICS_DISABLED ??= 'true';
  const handlerEndpoint = options.handlerEndpoint ? await options.handlerEndpoint(server.endpoint) : server.endpoint;
  server.allowHost(new URL(handlerEndpoint).host);
  // The extract and render handlers' own client, and the SDK's for the event handler (it lists).
  const handlerClients = { endpoint: handlerEndpoint, credentials: LOCAL_CREDENTIALS, region: 'us-east-1' };
  const handlerS3 = handlerObjectStore(handlerClients);
  const eventS3 = handlerS3Client(handlerClients);
  // Signs the Ready events' URLs for the server itself (a page or `curl` fetches from it, not
  // from the handlers' endpoint): one client for every handler, closed with the rest.
  const presignS3 = handlerObjectStore({ ...handlerClients, endpoint: server.endpoint });
  const maxTries = options.maxTries ?? DEFAULT_MAX_TRIES;
  const reasons = new Map<string, string>();
  const templates = options.templates ?? deployedTemplates();
  const unwatch = options.watchTemplates ? watchTemplates(templates, log) : () => {};
  const logLevel = (process.env.POWERTOOLS_LOG_LEVEL ?? (options.handlerLog ? 'INFO' : 'SILENT')) as 'SILENT';
  const depsFor = (service: string) => ({
    s3: handlerS3,
    outputBucket: OUTPUT_BUCKET,
    templates,
    templatePrefixes: options.templatePrefixes,
    // As SQS's maxReceiveCount: the last delivery records (and announces) a failure instead of losing it.
    maxReceiveCount: maxTries,
    logger: new ReasonLogger(reasons, options.handlerLog, { serviceName: service, logLevel }),
    events,
    // Signed for the local server: a page or `curl` can fetch the PDF straight from the event.
    presignUrl: s3Presigner(presignS3, options.presignedUrlSeconds ?? 3600),
  });
  /** The handler's reason for this failure (taken once, so a later success leaves nothing behind). */
  const reasonFor = (messageId: string, fallback: string): string => {
    const reason = reasons.get(messageId) ?? fallback;
    reasons.delete(messageId);
    return reason;
  };
  const handlers: Record<StageName, QueueHandler> = {
    extract: createExtractHandler({ ...depsFor('briefing-extract'), core: pool?.extract }),
    render: createRenderHandler({ ...depsFor('briefing-render'), core: pool?.render }),
    event: createEventHandler({ ...depsFor(EVENT_SERVICE), s3: eventS3 }),
  };
  const tracker = new ArticleTracker(server.client, OUTPUT_BUCKET);
  tracker.onResult((result) => log(formatResult(result)));

  /** A message given up on without a record of its own (crashed or timed out each time): record it. */
  const sinkDeadLetter = async (stage: StageName, letter: DeadLetter): Promise<void> => {
    const why = reasonFor(letter.messageId, letter.lastError);
    const file = await writeDeadLetter(deadLetterDir, { ...letter, lastError: why });
    const key = keyOfBody(letter.body) ?? '?';
    log(`dead  ${key}  ${stage} gave up after ${letter.receiveCount} tries: ${why} (record: ${file})`);
    const outputs = stage === 'event' ? null : OUTPUTS_OF[stage](key);
    if (outputs && stage !== 'event') {
      const bucket = stage === 'extract' ? INPUT_BUCKET : OUTPUT_BUCKET;
      await recordGaveUp({ s3: handlerS3, outputBucket: OUTPUT_BUCKET, signal: AbortSignal.timeout(30_000) }, outputs, { bucket, key }, stage,
        `gave up after ${letter.receiveCount} tries: ${why}`).catch((error: unknown) => {
        log(`dead  ${key}  could not write its error record: ${describeError(error)}`);
        tracker.deadLettered(key, why, letter.receiveCount);
      });
    }
  };

  const queue = (stage: StageName): LocalQueue =>
    new LocalQueue({
      name: `${stage}-queue`,
      handler: options.wrapHandler ? options.wrapHandler(stage, handlers[stage]) : handlers[stage],
      // One event fused at a time: each run fuses the whole set, so there is nothing to gain from two.
      concurrency: stage === 'event' ? 1 : concurrency,
      maxTries,
      ...STAGE_TIMINGS[stage],
      ...options.timings?.[stage],
      journal: new QueueJournal(join(options.dataDir, 'queues', `${stage}.jsonl`)),
      onRetry: (failure) => {
        const why = reasonFor(failure.messageId, failure.error);
        log(`retry ${keyOfBody(failure.body) ?? '?'}  ${stage} try ${failure.receiveCount} failed: ${why}; again in ${(failure.retryInMs / 1000).toFixed(1)} s`);
      },
      onDeadLetter: (letter) => sinkDeadLetter(stage, letter),
    });
  const queues: Record<StageName, LocalQueue> = { extract: queue('extract'), render: queue('render'), event: queue('event') };
  const journals = Object.values(queues);

  server.onObjectCreated((record) => {
    try {
      const key = decodeEventKey(record.s3.object.key);
      if (record.s3.bucket.name === INPUT_BUCKET) tracker.uploaded(key);
      else if (record.s3.bucket.name === OUTPUT_BUCKET) tracker.outputCreated(key);
      for (const stage of stagesFor(record, { input: INPUT_BUCKET, output: OUTPUT_BUCKET })) queues[stage].send(notificationBody(record));
    } catch (error) {
      log(`skip  ${record.s3.object.key}  ${describeError(error)}`);
    }
  });

  // Uploads whose outputs do not record their current ETag, and not already waiting in a queue.
  const reconciled: Record<ArticleStage, number> = { extract: 0, render: 0 };
  let sent = 0;
  const queued = new Set(journals.flatMap((q) => q.bodies.map((body) => keyOfBody(body))));
  for (const body of queues.extract.bodies) {
    const key = keyOfBody(body);
    if (key !== null) tracker.uploaded(key);
  }
  for (const item of await findUnfinished(server.client, { input: INPUT_BUCKET, output: OUTPUT_BUCKET })) {
    if (queued.has(item.key)) continue;
    if (item.stage === 'extract') tracker.uploaded(item.key);
    // Figures of an article under events/<name>/ feed the event stage as well, as their notification would.
    const stages: StageName[] = item.stage === 'render' && eventOfFiguresKey(item.key) !== null ? ['render', 'event'] : [item.stage];
    for (const stage of stages) queues[stage].send(notificationFor(item.bucket, item.key, item.etag, item.size));
    sent += stages.length;
    reconciled[item.stage] += 1;
  }
  const restored = journals.reduce((n, q) => n + q.depth, 0) - sent;
  if (restored > 0) log(`resume ${restored} message(s) kept from the last run`);
  if (reconciled.extract + reconciled.render > 0) {
    log(`reconcile ${reconciled.extract} upload(s) without figures or an error record, ${reconciled.render} without a briefing: queued`);
  }
  queues.extract.start();
  queues.render.start();
  queues.event.start();

  const idle = async (): Promise<void> => {
    // A finished extraction enqueues a render (and an event fusion, which enqueues a render),
    // and a finished render starts a tracker read: wait until all are quiet at the same time.
    do {
      await queues.extract.idle();
      await queues.event.idle();
      await queues.render.idle();
      await tracker.idle();
    } while (queues.extract.depth > 0 || queues.event.depth > 0 || queues.render.depth > 0 || tracker.busy);
  };

  let stopping: Promise<void> | null = null;
  const stop = (): Promise<void> => {
    stopping ??= (async () => {
      unwatch();
      await queues.extract.stop();
      let timer: NodeJS.Timeout | undefined;
      const drained = (async () => { await queues.event.idle(); await queues.render.idle(); })();
      await Promise.race([drained, new Promise((resolve) => { timer = setTimeout(resolve, DRAIN_LIMIT_MS); })]);
      clearTimeout(timer);
      await queues.event.stop();
      await queues.render.stop();
      await tracker.idle();
      const left = queues.extract.depth + queues.event.depth + queues.render.depth;
      if (left > 0) log(`stopped with ${left} message(s) not processed; they are kept and processed at the next start`);
      await pool?.close();
      handlerS3.destroy();
      eventS3.destroy();
      presignS3.destroy();
      events.close();
      await server.close();
      for (const q of journals) q.close();
    })();
    return stopping;
  };

  return {
    endpoint: server.endpoint,
    port: server.port,
    client: server.client,
    inputBucket: INPUT_BUCKET,
    outputBucket: OUTPUT_BUCKET,
    deadLetterDir,
    templates,
    reconciled,
    eventsUrl: `${server.endpoint}${EVENTS_PATH}`,
    onEvent: (listener) => events.onEvent(listener),
    onArticle: (listener) => tracker.onResult(listener),
    onObjectCreated: (listener) => server.onObjectCreated(listener),
    idle,
    stop,
  };
}

/**
 * A handler reports a failed message to SQS only by its id; the reason goes to its logger.
 * Keep that reason by message id so the retry and dead-letter lines can say what went wrong.
 * With a sink, the JSON lines go there instead of stdout.
 */
class ReasonLogger extends Logger {
  constructor(
    private readonly reasons: Map<string, string>,
    private readonly sink: ((line: string) => void) | undefined,
    options: ConstructorParameters<typeof Logger>[0],
  ) {
    super(options);
  }

  /** Children (one per article) share the reasons and the sink. */
  protected override createLogger(options?: ConstructorParameters<typeof Logger>[0]): Logger {
    return new ReasonLogger(this.reasons, this.sink, options);
  }

  protected override printLog(logLevel: number, log: LogItem): void {
    if (!this.sink) return super.printLog(logLevel, log);
    log.prepareForPrint();
    this.sink(JSON.stringify(log.getAttributes()));
  }

  override error(input: LogItemMessage, ...extraInput: LogItemExtraInput): void {
    const extra = extraInput[0] as { messageId?: unknown; error?: unknown } | undefined;
    if (typeof extra?.messageId === 'string' && extra.error !== undefined) this.reasons.set(extra.messageId, describeError(extra.error));
    super.error(input, ...extraInput);
  }
}

async function writeDeadLetter(dir: string, letter: DeadLetter): Promise<string> {
  const file = join(dir, letter.queue, `${letter.at.replace(/[:.]/g, '-')}-${letter.messageId}.json`);
  try {
    await mkdir(join(dir, letter.queue), { recursive: true });
    await writeFile(file, JSON.stringify({ ...letter, key: keyOfBody(letter.body) ?? '?' }, null, 2) + '\n');
  } catch (error) {
    return `not written: ${describeError(error)}`;
  }
  return relative(process.cwd(), file);
}
