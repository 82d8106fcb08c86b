/**
 * `briefing reconcile`: finds the uploads the pipeline has not finished — inputs whose outputs
 * do not record their current ETag, figures without a briefing — and has S3 announce each again
 * (copied onto itself: S3 sends `ObjectCreated:Copy`), so the pipeline's own queues and
 * handlers finish them. S3 notifications can be lost; the deployed stack runs the same pass on
 * a schedule, this command runs it on demand. The local pipeline (`npm start`) runs it at every
 * start.
 */
import { BriefingError, describeError } from '../../lambdas/core/errors';
import { reconcile } from '../../lambdas/handlers/reconcile';
import type { ReconcileOptions } from '../commands/reconcile';
import { checkAwsSetup, isDeployed, stackFor, unreachable } from './stack';

export async function reconcileCommand(options: ReconcileOptions): Promise<number> {
  const stack = stackFor(options, 'reconcile');
  try {
    if (isDeployed(options)) await checkAwsSetup(stack.client, options);
    const report = await reconcile(stack.client, { input: stack.inputBucket, output: stack.outputBucket }, {
      dryRun: options.dryRun,
      onItem: (item) => process.stdout.write(`${item.stage === 'extract' ? 'extract' : 'render '} s3://${item.bucket}/${item.key}\n`),
    }).catch((error: unknown) => {
      throw unreachable(error, options) ?? error;
    });
    const found = report.unfinished.length;
    const what = found === 0 ? 'nothing unfinished' : `${found} unfinished upload(s) ${options.dryRun ? 'found (dry run: nothing sent)' : 'announced again'}`;
    process.stderr.write(`reconcile: s3://${stack.inputBucket} → s3://${stack.outputBucket}: ${what}\n`);
    if (report.failed.length > 0) {
      const first = report.failed[0]!;
      throw new BriefingError('storage', 'reconcile_failed', `${report.failed.length} of ${found} could not be announced again, e.g. s3://${first.item.bucket}/${first.item.key}: ${describeError(first.error)}`, {
        cause: first.error,
        permanent: false,
      });
    }
    return 0;
  } finally {
    stack.client.destroy();
  }
}
