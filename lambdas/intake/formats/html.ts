/**
 * Saved web pages. linkedom builds the DOM and never runs scripts, so nothing a page's
 * JavaScript would write can reach the article; @mozilla/readability then picks the article
 * body out of the navigation, ads and comments around it.
 */
import type { Readability } from '@mozilla/readability';
import { IntakeError } from '../../core/errors';
import { toIsoDate } from '../../core/dates';
import { cleanByline, urlOf } from '../fields';
import { findArticleNode, readJsonLdArticle, type JsonLdArticle } from '../jsonld';
import { checkHtmlShape, jsonDepth, MAX_JSON_DEPTH } from '../limits';
import { normalizeParagraph } from '../normalize';
import type { ArticleDraft } from '../types';
import { linkedomModule, readabilityModule } from './parsers';

/** Elements that start a new paragraph; anything else is inline text within one. */
const BLOCK_TAGS = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'DD', 'DETAILS', 'DIV', 'DL', 'DT', 'FIELDSET', 'FIGCAPTION',
  'FIGURE', 'FOOTER', 'FORM', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER', 'HR', 'LI', 'MAIN', 'NAV', 'OL',
  'P', 'PRE', 'SECTION', 'SUMMARY', 'TABLE', 'TBODY', 'TD', 'TFOOT', 'TH', 'THEAD', 'TR', 'UL',
]);
/** Never text: code, styling, embedded media. */
const NOT_TEXT = 'script, style, noscript, template, iframe, object, embed, svg, canvas, button, select, textarea';
const PAGE_FURNITURE = [
  'nav, aside, footer, form, [role="navigation"], [role="complementary"], [role="contentinfo"], [role="search"]',
  // Ads and promotions placed inside the story: Readability keeps a short block between two
  // paragraphs, and its prices and phone numbers would read as the article's figures.
  // Whole class tokens only ("ad", not "header" or "shadow").
  '[class~="ad"], [class~="ads"], [class~="advert"], [class~="advertisement"], [class~="sponsored"], [class~="promo"]',
  '[id^="ad-"], [id^="ads-"], [aria-label="Advertisement" i], ins.adsbygoogle',
].join(', ');
const BLOCK_SELECTOR = [...BLOCK_TAGS].map((tag) => tag.toLowerCase()).join(', ');

// linkedom's DOM types are its own; the few members used here are typed structurally.
interface DomNode {
  readonly nodeType: number;
  readonly nodeName: string;
  readonly textContent: string | null;
  readonly childNodes: ArrayLike<DomNode>;
}
interface DomElement extends DomNode {
  getAttribute(name: string): string | null;
  querySelector(selector: string): DomElement | null;
  querySelectorAll(selector: string): ArrayLike<DomElement>;
  remove(): void;
}
interface DomDocument {
  readonly body: DomElement | null;
  querySelector(selector: string): DomElement | null;
  querySelectorAll(selector: string): ArrayLike<DomElement>;
}

const TEXT_NODE = 3;
const ELEMENT_NODE = 1;

/** Every parse goes through here, so no page or fragment reaches linkedom nested too deep. */
function parseDocument(html: string): DomDocument {
  checkHtmlShape(html);
  return linkedomModule().parseHTML(html).document as unknown as DomDocument;
}

/** Tags that only give a page its shape; HTML lets a page leave any of them out. */
const STRUCTURE_TAGS = /<!doctype[^>]*>|<\/?(?:html|head|body)(?:\s[^>]*)?>/gi;
/** Head elements a page without <head> left in its body, to move back (see parsePage). */
const STRAY_HEAD_ELEMENTS = ['title', 'meta', 'link', 'base', 'style'].map((tag) => `body ${tag}`).join(', ');

/**
 * A whole page as a DOM with a real <head> and <body>. linkedom builds the tree as written and
 * does not infer the html/head/body elements a browser would, so a page that omits <body>
 * (legal HTML) would have its text outside the body, or no document element at all. Such a
 * page is rebuilt: its structural tags dropped, its content put in a body, and its title and
 * meta elements moved to the head where Readability looks for them.
 */
function parsePage(html: string): DomDocument {
  const document = parseDocument(html);
  const root = (document as unknown as { documentElement: DomElement | null }).documentElement;
  if (root?.nodeName === 'HTML' && root.querySelector(':scope > body')) return document;
  const rebuilt = parseDocument(`<!DOCTYPE html><html><head></head><body>${html.replace(STRUCTURE_TAGS, '')}</body></html>`);
  const head = rebuilt.querySelector('head') as unknown as { append(...nodes: DomElement[]): void };
  for (const element of Array.from(rebuilt.querySelectorAll(STRAY_HEAD_ELEMENTS))) head.append(element);
  return rebuilt;
}

export interface HtmlBlocks {
  readonly paragraphs: string[];
  readonly captions: string[];
}

/**
 * An HTML fragment → paragraphs (leaf blocks: p, li, h2, …; loose text between blocks counts
 * as its own paragraph) and captions (figcaption). Shared with JSON and Markdown bodies that
 * carry HTML.
 */
