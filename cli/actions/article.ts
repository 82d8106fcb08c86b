/**
 * An input (file or web page) to Extraction JSON, for `extract` and `render`. Intake and
 * extraction load only after the bytes passed the cheap checks (size, signatures, encoding,
 * blank), so a wrong file is turned away without loading the readers or the extractor.
 */
import { endColdStartForLongArticle } from '../../lambdas/core/cold-start';
import type { Extraction } from '../../lambdas/extract/types';
import { screenInput } from '../../lambdas/intake/sniff';
import type { ArticleFormat } from '../../lambdas/intake/types';
import type { Input } from '../input';

export interface ExtractInputOptions {
  readonly maxBytes: number;
  readonly format?: ArticleFormat;
  readonly published?: string | null;
  /** The name intake records as the article's `input`; the input's own by default. */
  readonly name?: string;
}

export async function extractInput(input: Input, options: ExtractInputOptions): Promise<Extraction> {
  screenInput(input.bytes, { maxBytes: options.maxBytes, contentType: input.contentType });
  endColdStartForLongArticle(input.bytes);
  // One module at a time: a file intake refuses never loads the extractor.
  const { readArticle } = await import('../../lambdas/intake');
  const article = readArticle(input.bytes, {
    name: options.name ?? input.name,
    format: options.format ?? input.format,
    contentType: input.contentType,
    maxBytes: options.maxBytes,
  });
  const { extractFigures } = await import('../../lambdas/extract');
  // A page that does not name its own address keeps the one it was fetched from.
  return extractFigures({ ...article, url: article.url ?? input.url ?? null }, { published: options.published });
}
