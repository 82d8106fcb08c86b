/**
 * The local pipeline driven as a user's S3 client drives it, with faults injected between the
 * handlers and S3 (fault-proxy.ts), and the accounting read back from S3: every upload ends as
 * a briefing made from its very version or as an error record, nothing is written twice, and
 * what comes out is byte for byte what a fault-free run makes.
 */
import { ListObjectsV2Command } from '@aws-sdk/client-s3';
import { afterEach, describe, expect, it } from 'vitest';
import { articles, deadLetters, faultRunUploads, fatesOf, sha256, startRun, type Run } from './harness';
import type { Extraction } from '../../lambdas/extract/types';

const runs: Run[] = [];
const start = async (...args: Parameters<typeof startRun>): Promise<Run> => {
  const run = await startRun(...args);
  runs.push(run);
  return run;
};
afterEach(async () => {
  await Promise.all(runs.splice(0).map((run) => run.close()));
});

/** Uploads every article, a few at a time, as several clients would. */
async function uploadAll(run: Run, uploads: ReturnType<typeof articles>): Promise<void> {
  let next = 0;
  await Promise.all(Array.from({ length: 4 }, async () => {
    while (next < uploads.length) {
      const upload = uploads[next++]!;
      await run.put(upload.key, upload.bytes);
    }
  }));
}

describe('faults between the handlers and S3', () => {
  it('20% of S3 requests failing: nothing lost, nothing dead-lettered, nothing written twice, the same bytes as without faults', async () => {
    const uploads = articles(faultRunUploads());
    const keys = uploads.map((u) => u.key);

    const clean = await start();
    await uploadAll(clean, uploads);
    await clean.pipeline.idle();
    const expected = await fatesOf(clean, keys);
    await clean.close();
    runs.splice(runs.indexOf(clean), 1);
    expect([...expected.values()].every((fate) => fate.kind === 'briefed')).toBe(true);

    const faulty = await start({ proxy: { rate: 0.2, seed: 15 } });
    await uploadAll(faulty, uploads);
    await faulty.pipeline.idle();
    const fates = await fatesOf(faulty, keys);

    const proxy = faulty.proxy!;
    const injected = Object.values(proxy.injected).reduce((a, b) => a + b, 0);
    // The faults did happen: about one request in five, of every kind.
    expect(injected / proxy.requests).toBeGreaterThan(0.15);
    expect(Object.keys(proxy.injected).sort()).toEqual(['delay', 'drop-after', 'drop-before', 'error-after', 'error-before']);

    expect(deadLetters(faulty)).toEqual([]);
    for (const key of keys) {
      const fate = fates.get(key)!;
      const want = expected.get(key)!;
      expect(fate.kind, `${key}: ${fate.kind === 'missing' ? fate.why : fate.kind === 'error' ? fate.record.reason : ''}`).toBe('briefed');
      if (fate.kind !== 'briefed' || want.kind !== 'briefed') continue;
      expect(sha256(fate.figures), `${key} figures`).toBe(sha256(want.figures));
      expect(sha256(fate.pdf), `${key} PDF`).toBe(sha256(want.pdf));
    }
    // One write per output: the render stage ran once per article, whatever was retried.
    const twice = [...faulty.writes].filter(([, n]) => n !== 1);
    expect(twice).toEqual([]);
    expect([...faulty.writes.keys()].filter((k) => k.startsWith('briefings/')).length).toBe(keys.length);
    expect([...faulty.writes.keys()].filter((k) => k.startsWith('errors/'))).toEqual([]);
    // The accounting, for whoever runs `npm run reliability`.
    console.info(`20% faults: ${keys.length} uploads, ${proxy.requests} S3 requests through the proxy, ${injected} faults injected (${Object.entries(proxy.injected).map(([k, n]) => `${k} ${n}`).join(', ')}); `
      + `${[...fates.values()].filter((f) => f.kind === 'briefed').length} briefed with a fault-free run's bytes, ${deadLetters(faulty).length} dead letters, ${twice.length} outputs written twice`);
  }, 240_000 * Math.ceil(faultRunUploads() / 30));

  it('S3 requests that never answer: the stage gives up on them within its timeout and carries on', async () => {
    const run = await start({ proxy: {} });
    let hung = 0;
    // The first two downloads of an article never answer, as a stuck connection would.
    run.proxy!.rule((request) => (request.method === 'GET' && request.path.startsWith('articles/') && hung < 2 ? (hung++, 'hang') : null));
    const started = Date.now();
    const uploads = articles(3);
    for (const upload of uploads) await run.put(upload.key, upload.bytes);
    await run.pipeline.idle();
    const seconds = (Date.now() - started) / 1000;

    expect(hung).toBe(2);
    const fates = await fatesOf(run, uploads.map((u) => u.key));
    expect([...fates.values()].map((fate) => fate.kind)).toEqual(['briefed', 'briefed', 'briefed']);
    // The SDK's 5 s socket timeout ends each stuck request, long before the invocation's 30 s.
    expect(seconds).toBeLessThan(20);
    expect(deadLetters(run)).toEqual([]);
    expect(run.lines.filter((line) => line.startsWith('retry'))).toEqual([]);
  }, 60_000);
});

