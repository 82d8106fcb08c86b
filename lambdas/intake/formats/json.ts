/**
 * JSON from news APIs, scrapers and CMS exports: one article object with the usual field
 * names, a JSON-LD NewsArticle, or a one-article wrapper. A list of several articles is
 * refused: `extract` reads one article and must not pick one silently.
 */
import { IntakeError } from '../../core/errors';
import { toIsoDate } from '../../core/dates';
import { cleanByline, isRecord, nameOf, pick, urlOf, type Fields } from '../fields';
import { findArticleNode, isJsonLd, readJsonLdArticle } from '../jsonld';
import { checkJsonShape } from '../limits';
import type { ArticleDraft } from '../types';
import { htmlToBlocks } from './html';
import { splitPlainParagraphs } from './txt';

const BODY_KEYS = ['body', 'text', 'content', 'articleBody'];
const TITLE_KEYS = ['title', 'headline', 'name'];
const DATE_KEYS = ['published', 'publishedAt', 'date', 'datePublished', 'published_at', 'pubDate'];
const SOURCE_KEYS = ['source', 'publisher', 'site', 'siteName', 'site_name'];
const URL_KEYS = ['url', 'link', 'canonical_url', 'canonicalUrl'];
const BYLINE_KEYS = ['byline', 'author', 'authors', 'creator'];

/** "line 3, column 14" for a character position in `text`. */
function lineColumn(text: string, position: number): string {
  const before = text.slice(0, position);
  const line = before.split('\n').length;
  return `line ${line}, column ${position - before.lastIndexOf('\n')}`;
}

function parseJson(text: string): unknown {
  checkJsonShape(text);
  try {
    return JSON.parse(text);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const at = /at position (\d+)/.exec(message);
    const position = at ? Number(at[1]) : /end of JSON input/.test(message) ? text.length : null;
    // V8 quotes a snippet of the input ('Unexpected token 'x', "…" is not valid JSON'); the
    // snippet may hold line breaks and says less than a position, so it is dropped.
    const what = message
      .replace(/\s*in JSON at position \d+.*$/s, '')
      .replace(/, (?:\.\.\.)?".*" is not valid JSON$/s, '')
      .replace(/\s*\(line \d+ column \d+\)/, '')
      .replace(/\r/g, '\\r').replace(/\n/g, '\\n').replace(/\t/g, '\\t');
    throw new IntakeError('bad_json', `not valid JSON: ${what}${position === null ? '' : ` (${lineColumn(text, position)})`}`);
  }
}

const plural = (n: number): string => `${n} article${n === 1 ? '' : 's'}`;

/** The one article in the document: unwraps `[article]` and `{ articles: [article] }`. */
function singleArticle(value: unknown): Fields {
  if (Array.isArray(value)) {
    if (value.length === 1) return singleArticle(value[0]);
    throw new IntakeError('many_articles', value.length === 0
      ? 'JSON is an empty list, not an article'
      : `JSON is a list of ${plural(value.length)}; extract takes one article per file`);
  }
  if (!isRecord(value)) {
    throw new IntakeError('no_body', `JSON is ${value === null ? 'null' : `a ${typeof value}`}, not an article object`);
  }
  const list = value.articles ?? value.items ?? value.results;
  if (Array.isArray(list) && BODY_KEYS.every((key) => value[key] === undefined)) {
    if (list.length === 1) return singleArticle(list[0]);
    throw new IntakeError('many_articles', list.length === 0
      ? 'JSON holds an empty list of articles'
      : `JSON holds ${plural(list.length)}; extract takes one article per file`);
  }
  return value;
}

/** NewsAPI cuts `content` to 200 characters and appends "… [+3012 chars]". */
const TRUNCATION_MARK = /\s*…?\s*\[\+\d+ chars\]\s*$/;
const LOOKS_LIKE_HTML = /<\/?(?:p|br|div|h[1-6]|li|ul|ol|blockquote|figure|figcaption|span|a|em|strong)\b[^>]*>/i;

/** A body field's value → paragraphs and captions; null when it holds no text. */
function bodyOf(value: unknown): { paragraphs: string[]; captions: string[] } | null {
  if (Array.isArray(value) && value.every((item) => typeof item === 'string')) {
    const paragraphs = value.flatMap((item) => splitPlainParagraphs(item));
    return paragraphs.length > 0 ? { paragraphs, captions: [] } : null;
  }
  if (typeof value !== 'string' || !value.trim()) return null;
  const text = value.replace(TRUNCATION_MARK, '');
  const blocks = LOOKS_LIKE_HTML.test(text) ? htmlToBlocks(text) : { paragraphs: splitPlainParagraphs(text), captions: [] };
  return blocks.paragraphs.some((p) => p.trim()) ? blocks : null;
}

export function readJson(text: string): ArticleDraft {
  const article = singleArticle(parseJson(text));
  const node = isJsonLd(article) ? findArticleNode(article) : null;
  const jsonLd = node ? readJsonLdArticle(node) : null;
  const body = (jsonLd?.body ? bodyOf(jsonLd.body) : null) ?? pick(article, BODY_KEYS, bodyOf);
  if (!body) {
    throw new IntakeError('no_body', `JSON has no article text (no non-empty ${BODY_KEYS.join(', ')} field)`);
  }
  return {
    title: jsonLd?.title ?? pick(article, TITLE_KEYS, nameOf),
    published: jsonLd?.published ?? pick(article, DATE_KEYS, toIsoDate),
    source: jsonLd?.source ?? pick(article, SOURCE_KEYS, nameOf),
    url: jsonLd?.url ?? pick(article, URL_KEYS, urlOf),
    byline: cleanByline(jsonLd?.byline ?? pick(article, BYLINE_KEYS, nameOf)),
    paragraphs: body.paragraphs,
    captions: body.captions,
  };
}
