/**
 * One `briefing batch` worker thread: takes one job at a time from the main thread, runs the
 * whole pure pipeline on it (bytes → Extraction → PDF) and writes `<out>.json` and `<out>.pdf`.
 * Every failure goes back as a reason; nothing here may end the thread.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { parentPort } from 'node:worker_threads';
import { isBriefingError } from '../../lambdas/core/errors';
import { briefingFromBytes } from '../../lambdas/core/pipeline';
import { DEFAULT_MAX_BYTES } from '../../lambdas/intake/types';
import { readInputFile } from '../../cli/input';
import type { BatchJob, BatchReply } from './protocol';

async function run(job: BatchJob): Promise<BatchReply> {
  const started = performance.now();
  try {
    const bytes = await readInputFile(job.file, DEFAULT_MAX_BYTES);
    const { extraction, pdf } = await briefingFromBytes(bytes, { name: job.name, published: job.published ?? null });
    await mkdir(dirname(job.outBase), { recursive: true });
    await Promise.all([
      writeFile(`${job.outBase}.json`, `${JSON.stringify(extraction, null, 2)}\n`),
      writeFile(`${job.outBase}.pdf`, pdf),
    ]);
    return { id: job.id, ok: true, figures: extraction.figures.length, ms: performance.now() - started };
  } catch (error) {
    // A BriefingError's message is the reason a person can act on; anything else is a bug, named as such.
    const reason = isBriefingError(error) ? error.message : `internal error: ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}`;
    return { id: job.id, ok: false, reason, ms: performance.now() - started };
  }
}

// One article at a time, in the order received: the main thread sends the next one ahead so
// this thread never waits for it, and the articles must not compete for the thread's CPU.
let queue: Promise<void> = Promise.resolve();
parentPort?.on('message', (job: BatchJob) => {
  queue = queue.then(() => run(job)).then((reply) => parentPort?.postMessage(reply));
});
