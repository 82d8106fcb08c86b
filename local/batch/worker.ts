/**
 * One `briefing batch` worker thread: takes jobs from the main thread, runs the whole pure
 * pipeline on each (bytes → Extraction → PDF) and writes `<out>.json` and `<out>.pdf`.
 * Every failure goes back as a reason; nothing here ends the thread but the main thread's word
 * that there is no more work.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { parentPort } from 'node:worker_threads';
import { BriefingError, describeError, isBriefingError } from '../../lambdas/core/errors';
import { briefingFromBytes } from '../../lambdas/pipeline';
import type { Extraction } from '../../lambdas/extract/types';
import { DEFAULT_MAX_BYTES } from '../../lambdas/intake/types';
import { readInputFile } from '../input-file';
import type { BatchJob, BatchMessage, BatchReply } from './protocol';

// A BriefingError's message is the reason a person can act on; anything else is a bug, named as such.
const reasonOf = (error: unknown): string =>
  isBriefingError(error) ? error.message : `internal error: ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}`;

/** Output folders already made by this thread. */
const madeDirs = new Set<string>();

/**
 * An article's files, written before the next article is briefed. Synchronously: the thread has
 * nothing else to do meanwhile, and writing through fs/promises (open, write and close each a trip
 * to libuv's thread pool, on the cores the threads brief on) made a 500-article `--jobs 2` batch
 * 5-6% slower (6.3-6.5 s against 6.0-6.1 s, 4 interleaved rounds).
 */
function write(job: BatchJob, extraction: Extraction, pdf: Uint8Array): void {
  const dir = dirname(job.outBase);
  if (!madeDirs.has(dir)) {
    refusedAs(dir, () => mkdirSync(dir, { recursive: true }));
    madeDirs.add(dir);
  }
  // The briefing first: a disk that refuses it leaves no figures file behind without its PDF.
  writeOutput(`${job.outBase}.pdf`, pdf);
  writeOutput(`${job.outBase}.json`, `${JSON.stringify(extraction, null, 2)}\n`);
}

const writeOutput = (file: string, data: string | Uint8Array): void => refusedAs(file, () => writeFileSync(file, data));

/** What the disk refused is the article's failure, said with the path's name (a full disk, a folder or a file in its place). */
function refusedAs(path: string, write: () => unknown): void {
  try {
    write();
  } catch (error) {
    throw new BriefingError('storage', 'write_failed', `could not write ${path}: ${describeError(error)}`, { cause: error, permanent: false });
  }
}

// Articles are briefed one at a time, in the order received (the main thread sends the next one
// ahead, so this thread never waits for it).
let briefing: Promise<unknown> = Promise.resolve();

parentPort?.on('message', (job: BatchMessage) => {
  // No more work: every article sent has been answered, so its files are written. Exiting runs
  // the exit handlers (a training build writes the thread's code cache in one) whatever handle
  // might still hold the event loop.
  if (job === null) return process.exit(0);
  let started = 0;
  const result = briefing.then(async () => {
    started = performance.now();
    const bytes = await readInputFile(job.file, DEFAULT_MAX_BYTES);
    return briefingFromBytes(bytes, { name: job.name, published: job.published ?? null });
  });
  briefing = result.catch(() => undefined);
  void result
    .then(({ extraction, pdf }): BatchReply => {
      write(job, extraction, pdf);
      return { id: job.id, ok: true, figures: extraction.figures.length, ms: performance.now() - started };
    })
    .catch((error: unknown): BatchReply => ({ id: job.id, ok: false, reason: reasonOf(error), refused: isBriefingError(error) && error.permanent, ms: performance.now() - started }))
    .then((reply) => parentPort?.postMessage(reply));
});
