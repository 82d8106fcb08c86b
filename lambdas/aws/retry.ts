/**
 * How the handlers' S3 client retries: transient failures (5xx, throttling, timeouts, dropped
 * connections) up to `maxAttempts` tries, each wait drawn at random below an exponentially
 * growing cap ("full jitter"), so a burst of failures does not come back in lockstep.
 *
 * The SDK's standard strategy also keeps a retry quota per client (500 tokens, 5 per retry,
 * 1 back per success): under a sustained fault rate of 20% a warm container drains it within a
 * few hundred requests and then stops retrying at all, so every later fault fails a message.
 * Here nothing is rationed: each request gets its full number of tries, and the invocation's
 * deadline (an AbortSignal on every call) is what bounds the total time.
 */

/** The SDK's RetryStrategyV2 (@smithy/types), written out so no transitive package is imported. */
type RetryErrorType = 'TRANSIENT' | 'THROTTLING' | 'SERVER_ERROR' | 'CLIENT_ERROR';
interface RetryToken {
  getRetryCount(): number;
  getRetryDelay(): number;
}
interface RetryErrorInfo {
  readonly errorType: RetryErrorType;
  readonly retryAfterHint?: Date;
}
export interface RetryStrategyV2 {
  acquireInitialRetryToken(scope: string): Promise<RetryToken>;
  refreshRetryTokenForRetry(token: RetryToken, errorInfo: RetryErrorInfo): Promise<RetryToken>;
  recordSuccess(token: RetryToken): void;
}

export interface RetryOptions {
  /** Tries per request, the first included. Default 6. */
  readonly maxAttempts?: number;
  /** Cap of the first wait; doubled per retry. Default 100 ms (throttling: 500 ms). */
  readonly baseDelayMs?: number;
  /** No wait is longer than this. Default 5 s. */
  readonly maxDelayMs?: number;
  /** Where the jitter comes from; tests pass a fixed one. Default Math.random. */
  readonly random?: () => number;
}

const RETRYABLE: ReadonlySet<RetryErrorType> = new Set(['TRANSIENT', 'THROTTLING', 'SERVER_ERROR']);

const token = (count: number, delay: number): RetryToken => ({ getRetryCount: () => count, getRetryDelay: () => delay });

export class JitteredRetryStrategy implements RetryStrategyV2 {
  /** Read by the SDK for the `amz-sdk-request` header and user agent. */
  readonly mode = 'standard';
  readonly maxAttempts: number;
  private readonly baseDelayMs: number;
  private readonly maxDelayMs: number;
  private readonly random: () => number;

  constructor(options: RetryOptions = {}) {
    this.maxAttempts = options.maxAttempts ?? 6;
    this.baseDelayMs = options.baseDelayMs ?? 100;
    this.maxDelayMs = options.maxDelayMs ?? 5_000;
    this.random = options.random ?? Math.random;
  }

  async acquireInitialRetryToken(): Promise<RetryToken> {
    return token(0, 0);
  }

  async refreshRetryTokenForRetry(previous: RetryToken, info: RetryErrorInfo): Promise<RetryToken> {
    const retries = previous.getRetryCount() + 1;
    if (!RETRYABLE.has(info.errorType) || retries >= this.maxAttempts) throw new Error('no retry: the error is not transient or the tries are used up');
    const base = info.errorType === 'THROTTLING' ? Math.max(500, this.baseDelayMs) : this.baseDelayMs;
    const cap = Math.min(this.maxDelayMs, base * 2 ** (retries - 1));
    let delay = Math.floor(this.random() * cap);
    // S3's Retry-After, when it sends one, is a floor (bounded by the cap's ceiling).
    if (info.retryAfterHint) delay = Math.min(this.maxDelayMs, Math.max(delay, info.retryAfterHint.getTime() - Date.now()));
    return token(retries, delay);
  }

  recordSuccess(): void {}
}
