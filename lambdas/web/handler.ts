/**
 * Lambda entry of the deployed page's API (env: INPUT_BUCKET, OUTPUT_BUCKET, MAX_BYTES,
 * DOWNLOAD_URL_SECONDS, WEB_FETCHES). Built once per container.
 */
import { Logger } from '@aws-lambda-powertools/logger';
import { optionalPositiveIntEnv, requiredEnv } from '../handlers/runtime';
import { s3ClientFromEnv } from '../handlers/sdk-clients';
import { DEFAULT_MAX_BYTES } from '../intake/types';
import { createDeployedApi } from './deployed-api';

const s3 = s3ClientFromEnv();
const logger = new Logger({ serviceName: 'briefing-web' });

export const handler = createDeployedApi({
  s3,
  store: { s3, inputBucket: requiredEnv('INPUT_BUCKET'), outputBucket: requiredEnv('OUTPUT_BUCKET') },
  maxBytes: optionalPositiveIntEnv('MAX_BYTES') ?? DEFAULT_MAX_BYTES,
  downloadSeconds: optionalPositiveIntEnv('DOWNLOAD_URL_SECONDS') ?? 3600,
  uploadSeconds: 300,
  fetches: process.env.WEB_FETCHES !== 'false',
  logError: (message, error) => logger.error(message, { error: error as Error }),
});
