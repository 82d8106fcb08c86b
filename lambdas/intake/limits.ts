/**
 * Shape limits checked on the raw text before a parser sees it. The parsers behind intake
 * (JSON.parse's consumers, linkedom, Readability) and the code walking their trees work
 * recursively or in time that grows with nesting: a 100,000-deep page stalled Readability for
 * minutes and a 50,000-deep JSON-LD graph overflowed the stack. No article nests like that, so
 * such input is refused with a reason, in one linear scan that never recurses.
 */
import { IntakeError } from '../core/errors';

/** JSON from news APIs, CMS exports and JSON-LD nests a dozen levels; 100 is far beyond any. */
export const MAX_JSON_DEPTH = 100;
/**
 * Elements nested inside each other. News pages nest a few dozen; browsers stop nesting at 512.
 * Readability's time grows with the square of the depth (0.4 s at 256, 24 s at 1,000 here).
 */
export const MAX_HTML_DEPTH = 256;
/**
 * Elements in one page. A news page has a few thousand (a heavy live blog 15,000); Readability
 * needs about 6 s for 45,000, and a 5 MB table of 200,000 cells would take minutes.
 */
export const MAX_HTML_ELEMENTS = 30_000;

const count = (n: number): string => n.toLocaleString('en-US');

/** Deepest nesting of arrays and objects, strings skipped; stops counting past `limit`. */
export function jsonDepth(text: string, limit = Number.POSITIVE_INFINITY): number {
  let depth = 0;
  let deepest = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22 /* " */) {
      // Skip the string, escapes included.
      for (i++; i < text.length && text.charCodeAt(i) !== 0x22; i++) if (text.charCodeAt(i) === 0x5c) i++;
    } else if (c === 0x5b /* [ */ || c === 0x7b /* { */) {
      depth++;
      if (depth > deepest) {
        deepest = depth;
        if (deepest > limit) return deepest;
      }
    } else if (c === 0x5d /* ] */ || c === 0x7d /* } */) {
      depth--;
    }
  }
  return deepest;
}

export function checkJsonShape(text: string): void {
  const depth = jsonDepth(text, MAX_JSON_DEPTH);
  if (depth > MAX_JSON_DEPTH) {
    throw new IntakeError('too_deep', `JSON nests lists and objects more than ${MAX_JSON_DEPTH} levels deep; an article needs a few`, {
      context: { limit: MAX_JSON_DEPTH },
    });
  }
}

/** Elements with no content and no end tag. */
const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'keygen', 'link', 'meta', 'param', 'source', 'track', 'wbr', 'image', 'frame', 'basefont', 'isindex']);
/**
 * Elements whose end tag HTML lets a page leave out: a parser closes them when a sibling or a
 * block starts, so they never nest by themselves. Not counted as depth.
 */
const OPTIONAL_END = new Set(['p', 'li', 'dt', 'dd', 'option', 'optgroup', 'tr', 'td', 'th', 'thead', 'tbody', 'tfoot', 'colgroup', 'rb', 'rt', 'rtc', 'rp', 'html', 'head', 'body']);
/** Elements whose content is text up to their end tag, never markup. */
const RAW_TEXT = new Set(['script', 'style', 'textarea', 'title', 'xmp', 'iframe', 'noembed', 'noframes', 'plaintext']);

export interface HtmlShape {
  /** Deepest nesting of elements as a parser would build it (approximate, never an overcount of a well-formed page). */
  readonly depth: number;
  readonly elements: number;
}

const isNameStart = (c: number): boolean => (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a);
const isNameEnd = (c: number): boolean => c === 0x3e /* > */ || c === 0x2f /* / */ || c <= 0x20;

/**
 * Nesting depth and element count of an HTML page or fragment, in one pass that reads every
 * character once (a regular expression over tags would backtrack quadratically on a crafted
 * run of "<" or an unclosed quote). Tags are read as HTML's tokenizer reads them: a quoted
 * attribute value runs to its closing quote, whatever ">" it holds.
 */
export function htmlShape(html: string, depthLimit = Number.POSITIVE_INFINITY): HtmlShape {
  const open: string[] = [];
  let depth = 0;
  let elements = 0;
  let lower: string | null = null;
  let i = html.indexOf('<');
  while (i >= 0 && i < html.length) {
    if (html.startsWith('<!--', i)) {
      const end = html.indexOf('-->', i + 4);
      i = end < 0 ? html.length : html.indexOf('<', end + 3);
      continue;
    }
    const closing = html.charCodeAt(i + 1) === 0x2f;
    const nameAt = closing ? i + 2 : i + 1;
    if (!isNameStart(html.charCodeAt(nameAt))) {
      // "<!doctype", "<?xml", or a "<" that is just text.
      const bang = html.charCodeAt(i + 1);
      i = bang === 0x21 || bang === 0x3f ? html.indexOf('>', i) : i + 1;
      if (i >= 0) i = html.indexOf('<', i);
      continue;
    }
    let j = nameAt;
    while (j < html.length && !isNameEnd(html.charCodeAt(j))) j++;
    const name = html.slice(nameAt, j).toLowerCase();
    // Attributes up to the tag's ">", quoted values skipped whole.
    let selfClosing = false;
    while (j < html.length) {
      const c = html.charCodeAt(j);
      if (c === 0x3e) break;
      if (c === 0x3d /* = */) {
        j++;
        while (j < html.length && html.charCodeAt(j) <= 0x20) j++;
        const quote = html[j];
        if (quote === '"' || quote === "'") {
          const end = html.indexOf(quote, j + 1);
          j = end < 0 ? html.length : end + 1;
        }
        continue;
      }
      selfClosing = c === 0x2f;
      j++;
    }
    i = j >= html.length ? -1 : html.indexOf('<', j + 1);
    if (closing) {
      // An end tag closes the nearest open element of its name and everything opened inside it.
      const at = open.lastIndexOf(name);
      if (at >= 0) open.length = at;
      continue;
    }
    elements++;
    if (RAW_TEXT.has(name)) {
      lower ??= html.toLowerCase();
      const end = lower.indexOf(`</${name}`, j);
      i = end < 0 ? -1 : end;
      continue;
    }
    if (VOID.has(name) || OPTIONAL_END.has(name) || selfClosing) continue;
    open.push(name);
    if (open.length > depth) depth = open.length;
    // Past the limit the answer is known; stopping keeps end-tag lookups short.
    if (depth > depthLimit) break;
  }
  return { depth, elements };
}

export function checkHtmlShape(html: string): void {
  const { depth, elements } = htmlShape(html, MAX_HTML_DEPTH);
  if (depth > MAX_HTML_DEPTH) {
    throw new IntakeError('too_deep', `HTML nests elements more than ${MAX_HTML_DEPTH} deep; a news page nests a few dozen`, {
      context: { limit: MAX_HTML_DEPTH },
    });
  }
  if (elements > MAX_HTML_ELEMENTS) {
    throw new IntakeError('too_complex', `HTML has ${count(elements)} elements; the limit is ${count(MAX_HTML_ELEMENTS)} (a news page has a few thousand)`, {
      context: { elements, limit: MAX_HTML_ELEMENTS },
    });
  }
}
