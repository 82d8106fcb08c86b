/**
 * Markdown notes: optional YAML front matter (title, date, source, url, author) and a body
 * read by markdown-it's token stream, so emphasis, links and escapes never leak markup into
 * the text. Headings and list items become paragraphs; a picture's alt text is a caption.
 */
import type { Token } from 'markdown-it';
import { IntakeError } from '../../core/errors';
import { toIsoDate } from '../../core/dates';
import { cleanByline, isRecord, nameOf, pick, urlOf, type Fields } from '../fields';
import { jsonDepth, MAX_JSON_DEPTH } from '../limits';
import { normalizeParagraph, normalizeNewlines } from '../normalize';
import type { ArticleDraft } from '../types';
import { htmlToBlocks } from './html';
import { markdownItClass, yamlModule } from './parsers';

const FRONT_MATTER = /^---[ \t]*\n([\s\S]*?)\n(?:---|\.\.\.)[ \t]*(?:\n|$)/;

function readFrontMatter(text: string): { fields: Fields; body: string } {
  const match = FRONT_MATTER.exec(text);
  if (!match) return { fields: {}, body: text };
  // YAML's flow lists and maps nest with the brackets JSON uses; refuse before the parser recurses.
  if (jsonDepth(match[1]!, MAX_JSON_DEPTH) > MAX_JSON_DEPTH) {
    throw new IntakeError('too_deep', `front matter nests lists and maps more than ${MAX_JSON_DEPTH} levels deep`);
  }
  const { parse: parseYaml, YAMLParseError } = yamlModule();
  let fields: unknown;
  try {
    fields = parseYaml(match[1]!);
  } catch (error) {
    // yaml counts lines from the start of the front matter; the file has the "---" line above.
    const where = error instanceof YAMLParseError && error.linePos ? ` (line ${error.linePos[0].line + 1})` : '';
    // The YAML parser recurses per level of nesting: a stack overflow means nesting, not a bug.
    const what = error instanceof RangeError || /Maximum call stack/.test(String(error)) ? 'it nests too deeply'
      : error instanceof Error ? error.message.split('\n')[0]!.replace(/\s*at line \d+, column \d+:?$/, '') : String(error);
    throw new IntakeError('bad_front_matter', `front matter is not valid YAML${where}: ${what}`);
  }
  if (fields !== null && fields !== undefined && !isRecord(fields)) {
    throw new IntakeError('bad_front_matter', 'front matter is not a list of "field: value" lines');
  }
  return { fields: fields ?? {}, body: text.slice(match[0].length) };
}

/** The words of an inline token, without markup; images are left out (they are captions). */
function inlineText(token: Token): string {
  return (token.children ?? [])
    .map((child) => {
      switch (child.type) {
        case 'text':
        case 'code_inline':
          return child.content;
        case 'softbreak':
        case 'hardbreak':
          return ' ';
        default:
          return ''; // link/emphasis open and close, inline HTML tags, images
      }
    })
    .join('');
}

/** True when a paragraph holds only pictures: its alt texts are captions, not body. */
const onlyImages = (token: Token): boolean => {
  const children = (token.children ?? []).filter((child) => !(child.type === 'text' && !child.content.trim()) && child.type !== 'softbreak');
  return children.length > 0 && children.every((child) => child.type === 'image');
};

interface Body {
  readonly h1: string | null;
  readonly paragraphs: readonly string[];
  readonly captions: readonly string[];
}

let markdownIt: InstanceType<ReturnType<typeof markdownItClass>> | null = null;

function readBody(markdown: string): Body {
  // One parser for every document: markdown-it builds its rule tables in the constructor.
  markdownIt ??= new (markdownItClass())({ html: true });
  const tokens = markdownIt.parse(markdown, {});
  let h1: string | null = null;
  const paragraphs: string[] = [];
  const captions: string[] = [];
  let row: string[] | null = null;
  tokens.forEach((token, i) => {
    if (token.type === 'tr_open') row = [];
    else if (token.type === 'tr_close' && row) {
      paragraphs.push(row.filter((cell) => cell.trim()).join(' | '));
      row = null;
    } else if (token.type === 'inline' && row) row.push(inlineText(token));
    else if (token.type === 'inline' && onlyImages(token)) {
      for (const image of token.children ?? []) if (image.content.trim()) captions.push(image.content);
    } else if (token.type === 'inline') {
      const opener = tokens[i - 1];
      // The first block, when it is an H1, is the title rather than body.
      if (i === 1 && opener?.type === 'heading_open' && opener.tag === 'h1') h1 = inlineText(token);
      else paragraphs.push(inlineText(token));
    } else if (token.type === 'html_block') {
      const blocks = htmlToBlocks(token.content);
      for (const paragraph of blocks.paragraphs) paragraphs.push(paragraph);
      for (const caption of blocks.captions) captions.push(caption);
    }
    // Code blocks and fences are not prose; rules and list markers carry no text.
  });
  return { h1, paragraphs, captions };
}

const TITLE_KEYS = ['title', 'headline'];
const DATE_KEYS = ['date', 'published', 'publishedAt', 'datePublished', 'pubDate'];
const SOURCE_KEYS = ['source', 'publisher', 'site', 'siteName', 'site_name'];
const URL_KEYS = ['url', 'link', 'canonical', 'canonical_url', 'source_url'];
const BYLINE_KEYS = ['author', 'byline', 'authors'];

export function readMarkdown(text: string): ArticleDraft {
  const { fields, body: markdown } = readFrontMatter(normalizeNewlines(text));
  const body = readBody(markdown);
  const title = pick(fields, TITLE_KEYS, nameOf);
  // An H1 repeating the front-matter title is the same headline, not a paragraph.
  const h1Paragraphs = body.h1 !== null && title !== null && normalizeParagraph(body.h1) !== normalizeParagraph(title) ? [body.h1] : [];
  return {
    title: title ?? body.h1,
    published: pick(fields, DATE_KEYS, toIsoDate),
    source: pick(fields, SOURCE_KEYS, nameOf),
    url: pick(fields, URL_KEYS, urlOf),
    byline: cleanByline(pick(fields, BYLINE_KEYS, nameOf)),
    paragraphs: [...h1Paragraphs, ...body.paragraphs],
    captions: body.captions,
  };
}
