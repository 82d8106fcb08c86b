/**
 * X-Ray through the Powertools tracer, kept out of the stages: the Lambda entries wrap their
 * handler with `tracedHandler` and pass the stage an `ArticleTracer`, which opens one
 * subsegment per article annotated with its correlation id (searchable in the X-Ray console:
 * `annotation.correlation_id = "…"`). Off Lambda (local pipeline, tests) the tracer is disabled
 * by Powertools itself and nothing here runs.
 */
import { Tracer } from '@aws-lambda-powertools/tracer';
import type { Context } from 'aws-lambda';

export interface ArticleTracer {
  /** Runs `work` inside a subsegment for one article. */
  traceArticle<T>(correlationId: string, work: () => Promise<T>): Promise<T>;
}

/** Runs `work` in a new subsegment of the current segment; without a segment (tracing off) just runs it. */
async function inSubsegment<T>(tracer: Tracer, name: string, annotate: (tracer: Tracer) => void, work: () => Promise<T>): Promise<T> {
  const parent = tracer.isTracingEnabled() ? tracer.getSegment() : undefined;
  if (!parent) return work();
  const subsegment = parent.addNewSubsegment(name);
  tracer.setSegment(subsegment);
  try {
    annotate(tracer);
    return await work();
  } catch (error) {
    tracer.addErrorAsMetadata(error as Error);
    throw error;
  } finally {
    subsegment.close();
    tracer.setSegment(parent);
  }
}

export const articleTracer = (tracer: Tracer): ArticleTracer => ({
  traceArticle: (correlationId, work) => inSubsegment(tracer, '### article', (t) => t.putAnnotation('correlation_id', correlationId), work),
});

/** The Lambda handler inside a `## handler` subsegment with the cold-start and service annotations. */
export function tracedHandler<E, R>(tracer: Tracer, handler: (event: E, context?: Context) => Promise<R>): (event: E, context?: Context) => Promise<R> {
  return (event, context) =>
    inSubsegment(tracer, '## handler', (t) => {
      t.annotateColdStart();
      t.addServiceNameAnnotation();
    }, () => handler(event, context));
}

export { Tracer };
