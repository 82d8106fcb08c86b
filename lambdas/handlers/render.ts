/**
 * Lambda entry of the render stage (env: OUTPUT_BUCKET, TEMPLATE_PREFIXES). Built once per
 * container; the stage makes its own Powertools logger and metrics under its service name.
 */
import { createRenderHandler } from './render-handler';
import { requiredEnv, s3ClientFromEnv } from './runtime';
import { templatePrefixesFromEnv } from './template-choice';

export const handler = createRenderHandler({
  s3: s3ClientFromEnv(),
  outputBucket: requiredEnv('OUTPUT_BUCKET'),
  templatePrefixes: templatePrefixesFromEnv(),
});
