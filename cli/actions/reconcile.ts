/**
 * `briefing reconcile`: finds the uploads the pipeline has not finished — inputs whose outputs
 * do not record their current ETag, figures without a briefing — and has S3 announce each again
 * (copied onto itself: S3 sends `ObjectCreated:Copy`), so the pipeline's own queues and
 * handlers finish them. S3 notifications can be lost; run it on demand or on a schedule. The
 * local pipeline (`npm start`) runs the same pass at every start.
 */
import { findUnfinished, reannounce } from '../../lambdas/handlers/reconcile';
import type { ReconcileOptions } from '../commands/reconcile';
import { checkAwsSetup, isDeployed, stackFor, unreachable } from './stack';

export async function reconcileCommand(options: ReconcileOptions): Promise<number> {
  const stack = stackFor(options, 'reconcile');
  try {
    if (isDeployed(options)) await checkAwsSetup(stack.client, options);
    const unfinished = await findUnfinished(stack.client, { input: stack.inputBucket, output: stack.outputBucket }).catch((error: unknown) => {
      throw unreachable(error, options) ?? error;
    });
    for (const item of unfinished) {
      if (!options.dryRun) await reannounce(stack.client, item);
      process.stdout.write(`${item.stage === 'extract' ? 'extract' : 'render '} s3://${item.bucket}/${item.key}\n`);
    }
    const what = unfinished.length === 0 ? 'nothing unfinished' : `${unfinished.length} unfinished upload(s) ${options.dryRun ? 'found (dry run: nothing sent)' : 'announced again'}`;
    process.stderr.write(`reconcile: s3://${stack.inputBucket} → s3://${stack.outputBucket}: ${what}\n`);
    return 0;
  } finally {
    stack.client.destroy();
  }
}
