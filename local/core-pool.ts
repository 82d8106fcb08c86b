/**
 * The local pipeline's stage cores on worker threads, as each Lambda invocation has its own
 * execution environment: a slow article never blocks the S3 server or the other stage (they
 * share one event loop with the handlers), and work that overruns its time is stopped by
 * terminating its thread — the budget is enforced, not just checked between steps. A thread
 * that dies (out of memory, a crash) costs only the article it was working on; a new one takes
 * its place.
 */
import type { Worker } from 'node:worker_threads';
import { BriefingError, type Stage } from '../lambdas/core/errors';
import type { CoreBudget, ExtractCore, ExtractResult, RenderCore, RenderResult } from '../lambdas/handlers/cores';
import { workerStarter } from './batch/worker-bundle';
import { isLoaded, type CoreJob, type CoreMessage, type SentError } from './core-protocol';

/** Each thread's heap, as a Lambda function's memory (the extract stage's default, 1024 MB). */
const HEAP_MB = 1024;

const workerUrl = new URL(`./core-worker${import.meta.url.endsWith('.ts') ? '.ts' : '.js'}`, import.meta.url);

interface Pending {
  readonly job: CoreJob;
  readonly budget: CoreBudget;
  resolve(result: ExtractResult | RenderResult): void;
  reject(error: unknown): void;
}

const received = (error: SentError): Error => {
  if (error.briefing) {
    const { stage, code, permanent, context } = error.briefing;
    return new BriefingError(stage as Stage, code, error.message, { permanent, context });
  }
  return Object.assign(new Error(error.message), { name: error.name });
};

/**
 * Resolves once the thread's code is loaded: on its `loaded` message (core-worker.ts sends it
 * after its imports), or when it fails to start. Not on 'online', which fires before the thread
 * runs any of its code.
 */
export function threadLoaded(worker: Worker): Promise<void> {
  return new Promise((resolve) => {
    const done = (): void => {
      worker.off('message', onMessage);
      resolve();
    };
    const onMessage = (message: CoreMessage): void => {
      if (isLoaded(message)) done();
    };
    worker.on('message', onMessage);
    worker.once('error', done);
    worker.once('exit', done);
  });
}

class Lane {
  private worker: Worker;
  current: { pending: Pending; timer: NodeJS.Timeout } | null = null;
  /** Resolves once the first thread has loaded its code (or failed to). */
  readonly ready: Promise<void>;

  constructor(private readonly start: () => Worker, private readonly onFree: () => void) {
    this.worker = this.spawn();
    this.ready = threadLoaded(this.worker);
  }

  run(pending: Pending): void {
    // Stopped outright once the article's time is up; the budget then says which limit it was.
    const timer = setTimeout(() => this.fail(this.overrun(pending), true), Math.max(1, pending.budget.remainingMs));
    this.current = { pending, timer };
    this.worker.postMessage(pending.job);
  }

  async close(): Promise<void> {
    this.worker.removeAllListeners();
    const current = this.current;
    if (current) {
      clearTimeout(current.timer);
      this.current = null;
      current.pending.reject(new BriefingError('storage', 'stopping', 'the local pipeline stopped while this article was being worked on', { permanent: false }));
    }
    await this.worker.terminate();
  }

  private overrun(pending: Pending): unknown {
    const step = pending.job.kind === 'extract' ? 'extracting the figures' : 'rendering the briefing';
    try {
      pending.budget.checkpoint(step);
    } catch (error) {
      return error;
    }
    return new BriefingError(pending.job.kind as Stage, 'over_budget', `${step} ran out of time`, { permanent: true });
  }

  private spawn(): Worker {
    const worker = this.start();
    worker.on('message', (reply: CoreMessage) => {
      if (isLoaded(reply)) return;
      const current = this.current;
      if (!current || current.pending.job.id !== reply.id) return;
      this.finish();
      if (reply.ok) current.pending.resolve(reply.result);
      else current.pending.reject(received(reply.error));
    });
    worker.on('error', (error) => this.fail(new Error(`the core worker crashed: ${error.message}`), false));
    worker.on('exit', (code) => this.fail(new Error(`the core worker exited (code ${code})`), false));
    return worker;
  }

  /** The job in flight fails; the thread is replaced (terminated first when still running). */
  private fail(error: unknown, terminate: boolean): void {
    const current = this.current;
    const old = this.worker;
    old.removeAllListeners();
    if (terminate) void old.terminate();
    this.worker = this.spawn();
    if (!current) return;
    this.finish();
    current.pending.reject(error);
  }

  private finish(): void {
    if (this.current) clearTimeout(this.current.timer);
    this.current = null;
    this.onFree();
  }
}

export interface CorePool {
  readonly extract: ExtractCore;
  readonly render: RenderCore;
  close(): Promise<void>;
}

/** `size` threads per stage, started now so the first article does not wait for them. */
export async function startCorePool(size: number): Promise<CorePool> {
  const start = await workerStarter(workerUrl, { maxOldGenerationSizeMb: HEAP_MB });
  let nextId = 1;
  const pools = new Map<CoreJob['kind'], { lanes: Lane[]; waiting: Pending[] }>();
  const poolFor = (kind: CoreJob['kind']) => {
    const pool = { lanes: [] as Lane[], waiting: [] as Pending[] };
    const dispatch = (): void => {
      for (const lane of pool.lanes) {
        if (lane.current || pool.waiting.length === 0) continue;
        lane.run(pool.waiting.shift()!);
      }
    };
    for (let i = 0; i < size; i++) pool.lanes.push(new Lane(start, () => queueMicrotask(dispatch)));
    pools.set(kind, pool);
    return (job: CoreJob, budget: CoreBudget) =>
      new Promise<ExtractResult | RenderResult>((resolve, reject) => {
        pool.waiting.push({ job, budget, resolve, reject });
        dispatch();
      });
  };
  const extract = poolFor('extract');
  const render = poolFor('render');
  // A thread takes a second or more to load the pipeline's code: pay that at start, not in the
  // first article's invocation time.
  await Promise.all([...pools.values()].flatMap((pool) => pool.lanes.map((lane) => lane.ready)));
  return {
    extract: async (request, budget) => (await extract({ id: nextId++, kind: 'extract', request }, budget)) as ExtractResult,
    render: async (request, budget) => (await render({ id: nextId++, kind: 'render', request }, budget)) as RenderResult,
    async close() {
      const lanes = [...pools.values()].flatMap((pool) => pool.lanes);
      for (const pool of pools.values()) {
        for (const pending of pool.waiting.splice(0)) pending.reject(new BriefingError('storage', 'stopping', 'the local pipeline is stopping', { permanent: false }));
      }
      await Promise.all(lanes.map((lane) => lane.close()));
    },
  };
}
