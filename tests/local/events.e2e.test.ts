/**
 * Briefing Ready / Failed on the local pipeline: one event per finished article, published by
 * the real handlers to the local hub, seen on the pipeline log, by in-process listeners and by
 * a Server-Sent Events client over HTTP; its correlation id is on the log lines of the stages
 * that handled the article.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PutObjectCommand } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BriefingEvent } from '../../lambdas/handlers/events';
import { startLocalPipeline, type LocalPipeline } from '../../local/pipeline';
import { localS3Client, startS3Server } from '../../local/s3-server';
import { subscribeToEvents, waitForAnnounced } from '../../local/event-stream';
import { uploadArticle } from '../../local/submit-client';

const seed = readFileSync(new URL('../../examples/idlib-offensive-2019.txt', import.meta.url));
const flood = readFileSync(new URL('../../examples/sava-river-floods.html', import.meta.url));

let pipeline: LocalPipeline;
let dataDir: string;
const lines: string[] = [];
const handlerLines: Array<Record<string, unknown>> = [];
const heard: BriefingEvent[] = [];

/** Reads `data:` lines of an SSE stream until `count` events arrived. */
async function readSse(url: string, count: number, signal: AbortSignal, connected: () => void): Promise<BriefingEvent[]> {
  const response = await fetch(url, { signal });
  expect(response.headers.get('content-type')).toMatch(/^text\/event-stream/);
  expect(response.headers.get('access-control-allow-origin')).toBe('*');
  connected();
  const events: BriefingEvent[] = [];
  const decoder = new TextDecoder();
  let buffer = '';
  for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
    buffer += decoder.decode(chunk, { stream: true });
    let end: number;
    while ((end = buffer.indexOf('\n\n')) >= 0) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      const data = block.split('\n').find((line) => line.startsWith('data: '));
      if (data) events.push(JSON.parse(data.slice('data: '.length)) as BriefingEvent);
    }
    if (events.length >= count) break;
  }
  return events;
}

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'local-events-'));
  pipeline = await startLocalPipeline({
    port: 0,
    dataDir,
    log: (line) => lines.push(line),
    handlerLog: (line) => handlerLines.push(JSON.parse(line) as Record<string, unknown>),
  });
  pipeline.onEvent((event) => heard.push(event));
});

