/**
 * The AWS SDK's S3 client, for the handlers that list and copy (event, reconcile, the web API)
 * and the local tools, with the same bounds and retries as the extract and render handlers' own
 * client (runtime.ts). Against an S3-compatible server it needs path-style URLs and no flexible
 * checksums (s3rver stores aws-chunked framing as data).
 */
import { S3Client, type S3ClientConfig } from '@aws-sdk/client-s3';
import { JitteredRetryStrategy } from '../aws/retry';
import { type HandlerClientOptions, S3_TIMEOUTS } from './runtime';

export function handlerS3Client(options: Omit<HandlerClientOptions, 'tracer'> = {}): S3Client {
  const custom = options.endpoint !== undefined;
  return new S3Client({
    ...(custom ? { endpoint: options.endpoint, forcePathStyle: true, requestChecksumCalculation: 'WHEN_REQUIRED', responseChecksumValidation: 'WHEN_REQUIRED' } : {}),
    ...(options.region ? { region: options.region } : {}),
    ...(options.credentials ? { credentials: options.credentials as S3ClientConfig['credentials'] } : {}),
    retryStrategy: new JitteredRetryStrategy(options.retry),
    requestHandler: { ...S3_TIMEOUTS, ...options.timeouts, throwOnRequestTimeout: true },
  });
}

export function s3ClientFromEnv(): S3Client {
  const endpoint = process.env.AWS_ENDPOINT_URL_S3;
  return handlerS3Client(endpoint ? { endpoint } : {});
}
