/**
 * Lambda-side configuration: environment variables and the one S3 client a warm container
 * reuses. `AWS_ENDPOINT_URL_S3` points it at an S3-compatible server (s3rver locally, or the
 * fault-injecting proxy of tests/reliability), which needs path-style URLs and no flexible
 * checksums (s3rver stores aws-chunked framing as data).
 */
import { EventBridgeClient } from '@aws-sdk/client-eventbridge';
import { S3Client, type S3ClientConfig } from '@aws-sdk/client-s3';
import { BriefingError } from '../core/errors';
import { eventBridgePublisher } from './eventbridge';
import type { EventPublisher } from './events';
import { JitteredRetryStrategy, type RetryOptions } from './retry';

/**
 * Every S3 request is bounded: 3 s to connect, 10 s for the answer to start, 5 s of silence
 * while it streams. A request that never answers fails in seconds and is retried (retry.ts),
 * instead of holding the invocation until Lambda kills it.
 */
export const S3_TIMEOUTS = { connectionTimeout: 3_000, requestTimeout: 10_000, socketTimeout: 5_000 } as const;

export interface HandlerClientOptions {
  /** An S3-compatible endpoint (path-style, checksums only when required). Default: AWS. */
  readonly endpoint?: string;
  /** Credentials for that endpoint. Default: the SDK's chain (the Lambda role). */
  readonly credentials?: S3ClientConfig['credentials'];
  readonly region?: string;
  readonly retry?: RetryOptions;
  readonly timeouts?: Partial<Record<keyof typeof S3_TIMEOUTS, number>>;
}

/** The S3 client the handlers use, here, in the local pipeline and in the tests alike. */
export function handlerS3Client(options: HandlerClientOptions = {}): S3Client {
  const custom = options.endpoint !== undefined;
  return new S3Client({
    ...(custom ? { endpoint: options.endpoint, forcePathStyle: true, requestChecksumCalculation: 'WHEN_REQUIRED', responseChecksumValidation: 'WHEN_REQUIRED' } : {}),
    ...(options.region ? { region: options.region } : {}),
    ...(options.credentials ? { credentials: options.credentials } : {}),
    retryStrategy: new JitteredRetryStrategy(options.retry),
    requestHandler: { ...S3_TIMEOUTS, ...options.timeouts, throwOnRequestTimeout: true },
  });
}

export function s3ClientFromEnv(): S3Client {
  const endpoint = process.env.AWS_ENDPOINT_URL_S3;
  return handlerS3Client(endpoint ? { endpoint } : {});
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

/** EventBridge on the bus the stack names (EVENT_BUS_NAME); `undefined` (events off) without it. */
export function eventPublisherFromEnv(wrap: (client: EventBridgeClient) => EventBridgeClient = (client) => client): EventPublisher | undefined {
  const busName = process.env.EVENT_BUS_NAME;
  return busName ? eventBridgePublisher(wrap(new EventBridgeClient({})), busName) : undefined;
}
