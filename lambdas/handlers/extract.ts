/**
 * Lambda entry of the extract stage (env: OUTPUT_BUCKET, MAX_BYTES, TEMPLATE_PREFIXES,
 * EVENT_BUS_NAME, MAX_RECEIVE_COUNT). Built once per container; the stage makes its own Powertools logger and
 * metrics under its service name, the tracer records the S3 and EventBridge calls and one subsegment per article.
 */
import { createExtractHandler } from './extract-handler';
import { SERVICE } from '../contract/names';
import { eventPublisherFromEnv, objectStoreFromEnv, optionalPositiveIntEnv, requiredEnv } from './runtime';
import { templatePrefixesFromEnv } from './template-choice';
import { articleTracer, stageTracer, tracedHandler } from './tracing';

const tracer = stageTracer(SERVICE.extract);

export const handler = tracedHandler(tracer, createExtractHandler({
  s3: objectStoreFromEnv(tracer),
  outputBucket: requiredEnv('OUTPUT_BUCKET'),
  templatePrefixes: templatePrefixesFromEnv(),
  maxBytes: optionalPositiveIntEnv('MAX_BYTES'),
  events: eventPublisherFromEnv(tracer),
  tracer: articleTracer(tracer),
  maxReceiveCount: optionalPositiveIntEnv('MAX_RECEIVE_COUNT'),
}));
