/**
 * Lambda entry of the render stage (env: OUTPUT_BUCKET, TEMPLATE_PREFIXES, EVENT_BUS_NAME,
 * MAX_RECEIVE_COUNT, PRESIGNED_URL_SECONDS). Built once per container; the stage makes its own Powertools logger
 * and metrics under its service name, the tracer records the S3 and EventBridge calls and one subsegment per article.
 */
import { SERVICE } from '../contract/names';
import { s3Presigner } from './presign';
import { createRenderHandler } from './render-handler';
import { eventPublisherFromEnv, objectStoreFromEnv, optionalPositiveIntEnv, requiredEnv } from './runtime';
import { templatePrefixesFromEnv } from './template-choice';
import { articleTracer, stageTracer, tracedHandler } from './tracing';

const tracer = stageTracer(SERVICE.render);
const s3 = objectStoreFromEnv(tracer);
const presignSeconds = optionalPositiveIntEnv('PRESIGNED_URL_SECONDS');

export const handler = tracedHandler(tracer, createRenderHandler({
  s3,
  outputBucket: requiredEnv('OUTPUT_BUCKET'),
  templatePrefixes: templatePrefixesFromEnv(),
  events: eventPublisherFromEnv(tracer),
  tracer: articleTracer(tracer),
  maxReceiveCount: optionalPositiveIntEnv('MAX_RECEIVE_COUNT'),
  // Signing makes no request, so nothing is traced and the URL carries no trace header.
  presignUrl: presignSeconds ? s3Presigner(s3, presignSeconds) : undefined,
}));
