/** `briefing event <article...>`: its definition; the work is in cli/actions/event.ts. */
import type { Command } from 'commander';
import { runCommand } from '../exit';

export interface EventCommandOptions {
  readonly output?: string;
  readonly json?: boolean;
  readonly title?: string;
}

export function registerEvent(program: Command): void {
  program
    .command('event')
    .description('Fuse several articles about one event into one briefing: each figure as each outlet reported it, the latest, and where they disagree.')
    .argument('<article...>', 'articles (.txt .md .html .json), http(s):// addresses, Extraction JSON files, or folders of articles')
    .option('-o, --output <out.pdf | folder>', 'write the event briefing PDF here; an existing folder, or a path ending in /, gets <name>.pdf')
    .option('--json', 'print the Event JSON (schemaVersion 1) on stdout, and nothing else there')
    .option('--title <text>', "the event's title (default: the headline most like the others)")
    .addHelpText('after', [
      '',
      'Give -o, --json, or both. Every article must be readable: a refused one is named on stderr and nothing is written.',
      '',
      'Exit codes: 0 success, 1 an address could not be fetched (network) or the PDF not written, 2 usage error, 3 bad input (an article or extraction refused).',
    ].join('\n'))
    .action((articles: string[], options: EventCommandOptions) =>
      runCommand(articles[0] ?? 'briefing', async () => (await import('../actions/event')).eventCommand(articles, options)));
}
