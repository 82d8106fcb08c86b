/**
 * `briefing batch`: every article of a folder through the whole pipeline, without S3, on a pool
 * of worker threads (extraction and PDF layout are CPU-bound, so threads buy real parallelism).
 * A bad file is a result, not a stop: the run goes on and the caller lists the failures.
 */
import { readdir } from 'node:fs/promises';
import { extname, join, relative, resolve, sep } from 'node:path';
import { Worker } from 'node:worker_threads';
import { withoutExtension } from '../../lambdas/handlers/s3-keys';
import { writeOutputs } from './outputs';
import { reasonOf, type BatchJob, type BatchMessage, type BatchReply, type JobOutcome } from './protocol';
import { workerStarter } from './worker-bundle';

export interface BatchOptions {
  readonly inDir: string;
  readonly outDir: string;
  readonly jobs: number;
  readonly published?: string | null;
  /** Called after each article, in completion order. */
  readonly onResult?: (result: BatchResult) => void;
  /** Makes each worker thread: the batch worker (worker.ts) unless given (tests run threads that fail on purpose). */
  readonly startThread?: () => Worker;
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
  /** What went wrong with the threads themselves once their articles were done (outputs complete). */
  readonly warnings: readonly string[];
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

/** Threads in a row that cannot be made or end before they are given an article, before the rest is given up. */
const START_FAILURES_ALLOWED = 3;

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
  const startWorker = options.startThread ?? (await workerStarter(workerUrl));
  let next = 0;
  // Articles handed back by a crashed thread before it started them, tried again first.
  const retry: BatchJob[] = [];
  const take = (): BatchJob | null => retry.pop() ?? (next < jobs.length ? jobs[next++]! : null);
  const remaining = () => retry.length > 0 || next < jobs.length;
  const warnings: string[] = [];
  await new Promise<void>((done) => {
    let running = 0;
    let startFailures = 0;
    // The files of a briefed article (outputs.ts); a disk that refuses them fails the article.
    const madeDirs = new Set<string>();
    // An article's time is its worker's and its writes'.
    const written = (job: BatchJob, reply: Extract<BatchReply, { ok: true }>): JobOutcome => {
      const started = performance.now();
      try {
        writeOutputs({ outBase: job.outBase, pdf: reply.pdf, figuresJson: reply.figuresJson }, madeDirs);
        return { ok: true, figures: reply.figures, ms: reply.ms + performance.now() - started };
      } catch (error) {
        return { ok: false, reason: reasonOf(error), refused: false, ms: reply.ms + performance.now() - started };
      }
    };
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
    // Threads that cannot start (a broken build, no memory) would be replaced for ever: after a
    // few in a row, the articles left fail with the reason instead.
    const giveUp = (reason: string) => {
      for (let job = take(); job; job = take()) finish(job, { ok: false, reason: `worker threads could not start: ${reason}`, refused: false, ms: 0 });
    };
    // A thread that could not be made, or ended before it was given an article, made no progress.
    const noProgress = (reason: string) => {
      startFailures += 1;
      if (startFailures >= START_FAILURES_ALLOWED) giveUp(reason);
    };
    const lane = () => {
      let worker: Worker;
      try {
        worker = startWorker();
      } catch (error) {
        noProgress(error instanceof Error ? error.message : String(error));
        if (remaining()) lane();
        else if (running === 0) done();
        return;
      }
      // The worker runs its articles one after another, in the order sent (worker.ts); the
      // next one already waits there, so the thread never idles on a round trip to this one.
      const inFlight: BatchJob[] = [];
      let headStarted = 0;
      let sent = 0;
      let answered = 0;
      let lastError = '';
      let stopTimer: NodeJS.Timeout | undefined;
      running += 1;
      // A thread with no more work is told so and ends by itself, so its exit handlers run (a
      // training build writes the thread's code cache in one); one that has not ended a while
      // later is stopped.
      const end = () => {
        if (stopTimer) return;
        const message: BatchMessage = null;
        worker.postMessage(message);
        stopTimer = setTimeout(() => {
          warnings.push(`a worker thread did not end within ${THREAD_END_GRACE_MS / 1000} s of its last article and was stopped`);
          void worker.terminate();
        }, THREAD_END_GRACE_MS).unref();
      };
      // A thread that ends with articles sent (a crash, an exit of its own) costs the one it was
      // working on only: that is the oldest one sent; the others go back to another thread.
      const lose = (reason: string) => {
        const [crashed, ...waiting] = inFlight.splice(0);
        if (crashed) finish(crashed, { ok: false, reason, refused: false, ms: performance.now() - headStarted });
        retry.push(...waiting.reverse());
      };
      const feed = () => {
        while (inFlight.length < IN_FLIGHT_PER_WORKER) {
          const job = take();
          if (!job) break;
          if (inFlight.length === 0) headStarted = performance.now();
          inFlight.push(job);
          sent += 1;
          worker.postMessage(job);
        }
        if (inFlight.length === 0) end();
      };
      worker.on('message', (reply: BatchReply) => {
        const index = inFlight.findIndex((job) => job.id === reply.id);
        const job = index >= 0 ? inFlight.splice(index, 1)[0]! : undefined;
        answered += 1;
        headStarted = performance.now();
        // The thread's next article first, then this one's files.
        feed();
        if (job) finish(job, reply.ok ? written(job, reply) : reply);
      });
      worker.on('error', (error) => {
        lastError = error.message;
        if (inFlight.length > 0) lose(`worker crashed: ${error.message}`);
        else if (answered > 0) warnings.push(`a worker thread failed after its articles were done: ${error.message}`);
      });
      worker.on('exit', (code) => {
        clearTimeout(stopTimer);
        running -= 1;
        if (inFlight.length > 0) lose(`worker thread ended (exit code ${code}) while briefing it`);
        // One that was given an article has had it answered or failed (above): the batch moved on.
        if (sent === 0 && !stopTimer) noProgress(lastError || `exit code ${code}`);
        else startFailures = 0;
        if (remaining()) lane();
        else if (running === 0) done();
      });
      worker.on('online', feed);
    };
    if (jobs.length === 0) return done();
    for (let i = 0; i < workers; i += 1) lane();
  });
  return { results, ms: performance.now() - started, workers, warnings };
}
