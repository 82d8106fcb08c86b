/** Lambda entry of the extract stage (env: OUTPUT_BUCKET, MAX_BYTES). Built once per container. */
import { createExtractHandler } from './extract-handler';
import { newLogger, newMetrics } from './observability';
import { optionalPositiveIntEnv, requiredEnv, s3ClientFromEnv } from './runtime';

const SERVICE = 'briefing-extract';

export const handler = createExtractHandler({
  s3: s3ClientFromEnv(),
  outputBucket: requiredEnv('OUTPUT_BUCKET'),
  maxBytes: optionalPositiveIntEnv('MAX_BYTES'),
  logger: newLogger(SERVICE),
  metrics: newMetrics(SERVICE),
});
