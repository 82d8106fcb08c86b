/**
 * Reading what a command is given: a file (local/input-file.ts says how), or an article at an
 * http(s):// address.
 */
import type { ArticleFormat } from '../lambdas/intake/types';
import { FETCH_LIMITS, fetchArticle, isWebAddress } from '../lambdas/intake/fetch';
import { readInputFile } from '../local/input-file';

/** An article's bytes and what intake should know about where they came from. */
export interface Input {
  readonly bytes: Uint8Array;
  /** The file as given, or the address after redirects. */
  readonly name: string;
  readonly contentType?: string;
  /** The format a web page's content type names. */
  readonly format?: ArticleFormat;
  /** The address a web page came from. */
  readonly url?: string;
}

/** A file, or an http(s):// address fetched within FETCH_LIMITS (with `maxBytes` as its size cap). */
export async function readInput(input: string, maxBytes: number): Promise<Input> {
  if (!isWebAddress(input)) return { bytes: await readInputFile(input, maxBytes), name: input };
  const page = await fetchArticle(input, { ...FETCH_LIMITS, maxBytes });
  return { bytes: page.bytes, name: page.url, contentType: page.contentType, format: page.format, url: page.url };
}
