/** `briefing reconcile`: its definition; the work is in cli/actions/reconcile.ts. */
import type { Command } from 'commander';
import { runCommand } from '../exit';
import { addStackOptions, type StackOptions } from './stack-options';

export interface ReconcileOptions extends StackOptions {
  readonly dryRun?: boolean;
}

export function registerReconcile(program: Command): void {
  addStackOptions(
    program
      .command('reconcile')
      .description('Find uploads the pipeline has not finished (no figures, briefing or error record for their current version) and have S3 announce them again.'),
    'where their outcomes are (needed with --bucket)',
  )
    .option('--dry-run', 'only list what is unfinished')
    .addHelpText('after', '\nPrints one line per unfinished object ("extract s3://…" or "render  s3://…"), then a summary on stderr.\nExit codes: 0 done, 1 S3 could not be read or written, 2 usage error.')
    .action((options: ReconcileOptions) => runCommand('reconcile', async () => (await import('../actions/reconcile')).reconcileCommand(options)));
}
