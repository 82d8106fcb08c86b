/**
 * Patterns over letters, read with ASCII classes where a text's letters are all ASCII. Any stage
 * that reads text with Unicode letter classes uses them: intake (captions, bylines), extraction
 * and the briefing's wording.
 */

// Beyond ASCII, in Unicode mode: one whole code point at a time, so a letter outside the Basic
// Multilingual Plane is tested whole.
const NON_ASCII = /[^\x00-\x7F]/gu;
let letterOrMark: RegExp | undefined;

/**
 * True for the characters beyond ASCII that news is full of and that are neither letters nor
 * marks, read by their code: Latin-1's punctuation and symbols (not ª, µ, º), × and ÷, the
 * General Punctuation block (curly quotes, dashes, ellipsis, spaces) and the currency signs. Text
 * whose only characters beyond ASCII are these never builds a Unicode letter class (a test
 * checks every code point of these ranges against `\p{L}` and `\p{M}`).
 */
export function isPunctuationOrSymbol(code: number): boolean {
  if (code >= 0x80 && code <= 0xbf) return code !== 0xaa && code !== 0xb5 && code !== 0xba;
  return code === 0xd7 || code === 0xf7 || (code >= 0x2000 && code <= 0x206f) || (code >= 0x20a0 && code <= 0x20cf);
}

/**
 * True when every letter and mark of `text` is ASCII: "Yemen’s “worst” day" (curly quotes are not
 * letters), not "Valparaíso". On such text an ASCII letter class reads exactly what the Unicode
 * class it stands for reads (see {@link letterPattern}).
 */
export function asciiLettersOnly(text: string): boolean {
  if (text !== lastText) {
    lastText = text;
    lastAnswer = scanAsciiLettersOnly(text);
  }
  return lastAnswer;
}

// The text asked about last, and the answer: the extractor often tries one pattern after another
// on the same text, and each try asked again (3% of a warm extraction, on the development set).
// Callers that alternate two texts miss; the one text kept is at most an article's.
let lastText: string | null = null;
let lastAnswer = true;

function scanAsciiLettersOnly(text: string): boolean {
  NON_ASCII.lastIndex = 0;
  for (let m = NON_ASCII.exec(text); m; m = NON_ASCII.exec(text)) {
    if (isPunctuationOrSymbol(m[0].charCodeAt(0))) continue;
    if ((letterOrMark ??= /[\p{L}\p{M}]/u).test(m[0])) return false;
  }
  return true;
}

/** What each Unicode letter class reads of ASCII. */
const ASCII_RANGES: Readonly<Record<string, string>> = { L: 'A-Za-z', Lu: 'A-Z', Ll: 'a-z', M: '' };

/**
 * The pattern with each `\p{L}`, `\p{Lu}`, `\p{Ll}` and `\p{M}` read as its ASCII part: inside a
 * class, its ranges (`[\p{L}\p{M}'-]` → `[A-Za-z'-]`); alone, a class of them (`\p{M}` → `[]`,
 * which reads nothing). Any other property escape has no ASCII twin here and is refused.
 */
export function asciiTwin(source: string): string {
  let out = '';
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const c = source[i]!;
    if (c === '\\') {
      const property = /^\\([pP])\{([\w=]+)\}/.exec(source.slice(i, i + 40));
      if (property) {
        const ranges = property[1] === 'p' ? ASCII_RANGES[property[2]!] : undefined;
        if (ranges === undefined) throw new Error(`no ASCII twin for ${property[0]} in /${source}/`);
        out += inClass ? ranges : `[${ranges}]`;
        i += property[0].length - 1;
      } else {
        out += source.slice(i, i + 2);
        i++;
      }
      continue;
    }
    if (c === '[' && !inClass) inClass = true;
    else if (c === ']' && inClass) inClass = false;
    out += c;
  }
  return out;
}

/**
 * A pattern over letters in two builds, each made on first use: as written, with Unicode's letter
 * classes, for any text; and its {@link asciiTwin}, for text whose letters are all ASCII
 * ({@link asciiLettersOnly}), where the two read the same (with the `i` flag too: the only
 * characters beyond ASCII that an ASCII class then reads, "ſ" and the Kelvin sign, are letters).
 * Why: V8 expands every `\p{…}` of a pattern into hundreds of ranges, a few million instructions
 * each time it parses one (once when the pattern is made, again when it is first compiled), then
 * compiles code for each. Read so, the patterns of names, datelines and tokens cost a cold briefing
 * of the seed 18% fewer instructions (callgrind: 1.63 → 1.33 G). Most news is ASCII but for its
 * quotation marks and dashes.
 */
export function letterPattern(source: string, flags: string): (asciiOnly: boolean) => RegExp {
  let unicode: RegExp | undefined;
  let ascii: RegExp | undefined;
  return (asciiOnly) => (asciiOnly ? (ascii ??= new RegExp(asciiTwin(source), flags)) : (unicode ??= new RegExp(source, flags)));
}

/** The build of a {@link letterPattern} that reads `text`. */
export const patternFor = (text: string, pattern: (asciiOnly: boolean) => RegExp): RegExp => pattern(asciiLettersOnly(text));

/** `pattern`'s build for `text` tested on it. */
export const testIn = (pattern: (asciiOnly: boolean) => RegExp, text: string): boolean => patternFor(text, pattern).test(text);

/** The first match of `pattern`'s build for `text` in it. */
export const execIn = (pattern: (asciiOnly: boolean) => RegExp, text: string): RegExpExecArray | null => patternFor(text, pattern).exec(text);
