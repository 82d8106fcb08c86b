/**
 * One AWS API call as the handlers make it: signed (sigv4.ts), sent (http.ts), tried again while
 * the failure is transient (retry.ts: full jitter, every request its full number of tries, the
 * caller's AbortSignal bounding the whole), and traced (one subsegment per call, however many
 * tries it took). A refusal comes back as an AwsServiceError named by the service's error code,
 * with the SDK's `$metadata` shape, so code that reads `name` and `$metadata.httpStatusCode`
 * reads both alike.
 */
import type { AwsCredentials } from './credentials';
import type { HttpResponse, HttpTransport } from './http';
import { JitteredRetryStrategy, type RetryOptions } from './retry';
import { requestPath, type RequestTarget, sha256Hex, signHeaders } from './sigv4';

/** What an answer or an error says of the request. */
export interface CallMetadata {
  readonly httpStatusCode?: number;
  readonly requestId?: string;
  /** Tries made, the first included. */
  readonly attempts: number;
  readonly totalRetryDelay: number;
}

export interface AwsAnswer extends HttpResponse {
  readonly $metadata: CallMetadata;
}

/** The service refused the request: `name` is its error code (`NoSuchKey`, `PreconditionFailed`, `SlowDown`…). */
export class AwsServiceError extends Error {
  override readonly name: string;
  readonly $metadata: CallMetadata;
  readonly $fault: 'client' | 'server';

  constructor(code: string, message: string, metadata: CallMetadata) {
    super(message);
    this.name = code;
    this.$metadata = metadata;
    this.$fault = (metadata.httpStatusCode ?? 500) >= 500 ? 'server' : 'client';
  }
}

/** Records each call (X-Ray: lambdas/handlers/xray.ts); `run` takes the trace header to send with every try. */
export interface AwsCallTracer {
  traceAwsCall<T>(call: AwsCallInfo, run: (traceHeader: string | undefined) => Promise<T>): Promise<T>;
}

export interface AwsCallInfo {
  /** `S3`, `EventBridge`: the subsegment's name. */
  readonly client: string;
  /** `GetObject`, `PutEvents`. */
  readonly operation: string;
  readonly region: string;
}

/**
 * How far the service's clock is from ours, as the service last said it (a client keeps one): a
 * signature dated more than 15 minutes off is refused, and is made again with this added.
 */
export class SigningClock {
  private offsetMs = 0;

  now(): Date {
    return new Date(Date.now() + this.offsetMs);
  }

  /** Takes the service's `Date`; true when ours was off by more than five minutes and is now corrected. */
  correctFrom(serverDate: string | undefined): boolean {
    const theirs = Date.parse(serverDate ?? '');
    if (Number.isNaN(theirs) || Math.abs(theirs - this.now().getTime()) < 5 * 60_000) return false;
    this.offsetMs = theirs - Date.now();
    return true;
  }
}

export interface AwsClientConfig {
  readonly region: string;
  readonly credentials: AwsCredentials;
  readonly transport: HttpTransport;
  readonly retry?: RetryOptions;
  readonly tracer?: AwsCallTracer;
}

export interface AwsRequest extends RequestTarget {
  readonly operation: string;
  readonly method: string;
  /** Lower-case names; all signed. */
  readonly headers?: Readonly<Record<string, string>>;
  readonly body?: Uint8Array;
  readonly signal?: AbortSignal;
}

/** The code and message of a refusal, from the service's answer. */
export type ErrorReader = (response: HttpResponse) => { readonly code: string; readonly message: string };

