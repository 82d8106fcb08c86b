/**
 * The scheduled reconcile as a handler over its dependencies (reconcile-job.ts wires them from
 * the environment): one pass per invocation, every object it announces logged and counted. A
 * failure to announce some objects fails the invocation after the others are announced, so the
 * function's error metric shows it; the next run tries them again.
 */
import type { Logger } from '@aws-lambda-powertools/logger';
import type { Metrics } from '@aws-lambda-powertools/metrics';
import type { S3Client } from '@aws-sdk/client-s3';
import { BriefingError, describeError } from '../core/errors';
import { RECONCILE_SERVICE } from '../contract/names';
import { count, flushMetrics, METRIC, newLogger, newMetrics } from './observability';
import { reconcile, type ReconcileBuckets } from './reconcile';

/** What a run leaves alone by default: an upload's extract and render, with all their retries, take far less. */
export const DEFAULT_SETTLE_MINUTES = 30;

export interface ReconcileJobDeps {
  readonly s3: S3Client;
  readonly buckets: ReconcileBuckets;
  /** Objects changed this recently are not yet counted as unfinished. Default: 30. */
  readonly settleMinutes?: number;
  readonly logger?: Logger;
  readonly metrics?: Metrics;
  /** Default: the clock. */
  readonly now?: () => number;
}

export interface ReconcileJobResult {
  readonly unfinished: number;
  readonly announced: number;
}

export function createReconcileJob(deps: ReconcileJobDeps): () => Promise<ReconcileJobResult> {
  const logger = deps.logger ?? newLogger(RECONCILE_SERVICE);
  const metrics = deps.metrics ?? newMetrics(RECONCILE_SERVICE);
  const settleMs = (deps.settleMinutes ?? DEFAULT_SETTLE_MINUTES) * 60_000;
  const now = deps.now ?? Date.now;
  return async () => {
    try {
      const report = await reconcile(deps.s3, deps.buckets, {
        settledBefore: now() - settleMs,
        onItem: (item, announced) => {
          if (announced) logger.warn('unfinished upload announced again (its notification was lost, or it failed without a record)', { stage: item.stage, bucket: item.bucket, key: item.key, etag: item.etag });
        },
      });
      count(metrics, METRIC.reannounced, report.announced);
      logger.info('reconcile finished', { unfinished: report.unfinished.length, announced: report.announced, failed: report.failed.length });
      if (report.failed.length > 0) {
        for (const { item, error } of report.failed) logger.error('could not announce again', { bucket: item.bucket, key: item.key, error: error as Error });
        const first = report.failed[0]!;
        throw new BriefingError('storage', 'reconcile_failed', `${report.failed.length} unfinished object(s) could not be announced again, e.g. s3://${first.item.bucket}/${first.item.key}: ${describeError(first.error)}`, {
          cause: first.error,
          permanent: false,
        });
      }
      return { unfinished: report.unfinished.length, announced: report.announced };
    } finally {
      flushMetrics(metrics);
    }
  };
}
