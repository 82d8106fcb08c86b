/**
 * `briefing render <article | extraction.json> -o <out.pdf>`: an article goes through intake and
 * extraction first; a JSON file holding `"schemaVersion": 1` is taken as Extraction JSON and
 * rendered as it is (after schema validation), without loading intake or the extractor.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { basename, dirname } from 'node:path';
import type { Command } from 'commander';
import { BriefingError, IntakeError } from '../../lambdas/core/errors';
import type { Extraction } from '../../lambdas/extract/types';
import { DEFAULT_MAX_BYTES } from '../../lambdas/intake/types';
import { renderBriefing } from '../../lambdas/render';
import { extractionErrors } from '../../schema/validate';
import { runCommand } from '../exit';
import { readInputFile } from '../input';
import { parsePublished } from '../options';

export interface RenderCommandOptions {
  readonly output: string;
  readonly template?: string;
  readonly published?: string;
  readonly pdfa?: boolean;
}

/** The JSON document in `bytes` when it declares itself Extraction JSON v1, else null. */
function asExtraction(file: string, bytes: Uint8Array): Extraction | null {
  if (!file.toLowerCase().endsWith('.json')) return null;
  let value: unknown;
  try {
    value = JSON.parse(new TextDecoder().decode(bytes));
  } catch {
    return null; // not JSON at all: let intake explain what is wrong with it
  }
  if (typeof value !== 'object' || value === null || (value as { schemaVersion?: unknown }).schemaVersion !== 1) return null;
  const problems = extractionErrors(value);
  if (problems.length > 0) {
    throw new IntakeError('bad_extraction', `not valid Extraction JSON v1: ${problems[0]}${problems.length > 1 ? ` (and ${problems.length - 1} more)` : ''}`);
  }
  return value as Extraction;
}

async function readTemplate(file: string): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'unreadable';
    throw new IntakeError('template_unreadable', code === 'ENOENT' ? 'no such template file' : `template cannot be read (${code})`, {
      cause: error, context: { file },
    });
  }
}

export async function renderCommand(file: string, options: RenderCommandOptions): Promise<void> {
  const bytes = await readInputFile(file, DEFAULT_MAX_BYTES);
  const given = asExtraction(file, bytes);
  const extraction: Extraction = given
    ? { ...given, article: { ...given.article, published: options.published ?? given.article.published } }
    : (await import('../../lambdas/core/pipeline')).extractFromBytes(bytes, { name: basename(file), published: options.published ?? null });
  const template = options.template === undefined ? undefined : await readTemplate(options.template);
  const pdf = await renderBriefing(extraction, {
    ...(template === undefined ? {} : { template, templateName: options.template }),
    pdfa: options.pdfa ?? false,
  });
  try {
    await mkdir(dirname(options.output), { recursive: true });
    await writeFile(options.output, pdf);
  } catch (error) {
    throw new BriefingError('render', 'write_failed', `cannot write the PDF (${(error as NodeJS.ErrnoException).code ?? String(error)})`, {
      cause: error, permanent: false, context: { file: options.output },
    });
  }
  process.stdout.write(`${options.output}: ${pdf.length} bytes\n`);
}

export function registerRender(program: Command): void {
  program
    .command('render')
    .description('Render the two-page briefing PDF of an article or of an Extraction JSON file.')
    .argument('<input>', 'article (.txt .md .html .json) or Extraction JSON (schemaVersion 1)')
    .requiredOption('-o, --output <out.pdf>', 'where to write the PDF')
    .option('--template <file.hbs>', 'use this Handlebars template instead of templates/briefing.hbs')
    .option('--published <YYYY-MM-DD>', "publication date; overrides the article's own date", parsePublished)
    .option('--pdfa', 'write PDF/A-2b (archive) metadata and the sRGB output intent')
    .addHelpText('after', '\nExit codes: 0 success, 2 usage error, 3 bad input (article, extraction or template).')
    .action((file: string, options: RenderCommandOptions) => runCommand(file, () => renderCommand(file, options)));
}
