/**
 * The event stage against the real embedded S3 server: figures of an event's articles in,
 * one Event JSON out per input set, whatever the order of arrival and however often notified.
 */
import type { S3EventRecord } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EventDocument } from '../../lambdas/event/types';
import { createEventHandler, eventsNamed, SOURCE_SET } from '../../lambdas/handlers/event-handler';
import { METRIC } from '../../lambdas/handlers/observability';
import { encodeEventKey } from '../../lambdas/handlers/s3-keys';
import { startS3Server, type S3Server } from '../../local/s3-server';
import { article } from '../event/support';
import { getJson, putObject, recordEvents, RecordingMetrics, sqsEvent, sqsEventWithBody, stat, testLogger, waitForRecord } from '../support/s3';

const OUTPUT = 'briefings';
let server: S3Server;
let records: S3EventRecord[];

beforeAll(async () => {
  server = await startS3Server({ buckets: [OUTPUT] });
  records = recordEvents(server);
});
afterAll(async () => {
  await server?.close();
});

/** Writes the figures of article `file` of event `name`, as the extract stage would, and returns its notification. */
async function figures(name: string, file: string, published: string, value: number): Promise<S3EventRecord> {
  const { extraction } = article(`events/${name}/${file}.txt`, published, `Outlet ${file}`, [{ value }]);
  const key = `figures/events/${name}/${file}.json`;
  await putObject(server.client, OUTPUT, key, JSON.stringify(extraction));
  return waitForRecord(records, OUTPUT, encodeEventKey(key));
}

function handler() {
  const metrics = new RecordingMetrics();
  return { metrics, handle: createEventHandler({ s3: server.client, outputBucket: OUTPUT, logger: testLogger(), metrics }) };
}

describe('the event stage', () => {
  it('fuses the figures of every article of the event into figures/events/<name>.json', async () => {
    const later = await figures('quake', 'b', '2023-02-07', 5000);
    const earlier = await figures('quake', 'a', '2023-02-06', 3000);
    const { handle, metrics } = handler();
    expect(await handle(sqsEvent(later))).toEqual({ batchItemFailures: [] });
    const doc = await getJson<EventDocument>(server.client, OUTPUT, 'figures/events/quake.json');
    expect(doc.articles.map((a) => a.file)).toEqual(['events/quake/a.txt', 'events/quake/b.txt']);
    expect(doc.measures[0]!.reports.map((r) => r.value)).toEqual([3000, 5000]);
    const head = await stat(server.client, OUTPUT, 'figures/events/quake.json');
    expect(head!.contentType).toBe('application/json');
    expect(head!.metadata).toMatchObject({ kind: 'event', articles: '2' });
    expect(head!.metadata[SOURCE_SET]).toMatch(/^[0-9a-f]{64}$/);
    expect(metrics.times(METRIC.processed)).toBe(1);

    // The other article's notification names the same set: nothing is written again.
    expect(await handle(sqsEvent(earlier, later))).toEqual({ batchItemFailures: [] });
    expect((await stat(server.client, OUTPUT, 'figures/events/quake.json'))!.etag).toBe(head!.etag);
    expect(metrics.times(METRIC.processed)).toBe(1);
    expect(metrics.times(METRIC.duplicates)).toBe(2);
  });

  it('fuses again when an article is added or replaced', async () => {
    const { handle, metrics } = handler();
    const before = await stat(server.client, OUTPUT, 'figures/events/quake.json');
    await handle(sqsEvent(await figures('quake', 'c', '2023-02-08', 11000)));
    const added = await getJson<EventDocument>(server.client, OUTPUT, 'figures/events/quake.json');
    expect(added.measures[0]!.reports.map((r) => r.value)).toEqual([3000, 5000, 11000]);
    await handle(sqsEvent(await figures('quake', 'a', '2023-02-06', 3100)));
    const replaced = await getJson<EventDocument>(server.client, OUTPUT, 'figures/events/quake.json');
    expect(replaced.measures[0]!.reports.map((r) => r.value)).toEqual([3100, 5000, 11000]);
    expect(metrics.times(METRIC.processed)).toBe(2);
    expect((await stat(server.client, OUTPUT, 'figures/events/quake.json'))!.metadata[SOURCE_SET]).not.toBe(before!.metadata[SOURCE_SET]);
  });

  it('reads S3 notifications and S3 events through EventBridge, and ignores what is no event article', () => {
    expect(eventsNamed(JSON.stringify({ source: 'aws.s3', 'detail-type': 'Object Created', detail: { object: { key: 'figures/events/flood 2026/day one.json' } } })))
      .toEqual(['flood 2026']);
    expect(eventsNamed(JSON.stringify({ Records: [{ eventName: 'ObjectCreated:Put', s3: { bucket: { name: OUTPUT }, object: { key: 'figures/events/flood+2026/day+one.json' } } }] })))
      .toEqual(['flood 2026']);
    for (const key of ['figures/events/flood.json', 'figures/2019/idlib.json', 'figures/events/flood/a.pdf']) {
      expect(eventsNamed(JSON.stringify({ source: 'aws.s3', 'detail-type': 'Object Created', detail: { object: { key } } }))).toEqual([]);
    }
  });

  it('leaves an event alone whose name an article already took, and says why in an error record', async () => {
    const taken = article('events/taken.txt', '2023-02-06', 'X', [{ value: 1 }]).extraction;
    await putObject(server.client, OUTPUT, 'figures/events/taken.json', JSON.stringify(taken));
    const { handle, metrics } = handler();
    const result = await handle(sqsEvent(await figures('taken', 'a', '2023-02-06', 3)));
    expect(result.batchItemFailures).toEqual([]);
    expect((await getJson<{ article: unknown }>(server.client, OUTPUT, 'figures/events/taken.json')).article).toBeDefined();
    const record = await getJson<{ key: string; error: string; reason: string }>(server.client, OUTPUT, 'errors/events/taken.json');
    expect(record).toMatchObject({ key: 'events/taken', error: 'event_name_taken' });
    expect(record.reason).toContain('rename that article or the folder events/taken/');
    expect(metrics.times(METRIC.failed)).toBe(1);
  });

  it('fails a message that is no notification, so SQS retries and dead-letters it', async () => {
    const { handle } = handler();
    expect((await handle(sqsEventWithBody('not json'))).batchItemFailures).toHaveLength(1);
  });
});
