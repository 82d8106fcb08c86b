/**
 * Lambda-side configuration: environment variables, and the clients a warm container reuses.
 * The extract and render handlers' S3 and EventBridge clients are the project's own
 * (lambdas/aws); the handlers that list and copy use the SDK's (sdk-clients.ts).
 * `AWS_ENDPOINT_URL_S3` points S3 at an S3-compatible server (s3rver locally, or the
 * fault-injecting proxy of tests/reliability), addressed path-style;
 * `AWS_ENDPOINT_URL_EVENTBRIDGE` points EventBridge elsewhere, and `AWS_ENDPOINT_URL` both, as
 * for the SDK. FIPS and dual-stack endpoints are not chosen from the AWS_USE_* switches: set the
 * endpoint itself.
 */
import type { AwsCallTracer } from '../aws/call';
import { type AwsCredentials, credentialsFromEnv } from '../aws/credentials';
import { EventBridgeEvents } from '../aws/eventbridge';
import { nodeHttpTransport } from '../aws/http';
import type { RetryOptions } from '../aws/retry';
import { S3Objects } from '../aws/s3';
import { BriefingError } from '../core/errors';
import { eventBridgePublisher } from './eventbridge';
import type { EventPublisher } from './events';

/**
 * Every S3 request is bounded: 3 s to connect, 10 s for the answer to start, 5 s of silence
 * while it streams. A request that never answers fails in seconds and is retried (aws/retry.ts),
 * instead of holding the invocation until Lambda kills it.
 */
export const S3_TIMEOUTS = { connectionTimeout: 3_000, requestTimeout: 10_000, socketTimeout: 5_000 } as const;

export interface HandlerClientOptions {
  /** An S3-compatible endpoint (path-style). Default: AWS. */
  readonly endpoint?: string;
  /** Credentials for that endpoint. Default: the environment's (the Lambda role's). */
  readonly credentials?: AwsCredentials;
  /** Default: AWS_REGION. */
  readonly region?: string;
  readonly retry?: RetryOptions;
  readonly timeouts?: Partial<Record<keyof typeof S3_TIMEOUTS, number>>;
  /** Records each call (X-Ray). */
  readonly tracer?: AwsCallTracer;
}

/** The region the function runs in; an error naming the variable when it is not set. */
export const regionFromEnv = (): string => requiredEnv('AWS_REGION');

/** The S3 client the extract and render handlers use, here, in the local pipeline and in the tests alike. */
export function handlerObjectStore(options: HandlerClientOptions = {}): S3Objects {
  return new S3Objects({
    region: options.region ?? regionFromEnv(),
    credentials: options.credentials ?? credentialsFromEnv(),
    transport: nodeHttpTransport({ ...S3_TIMEOUTS, ...options.timeouts }),
    ...(options.endpoint === undefined ? {} : { endpoint: options.endpoint }),
    ...(options.retry ? { retry: options.retry } : {}),
    ...(options.tracer ? { tracer: options.tracer } : {}),
  });
}

/** The endpoint the environment names for a service (`AWS_ENDPOINT_URL_<SERVICE>`, else `AWS_ENDPOINT_URL`); none: AWS's. */
function endpointFromEnv(service: 'S3' | 'EVENTBRIDGE'): string | undefined {
  for (const name of ['AWS_USE_FIPS_ENDPOINT', 'AWS_USE_DUALSTACK_ENDPOINT']) {
    if (process.env[name]?.toLowerCase() === 'true') {
      throw new BriefingError('usage', 'bad_env', `${name}=true is not supported by the handlers' AWS client: set AWS_ENDPOINT_URL_${service} to the endpoint to use instead`);
    }
  }
  return process.env[`AWS_ENDPOINT_URL_${service}`] || process.env.AWS_ENDPOINT_URL || undefined;
}

export function objectStoreFromEnv(tracer?: AwsCallTracer): S3Objects {
  const endpoint = endpointFromEnv('S3');
  return handlerObjectStore({ ...(endpoint ? { endpoint } : {}), ...(tracer ? { tracer } : {}) });
}

export function requiredEnv(name: string): string {
  const value = process.env[name];
  if (!value) throw new BriefingError('usage', 'missing_env', `environment variable ${name} is not set`);
  return value;
}

/** An integer of at least `min` from the environment; unset → undefined. */
export function optionalIntegerEnv(name: string, min: number): number | undefined {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return undefined;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min) {
    throw new BriefingError('usage', 'bad_env', `environment variable ${name} must be ${min === 1 ? 'a positive integer' : `an integer of at least ${min}`}, got "${raw}"`);
  }
  return value;
}

export const optionalPositiveIntEnv = (name: string): number | undefined => optionalIntegerEnv(name, 1);

/**
 * An event is announced after its outputs are written, so a slow EventBridge must not hold the
 * invocation: three tries, as the SDK makes, each within S3's bounds and the caller's signal.
 */
const EVENT_RETRY: RetryOptions = { maxAttempts: 3 };

/** EventBridge on the bus the stack names (EVENT_BUS_NAME); `undefined` (events off) without it. */
export function eventPublisherFromEnv(tracer?: AwsCallTracer): EventPublisher | undefined {
  const busName = process.env.EVENT_BUS_NAME;
  if (!busName) return undefined;
  const endpoint = endpointFromEnv('EVENTBRIDGE');
  const events = new EventBridgeEvents({
    region: regionFromEnv(),
    credentials: credentialsFromEnv(),
    transport: nodeHttpTransport(S3_TIMEOUTS),
    retry: EVENT_RETRY,
    ...(endpoint ? { endpoint } : {}),
    ...(tracer ? { tracer } : {}),
  });
  return eventBridgePublisher(events, busName);
}
