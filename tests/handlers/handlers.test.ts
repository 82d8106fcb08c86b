/**
 * Both handlers end to end: real S3 notifications (from s3rver, keys encoded as S3 encodes
 * them) in SQS messages, the real AWS SDK over HTTP, real objects out.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { DeleteObjectCommand } from '@aws-sdk/client-s3';
import type { S3EventRecord } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import type { Extraction } from '../../lambdas/extract/types';
import { createExtractHandler } from '../../lambdas/handlers/extract-handler';
import { createRenderHandler } from '../../lambdas/handlers/render-handler';
import { METRIC } from '../../lambdas/handlers/observability';
import { encodeEventKey } from '../../lambdas/handlers/s3-keys';
import { pdfinfo } from '../render/poppler';
import { withBrokenRule } from '../support/broken-rule';
import {
  getBytes, getJson, putObject, RecordingMetrics, s3ServerForTests, sqsEvent, sqsEventWithBody, stat, testLogger, waitForRecord,
} from '../support/s3';

const INPUT = 'articles';
const OUTPUT = 'briefings';
const ARTICLE = readFileSync(new URL('../fixtures/articles/idlib-offensive-2019.txt', import.meta.url));
/** A space, a literal `+` and non-ASCII: the three things S3 notification encoding changes. */
const KEY = '2019/idlib offensive+update ü.txt';
const STEM = '2019/idlib offensive+update ü';

const env = s3ServerForTests([INPUT, OUTPUT]);

function stages(options: { outputBucket?: string; maxBytes?: number } = {}) {
  const metrics = new RecordingMetrics();
  const deps = { s3: env.objects, outputBucket: options.outputBucket ?? OUTPUT, maxBytes: options.maxBytes, logger: testLogger(), metrics };
  return { metrics, extract: createExtractHandler(deps), render: createRenderHandler(deps) };
}

async function upload(bucket: string, key: string, body: Uint8Array | string): Promise<S3EventRecord> {
  await putObject(env.server.client, bucket, key, body);
  return waitForRecord(env.records, bucket, encodeEventKey(key));
}

