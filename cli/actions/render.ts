/**
 * `briefing render`: an article (a file or a web page) goes through intake and extraction
 * first; a JSON file holding `"schemaVersion": 1` is taken as Extraction JSON and rendered as
 * it is (after schema validation), without loading intake or the extractor. The validator and
 * the renderer load only once there is something to validate or render, so a refused input
 * costs what it costs `extract`.
 */
import { readFileSync } from 'node:fs';
import { basename, extname } from 'node:path';
import { IntakeError } from '../../lambdas/core/errors';
import type { Extraction } from '../../lambdas/extract/types';
import { DEFAULT_MAX_BYTES } from '../../lambdas/intake/types';
import type { RenderCommandOptions } from '../commands/render';
import { readInput, type Input } from '../input';
import { extractInput } from './article';
import { asExtraction } from './extraction-file';
import { outputFile, writePdf } from './pdf-output';

function readTemplate(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'unreadable';
    throw new IntakeError('template_unreadable', code === 'ENOENT' ? 'no such template file' : `template cannot be read (${code})`, {
      cause: error, context: { file },
    });
  }
}

/** A page address's path as a person reads it (`%20` → space); as it is when it does not decode. */
function readablePath(url: URL): string {
  try {
    return decodeURIComponent(url.pathname);
  } catch {
    return url.pathname;
  }
}

/** `name.pdf` for an input: a file's name without its extension, a page's last path segment or its host. */
function pdfName(input: Input): string {
  const url = input.url === undefined ? null : new URL(input.url);
  const base = basename(url ? readablePath(url) : input.name);
  const stem = base.slice(0, base.length - extname(base).length) || base;
  return `${stem || url?.hostname || 'briefing'}.pdf`;
}

export async function renderCommand(file: string, options: RenderCommandOptions): Promise<void> {
  const input = await readInput(file, DEFAULT_MAX_BYTES);
  const given = await asExtraction(input);
  const extraction: Extraction = given
    ? { ...given, article: { ...given.article, published: options.published ?? given.article.published } }
    : await extractInput(input, {
      maxBytes: DEFAULT_MAX_BYTES,
      published: options.published ?? null,
      ...(input.url === undefined ? { name: basename(file) } : {}),
    });
  const template = options.template === undefined ? undefined : readTemplate(options.template);
  const { renderBriefing } = await import('../../lambdas/render');
  const pdf = await renderBriefing(extraction, {
    ...(template === undefined ? {} : { template, templateName: options.template }),
    pdfa: options.pdfa ?? false,
  });
  const out = outputFile(options.output, pdfName(input));
  writePdf(out, pdf);
  process.stdout.write(`${out}: ${pdf.length} bytes\n`);
}
