/**
 * Lambda entry of the event stage (env: OUTPUT_BUCKET). Built once per container; the tracer
 * records the SDK calls of each invocation.
 */
import { createEventHandler } from './event-handler';
import { requiredEnv, s3ClientFromEnv } from './runtime';
import { stageTracer, tracedHandler } from './tracing';

const tracer = stageTracer();

export const handler = tracedHandler(tracer, createEventHandler({
  s3: tracer.captureAWSv3Client(s3ClientFromEnv()),
  outputBucket: requiredEnv('OUTPUT_BUCKET'),
}));
