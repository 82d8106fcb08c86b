/**
 * The local pipeline end to end: a real s3rver over HTTP, uploads with the real AWS SDK, the
 * real handlers on the in-memory queues, real PDFs checked with poppler.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ListObjectsV2Command, PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import type { SQSEvent } from 'aws-lambda';
import { startLocalPipeline, type LocalPipeline, type LocalPipelineOptions } from '../../local/pipeline';
import { localS3Client } from '../../local/s3-server';
import { getBytes } from '../support/s3';
import type { Extraction } from '../../lambdas/extract/types';
import { pdfinfo, pdftotext, folded } from '../render/poppler';

/** Short enough that a failed delivery comes back within the test, long enough for a cold worker. */
const FAST = { invocationTimeoutMs: 8_000, visibilityTimeoutMs: 8_000 };
const seed = readFileSync(new URL('../../examples/idlib-offensive-2019.txt', import.meta.url));
const flood = readFileSync(new URL('../../examples/sava-river-floods.html', import.meta.url));

let running: { pipeline: LocalPipeline; dataDir: string; client: S3Client } | null = null;

async function start(options: Partial<LocalPipelineOptions> = {}) {
  const dataDir = mkdtempSync(join(tmpdir(), 'local-pipeline-'));
  const lines: string[] = [];
  const pipeline = await startLocalPipeline({ port: 0, dataDir, timings: { extract: FAST, render: FAST }, log: (line) => lines.push(line), ...options });
  // A client of its own, not the pipeline's.
  const client = localS3Client(pipeline.endpoint);
  running = { pipeline, dataDir, client };
  const put = (key: string, body: Uint8Array | string) => client.send(new PutObjectCommand({ Bucket: 'articles', Key: key, Body: body }));
  const get = async (key: string) => Buffer.from(await getBytes(client, 'briefings', key));
  const list = async (bucket: string) =>
    ((await client.send(new ListObjectsV2Command({ Bucket: bucket }))).Contents ?? []).map((object) => object.Key!).sort();
  return { pipeline, dataDir, lines, put, get, list };
}

afterEach(async () => {
  if (!running) return;
  await running.pipeline.stop();
  running.client.destroy();
  rmSync(running.dataDir, { recursive: true, force: true });
  running = null;
});

