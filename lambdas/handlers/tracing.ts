/**
 * X-Ray for the Lambda entries (lambdas/handlers/xray.ts), kept out of the stages: the entries
 * wrap their handler with `tracedHandler` and pass the stage an `ArticleTracer`, which opens one
 * subsegment per article annotated with its correlation id (searchable in the X-Ray console:
 * `annotation.correlation_id = "…"`). Off Lambda (local pipeline, tests) there is no trace
 * header and no daemon, and nothing here records anything.
 */
import type { Context } from 'aws-lambda';
import { XRayTracer } from './xray';

export interface ArticleTracer {
  /** Runs `work` inside a subsegment for one article. */
  traceArticle<T>(correlationId: string, work: () => Promise<T>): Promise<T>;
}

/** The stage's tracer; its Service annotation is the name its logs and metrics carry (lambdas/contract/names.ts). */
export const stageTracer = (service: string): XRayTracer => new XRayTracer({ service });

export const articleTracer = (tracer: XRayTracer): ArticleTracer => ({
  traceArticle: (correlationId, work) => tracer.traceSubsegment('### article', { correlation_id: correlationId }, work),
});

/** The Lambda handler inside a `## handler` subsegment with the cold-start and service annotations. */
export function tracedHandler<E, R>(tracer: XRayTracer, handler: (event: E, context?: Context) => Promise<R>): (event: E, context?: Context) => Promise<R> {
  return (event, context) => tracer.traceInvocation(() => handler(event, context));
}