describe('extract and render handlers against s3rver', () => {
  // lambdas/core/cold-start.ts: the records after the first of a batch are warm work.
  it('ends the process\'s cold start once it has briefed the first article of a batch of records', async () => {
    const hook = Symbol.for('briefing.endColdStart');
    const calls: string[] = [];
    const record = await upload(INPUT, 'cold/first.txt', ARTICLE);
    (globalThis as { [hook]?: () => void })[hook] = () => calls.push('ended');
    try {
      const { extract } = stages();
      expect(await extract(sqsEvent(record))).toEqual({ batchItemFailures: [] });
      expect(calls.length).toBeGreaterThan(0);
    } finally {
      delete (globalThis as { [hook]?: () => void })[hook];
    }
  });

  it('writes the figures of an article a rule fails on, counts the problem and logs it', async () => {
    await withBrokenRule('subject-of-passive', async () => {
      const key = 'problems/broken-rule.txt';
      const record = await upload(INPUT, key, ARTICLE);
      const { metrics, extract } = stages();
      expect(await extract(sqsEvent(record))).toEqual({ batchItemFailures: [] });
      const extraction = await getJson<Extraction>(env.server.client, OUTPUT, 'figures/problems/broken-rule.json');
      expect(extraction.problems).toContainEqual({ step: 'meaning', rule: 'subject-of-passive', message: 'TypeError: broken rule' });
      expect(extraction.figures.length).toBeGreaterThan(0);
      expect(metrics.sum(METRIC.problems)).toBeGreaterThan(0);
    });
  });

  it('turns an article with an awkward key into figures, then a PDF; duplicates do nothing', async () => {
    const record = await upload(INPUT, KEY, ARTICLE);
    expect(record.s3.object.key).toBe('2019/idlib+offensive%2Bupdate+%C3%BC.txt');

    const { metrics, extract, render } = stages();
    expect(await extract(sqsEvent(record))).toEqual({ batchItemFailures: [] });

    const figuresKey = `figures/${STEM}.json`;
    const extraction = await getJson<Extraction>(env.server.client, OUTPUT, figuresKey);
    expect(extraction.schemaVersion).toBe(1);
    expect(extraction.article.sha256).toBe(createHash('sha256').update(ARTICLE).digest('hex'));
    const figuresHead = await stat(env.server.client, OUTPUT, figuresKey);
    const inputHead = await stat(env.server.client, INPUT, KEY);
    expect(figuresHead?.metadata['source-etag']).toBe(inputHead?.etag.replace(/"/g, ''));
    expect(metrics.sum(METRIC.processed)).toBe(1);
    expect(metrics.sum(METRIC.figures)).toBe(extraction.figures.length);

    // A second delivery of the same notification: skipped from HEADs, figures untouched.
    expect(await extract(sqsEvent(record))).toEqual({ batchItemFailures: [] });
    expect(await stat(env.server.client, OUTPUT, figuresKey)).toEqual(figuresHead);
    expect(metrics.times(METRIC.duplicates)).toBe(1);

    // The figures object's own notification drives the render stage.
    const figuresRecord = await waitForRecord(env.records, OUTPUT, encodeEventKey(figuresKey));
    expect(await render(sqsEvent(figuresRecord))).toEqual({ batchItemFailures: [] });
    const pdfKey = `briefings/${STEM}.pdf`;
    const pdfHead = await stat(env.server.client, OUTPUT, pdfKey);
    expect(pdfHead?.contentType).toBe('application/pdf');
    expect(pdfHead?.metadata['source-etag']).toBe(figuresHead?.etag.replace(/"/g, ''));
    const pdf = await getBytes(env.server.client, OUTPUT, pdfKey);
    expect(pdfinfo(pdf)).toMatch(/Pages:\s+[1-9]/);
    expect(metrics.times(METRIC.renderMs)).toBe(1);

    // Duplicate render delivery: no second render, the PDF is the same object.
    expect(await render(sqsEvent(figuresRecord, figuresRecord))).toEqual({ batchItemFailures: [] });
    expect(metrics.times(METRIC.renderMs)).toBe(1);
    expect(await stat(env.server.client, OUTPUT, pdfKey)).toEqual(pdfHead);

    // Processing the same upload again from scratch writes byte-identical outputs.
    const figuresBytes = await getBytes(env.server.client, OUTPUT, figuresKey);
    for (const key of [figuresKey, pdfKey]) await env.server.client.send(new DeleteObjectCommand({ Bucket: OUTPUT, Key: key }));
    const before = env.records.length;
    expect(await extract(sqsEvent(record))).toEqual({ batchItemFailures: [] });
    expect(await getBytes(env.server.client, OUTPUT, figuresKey)).toEqual(figuresBytes);
    const again = await waitForRecord(env.records.slice(before), OUTPUT, encodeEventKey(figuresKey));
    expect(await render(sqsEvent(again))).toEqual({ batchItemFailures: [] });
    expect(metrics.times(METRIC.renderMs)).toBe(2);
    expect(await getBytes(env.server.client, OUTPUT, pdfKey)).toEqual(pdf);
  });

  it('records a bad article in errors/ without retrying, and the record is reproducible', async () => {
    const key = 'bad/empty article.txt';
    const record = await upload(INPUT, key, new Uint8Array());
    const { metrics, extract } = stages();

    expect(await extract(sqsEvent(record))).toEqual({ batchItemFailures: [] });
    const errorKey = `errors/${key}.json`;
    const first = await getBytes(env.server.client, OUTPUT, errorKey);
    const errorRecord = JSON.parse(new TextDecoder().decode(first)) as Record<string, string>;
    const inputHead = await stat(env.server.client, INPUT, key);
    expect(errorRecord).toMatchObject({ key, at: inputHead?.lastModified.toISOString() });
    expect(errorRecord.error).toMatch(/^[a-z_]+$/);
    expect(errorRecord.reason).not.toMatch(/\n|\bat .*\(/);
    expect(await stat(env.server.client, OUTPUT, 'figures/bad/empty article.json')).toBeNull();
    expect(metrics.sum(METRIC.failed)).toBe(1);

    // Processing the same upload again (record removed first) writes the same bytes.
    await env.server.client.send(new DeleteObjectCommand({ Bucket: OUTPUT, Key: errorKey }));
    expect(await extract(sqsEvent(record))).toEqual({ batchItemFailures: [] });
    expect(await getBytes(env.server.client, OUTPUT, errorKey)).toEqual(first);
  });

  it('refuses an object over maxBytes from its HEAD', async () => {
    const key = 'big/too large.txt';
    const record = await upload(INPUT, key, 'x'.repeat(4096));
    const { extract } = stages({ maxBytes: 1000 });
    expect(await extract(sqsEvent(record))).toEqual({ batchItemFailures: [] });
    const errorRecord = await getJson<Record<string, string>>(env.server.client, OUTPUT, `errors/${key}.json`);
    expect(errorRecord).toMatchObject({ key, error: 'too_large' });
    expect(errorRecord.reason).toContain('4096');
  });

  it('reports a storage failure as a batch item failure so SQS retries it', async () => {
    const record = await upload(INPUT, 'retry/article.txt', ARTICLE);
    const { extract } = stages({ outputBucket: 'bucket-that-does-not-exist' });
    const event = sqsEvent(record);
    expect(await extract(event)).toEqual({ batchItemFailures: [{ itemIdentifier: event.Records[0]!.messageId }] });
    expect(await stat(env.server.client, OUTPUT, 'errors/retry/article.txt.json')).toBeNull();
  });

  it('fails only the broken message of a batch and ignores test events and deleted objects', async () => {
    const key = 'gone/deleted.txt';
    const gone = await upload(INPUT, key, ARTICLE);
    await env.server.client.send(new DeleteObjectCommand({ Bucket: INPUT, Key: key }));
    const { extract } = stages();
    const broken = sqsEventWithBody('not json');
    const test = sqsEventWithBody(JSON.stringify({ Service: 'Amazon S3', Event: 's3:TestEvent', Bucket: INPUT }));
    const deleted = sqsEvent(gone);
    const batch = { Records: [...test.Records, ...broken.Records, ...deleted.Records] };
    expect(await extract(batch)).toEqual({ batchItemFailures: [{ itemIdentifier: broken.Records[0]!.messageId }] });
    expect(await stat(env.server.client, OUTPUT, 'figures/gone/deleted.json')).toBeNull();
    expect(await stat(env.server.client, OUTPUT, 'errors/gone/deleted.txt.json')).toBeNull();
  });

  it('records figures that are not Extraction JSON as a render error', async () => {
    const key = 'figures/broken/not-json.json';
    const record = await upload(OUTPUT, key, '{"schemaVersion": 2}');
    const { render } = stages();
    expect(await render(sqsEvent(record))).toEqual({ batchItemFailures: [] });
    const errorRecord = await getJson<Record<string, string>>(env.server.client, OUTPUT, `errors/${key}.json`);
    expect(errorRecord).toMatchObject({ key, error: 'bad_figures', stage: 'render' });
    expect(await stat(env.server.client, OUTPUT, 'briefings/broken/not-json.pdf')).toBeNull();
  });
});
