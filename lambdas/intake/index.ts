/**
 * Intake: bytes + name (or content type) → one clean Article, or an IntakeError whose message
 * says why the input is not an article. Pure: no AWS, no file system; the CLI and the Lambda
 * handlers bring the bytes.
 */
import { createHash } from 'node:crypto';
import { IntakeError } from '../core/errors';
import { separateCaptions } from './captions';
import { chooseFormat } from './format';
import { readHtml } from './formats/html';
import { readJson } from './formats/json';
import { readMarkdown } from './formats/markdown';
import { readTxt } from './formats/txt';
import { normalizeParagraph, normalizeParagraphs } from './normalize';
import { screenInput } from './sniff';
import type { Article, ArticleDraft, ArticleFormat, IntakeOptions } from './types';

export { DEFAULT_MAX_BYTES } from './types';
export type { Article, ArticleFormat, IntakeOptions } from './types';

const READERS: Readonly<Record<ArticleFormat, (text: string) => ArticleDraft>> = {
  txt: readTxt,
  md: readMarkdown,
  html: readHtml,
  json: readJson,
};

const FORMAT_NAMES: Readonly<Record<ArticleFormat, string>> = {
  txt: 'text', md: 'Markdown', html: 'HTML page', json: 'JSON',
};

const unique = (items: readonly string[]): string[] => [...new Set(items)];

/** A title for an article that has none: its first sentence, cut at a word near 100 characters. */
function titleFromBody(first: string): string {
  const sentence = /^.+?[.!?](?=\s|$)/.exec(first)?.[0] ?? first;
  if (sentence.length <= 100) return sentence.replace(/[.]$/, '');
  return `${sentence.slice(0, 100).replace(/\s+\S*$/, '')}…`;
}

export function readArticle(bytes: Uint8Array, options: IntakeOptions): Article {
  const { text } = screenInput(bytes, options);
  options.checkpoint?.('decoding the file');
  const format = chooseFormat(text, options);
  const draft = READERS[format](text);
  options.checkpoint?.(`reading it as ${FORMAT_NAMES[format]}`);

  const { body, captions: inlineCaptions } = separateCaptions(normalizeParagraphs(draft.paragraphs));
  const captions = unique([...normalizeParagraphs(draft.captions ?? []), ...inlineCaptions]);
  if (body.length === 0) {
    const why = captions.length > 0 ? ` (only ${captions.length} photo caption${captions.length === 1 ? '' : 's'})` : '';
    throw new IntakeError('no_body', `no body text left after reading it as ${FORMAT_NAMES[format]}${why}`);
  }
  return {
    title: normalizeParagraph(draft.title ?? '') || titleFromBody(body[0]!),
    published: draft.published ?? null,
    source: normalizeParagraph(draft.source ?? '') || null,
    url: draft.url ?? null,
    byline: normalizeParagraph(draft.byline ?? '') || null,
    paragraphs: body,
    text: body.join('\n\n'),
    captions,
    sha256: createHash('sha256').update(bytes).digest('hex'),
    format,
    input: options.name,
  };
}
