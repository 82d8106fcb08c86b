/**
 * The local pipeline's core threads count as ready once their code is loaded, not when they come
 * online: a job sent earlier would spend its article's time budget loading the pipeline.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { afterAll, describe, expect, it } from 'vitest';
import { threadLoaded } from '../../local/core-pool';

const dir = mkdtempSync(join(tmpdir(), 'core-pool-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// A thread whose code takes a while to load (Atomics.wait blocks it 300 ms), then says so and
// marks the shared flag.
const slow = join(dir, 'slow.mjs');
writeFileSync(slow, [
  "import { parentPort, workerData } from 'node:worker_threads';",
  'Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 300);',
  'Atomics.store(new Int32Array(workerData), 0, 1);',
  'parentPort.postMessage({ loaded: true });',
].join('\n'));
const broken = join(dir, 'broken.mjs');
writeFileSync(broken, "throw new Error('cannot load');\n");

describe('threadLoaded', () => {
  it("resolves after the thread's code has run, where 'online' came before it", async () => {
    const flag = new SharedArrayBuffer(4);
    const worker = new Worker(slow, { workerData: flag });
    let loadedWhenOnline: number | null = null;
    worker.once('online', () => { loadedWhenOnline = Atomics.load(new Int32Array(flag), 0); });
    await threadLoaded(worker);
    expect(loadedWhenOnline).toBe(0);
    expect(Atomics.load(new Int32Array(flag), 0)).toBe(1);
    await worker.terminate();
  });

  it('resolves when the thread fails to load, so the pipeline starts and the job fails with the reason', async () => {
    const worker = new Worker(broken);
    await expect(threadLoaded(worker)).resolves.toBeUndefined();
  });
});