describe('local pipeline (s3rver + queues + real handlers)', () => {
  it('turns uploads with spaces, unicode and + in their keys into figures JSON and a PDF', async () => {
    const { pipeline, lines, put, get, list } = await start();
    const seedKey = '2019/Idlib offensive – ä 東京.txt';
    const floodKey = 'floods/sava+rivers 2024.html';
    await put(seedKey, seed);
    await put(floodKey, flood);
    await pipeline.idle();

    expect(await list('briefings')).toEqual([
      'briefings/2019/Idlib offensive – ä 東京.pdf',
      'briefings/floods/sava+rivers 2024.pdf',
      'figures/2019/Idlib offensive – ä 東京.json',
      'figures/floods/sava+rivers 2024.json',
    ]);
    // Nothing is written back to the input bucket.
    expect(await list('articles')).toEqual([seedKey, floodKey].sort());

    const extraction = JSON.parse((await get('figures/2019/Idlib offensive – ä 東京.json')).toString('utf8')) as Extraction;
    expect(extraction.schemaVersion).toBe(1);
    expect(extraction.article.sha256).toBe(createHash('sha256').update(seed).digest('hex'));
    expect(extraction.figures.some((figure) => figure.value === 544 && figure.category === 'killed')).toBe(true);

    const pdf = await get('briefings/2019/Idlib offensive – ä 東京.pdf');
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(Number(/Pages:\s+(\d+)/.exec(pdfinfo(pdf))?.[1])).toBeGreaterThanOrEqual(1);
    expect(folded(pdftotext(pdf))).toContain('544');

    // One log line per article, naming its decoded key, its figures and pages.
    const okLines = lines.filter((line) => line.startsWith('ok '));
    expect(okLines).toHaveLength(2);
    expect(okLines.find((line) => line.includes(seedKey))).toMatch(/\d+ figures \(\d+ key\)\s+\d+ pages\s+\d+ ms$/);
  });

  it('writes an error record and no PDF for a bad upload, and does not retry it', async () => {
    const calls: string[] = [];
    const { pipeline, lines, put, get, list } = await start({
      wrapHandler: (stage, handler) => async (event) => {
        calls.push(stage);
        return handler(event);
      },
    });
    await put('reports/scan of page.pdf', '%PDF-1.7\n%binary\n');
    await pipeline.idle();

    expect(await list('briefings')).toEqual(['errors/reports/scan of page.pdf.json']);
    const record = JSON.parse((await get('errors/reports/scan of page.pdf.json')).toString('utf8')) as Record<string, string>;
    expect(record.key).toBe('reports/scan of page.pdf');
    expect(record.error).toBeTruthy();
    expect(record.reason).toMatch(/PDF/);
    expect(Number.isNaN(Date.parse(record.at!))).toBe(false);
    expect(calls).toEqual(['extract']);
    expect(lines.filter((line) => line.startsWith('error reports/scan of page.pdf'))).toHaveLength(1);
  });

  it('retries a handler that crashes mid-article and ends with exactly one briefing', async () => {
    const invocations: Record<string, number> = { extract: 0, render: 0 };
    const { pipeline, lines, put, list } = await start({
      wrapHandler: (stage, handler) => async (event: SQSEvent) => {
        invocations[stage]! += 1;
        // A fault no input can cause: the function dies once, after its work began.
        if (stage === 'extract' && invocations.extract === 1) {
          await handler(event);
          throw new Error('simulated crash after the figures were written');
        }
        return handler(event);
      },
    });
    await put('crash test.txt', seed);
    await pipeline.idle();

    expect(invocations.extract).toBe(2);
    const outputs = await list('briefings');
    expect(outputs.filter((key) => key.startsWith('briefings/'))).toEqual(['briefings/crash test.pdf']);
    expect(outputs.filter((key) => key.startsWith('errors/'))).toEqual([]);
    // The redelivered message found its output already written (same source ETag): no second render.
    expect(invocations.render).toBe(1);
    expect(lines.filter((line) => line.startsWith('retry crash test.txt'))).toHaveLength(1);
    expect(lines.filter((line) => line.startsWith('ok    crash test.txt'))).toHaveLength(1);
  });

  it('gives up after maxTries: a dead-letter record on disk and an error record for the upload, while serving other uploads', async () => {
    const { pipeline, lines, put, get, list } = await start({
      maxTries: 2,
      wrapHandler: (stage, handler) => async (event: SQSEvent) => {
        if (stage === 'render' && event.Records[0]!.body.includes('always')) throw new Error('renderer out of memory');
        return handler(event);
      },
    });
    await put('always failing.txt', seed);
    await put('fine.txt', seed);
    await pipeline.idle();

    expect((await list('briefings')).filter((key) => key.startsWith('briefings/'))).toEqual(['briefings/fine.pdf']);
    const dir = join(pipeline.deadLetterDir, 'render-queue');
    expect(existsSync(dir)).toBe(true);
    const [file] = readdirSync(dir);
    const letter = JSON.parse(readFileSync(join(dir, file!), 'utf8')) as Record<string, unknown>;
    expect(letter).toMatchObject({ key: 'figures/always failing.json', receiveCount: 2, lastError: 'renderer out of memory' });
    // The handler never got to write a record (it crashed each time); the sink wrote it.
    const record = JSON.parse((await get('errors/figures/always failing.json.json')).toString('utf8')) as Record<string, string>;
    expect(record).toMatchObject({ key: 'figures/always failing.json', error: 'gave_up', stage: 'render', reason: 'gave up after 2 tries: renderer out of memory' });
    expect(lines.some((line) => line.startsWith('error always failing.txt  gave up after 2 tries: renderer out of memory'))).toBe(true);
  });

  it('stop() lets the article in flight finish, render included, before closing', async () => {
    const events: string[] = [];
    let extracting!: () => void;
    const extractStarted = new Promise<void>((resolve) => { extracting = resolve; });
    const { pipeline, lines, put } = await start({
      wrapHandler: (stage, handler) => async (event: SQSEvent) => {
        if (stage === 'extract') extracting();
        const response = await handler(event);
        events.push(`${stage} done`);
        return response;
      },
    });
    await put('in flight.txt', seed);
    await extractStarted;
    await pipeline.stop();
    expect(events).toEqual(['extract done', 'render done']);
    expect(lines.filter((line) => line.startsWith('ok    in flight.txt'))).toHaveLength(1);
  });
});
