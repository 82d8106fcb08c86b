/** `briefing submit <article…>`: its definition; the work is in cli/actions/submit.ts. */
import type { Command } from 'commander';
import { runCommand } from '../exit';
import { parsePositive, parsePublished } from '../options';
import { addStackOptions, type StackOptions } from './stack-options';

export { DEFAULT_ENDPOINT } from './stack-options';

export interface SubmitOptions extends StackOptions {
  readonly wait?: boolean;
  readonly output: string;
  readonly timeout: number;
  readonly published?: string;
  readonly json?: boolean;
}

export function registerSubmit(program: Command): void {
  addStackOptions(program
    .command('submit')
    .description('Upload articles to the pipeline (local by default) and, with --wait, download their briefings.')
    .argument('<article...>', 'article files (.txt .md .html .json); the object key is the file name'), 'to wait on')
    .option('--wait', 'wait for each briefing (or its error record) and download it')
    .option('-o, --output <dir>', 'where --wait writes <name>.pdf and <name>.json', 'out')
    .option('--timeout <seconds>', 'give up waiting for one article after this long', parsePositive(' of seconds, e.g. 120'), 120)
    .option('--published <YYYY-MM-DD>', "publication date for every upload; overrides the articles' own", parsePublished)
    .option('--json', 'print one JSON object a line per article ({"file","status","outputs"} or {"file","status","reason"})')
    .addHelpText('after', '\nExit codes: 0 all briefed, 1 the pipeline did not answer in time, 2 usage error (also: no AWS region or credentials for a deployed stack), 3 a file or article was refused (one line each on stderr).')
    .action((files: string[], options: SubmitOptions) =>
      runCommand(files[0] ?? 'submit', async () => (await import('../actions/submit')).submitCommand(files, options)));
}
