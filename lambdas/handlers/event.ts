/**
 * Lambda entry of the event stage (env: OUTPUT_BUCKET). Built once per container; the tracer
 * records the SDK calls of each invocation.
 */
import { createEventHandler } from './event-handler';
import { EVENT_SERVICE } from '../contract/names';
import { requiredEnv } from './runtime';
import { s3ClientFromEnv } from './sdk-clients';
import { stageTracer, tracedHandler } from './tracing';

const tracer = stageTracer(EVENT_SERVICE);

export const handler = tracedHandler(tracer, createEventHandler({
  s3: tracer.captureAWSv3Client(s3ClientFromEnv()),
  outputBucket: requiredEnv('OUTPUT_BUCKET'),
}));
