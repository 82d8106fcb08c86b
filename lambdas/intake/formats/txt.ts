/**
 * Plain text: wire copy pasted from a web page or an agency feed. Paragraphs are separated by
 * blank lines, by single line breaks, or both; hard-wrapped text (an e-mail, a 72-column
 * export) is re-joined so a sentence is never cut in two.
 */
import { isCaption } from '../captions';
import { cleanByline } from '../fields';
import { cleanText, normalizeParagraph } from '../normalize';
import type { ArticleDraft } from '../types';

/** Lines of hard-wrapped text are at most this long; pasted wire paragraphs are longer. */
const WRAP_WIDTH = 100;
const ENDS_SENTENCE = /[.!?:;"”’)\]]$/;

/**
 * A block of lines is hard-wrapped when every line but the last is short and of about the
 * same length (a wrap column), and some stop mid-sentence. A headline or caption over a
 * paragraph is much shorter than the lines around it, so wire copy is never joined up.
 */
function isHardWrapped(lines: readonly string[]): boolean {
  const inner = lines.slice(0, -1);
  if (inner.length === 0) return false;
  const longest = Math.max(...lines.map((line) => line.length));
  return longest <= WRAP_WIDTH
    && inner.every((line) => line.length >= longest * 0.6)
    && inner.some((line) => !ENDS_SENTENCE.test(line));
}

interface Block {
  readonly lines: readonly string[];
}

function blocksOf(text: string): Block[] {
  return cleanText(text)
    .split(/\n[ ]*\n/)
    .map((block) => ({ lines: block.split('\n').map((line) => line.trim()).filter((line) => line.length > 0) }))
    .filter((block) => block.lines.length > 0);
}

const paragraphsOfBlock = (block: Block): string[] =>
  isHardWrapped(block.lines) ? [block.lines.join(' ')] : [...block.lines];

const paragraphsOfBlocks = (blocks: readonly Block[]): string[] =>
  blocks.flatMap(paragraphsOfBlock).map(normalizeParagraph).filter((p) => p.length > 0);

/** Text → paragraphs, on blank lines or single line breaks. Shared with JSON bodies. */
export function splitPlainParagraphs(text: string): string[] {
  return paragraphsOfBlocks(blocksOf(text));
}

const MAX_HEADLINE_CHARS = 200;
const MAX_HEADLINE_WORDS = 30;

/** Short, one line, not a sentence (no closing period or comma), not a caption. */
function readsAsHeadline(line: string): boolean {
  return line.length <= MAX_HEADLINE_CHARS
    && line.split(' ').length <= MAX_HEADLINE_WORDS
    && !/[.,;]$/.test(line)
    && !isCaption(line);
}

const BYLINE = /^by\s+\p{Lu}[\p{L}.'’-]*(?:\s+(?:\p{Lu}[\p{L}.'’-]*|and|&|in|de|al|van|von|,))*$/iu;

export function readTxt(text: string): ArticleDraft {
  const blocks = blocksOf(text);
  const first = blocks[0];
  let paragraphs = paragraphsOfBlocks(blocks);
  let title: string | null = null;
  const candidate = paragraphs[0];
  // The headline either stands alone above a blank line, or is visibly shorter than the
  // sentence-ending line that follows it (a headline over a single line break).
  if (first && candidate !== undefined && paragraphs.length > 1 && readsAsHeadline(candidate)) {
    const next = paragraphs[1]!;
    const standsAlone = first.lines.length === 1;
    if (standsAlone || (next.length > candidate.length && ENDS_SENTENCE.test(next))) {
      title = candidate;
      paragraphs = paragraphs.slice(1);
    }
  }
  let byline: string | null = null;
  const bylineAt = paragraphs.slice(0, 3).findIndex((p) => p.length <= 80 && BYLINE.test(p));
  if (bylineAt >= 0 && paragraphs.length > 1) {
    byline = cleanByline(paragraphs[bylineAt]!);
    paragraphs = paragraphs.filter((_, i) => i !== bylineAt);
  }
  return { title, byline, paragraphs };
}
