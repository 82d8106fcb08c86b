/**
 * bytes → Article → Extraction, without the renderer: the extract Lambda bundles this alone,
 * so it carries no pdfkit, fonts or templates. `index.ts` re-exports it.
 */
import { endColdStartForLongArticle } from '../core/cold-start';
import { readArticle } from '../intake';
import type { IntakeOptions } from '../intake/types';
import { extractFigures } from '../extract';
import type { Extraction } from '../extract/types';

export interface ExtractBytesOptions extends IntakeOptions {
  /** YYYY-MM-DD; overrides a date found in the article. */
  readonly published?: string | null;
}

export function extractFromBytes(bytes: Uint8Array, options: ExtractBytesOptions): Extraction {
  endColdStartForLongArticle(bytes);
  const article = readArticle(bytes, options);
  return extractFigures(article, { published: options.published });
}
