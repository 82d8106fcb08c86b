/**
 * Lambda entry of the extract stage (env: OUTPUT_BUCKET, MAX_BYTES, TEMPLATE_PREFIXES). Built
 * once per container; the stage makes its own Powertools logger and metrics under its service name.
 */
import { createExtractHandler } from './extract-handler';
import { optionalPositiveIntEnv, requiredEnv, s3ClientFromEnv } from './runtime';
import { templatePrefixesFromEnv } from './template-choice';

export const handler = createExtractHandler({
  s3: s3ClientFromEnv(),
  outputBucket: requiredEnv('OUTPUT_BUCKET'),
  templatePrefixes: templatePrefixesFromEnv(),
  maxBytes: optionalPositiveIntEnv('MAX_BYTES'),
});
