/** `briefing status <key…>`: its definition; the work is in cli/actions/status.ts. */
import type { Command } from 'commander';
import { runCommand } from '../exit';
import { addStackOptions, type StackOptions } from './stack-options';

export interface StatusOptions extends StackOptions {
  readonly json?: boolean;
}

export function registerStatus(program: Command): void {
  addStackOptions(program
    .command('status')
    .description('Say where uploaded articles are: briefed, failed (and why), rendering or queued.')
    .argument('<key...>', 'object keys in the input bucket, as uploaded (submit uses the file name)'), 'the stages write to')
    .option('--json', 'print one JSON array instead of lines')
    .addHelpText('after', '\nExit codes: 0 briefed or still in progress, 1 an article was not found or the pipeline could not be reached, 2 usage error, 3 an article failed.')
    .action((keys: string[], options: StatusOptions) => runCommand(keys[0] ?? 'status', async () => (await import('../actions/status')).statusCommand(keys, options)));
}
