/**
 * One `briefing batch` worker thread: takes jobs from the main thread, runs the whole pure
 * pipeline on each (bytes → Extraction → PDF) and answers with the PDF and the figures JSON,
 * which the main thread writes (outputs.ts says why). Every failure goes back as a reason;
 * nothing here ends the thread but the main thread's word that there is no more work.
 */
import { parentPort } from 'node:worker_threads';
import { isBriefingError } from '../../lambdas/core/errors';
import { extractionJson } from '../../lambdas/extract/extraction-json';
import { briefingFromBytes } from '../../lambdas/pipeline';
import { DEFAULT_MAX_BYTES } from '../../lambdas/intake/types';
import { readInputFile } from '../input-file';
import { reasonOf, type BatchMessage, type BatchReply } from './protocol';

/** A PDF that is the whole of its buffer is handed over, not copied; one that is a view on a shared buffer is copied. */
const handedOver = (bytes: Uint8Array): ArrayBuffer[] =>
  bytes.buffer instanceof ArrayBuffer && bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength ? [bytes.buffer] : [];

// Articles are briefed one at a time, in the order received (the main thread sends the next one
// ahead, so this thread never waits for it).
let briefing: Promise<unknown> = Promise.resolve();

parentPort?.on('message', (job: BatchMessage) => {
  // No more work: every article sent has been answered. Exiting runs the exit handlers (a
  // training build writes the thread's code cache in one) whatever handle might still hold the
  // event loop.
  if (job === null) return process.exit(0);
  let started = 0;
  const result = briefing.then(async () => {
    started = performance.now();
    const bytes = await readInputFile(job.file, DEFAULT_MAX_BYTES);
    return briefingFromBytes(bytes, { name: job.name, published: job.published ?? null });
  });
  briefing = result.catch(() => undefined);
  void result
    .then(({ extraction, pdf }): BatchReply => ({
      id: job.id, ok: true, figures: extraction.figures.length, ms: performance.now() - started,
      pdf, figuresJson: extractionJson(extraction),
    }))
    .catch((error: unknown): BatchReply => ({ id: job.id, ok: false, reason: reasonOf(error), refused: isBriefingError(error) && error.permanent, ms: performance.now() - started }))
    .then((reply) => parentPort?.postMessage(reply, reply.ok ? handedOver(reply.pdf) : []));
});