describe('duplicates and versions', () => {
  it('the same bytes PUT twice at the same moment are extracted into one figures write and rendered once', async () => {
    const run = await start({ proxy: {} });
    // Every write of figures takes a second: both deliveries look before either of them writes.
    run.proxy!.rule((request) => (request.method === 'PUT' && request.path.startsWith('briefings/figures/') ? { delayMs: 1_000 } : null));
    const uploads = articles(3);
    for (const upload of uploads) {
      // Two notifications of one version, handled side by side (two invocations at once).
      await Promise.all([run.put(upload.key, upload.bytes), run.put(upload.key, upload.bytes)]);
      await run.pipeline.idle();
    }
    for (const { key } of uploads) {
      const stem = key.replace(/\.[^.]*$/, '');
      expect(run.writes.get(`figures/${stem}.json`), key).toBe(1);
      expect(run.writes.get(`briefings/${stem}.pdf`), key).toBe(1);
    }
    const fates = await fatesOf(run, uploads.map((u) => u.key));
    expect([...fates.values()].every((fate) => fate.kind === 'briefed')).toBe(true);
  }, 60_000);

  /** Delays the first PUT of `key` by 3 s and resolves when that PUT has arrived. */
  function delayFirstPut(run: Run, path: string): Promise<void> {
    let seen = false;
    return new Promise((resolve) => {
      run.proxy!.rule((request) => {
        if (seen || request.method !== 'PUT' || request.path !== path) return null;
        seen = true;
        resolve();
        return { delayMs: 3_000 };
      });
    });
  }

  it("an older version's delayed write never replaces the newer version's outputs", async () => {
    const run = await start({ proxy: {} });
    const [older, newer] = articles(2);
    const arrived = delayFirstPut(run, 'briefings/figures/story.json');
    await run.put('story.txt', older!.bytes);
    await arrived;
    const newerEtag = await run.put('story.txt', newer!.bytes);
    await run.pipeline.idle();
    // The delayed write may land or be refused; either way the newer version wins in the end.
    await new Promise((resolve) => setTimeout(resolve, 3_500));
    await run.pipeline.idle();

    const fate = (await fatesOf(run, ['story.txt'])).get('story.txt')!;
    expect(fate.kind).toBe('briefed');
    if (fate.kind !== 'briefed') return;
    const extraction = JSON.parse(new TextDecoder().decode(fate.figures)) as Extraction;
    expect(extraction.article.sha256).toBe(sha256(newer!.bytes));
    expect(newerEtag).toBeTruthy();
  }, 60_000);

  it("a newer version's error record and an older version's briefing never stand side by side, either way round", async () => {
    const run = await start({ proxy: {} });
    const [good] = articles(1);
    const binary = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);

    // Older good version delayed, newer one refused: only the error record remains.
    const figuresArrived = delayFirstPut(run, 'briefings/figures/first.json');
    await run.put('first.txt', good!.bytes);
    await figuresArrived;
    await run.put('first.txt', binary);
    // Older refused version delayed, newer one good: only the briefing remains.
    const errorArrived = delayFirstPut(run, 'briefings/errors/second.txt.json');
    await run.put('second.txt', binary);
    await errorArrived;
    await run.put('second.txt', good!.bytes);
    await new Promise((resolve) => setTimeout(resolve, 3_500));
    await run.pipeline.idle();

    const fates = await fatesOf(run, ['first.txt', 'second.txt']);
    expect(fates.get('first.txt')).toMatchObject({ kind: 'error', record: { error: 'binary' } });
    expect(fates.get('second.txt')!.kind).toBe('briefed');
    const listed = (await run.client.send(new ListObjectsV2Command({ Bucket: run.pipeline.outputBucket }))).Contents?.map((o) => o.Key).sort();
    expect(listed).toEqual(['briefings/second.pdf', 'errors/first.txt.json', 'figures/second.json']);
  }, 60_000);
});
