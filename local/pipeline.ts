/**
 * The deployed pipeline, on one machine: an embedded S3-compatible server, its object-created
 * events routed to two SQS-like queues, each driving the real Lambda handler of its stage.
 * Anything that speaks S3 (aws cli, SDKs, desktop browsers) can upload to it.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { Logger } from '@aws-lambda-powertools/logger';
import type { LogItem } from '@aws-lambda-powertools/logger';
import type { LogItemExtraInput, LogItemMessage } from '@aws-lambda-powertools/logger/types';
import type { S3Client } from '@aws-sdk/client-s3';
import type { S3Event } from 'aws-lambda';
import { createExtractHandler } from '../lambdas/handlers/extract-handler';
import { createEventHandler } from '../lambdas/handlers/event-handler';
import { EVENT_SERVICE } from '../lambdas/handlers/names';
import { createRenderHandler } from '../lambdas/handlers/render-handler';
import { startS3Server } from './s3-server';
import { assertPortFree } from './port';
import { LocalQueue, describe, type DeadLetter, type QueueHandler } from './queue';
import { notificationBody, stagesFor, type StageName } from './router';
import { decodeEventKey } from '../lambdas/handlers/s3-keys';
import { ArticleTracker, formatResult, type ArticleListener } from './article-log';
import { DEFAULT_PORT, INPUT_BUCKET, OUTPUT_BUCKET } from './endpoint';
import { deployedTemplates, type TemplateStore } from '../lambdas/template/load';
import { watchTemplates } from './template-watch';
import { EVENTS_PATH, LocalEventHub, type EventListener } from './event-hub';
import { s3Presigner } from '../lambdas/handlers/presign';

export { DEFAULT_PORT, INPUT_BUCKET, OUTPUT_BUCKET } from './endpoint';
export const DEFAULT_MAX_TRIES = 3;

export interface LocalPipelineOptions {
  /** 0 picks a free port. Default 4569. */
  readonly port?: number;
  /** S3 data lives in `<dataDir>/s3`, dead-letter records in `<dataDir>/dead-letters`. */
  readonly dataDir: string;
  /** Handler invocations per stage at once. Default 2. */
  readonly concurrency?: number;
  /** Deliveries before a message becomes a dead-letter record. Default 3. */
  readonly maxTries?: number;
  /** First retry delay, doubled on each further failure. Default 500 ms. */
  readonly backoffMs?: number;
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
  /** Called once per uploaded article with its briefing or its error. */
  onArticle(listener: ArticleListener): () => void;
  /** Resolves when every queue is empty and nothing is in flight. */
  idle(): Promise<void>;
  /** Finishes the work in flight (and the renders it leads to), then closes the server. */
  stop(): Promise<void>;
}

/** How long `stop()` waits for renders of articles already extracted. */
const DRAIN_LIMIT_MS = 30_000;

