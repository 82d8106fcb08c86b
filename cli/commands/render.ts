import type { Command } from 'commander';
import { UsageError } from '../../lambdas/core/errors';
import { runCommand } from '../exit';

/** Placeholder: the issue that owns `render` replaces this registration. */
export function registerRender(program: Command): void {
  program
    .command('render')
    .description('(not implemented yet)')
    .allowUnknownOption()
    .argument('[args...]')
    .action(() => runCommand('render', () => { throw new UsageError('render is not implemented yet'); }));
}
