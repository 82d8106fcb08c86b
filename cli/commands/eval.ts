import type { Command } from 'commander';
import { UsageError } from '../../lambdas/core/errors';
import { runCommand } from '../exit';

/** Placeholder: the issue that owns `eval` replaces this registration. */
export function registerEval(program: Command): void {
  program
    .command('eval')
    .description('(not implemented yet)')
    .allowUnknownOption()
    .argument('[args...]')
    .action(() => runCommand('eval', () => { throw new UsageError('eval is not implemented yet'); }));
}
