/**
 * The pure core, end to end: bytes → Article → Extraction → PDF. No AWS import here; the
 * Lambda handlers, the CLI and the local pipeline are thin adapters over these functions.
 */
import { readArticle } from '../intake';
import type { IntakeOptions } from '../intake/types';
import { extractFigures } from '../extract';
import type { Extraction } from '../extract/types';
import { renderBriefing, type RenderOptions } from '../render';

export interface ExtractBytesOptions extends IntakeOptions {
  /** YYYY-MM-DD; overrides a date found in the article. */
  readonly published?: string | null;
}

export function extractFromBytes(bytes: Uint8Array, options: ExtractBytesOptions): Extraction {
  const article = readArticle(bytes, options);
  return extractFigures(article, { published: options.published ?? article.published });
}

export async function briefingFromBytes(
  bytes: Uint8Array,
  options: ExtractBytesOptions & RenderOptions,
): Promise<{ extraction: Extraction; pdf: Uint8Array }> {
  const extraction = extractFromBytes(bytes, options);
  const pdf = await renderBriefing(extraction, options);
  return { extraction, pdf };
}