/** What the services say when they want fewer requests. */
const THROTTLING = new Set(['SlowDown', 'Throttling', 'ThrottlingException', 'ThrottledException', 'RequestThrottled', 'RequestThrottledException', 'TooManyRequestsException', 'RequestLimitExceeded', 'ProvisionedThroughputExceededException', 'BandwidthLimitExceeded', 'EC2ThrottledException']);
/** Refusals of a signature dated too far from the service's clock. */
const CLOCK_SKEW = new Set(['RequestTimeTooSkewed', 'RequestExpired', 'RequestInTheFuture', 'InvalidSignatureException', 'SignatureDoesNotMatch', 'AuthFailure']);
/** Refusals that are not about the request itself. */
const TRANSIENT_CODES = new Set(['RequestTimeout', 'RequestTimeoutException', 'InternalError', 'InternalFailure', 'ServiceUnavailable']);
/** Network failures a new try may not meet. */
const TRANSIENT_NETWORK = new Set(['ECONNRESET', 'ECONNREFUSED', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN', 'ECONNABORTED', 'ENOTCONN']);

type ErrorType = 'TRANSIENT' | 'THROTTLING' | 'SERVER_ERROR' | 'CLIENT_ERROR';

function refusalType(status: number, code: string): ErrorType {
  // S3 answers 503 only to say "slow down"; a HEAD's has no body to say it in words.
  if (status === 429 || status === 503 || THROTTLING.has(code)) return 'THROTTLING';
  if (TRANSIENT_CODES.has(code)) return 'TRANSIENT';
  return status >= 500 ? 'SERVER_ERROR' : 'CLIENT_ERROR';
}

const isAbort = (error: unknown, signal: AbortSignal | undefined): boolean => signal?.aborted === true || (error as { name?: string })?.name === 'AbortError';
const networkCode = (error: unknown): string | undefined => (error as { code?: string })?.code;

/** Waits `ms`, or rejects when the signal fires first. */
function pause(ms: number, signal: AbortSignal | undefined): Promise<void> {
  const aborted = (): Error => (signal!.reason instanceof Error ? signal!.reason : Object.assign(new Error('the request was aborted'), { name: 'AbortError' }));
  if (signal?.aborted) return Promise.reject(aborted());
  if (ms <= 0) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(aborted());
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

const EMPTY_HASH = sha256Hex('');

/** `Retry-After` in seconds or as an HTTP date; undefined when absent or unreadable. */
function retryAfterOf(value: string | undefined): Date | undefined {
  if (value === undefined) return undefined;
  const seconds = Number(value);
  const at = /^\d+$/.test(value.trim()) ? Date.now() + seconds * 1000 : Date.parse(value);
  return Number.isFinite(at) && at > Date.now() ? new Date(at) : undefined;
}

/** Sends `request` to `service` until it succeeds, is refused for good, or its tries run out. */
export async function callAws(config: AwsClientConfig, service: { readonly signingName: string; readonly client: string }, request: AwsRequest, readError: ErrorReader, clock: SigningClock): Promise<AwsAnswer> {
  const strategy = new JitteredRetryStrategy(config.retry);
  const run = async (traceHeader: string | undefined): Promise<AwsAnswer> => {
    const payloadHash = request.body ? sha256Hex(request.body) : EMPTY_HASH;
    let token = await strategy.acquireInitialRetryToken();
    let totalRetryDelay = 0;
    for (;;) {
      const attempts = token.getRetryCount() + 1;
      let failure: { error: unknown; type: ErrorType; retryAfter?: Date };
      try {
        const headers = signHeaders({ ...request, headers: { ...request.headers, 'x-amz-content-sha256': payloadHash }, payloadHash }, config.credentials, { region: config.region, service: service.signingName }, clock.now());
        // Left out of the signature, as the SDK leaves it: X-Ray adds it, the service does not check it.
        if (traceHeader) headers['x-amzn-trace-id'] = traceHeader;
        const response = await config.transport.send({ method: request.method, origin: request.origin, path: requestPath(request), headers, body: request.body }, request.signal);
        const metadata: CallMetadata = {
          httpStatusCode: response.status,
          requestId: response.headers['x-amz-request-id'] ?? response.headers['x-amzn-requestid'],
          attempts,
          totalRetryDelay,
        };
        if (response.status < 300) return { ...response, $metadata: metadata };
        const { code, message } = readError(response);
        const error = new AwsServiceError(code, message, metadata);
        const retryAfter = retryAfterOf(response.headers['retry-after']);
        // A signature refused for its date is made again at once, dated by the service's clock.
        const skewed = CLOCK_SKEW.has(code) && clock.correctFrom(response.headers.date);
        failure = { error, type: skewed ? 'TRANSIENT' : refusalType(response.status, code), ...(retryAfter ? { retryAfter } : {}) };
      } catch (error) {
        if (isAbort(error, request.signal)) throw error;
        const code = networkCode(error);
        if (error instanceof Error && (error.name === 'TimeoutError' || (code !== undefined && TRANSIENT_NETWORK.has(code)))) {
          failure = { error: Object.assign(error, { $metadata: { attempts, totalRetryDelay } }), type: 'TRANSIENT' };
        } else {
          throw error;
        }
      }
      try {
        token = await strategy.refreshRetryTokenForRetry(token, { errorType: failure.type, ...(failure.retryAfter ? { retryAfterHint: failure.retryAfter } : {}) });
      } catch {
        throw failure.error;
      }
      totalRetryDelay += token.getRetryDelay();
      await pause(token.getRetryDelay(), request.signal);
    }
  };
  return config.tracer ? config.tracer.traceAwsCall({ client: service.client, operation: request.operation, region: config.region }, run) : run(undefined);
}
