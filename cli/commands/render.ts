/** `briefing render <article | extraction.json | url> -o <out.pdf | folder>`: its definition; the work is in cli/actions/render.ts. */
import type { Command } from 'commander';
import { runCommand } from '../exit';
import { parsePublished } from '../options';

export interface RenderCommandOptions {
  readonly output: string;
  readonly template?: string;
  readonly published?: string;
  readonly pdfa?: boolean;
}

export function registerRender(program: Command): void {
  program
    .command('render')
    .description('Render the two-page briefing PDF of an article or of an Extraction JSON file.')
    .argument('<input>', 'article (.txt .md .html .json), an http(s):// address, or Extraction JSON (schemaVersion 1)')
    .requiredOption('-o, --output <out.pdf | folder>', 'where to write the PDF; an existing folder, or a path ending in /, gets <name>.pdf')
    .option('--template <file.hbs>', 'use this Handlebars template instead of templates/briefing.hbs')
    .option('--published <YYYY-MM-DD>', "publication date; overrides the article's own date", parsePublished)
    .option('--pdfa', 'write PDF/A-2b (archive) metadata and the sRGB output intent')
    .addHelpText('after', '\nExit codes: 0 success, 1 an address could not be fetched (network) or the PDF not written, 2 usage error, 3 bad input (article, extraction or template).')
    .action((file: string, options: RenderCommandOptions) =>
      runCommand(file, async () => (await import('../actions/render')).renderCommand(file, options)));
}