export async function startLocalPipeline(options: LocalPipelineOptions): Promise<LocalPipeline> {
  const log = options.log ?? (() => {});
  const deadLetterDir = join(options.dataDir, 'dead-letters');
  const port = options.port ?? DEFAULT_PORT;
  await assertPortFree(port, '127.0.0.1');
  const events = new LocalEventHub(log);
  const server = await startS3Server({
    port,
    directory: join(options.dataDir, 's3'),
    buckets: [INPUT_BUCKET, OUTPUT_BUCKET],
    silent: true,
    routes: { [EVENTS_PATH]: (request, response) => events.serve(request, response) },
  });
  // Locally the one line per article is the log; the handlers' JSON logs show only on request
  // (POWERTOOLS_LOG_LEVEL), and their CloudWatch metrics have nowhere to go.
  process.env.POWERTOOLS_METRICS_DISABLED ??= 'true';
  const reasons = new Map<string, string>();
  const templates = options.templates ?? deployedTemplates();
  const unwatch = options.watchTemplates ? watchTemplates(templates, log) : () => {};
  const logLevel = (process.env.POWERTOOLS_LOG_LEVEL ?? (options.handlerLog ? 'INFO' : 'SILENT')) as 'SILENT';
  const maxTries = options.maxTries ?? DEFAULT_MAX_TRIES;
  const depsFor = (service: string) => ({
    s3: server.client,
    outputBucket: OUTPUT_BUCKET,
    templates,
    templatePrefixes: options.templatePrefixes,
    logger: new ReasonLogger(reasons, options.handlerLog, { serviceName: service, logLevel }),
    events,
    // As SQS's maxReceiveCount: the handler announces the article failed on the last try.
    maxReceiveCount: maxTries,
    // Signed for the local server: a page or `curl` can fetch the PDF straight from the event.
    presignUrl: s3Presigner(server.client, options.presignedUrlSeconds ?? 3600),
  });
  /** The handler's reason for this failure (taken once, so a later success leaves nothing behind). */
  const reasonFor = (messageId: string, fallback: string): string => {
    const reason = reasons.get(messageId) ?? fallback;
    reasons.delete(messageId);
    return reason;
  };
  const handlers: Record<StageName, QueueHandler> = {
    extract: createExtractHandler(depsFor('briefing-extract')),
    render: createRenderHandler(depsFor('briefing-render')),
    event: createEventHandler(depsFor(EVENT_SERVICE)),
  };
  const tracker = new ArticleTracker(server.client, OUTPUT_BUCKET);
  tracker.onResult((result) => log(formatResult(result)));

  const queue = (stage: StageName): LocalQueue =>
    new LocalQueue({
      name: `${stage}-queue`,
      handler: options.wrapHandler ? options.wrapHandler(stage, handlers[stage]) : handlers[stage],
      // One event fused at a time: each run fuses the whole set, so there is nothing to gain from two.
      concurrency: stage === 'event' ? 1 : options.concurrency ?? 2,
      maxTries,
      backoffMs: options.backoffMs ?? 500,
      onRetry: (failure) => {
        const why = reasonFor(failure.messageId, failure.error);
        log(`retry ${keyOf(failure.body)}  ${stage} try ${failure.receiveCount} failed: ${why}; again in ${failure.retryInMs} ms`);
      },
      onDeadLetter: async (letter) => {
        const why = reasonFor(letter.messageId, letter.lastError);
        const file = await writeDeadLetter(deadLetterDir, { ...letter, lastError: why });
        log(`dead  ${keyOf(letter.body)}  ${stage} gave up after ${letter.receiveCount} tries: ${why} (record: ${file})`);
        tracker.deadLettered(keyOf(letter.body), why, letter.receiveCount);
      },
    });
  const queues: Record<StageName, LocalQueue> = { extract: queue('extract'), render: queue('render'), event: queue('event') };

  server.onObjectCreated((record) => {
    try {
      const key = decodeEventKey(record.s3.object.key);
      if (record.s3.bucket.name === INPUT_BUCKET) tracker.uploaded(key);
      else if (record.s3.bucket.name === OUTPUT_BUCKET) tracker.outputCreated(key);
      for (const stage of stagesFor(record, { input: INPUT_BUCKET, output: OUTPUT_BUCKET })) queues[stage].send(notificationBody(record));
    } catch (error) {
      log(`skip  ${record.s3.object.key}  ${describe(error)}`);
    }
  });

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
      if (left > 0) log(`stopped with ${left} message(s) not processed; upload those articles again to process them`);
      events.close();
      await server.close();
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
    eventsUrl: `${server.endpoint}${EVENTS_PATH}`,
    onEvent: (listener) => events.onEvent(listener),
    onArticle: (listener) => tracker.onResult(listener),
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
    if (typeof extra?.messageId === 'string' && extra.error !== undefined) this.reasons.set(extra.messageId, describe(extra.error));
    super.error(input, ...extraInput);
  }
}

/** The decoded object key an S3 notification body is about ('?' if it is not one). */
function keyOf(body: string): string {
  try {
    const event = JSON.parse(body) as S3Event;
    return decodeEventKey(event.Records[0]!.s3.object.key);
  } catch {
    return '?';
  }
}

async function writeDeadLetter(dir: string, letter: DeadLetter): Promise<string> {
  const file = join(dir, letter.queue, `${letter.at.replace(/[:.]/g, '-')}-${letter.messageId}.json`);
  try {
    await mkdir(join(dir, letter.queue), { recursive: true });
    await writeFile(file, JSON.stringify({ ...letter, key: keyOf(letter.body) }, null, 2) + '\n');
  } catch (error) {
    return `not written: ${describe(error)}`;
  }
  return relative(process.cwd(), file);
}
