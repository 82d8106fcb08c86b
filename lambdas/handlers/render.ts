/**
 * Lambda entry of the render stage (env: OUTPUT_BUCKET, TEMPLATE_PREFIXES, EVENT_BUS_NAME,
 * MAX_RECEIVE_COUNT, PRESIGNED_URL_SECONDS). Built once per container; the stage makes its own Powertools logger
 * and metrics under its service name, the tracer records the SDK calls and one subsegment per article.
 */
import { SERVICE } from './names';
import { s3Presigner } from './presign';
import { createRenderHandler } from './render-handler';
import { eventPublisherFromEnv, optionalPositiveIntEnv, requiredEnv, s3ClientFromEnv } from './runtime';
import { templatePrefixesFromEnv } from './template-choice';
import { articleTracer, stageTracer, tracedHandler } from './tracing';

const tracer = stageTracer(SERVICE.render);
const s3 = tracer.captureAWSv3Client(s3ClientFromEnv());
const presignSeconds = optionalPositiveIntEnv('PRESIGNED_URL_SECONDS');

export const handler = tracedHandler(tracer, createRenderHandler({
  s3,
  outputBucket: requiredEnv('OUTPUT_BUCKET'),
  templatePrefixes: templatePrefixesFromEnv(),
  events: eventPublisherFromEnv((client) => tracer.captureAWSv3Client(client)),
  tracer: articleTracer(tracer),
  maxReceiveCount: optionalPositiveIntEnv('MAX_RECEIVE_COUNT'),
  // Signing makes no request: a client without the X-Ray middleware keeps the URL free of trace headers.
  presignUrl: presignSeconds ? s3Presigner(s3ClientFromEnv(), presignSeconds) : undefined,
}));
