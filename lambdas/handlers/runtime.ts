/**
 * Lambda-side configuration: environment variables and the one S3 client a warm container
 * reuses. `AWS_ENDPOINT_URL_S3` points it at an S3-compatible server (s3rver locally), which
 * needs path-style URLs and no flexible checksums (s3rver stores aws-chunked framing as data).
 */
import { EventBridgeClient } from '@aws-sdk/client-eventbridge';
import { S3Client } from '@aws-sdk/client-s3';
import { BriefingError } from '../core/errors';
import { eventBridgePublisher } from './eventbridge';
import type { EventPublisher } from './events';

export function s3ClientFromEnv(): S3Client {
  const custom = Boolean(process.env.AWS_ENDPOINT_URL_S3);
  return new S3Client(
    custom ? { forcePathStyle: true, requestChecksumCalculation: 'WHEN_REQUIRED', responseChecksumValidation: 'WHEN_REQUIRED' } : {},
  );
}

export function requiredEnv(name: string): string {
  const value = process.env[name];
  if (!value) throw new BriefingError('usage', 'missing_env', `environment variable ${name} is not set`);
  return value;
}

export function optionalPositiveIntEnv(name: string): number | undefined {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return undefined;
  const value = Number(raw);
  if (!Number.isInteger(value) || value <= 0) {
    throw new BriefingError('usage', 'bad_env', `environment variable ${name} must be a positive integer, got "${raw}"`);
  }
  return value;
}

/** EventBridge on the bus the stack names (EVENT_BUS_NAME); `undefined` (events off) without it. */
export function eventPublisherFromEnv(wrap: <C extends object>(client: C) => C = (client) => client): EventPublisher | undefined {
  const busName = process.env.EVENT_BUS_NAME;
  return busName ? eventBridgePublisher(wrap(new EventBridgeClient({})), busName) : undefined;
}
