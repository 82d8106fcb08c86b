/**
 * `briefing event <article...>`: every article (a file, a web page, an Extraction JSON file,
 * or each article of a folder) is read and extracted, then fused into Event JSON and, with
 * `-o`, the event briefing PDF. An event briefing from some of the articles would say less
 * than the user asked for without saying so: one refused article stops the command, after
 * every article has been read, so each refusal is named at once.
 */
import { stat } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import { isBriefingError, IntakeError, UsageError } from '../../lambdas/core/errors';
import type { EventInput } from '../../lambdas/event/types';
import { DEFAULT_MAX_BYTES } from '../../lambdas/intake/types';
import { articleFiles } from '../../local/batch/run-batch';
import type { EventCommandOptions } from '../commands/event';
import { errorLine, EXIT_BAD_INPUT } from '../exit';
import { isWebAddress } from '../../lambdas/intake/fetch';
import { readInput } from '../input';
import { extractInput } from './article';
import { asExtraction } from './extraction-file';
import { outputFile, writePdf } from './pdf-output';
import { endColdStart } from '../../lambdas/core/cold-start';

/** Each argument, with a folder replaced by its article files (joined to the folder as given). */
async function expand(args: readonly string[]): Promise<{ files: string[]; folders: number }> {
  const files: string[] = [];
  let folders = 0;
  for (const arg of args) {
    const info = isWebAddress(arg) ? null : await stat(arg).catch(() => null);
    if (!info?.isDirectory()) {
      files.push(arg);
      continue;
    }
    const inside = await articleFiles(arg);
    if (inside.length === 0) throw new IntakeError('no_articles', 'no article files in this folder', { context: { file: arg } });
    files.push(...inside.map((f) => join(arg, f)));
    folders += 1;
  }
  return { files, folders };
}

async function extractionOf(file: string): Promise<EventInput> {
  const input = await readInput(file, DEFAULT_MAX_BYTES);
  const extraction = (await asExtraction(input)) ?? await extractInput(input, {
    maxBytes: DEFAULT_MAX_BYTES,
    ...(input.url === undefined ? { name: basename(file) } : {}),
  });
  return { file, extraction };
}

/** `<folder>.pdf` for one folder of articles, else `event.pdf`. */
const pdfName = (args: readonly string[], folders: number): string =>
  `${(folders === 1 && args.length === 1 ? basename(resolve(args[0]!)) : '') || 'event'}.pdf`;

export async function eventCommand(args: readonly string[], options: EventCommandOptions): Promise<number> {
  if (options.output === undefined && !options.json) {
    throw new UsageError('give -o <out.pdf | folder> for the briefing PDF, --json for the Event JSON, or both');
  }
  const { files, folders } = await expand(args);
  // Several articles in this one process: warm work (lambdas/core/cold-start.ts).
  if (files.length > 1) endColdStart();
  const inputs: EventInput[] = [];
  let refused = 0;
  for (const file of files) {
    try {
      inputs.push(await extractionOf(file));
    } catch (error) {
      if (!isBriefingError(error) || !error.permanent) throw error;
      process.stderr.write(`${errorLine(file, error.message)}\n`);
      refused += 1;
    }
  }
  if (refused > 0) {
    process.stderr.write(`${errorLine(args.length === 1 ? args[0]! : 'briefing', `${refused} of ${files.length} articles refused; no event briefing written`)}\n`);
    return EXIT_BAD_INPUT;
  }

  const { fuseEvent } = await import('../../lambdas/event/fuse');
  const event = fuseEvent(inputs, { title: options.title });
  let written = '';
  if (options.output !== undefined) {
    const { renderEventBriefing } = await import('../../lambdas/event/render');
    const pdf = await renderEventBriefing(event);
    const out = outputFile(options.output, pdfName(args, folders));
    writePdf(out, pdf);
    written = `${out}: ${pdf.length} bytes, `;
  }
  if (options.json) process.stdout.write(`${JSON.stringify(event, null, 2)}\n`);
  else process.stdout.write(`${written}${event.measures.length} measures from ${event.articles.length} articles\n`);
  return 0;
}
