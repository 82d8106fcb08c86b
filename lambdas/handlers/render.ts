/** Lambda entry of the render stage (env: OUTPUT_BUCKET). Built once per container. */
import { newLogger, newMetrics } from './observability';
import { createRenderHandler } from './render-handler';
import { requiredEnv, s3ClientFromEnv } from './runtime';

const SERVICE = 'briefing-render';

export const handler = createRenderHandler({
  s3: s3ClientFromEnv(),
  outputBucket: requiredEnv('OUTPUT_BUCKET'),
  logger: newLogger(SERVICE),
  metrics: newMetrics(SERVICE),
});
