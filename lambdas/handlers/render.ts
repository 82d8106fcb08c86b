/**
 * Lambda entry of the render stage (env: OUTPUT_BUCKET). Built once per container; the stage
 * makes its own Powertools logger and metrics under its service name.
 */
import { createRenderHandler } from './render-handler';
import { requiredEnv, s3ClientFromEnv } from './runtime';

export const handler = createRenderHandler({
  s3: s3ClientFromEnv(),
  outputBucket: requiredEnv('OUTPUT_BUCKET'),
});
