import type { Command } from 'commander';
import { UsageError } from '../../lambdas/core/errors';
import { runCommand } from '../exit';

/** Placeholder: the issue that owns `batch` replaces this registration. */
export function registerBatch(program: Command): void {
  program
    .command('batch')
    .description('(not implemented yet)')
    .allowUnknownOption()
    .argument('[args...]')
    .action(() => runCommand('batch', () => { throw new UsageError('batch is not implemented yet'); }));
}