afterAll(async () => {
  await pipeline.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('local pipeline events', () => {
  it('announces one Briefing Ready per good upload and one Briefing Failed per bad one, correlated with both stages\' logs', async () => {
    const abort = new AbortController();
    let connected!: () => void;
    const isConnected = new Promise<void>((resolve) => { connected = resolve; });
    const streamed = readSse(pipeline.eventsUrl, 3, abort.signal, connected);
    await isConnected;

    const client = localS3Client(pipeline.endpoint);
    const uploads = { good: ['2019/idlib ü.txt', 'floods/sava+2024.html'], bad: 'scans/page one.pdf' };
    await client.send(new PutObjectCommand({ Bucket: 'articles', Key: uploads.good[0], Body: seed }));
    await client.send(new PutObjectCommand({ Bucket: 'articles', Key: uploads.good[1], Body: flood }));
    await client.send(new PutObjectCommand({ Bucket: 'articles', Key: uploads.bad, Body: '%PDF-1.7\n%binary\n' }));
    await pipeline.idle();
    const overSse = await streamed;
    abort.abort();
    client.destroy();

    expect(heard).toHaveLength(3);
    expect(overSse).toEqual(heard);
    const ready = heard.filter((event) => event.detailType === 'Briefing Ready');
    const failed = heard.filter((event) => event.detailType === 'Briefing Failed');
    expect(ready.map((event) => event.detail.input.key).sort()).toEqual([...uploads.good].sort());
    expect(failed.map((event) => event.detail.input.key)).toEqual([uploads.bad]);

    const servicesLogging = (id: string) => new Set(handlerLines.filter((line) => line.correlation_id === id).map((line) => line.service));
    for (const event of heard) {
      const { detail } = event;
      expect(event.source).toBe('briefing');
      expect(detail.input.bucket).toBe('articles');
      expect(detail.input.etag).toMatch(/^[0-9a-f]{32}$/);
      expect(detail.correlationId).toBe(`articles/${detail.input.key}@${detail.input.versionId ?? detail.input.etag}`);
      // The same JSON line is on the pipeline's own log.
      expect(lines.filter((line) => line.startsWith('event ') && JSON.parse(line.slice(6)).detail.correlationId === detail.correlationId)).toHaveLength(1);
    }
    for (const { detail } of ready) {
      expect(detail).toMatchObject({ stage: 'render', output: { bucket: 'briefings', briefingKey: expect.stringMatching(/^briefings\/.+\.pdf$/), figuresKey: expect.stringMatching(/^figures\/.+\.json$/) }, template: 'briefing' });
      expect(detail.figures).toBeGreaterThan(0);
      expect([...servicesLogging(detail.correlationId)].sort()).toEqual(['briefing-extract', 'briefing-render']);
      // The pre-signed URL downloads the briefing as it is.
      const pdf = Buffer.from(await (await fetch(detail.url!)).arrayBuffer());
      expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      expect(Date.parse(detail.urlExpiresAt!)).toBeGreaterThan(Date.now());
    }
    const [bad] = failed;
    expect(bad!.detail).toMatchObject({ stage: 'extract', error: expect.any(String), reason: expect.stringMatching(/PDF/), output: { bucket: 'briefings', errorKey: `errors/${uploads.bad}.json` } });
    expect([...servicesLogging(bad!.detail.correlationId)]).toEqual(['briefing-extract']);
    // Every handler log line about an article carries an id (bucket/key before the HEAD, bucket/key@version after).
    expect(handlerLines.filter((line) => line.key !== undefined && line.correlation_id === undefined)).toEqual([]);
  });

  it('gives `submit --wait` each upload\'s outcome by key and ETag, from S3 for work already done, and is refused by a server without events', async () => {
    const subscription = await subscribeToEvents(pipeline.endpoint);
    const client = localS3Client(pipeline.endpoint);
    const stack = { client, inputBucket: 'articles', outputBucket: 'briefings' };
    const goodEtag = await uploadArticle(stack, 'wait/good.txt', seed);
    const badEtag = await uploadArticle(stack, 'wait/blank.md', new TextEncoder().encode('  \n'));
    const [good, bad] = await Promise.all([subscription.outcome('wait/good.txt', goodEtag), subscription.outcome('wait/blank.md', badEtag)]);
    expect(good).toEqual({ ok: true, key: 'wait/good.txt', figuresKey: 'figures/wait/good.json', briefingKey: 'briefings/wait/good.pdf' });
    expect(bad).toMatchObject({ ok: false, key: 'wait/blank.md', errorKey: 'errors/wait/blank.md.json', reason: expect.any(String) });
    await pipeline.idle();

    // The same bytes again: a duplicate the pipeline skips without an event; S3 already has the answer.
    const eventsBefore = heard.length;
    const again = await uploadArticle(stack, 'wait/good.txt', seed);
    expect(again).toBe(goodEtag);
    expect(await waitForAnnounced(subscription, stack, 'wait/good.txt', again, 10_000)).toEqual(good);
    await pipeline.idle();
    expect(heard.length).toBe(eventsBefore);
    // An upload nothing will ever answer for times out.
    await expect(waitForAnnounced(subscription, stack, 'wait/never.txt', '0'.repeat(32), 300)).rejects.toThrow(/no briefing or error record after/);
    subscription.close();
    client.destroy();

    const plain = await startS3Server({ buckets: ['articles'] });
    await expect(subscribeToEvents(plain.endpoint)).rejects.toThrow(/has no event stream/);
    await plain.close();
  });
});
