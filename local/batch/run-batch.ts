/**
 * `briefing batch`: every article of a folder through the whole pipeline, without S3, on a pool
 * of worker threads (extraction and PDF layout are CPU-bound, so threads buy real parallelism).
 * A bad file is a result, not a stop: the run goes on and the caller lists the failures.
 */
import { readdir } from 'node:fs/promises';
import { extname, join, relative, resolve, sep } from 'node:path';
import { Worker } from 'node:worker_threads';
import { withoutExtension } from '../../lambdas/handlers/s3-keys';
import type { BatchJob, BatchMessage, BatchReply, JobOutcome } from './protocol';
import { tuneTieringForBatch } from './tiering';
import { workerStarter } from './worker-bundle';

export interface BatchOptions {
  readonly inDir: string;
  readonly outDir: string;
  readonly jobs: number;
  readonly published?: string | null;
  /** Called after each article, in completion order. */
  readonly onResult?: (result: BatchResult) => void;
}

export interface BatchResult {
  /** The article's path relative to the input folder. */
  readonly file: string;
  readonly ok: boolean;
  readonly reason: string | null;
  /** Failed because of the article itself (bad input), not of this run. */
  readonly refused: boolean;
  readonly figures: number;
  readonly ms: number;
}

export interface BatchSummary {
  readonly results: readonly BatchResult[];
  readonly ms: number;
  readonly workers: number;
}

/**
 * The article files of a folder and its subfolders, sorted. Hidden files (`.DS_Store`) and gold
 * annotations (`*.gold.json`, beside the articles they annotate) are not articles.
 */
export async function articleFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath ?? entry.path, entry.name)))
    .filter((file) => !file.split(sep).some((part) => part.startsWith('.')) && !file.endsWith('.gold.json'))
    .sort();
}

// Beside this module: worker.ts in the sources; in the CLI's build (dist/), worker.mjs, which runs
// worker.cjs through the code-cache loader (scripts/build-cli.ts) as dist/briefing.mjs runs the program.
const workerUrl = new URL(extname(new URL(import.meta.url).pathname) === '.ts' ? './worker.ts' : './worker.mjs', import.meta.url);

/** Articles sent to a worker ahead of the one it is working on. */
const IN_FLIGHT_PER_WORKER = 2;

/** How long a thread with no more work has to end by itself before it is stopped. */
const THREAD_END_GRACE_MS = 2_000;

/**
 * A thread with no more work is told so and ends by itself, its exit handlers run (a training
 * build writes the thread's code cache in one); one that has not ended a while later is stopped.
 */
function endThread(worker: Worker): void {
  const message: BatchMessage = null;
  worker.postMessage(message);
  setTimeout(() => void worker.terminate(), THREAD_END_GRACE_MS).unref();
}

export async function runBatch(options: BatchOptions): Promise<BatchSummary> {
  const started = performance.now();
  const inDir = resolve(options.inDir);
  const outDir = resolve(options.outDir);
  const files = await articleFiles(inDir);
  const results: BatchResult[] = [];
  const report = (result: BatchResult) => {
    results.push(result);
    options.onResult?.(result);
  };

  // `a.txt` and `a.md` would both write `a.pdf`: keep the first, refuse the rest by name.
  const owner = new Map<string, string>();
  const jobs: BatchJob[] = [];
  for (const file of files) {
    const base = withoutExtension(file);
    const first = owner.get(base);
    if (first) {
      report({ file, ok: false, reason: `would overwrite the briefing of ${first} (same name, other extension)`, refused: true, figures: 0, ms: 0 });
      continue;
    }
    owner.set(base, file);
    jobs.push({ id: jobs.length, file: join(inDir, file), name: file, outBase: join(outDir, base), published: options.published ?? null });
  }

  const workers = Math.max(1, Math.min(options.jobs, jobs.length));
  tuneTieringForBatch();
  const startWorker = await workerStarter(workerUrl);
  let next = 0;
  // Articles handed back by a crashed thread before it started them, tried again first.
  const retry: BatchJob[] = [];
  const take = (): BatchJob | null => retry.pop() ?? (next < jobs.length ? jobs[next++]! : null);
  const remaining = () => retry.length > 0 || next < jobs.length;
  await new Promise<void>((done) => {
    let running = 0;
    const finish = (job: BatchJob, reply: JobOutcome) => {
      report({
        file: job.name,
        ok: reply.ok,
        reason: reply.ok ? null : reply.reason,
        refused: !reply.ok && reply.refused,
        figures: reply.ok ? reply.figures : 0,
        ms: Math.round(reply.ms),
      });
    };
    const lane = () => {
      const worker = startWorker();
      // The worker runs its articles one after another, in the order sent (worker.ts); the
      // next one already waits there, so the thread never idles on a round trip to this one.
      const inFlight: BatchJob[] = [];
      let headStarted = 0;
      running += 1;
      const feed = () => {
        while (inFlight.length < IN_FLIGHT_PER_WORKER) {
          const job = take();
          if (!job) break;
          if (inFlight.length === 0) headStarted = performance.now();
          inFlight.push(job);
          worker.postMessage(job);
        }
        if (inFlight.length === 0) endThread(worker);
      };
      worker.on('message', (reply: BatchReply) => {
        const index = inFlight.findIndex((job) => job.id === reply.id);
        if (index >= 0) finish(inFlight.splice(index, 1)[0]!, reply);
        headStarted = performance.now();
        feed();
      });
      // A thread that dies (out of memory, a native crash) costs the article it was working on
      // only: that is the oldest one sent; the others go back to be run by another thread.
      worker.on('error', (error) => {
        const [crashed, ...waiting] = inFlight.splice(0);
        if (crashed) finish(crashed, { ok: false, reason: `worker crashed: ${error.message}`, refused: false, ms: performance.now() - headStarted });
        retry.push(...waiting.reverse());
      });
      worker.on('exit', () => {
        running -= 1;
        if (remaining()) lane();
        else if (running === 0) done();
      });
      worker.on('online', feed);
    };
    if (jobs.length === 0) return done();
    for (let i = 0; i < workers; i += 1) lane();
  });
  return { results, ms: performance.now() - started, workers };
}
