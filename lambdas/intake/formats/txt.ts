/**
 * Plain text: wire copy pasted from a web page or an agency feed. Paragraphs are separated by
 * blank lines, by single line breaks, or both; hard-wrapped text (an e-mail, a 72-column
 * export) is re-joined so a sentence is never cut in two.
 */
import { isCaption } from '../captions';
import { cleanByline } from '../fields';
import { letterPattern, testIn } from '../../core/letter-patterns';
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
  // A loop, not Math.max(...lines): a block may hold hundreds of thousands of lines.
  const longest = lines.reduce((most, line) => Math.max(most, line.length), 0);
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

const BYLINE = letterPattern(String.raw`^by\s+\p{Lu}[\p{L}.'’-]*(?:\s+(?:\p{Lu}[\p{L}.'’-]*|and|&|in|de|al|van|von|,))*$`, 'iu');

/** Where the headline is: the first line that is not a photo caption, if it reads as one. */
function headlineIndex(blocks: readonly Block[], paragraphs: readonly string[]): number {
  const at = paragraphs.findIndex((p) => !isCaption(p));
  const candidate = paragraphs[at];
  const next = paragraphs[at + 1];
  if (candidate === undefined || next === undefined || !readsAsHeadline(candidate)) return -1;
  // It either stands alone above a blank line, or is visibly shorter than the sentence-ending
  // line that follows it (a headline over a single line break).
  const standsAlone = blocks.some((block) => block.lines.length === 1 && normalizeParagraph(block.lines[0]!) === candidate);
  return standsAlone || (next.length > candidate.length && ENDS_SENTENCE.test(next)) ? at : -1;
}

export function readTxt(text: string): ArticleDraft {
  const blocks = blocksOf(text);
  let paragraphs = paragraphsOfBlocks(blocks);
  const headlineAt = headlineIndex(blocks, paragraphs);
  const title = headlineAt >= 0 ? paragraphs[headlineAt]! : null;
  if (headlineAt >= 0) paragraphs = paragraphs.filter((_, i) => i !== headlineAt);
  let byline: string | null = null;
  const bylineAt = paragraphs.slice(0, 3).findIndex((p) => p.length <= 80 && testIn(BYLINE, p));
  if (bylineAt >= 0 && paragraphs.length > 1) {
    byline = cleanByline(paragraphs[bylineAt]!);
    paragraphs = paragraphs.filter((_, i) => i !== bylineAt);
  }
  return { title, byline, paragraphs };
}
