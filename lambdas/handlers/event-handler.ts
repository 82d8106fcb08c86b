/**
 * Stage 3, the event stage: the figures of an article under `events/<name>/` land in
 * `figures/events/<name>/` → every figures object of the event is read and fused into Event
 * JSON at `figures/events/<name>.json` (the render stage makes `briefings/events/<name>.pdf`
 * of it, as of any figures). Articles arrive in any number, at any time, in any order.
 *
 * Never twice for the same inputs: the Event JSON records the set it was made from (sha256
 * over the figures' keys and ETags, metadata `source-set`), and a set already fused is skipped.
 * Never a stale one over a newer one: the set is listed again after fusing, and the write is
 * conditional on the Event JSON being the one seen at the start (If-Match / If-None-Match); a
 * run that loses either race leaves the write to the run the newer figures triggered.
 */
import { createHash } from 'node:crypto';
import type { Logger } from '@aws-lambda-powertools/logger';
import type { Metrics } from '@aws-lambda-powertools/metrics';
import { ListObjectsV2Command, PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import type { Context, SQSBatchResponse, SQSEvent } from 'aws-lambda';
import { BriefingError, isBriefingError } from '../core/errors';
import { fuseEvent } from '../event/fuse';
import type { EventInput } from '../event/types';
import type { Extraction } from '../extract/types';
import { errorRecordBody, errorRecordFor } from './error-record';
import { EVENTS_PREFIX, eventFiguresPrefix, eventJsonKey, eventOfFiguresKey } from './event-keys';
import { EVENT_SERVICE } from '../contract/names';
import { count, flushMetrics, METRIC, newLogger, newMetrics } from './observability';
import { headObject, readObject, SOURCE_ETAG, writeObject } from './s3-io';
import { errorKeyFor } from './s3-keys';
import { objectsCreated } from './s3-notifications';
import { sdkObjectStore } from './sdk-object-store';

export interface EventHandlerDeps {
  readonly s3: S3Client;
  /** The bucket holding `figures/` (and where the Event JSON goes). */
  readonly outputBucket: string;
  readonly logger?: Logger;
  readonly metrics?: Metrics;
}

/** Metadata of the Event JSON: the input set it was made from, and that it is an event. */
export const SOURCE_SET = 'source-set';
export const KIND = 'kind';

interface Listed {
  readonly key: string;
  readonly etag: string;
}

/** What one run did with an event. */
export type EventOutcome = 'written' | 'unchanged' | 'superseded' | 'empty' | 'refused';

async function listFigures(s3: S3Client, bucket: string, prefix: string): Promise<Listed[]> {
  const listed: Listed[] = [];
  let token: string | undefined;
  do {
    const page = await s3.send(new ListObjectsV2Command({ Bucket: bucket, Prefix: prefix, ContinuationToken: token }));
    for (const o of page.Contents ?? []) {
      if (o.Key?.endsWith('.json')) listed.push({ key: o.Key, etag: (o.ETag ?? '').replace(/^"|"$/g, '') });
    }
    token = page.IsTruncated ? page.NextContinuationToken : undefined;
  } while (token);
  return listed.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

/** The identity of an input set: sha256 over its keys and ETags, in key order. */
export const setDigest = (listed: readonly Listed[]): string =>
  createHash('sha256').update(listed.map((l) => `${l.key}\t${l.etag}\n`).join('')).digest('hex');

const isPreconditionFailed = (error: unknown): boolean => {
  const e = error as { name?: string; $metadata?: { httpStatusCode?: number } };
  return e?.name === 'PreconditionFailed' || e?.$metadata?.httpStatusCode === 412;
};

/** Extraction JSON of one article of the event; null (logged) for anything else under the prefix. */
function extractionOf(bytes: Uint8Array, key: string, logger: Logger): Extraction | null {
  try {
    const value = JSON.parse(new TextDecoder().decode(bytes)) as Partial<Extraction> & { kind?: unknown };
    if (value.schemaVersion === 1 && value.kind === undefined && Array.isArray(value.figures) && value.article) return value as Extraction;
  } catch {
    // reported below
  }
  logger.warn('not Extraction JSON; left out of the event', { key });
  return null;
}

/** Fuses event `name` from the figures now in the bucket, unless that very set was fused already. */
export async function updateEvent(deps: Required<EventHandlerDeps>, name: string): Promise<EventOutcome> {
  const { s3, outputBucket: bucket, logger } = deps;
  const prefix = eventFiguresPrefix(name);
  const before = await listFigures(s3, bucket, prefix);
  if (before.length === 0) return 'empty';
  const set = setDigest(before);
  const target = eventJsonKey(name);
  const existing = await headObject(sdkObjectStore(s3), bucket, target);
  if (existing && existing.metadata[KIND] !== 'event') {
    throw new BriefingError('storage', 'event_name_taken',
      `${target} holds the figures of the article events/${name}.<ext>, not an event: rename that article or the folder events/${name}/`,
      { permanent: true, context: { key: target, lastModified: existing.lastModified, etag: existing.etag } });
  }
  if (existing?.metadata[SOURCE_SET] === set) return 'unchanged';

  const inputs: EventInput[] = [];
  for (const item of before) {
    let bytes: Uint8Array | undefined;
    try {
      bytes = await readObject(sdkObjectStore(s3), bucket, item.key, item.etag);
    } catch (error) {
      if (isPreconditionFailed(error)) return 'superseded'; // replaced since the listing: its own notification follows
      throw error;
    }
    if (!bytes) return 'superseded';
    const extraction = extractionOf(bytes, item.key, logger);
    if (extraction) inputs.push({ file: extraction.article.input ?? item.key, extraction });
  }
  if (inputs.length === 0) return 'empty';
  const event = fuseEvent(inputs);

  if (setDigest(await listFigures(s3, bucket, prefix)) !== set) return 'superseded';
  try {
    await s3.send(new PutObjectCommand({
      Bucket: bucket,
      Key: target,
      Body: `${JSON.stringify(event, null, 2)}\n`,
      ContentType: 'application/json',
      Metadata: { [SOURCE_ETAG]: set, [SOURCE_SET]: set, [KIND]: 'event', articles: String(event.articles.length) },
      ...(existing ? { IfMatch: `"${existing.etag}"` } : { IfNoneMatch: '*' }),
    }));
  } catch (error) {
    if (isPreconditionFailed(error)) return 'superseded';
    throw error;
  }
  logger.info('event written', { event: name, key: target, articles: event.articles.length, measures: event.measures.length });
  return 'written';
}

/** The events a queue message is about: S3 notifications, or S3 events through EventBridge. */
export function eventsNamed(body: string): string[] {
  const key = eventBridgeKey(body);
  const keys = key !== null ? [key] : objectsCreated(body).map((o) => o.key);
  return [...new Set(keys.map(eventOfFiguresKey).filter((n): n is string => n !== null))];
}

/** The object key of an S3 "Object Created" event delivered by EventBridge (keys not URL-encoded there); else null. */
function eventBridgeKey(body: string): string | null {
  try {
    const event = JSON.parse(body) as { source?: unknown; 'detail-type'?: unknown; detail?: { object?: { key?: unknown } } };
    const key = event.detail?.object?.key;
    return event.source === 'aws.s3' && event['detail-type'] === 'Object Created' && typeof key === 'string' ? key : null;
  } catch {
    return null; // objectsCreated says what is wrong with it
  }
}

export function createEventHandler(deps: EventHandlerDeps): (event: SQSEvent, context?: Context) => Promise<SQSBatchResponse> {
  const logger = deps.logger ?? newLogger(EVENT_SERVICE);
  const metrics = deps.metrics ?? newMetrics(EVENT_SERVICE);
  const resolved = { s3: deps.s3, outputBucket: deps.outputBucket, logger, metrics };
  /** An event that will never fuse gets an error record (`errors/events/<name>.json`) instead of retries; anything else is rethrown. */
  async function refuse(name: string, error: unknown): Promise<'refused'> {
    if (!isBriefingError(error) || !error.permanent) throw error;
    const { lastModified, etag } = error.context as { lastModified: Date; etag: string };
    const record = errorRecordFor(`${EVENTS_PREFIX}${name}`, error, lastModified);
    const errorKey = errorKeyFor(record.key);
    await writeObject(sdkObjectStore(deps.s3), deps.outputBucket, errorKey, errorRecordBody(record), { contentType: 'application/json', sourceEtag: etag, sourceKey: record.key });
    logger.warn('event refused; error record written', { event: name, errorKey, error: record.error, reason: record.reason });
    count(metrics, METRIC.failed);
    return 'refused';
  }

  return async (event, context) => {
    if (context) logger.addContext(context);
    const batchItemFailures: SQSBatchResponse['batchItemFailures'] = [];
    try {
      for (const message of event.Records) {
        try {
          for (const name of eventsNamed(message.body)) {
            const outcome = await updateEvent(resolved, name).catch((error: unknown) => refuse(name, error));
            if (outcome === 'written') count(metrics, METRIC.processed);
            else if (outcome === 'unchanged') count(metrics, METRIC.duplicates);
            logger.info('event stage', { event: name, outcome });
          }
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
