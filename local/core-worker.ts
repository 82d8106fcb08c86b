/**
 * A core worker thread of the local pipeline: runs one stage's pure work at a time (extraction
 * or rendering) for the handler that asked, and sends back the output bytes or the error. Its
 * time is limited by the pool, which stops the thread outright when the work overruns.
 */
import { parentPort } from 'node:worker_threads';
import { isBriefingError } from '../lambdas/core/errors';
import type { CoreBudget } from '../lambdas/handlers/cores';
import { extractInProcess } from '../lambdas/handlers/extract-core';
import { renderInProcess } from '../lambdas/handlers/render-core';
import type { CoreJob, CoreLoaded, CoreReply, SentError } from './core-protocol';

/** The pool enforces the budget from outside; inside, there is nothing to check between steps. */
const unbounded: CoreBudget = { remainingMs: Number.POSITIVE_INFINITY, checkpoint: () => {} };

const sent = (error: unknown): SentError => {
  if (isBriefingError(error)) {
    return { name: error.name, message: error.message, briefing: { stage: error.stage, code: error.code, permanent: error.permanent, context: { ...error.context } } };
  }
  return error instanceof Error ? { name: error.name, message: error.message } : { name: 'Error', message: String(error) };
};

parentPort?.on('message', (job: CoreJob) => {
  const work = job.kind === 'extract' ? extractInProcess(job.request, unbounded) : renderInProcess(job.request, unbounded);
  void work.then(
    (result) => {
      const reply: CoreReply = { id: job.id, ok: true, result };
      // The PDF's bytes move to the main thread instead of being copied, when they own their buffer.
      const pdf = 'pdf' in result ? result.pdf : null;
      const owned = pdf !== null && pdf.byteOffset === 0 && pdf.byteLength === pdf.buffer.byteLength;
      parentPort?.postMessage(reply, owned ? [pdf.buffer as ArrayBuffer] : []);
    },
    (error: unknown) => parentPort?.postMessage({ id: job.id, ok: false, error: sent(error) } satisfies CoreReply),
  );
});

// Last: every import above has been evaluated, so the pipeline's code is loaded. 'online' fires
// before any of it runs; a job sent on it would spend its article's time loading code.
parentPort?.postMessage({ loaded: true } satisfies CoreLoaded);
