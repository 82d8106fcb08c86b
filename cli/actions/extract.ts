/**
 * `briefing extract <article | url>`: one article → one Extraction JSON document on stdout,
 * and nothing else there.
 */
import { IntakeError } from '../../lambdas/core/errors';
import { DEFAULT_MAX_BYTES } from '../../lambdas/intake/types';
import { extractionJson } from '../../lambdas/extract/extraction-json';
import type { ExtractCommandOptions } from '../commands/extract';
import { readInput } from '../input';
import { extractInput } from './article';

/** The core's reason names the limit; on the command line, also say how to change it. */
function withLimitHint(error: unknown): never {
  if (error instanceof IntakeError && error.code === 'too_large') {
    throw new IntakeError(error.code, `${error.message} (raise it with --max-bytes)`, { cause: error, context: error.context });
  }
  throw error;
}

export async function extractCommand(file: string, options: ExtractCommandOptions): Promise<void> {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const input = await readInput(file, maxBytes).catch(withLimitHint);
  const extraction = await extractInput(input, { maxBytes, format: options.format, published: options.published }).catch(withLimitHint);
  if (options.explain) {
    const { explainExtraction } = await import('../../lambdas/extract/explain');
    process.stdout.write(`${explainExtraction(extraction)}\n`);
    return;
  }
  process.stdout.write(extractionJson(extraction));
}
