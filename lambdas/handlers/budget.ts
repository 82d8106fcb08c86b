/**
 * Time limits of one handler invocation and of one article's work.
 *
 * - The invocation ends a margin before the Lambda timeout (or a default without a Lambda
 *   context): every S3 request is aborted then, and the messages not finished are reported as
 *   failures, so a stuck call becomes a retry of that message instead of a killed invocation
 *   that loses the whole batch.
 * - An article's work has a budget that grows with its size. Work over the budget is an input
 *   fault (the same bytes would take as long again): the article gets an error record saying so.
 *   The pure core is synchronous, so the budget is checked at its step boundaries
 *   (`checkpoint`); a runner that isolates the core (the local pipeline's worker threads) can
 *   also stop it outright.
 */
import { BriefingError, type Stage } from '../core/errors';

/** Work on one article may use this much, plus `perMegabyteMs` per MB of input. */
export interface BudgetRule {
  readonly baseMs: number;
  readonly perMegabyteMs: number;
}

export const budgetFor = (rule: BudgetRule, bytes: number): number => Math.round(rule.baseMs + (rule.perMegabyteMs * bytes) / (1024 * 1024));

/** Without a Lambda context (tests, scripts) an invocation may run this long. */
export const DEFAULT_INVOCATION_MS = 30_000;

/** Stop this long before the Lambda timeout: enough to report failures and flush metrics. */
export const marginFor = (remainingMs: number): number => Math.min(5_000, Math.max(500, remainingMs * 0.1));

/** The invocation's deadline, as an AbortSignal the S3 calls take. */
export class InvocationClock {
  private readonly controller = new AbortController();
  private readonly timer: NodeJS.Timeout;
  readonly deadline: number;
  /** Time kept after the deadline: what is left to record a failure in. */
  readonly marginMs: number;

  constructor(remainingMs: number) {
    this.marginMs = marginFor(remainingMs);
    this.deadline = Date.now() + remainingMs - this.marginMs;
    this.timer = setTimeout(() => this.controller.abort(this.expired()), Math.max(0, this.deadline - Date.now()));
    // A pending deadline must never keep a finished process alive.
    this.timer.unref();
  }

  get signal(): AbortSignal {
    return this.controller.signal;
  }

  get remainingMs(): number {
    return this.deadline - Date.now();
  }

  /** Throws the temporary "out of time" error once the deadline has passed. */
  check(): void {
    if (Date.now() >= this.deadline) throw this.expired();
  }

  dispose(): void {
    clearTimeout(this.timer);
  }

  private expired(): BriefingError {
    return new BriefingError('storage', 'invocation_deadline', 'the invocation ran out of time before this message was finished; it will be retried', {
      permanent: false,
    });
  }
}

/** One article's work: its size-aware budget, within the invocation's deadline. */
export class ArticleBudget {
  private readonly started = performance.now();

  constructor(
    private readonly stage: Stage,
    readonly limitMs: number,
    readonly bytes: number,
    private readonly clock: InvocationClock,
  ) {}

  get elapsedMs(): number {
    return performance.now() - this.started;
  }

  /** Milliseconds the work may still take: the smaller of the budget and the invocation. */
  get remainingMs(): number {
    return Math.min(this.limitMs - this.elapsedMs, this.clock.remainingMs);
  }

  /** Called between steps of the core; throws when the article or the invocation is out of time. */
  readonly checkpoint = (step: string): void => {
    if (this.elapsedMs > this.limitMs) throw this.overBudget(step);
    this.clock.check();
  };

  /** The permanent error for work that took longer than this article's budget. */
  overBudget(step: string): BriefingError {
    const size = this.bytes < 1024 * 1024 ? `${Math.max(1, Math.round(this.bytes / 1024))} KB` : `${(this.bytes / (1024 * 1024)).toFixed(1)} MB`;
    return new BriefingError(this.stage, 'over_budget', `${step} took more than the ${(this.limitMs / 1000).toFixed(1)} s allowed for a ${size} input`, {
      permanent: true,
      context: { limitMs: this.limitMs, bytes: this.bytes, step },
    });
  }
}
