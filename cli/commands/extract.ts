/** `briefing extract <article | url>`: its definition; the work is in cli/actions/extract.ts. */
import { Option, type Command } from 'commander';
import { FORMATS } from '../../lambdas/intake/format';
import { DEFAULT_MAX_BYTES, type ArticleFormat } from '../../lambdas/intake/types';
import { runCommand } from '../exit';
import { parseMaxBytes, parsePublished } from '../options';

export interface ExtractCommandOptions {
  readonly published?: string;
  readonly format?: ArticleFormat;
  readonly maxBytes?: number;
  readonly explain?: boolean;
}

export function registerExtract(program: Command): void {
  program
    .command('extract')
    .description('Read one article and print its Extraction JSON (schemaVersion 1) on stdout.')
    .argument('<article>', 'article file (.txt, .md/.markdown, .html/.htm or .json) or an http(s):// address')
    .option('--published <YYYY-MM-DD>', "publication date; overrides the article's own date", parsePublished)
    .addOption(
      new Option('--format <format>', 'read the file as this format instead of going by its extension').choices(FORMATS),
    )
    .option('--max-bytes <bytes>', `refuse files larger than this (default ${DEFAULT_MAX_BYTES}, 5 MB)`, parseMaxBytes)
    .option('--explain', 'instead of the JSON, say why each number got its category: the rule that decided it and its reason')
    .addHelpText('after', '\nExit codes: 0 success, 1 an address could not be fetched (network), 2 usage error, 3 bad input (unreadable, empty, binary, too large, not an article).')
    .action((file: string, options: ExtractCommandOptions) =>
      runCommand(file, async () => (await import('../actions/extract')).extractCommand(file, options)));
}