export function htmlToBlocks(html: string): HtmlBlocks {
  const document = parseDocument(`<!DOCTYPE html><html><body>${html.replace(STRUCTURE_TAGS, '')}</body></html>`);
  const root = document.body;
  const blocks: HtmlBlocks = { paragraphs: [], captions: [] };
  if (!root) return blocks;
  Array.from(root.querySelectorAll(NOT_TEXT)).forEach((element) => element.remove());
  collectBlocks(root, blocks);
  return blocks;
}

function collectBlocks(container: DomElement, out: HtmlBlocks): void {
  let inline = '';
  const flush = (): void => {
    if (inline.trim()) out.paragraphs.push(inline);
    inline = '';
  };
  for (const node of Array.from(container.childNodes)) {
    if (node.nodeType === TEXT_NODE) {
      inline += node.textContent ?? '';
      continue;
    }
    if (node.nodeType !== ELEMENT_NODE) continue;
    const element = node as DomElement;
    if (element.nodeName === 'BR') inline += ' ';
    else if (!BLOCK_TAGS.has(element.nodeName)) inline += element.textContent ?? '';
    else {
      flush();
      if (element.nodeName === 'FIGCAPTION') out.captions.push(element.textContent ?? '');
      else if (element.querySelector(BLOCK_SELECTOR)) collectBlocks(element, out);
      else out.paragraphs.push(element.textContent ?? '');
    }
  }
  flush();
}

const meta = (document: DomDocument, selector: string): string | null =>
  document.querySelector(selector)?.getAttribute('content')?.trim() || null;

const PUBLISHED_META = [
  'meta[property="article:published_time"]',
  'meta[property="og:article:published_time"]',
  'meta[property="og:published_time"]',
  'meta[itemprop="datePublished"]',
  'meta[name="article:published_time"]',
  'meta[name="pubdate"]',
  'meta[name="publishdate"]',
  'meta[name="date"]',
  'meta[name="DC.date.issued"]',
  'meta[name="dc.date"]',
  'meta[name="parsely-pub-date"]',
];

function jsonLdArticle(document: DomDocument): JsonLdArticle | null {
  for (const script of Array.from(document.querySelectorAll('script[type="application/ld+json"]'))) {
    const text = script.textContent ?? '';
    // Nested too deep to walk: as useless as broken structured data.
    if (jsonDepth(text, MAX_JSON_DEPTH) > MAX_JSON_DEPTH) continue;
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      continue; // broken structured data is the page's problem; the article text may still be fine
    }
    const node = findArticleNode(value);
    if (node) return readJsonLdArticle(node);
  }
  return null;
}

function publishedDate(document: DomDocument, jsonLd: JsonLdArticle | null): string | null {
  if (jsonLd?.published) return jsonLd.published;
  for (const selector of PUBLISHED_META) {
    const date = toIsoDate(meta(document, selector));
    if (date) return date;
  }
  const time = document.querySelector('time[itemprop="datePublished"], time[pubdate], article time[datetime]');
  return toIsoDate(time?.getAttribute('datetime') ?? null);
}

function canonicalUrl(document: DomDocument, jsonLd: JsonLdArticle | null): string | null {
  return urlOf(document.querySelector('link[rel="canonical"]')?.getAttribute('href'))
    ?? urlOf(meta(document, 'meta[property="og:url"]'))
    ?? jsonLd?.url
    ?? null;
}

/** Captions of the article's own pictures; Readability often drops the lead image's figure. */
function articleCaptions(document: DomDocument): string[] {
  const selector = 'article figcaption, [itemprop="articleBody"] figcaption, main figcaption';
  return Array.from(document.querySelectorAll(selector), (element) => element.textContent ?? '');
}

export function readHtml(html: string): ArticleDraft {
  const document = parsePage(html);
  // Everything read from the page itself comes before Readability, which rewrites the DOM.
  const jsonLd = jsonLdArticle(document);
  const published = publishedDate(document, jsonLd);
  const url = canonicalUrl(document, jsonLd);
  const ownCaptions = articleCaptions(document);
  const heading = document.querySelector('h1')?.textContent ?? null;
  // Never article text. Readability scores these low, but on a page with no article it would
  // still return the menu; removed, such a page is refused for having no body.
  Array.from(document.querySelectorAll(PAGE_FURNITURE)).forEach((element) => element.remove());

  const { Readability: Reader } = readabilityModule();
  const parsed = new Reader(document as unknown as ConstructorParameters<typeof Readability>[0]).parse();
  const body = parsed?.content ? htmlToBlocks(parsed.content) : { paragraphs: [], captions: [] };
  if (body.paragraphs.every((p) => !p.trim())) {
    throw new IntakeError('no_body', 'no article text found in the HTML page');
  }
  const title = parsed?.title?.trim() || jsonLd?.title || heading;
  // Readability sometimes keeps the headline as the first block; it is the title, not body.
  const paragraphs = title && normalizeParagraph(body.paragraphs[0] ?? '') === normalizeParagraph(title)
    ? body.paragraphs.slice(1)
    : body.paragraphs;
  return {
    title,
    published: published ?? toIsoDate(parsed?.publishedTime ?? null),
    source: parsed?.siteName?.trim() || jsonLd?.source || null,
    url,
    byline: cleanByline(parsed?.byline ?? jsonLd?.byline ?? null),
    paragraphs,
    captions: [...ownCaptions, ...body.captions],
  };
}
