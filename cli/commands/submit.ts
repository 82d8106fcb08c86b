import type { Command } from 'commander';
import { UsageError } from '../../lambdas/core/errors';
import { runCommand } from '../exit';

/** Placeholder: the issue that owns `submit` replaces this registration. */
export function registerSubmit(program: Command): void {
  program
    .command('submit')
    .description('(not implemented yet)')
    .allowUnknownOption()
    .argument('[args...]')
    .action(() => runCommand('submit', () => { throw new UsageError('submit is not implemented yet'); }));
}
