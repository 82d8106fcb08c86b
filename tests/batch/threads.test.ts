/**
 * The batch's worker threads when they misbehave (local/batch/run-batch.ts), with real threads
 * running small scripts that fail on purpose: a thread that exits in the middle of an article,
 * one that never starts, one that will not end when its work is done. Every article ends with a
 * result, the run ends, and what went wrong is said.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { afterAll, describe, expect, it } from 'vitest';
import { runBatch } from '../../local/batch/run-batch';

const dir = mkdtempSync(join(tmpdir(), 'batch-threads-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const input = join(dir, 'in');
mkdirSync(input);
for (const name of ['a', 'b', 'c', 'd', 'e']) writeFileSync(join(input, `${name}.txt`), `Article ${name}.`);

/** A thread script: `onJob` runs on each article (answering it by default), `onEnd` on the word that the work is done. */
function thread(name: string, { onJob = 'answer(job)', onEnd = 'process.exit(0)', atStart = '' } = {}): () => Worker {
  const file = join(dir, `${name}.mjs`);
  writeFileSync(file, `import { parentPort } from 'node:worker_threads';
${atStart}
const answer = (job) => parentPort.postMessage({ id: job.id, ok: true, figures: 1, ms: 1, pdf: new Uint8Array(4), figuresJson: '{}' });
parentPort.on('message', (job) => { if (job === null) { ${onEnd}; return; } ${onJob}; });
`);
  return () => new Worker(pathToFileURL(file));
}

describe('the batch worker threads', () => {
  it('end by themselves once their work is done, every article answered', async () => {
    const summary = await runBatch({ inDir: input, outDir: join(dir, 'out1'), jobs: 2, startThread: thread('good') });
    expect(summary.results.map((r) => [r.file, r.ok])).toEqual(expect.arrayContaining([['a.txt', true], ['e.txt', true]]));
    expect(summary.results).toHaveLength(5);
    expect(summary.warnings).toEqual([]);
  });

  it('lose only the article a thread was on when it exits in the middle of it; the others go to a new thread', async () => {
    // Each thread is slow to answer its first article and exits when its second arrives: the first
    // is lost, the second goes to a new thread; a thread sent only one article answers it.
    const summary = await runBatch({
      inDir: input, outDir: join(dir, 'out2'), jobs: 1,
      startThread: thread('exits', { atStart: 'let seen = 0;', onJob: "seen += 1; if (seen === 2) process.exit(7); else if (seen === 1) setTimeout(() => answer(job), 20); else answer(job)" }),
    });
    expect(summary.results).toHaveLength(5);
    const failed = summary.results.filter((r) => !r.ok);
    expect(failed.length).toBeGreaterThan(0);
    for (const result of failed) expect(result.reason).toBe('worker thread ended (exit code 7) while briefing it');
    expect(summary.results.filter((r) => r.ok).length).toBeGreaterThan(0);
  });

  it('give up, with the reason, after three threads in a row that cannot be made, instead of trying for ever', async () => {
    let tries = 0;
    const file = pathToFileURL(join(dir, 'good.mjs'));
    const startThread = () => {
      tries += 1;
      return new Worker(file, { execArgv: ['--no-such-node-option'] });
    };
    const summary = await runBatch({ inDir: input, outDir: join(dir, 'out3'), jobs: 1, startThread });
    expect(tries).toBe(3);
    expect(summary.results).toHaveLength(5);
    for (const result of summary.results) {
      expect(result.ok).toBe(false);
      expect(result.reason).toMatch(/^worker threads could not start: .*--no-such-node-option/);
    }
  });

  it('fail each article whose thread cannot load, one thread each, and end', async () => {
    const missing = pathToFileURL(join(dir, 'no-such-thread.mjs'));
    const summary = await runBatch({ inDir: input, outDir: join(dir, 'out5'), jobs: 2, startThread: () => new Worker(missing) });
    expect(summary.results).toHaveLength(5);
    for (const result of summary.results) expect(result.reason).toMatch(/^worker crashed: .*no-such-thread\.mjs/);
  });

  it('stop a thread that does not end 2 s after its work is done, and say so', async () => {
    const summary = await runBatch({ inDir: input, outDir: join(dir, 'out4'), jobs: 1, startThread: thread('stays', { onEnd: 'setInterval(() => {}, 1000)' }) });
    expect(summary.results.every((r) => r.ok)).toBe(true);
    expect(summary.warnings).toEqual(['a worker thread did not end within 2 s of its last article and was stopped']);
  });
});
