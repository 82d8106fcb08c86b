/**
 * `briefing extract <article>`: one article → one Extraction JSON document on stdout, and
 * nothing else there. Intake and extraction load only after the file passed the cheap checks
 * (size, signatures, encoding, blank), so a wrong file is turned away without loading the
 * readers or the extractor.
 */
import { Option, type Command } from 'commander';
import { IntakeError } from '../../lambdas/core/errors';
import { DEFAULT_MAX_BYTES, type ArticleFormat } from '../../lambdas/intake/types';
import { FORMATS } from '../../lambdas/intake/format';
import { screenInput } from '../../lambdas/intake/sniff';
import { runCommand } from '../exit';
import { readInputFile } from '../input';
import { parseMaxBytes, parsePublished } from '../options';

export interface ExtractCommandOptions {
  readonly published?: string;
  readonly format?: ArticleFormat;
  readonly maxBytes?: number;
}

/** The core's reason names the limit; on the command line, also say how to change it. */
function withLimitHint(error: unknown): never {
  if (error instanceof IntakeError && error.code === 'too_large') {
    throw new IntakeError(error.code, `${error.message} (raise it with --max-bytes)`, { cause: error, context: error.context });
  }
  throw error;
}

export async function extractCommand(file: string, options: ExtractCommandOptions): Promise<void> {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const bytes = await readInputFile(file, maxBytes).catch(withLimitHint);
  screenInput(bytes, { maxBytes });
  // One module at a time: a file intake refuses never loads the extractor.
  const { readArticle } = await import('../../lambdas/intake');
  const article = readArticle(bytes, { name: file, format: options.format, maxBytes });
  const { extractFigures } = await import('../../lambdas/extract');
  const extraction = extractFigures(article, { published: options.published });
  process.stdout.write(`${JSON.stringify(extraction, null, 2)}\n`);
}

export function registerExtract(program: Command): void {
  program
    .command('extract')
    .description('Read one article and print its Extraction JSON (schemaVersion 1) on stdout.')
    .argument('<article>', 'article file: .txt, .md/.markdown, .html/.htm or .json')
    .option('--published <YYYY-MM-DD>', "publication date; overrides the article's own date", parsePublished)
    .addOption(
      new Option('--format <format>', 'read the file as this format instead of going by its extension').choices(FORMATS),
    )
    .option('--max-bytes <bytes>', `refuse files larger than this (default ${DEFAULT_MAX_BYTES}, 5 MB)`, parseMaxBytes)
    .addHelpText('after', '\nExit codes: 0 success, 2 usage error, 3 bad input (unreadable, empty, binary, too large, not an article).')
    .action((file: string, options: ExtractCommandOptions) => runCommand(file, () => extractCommand(file, options)));
}
