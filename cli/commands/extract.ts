import type { Command } from 'commander';
import { UsageError } from '../../lambdas/core/errors';
import { runCommand } from '../exit';

/** Placeholder: the issue that owns `extract` replaces this registration. */
export function registerExtract(program: Command): void {
  program
    .command('extract')
    .description('(not implemented yet)')
    .allowUnknownOption()
    .argument('[args...]')
    .action(() => runCommand('extract', () => { throw new UsageError('extract is not implemented yet'); }));
}
