/**
 * Lambda entry of the scheduled reconcile (env: INPUT_BUCKET, OUTPUT_BUCKET, SETTLE_MINUTES).
 * S3 notifications can be lost, so on a schedule the stack runs the reconcile pass
 * (reconcile.ts): uploads whose outputs do not record their current version, and figures with
 * no briefing, are copied onto themselves so S3 announces them again to the pipeline's own
 * queues. Objects changed in the last SETTLE_MINUTES are left alone: they are most likely still
 * on their way through the queues and their retries.
 */
import { createReconcileJob } from './reconcile-job-handler';
import { optionalIntegerEnv, requiredEnv } from './runtime';
import { s3ClientFromEnv } from './sdk-clients';

export const handler = createReconcileJob({
  s3: s3ClientFromEnv(),
  buckets: { input: requiredEnv('INPUT_BUCKET'), output: requiredEnv('OUTPUT_BUCKET') },
  // 0 counts every object: for a pass run by hand once the queues are known to be empty.
  settleMinutes: optionalIntegerEnv('SETTLE_MINUTES', 0),
});
