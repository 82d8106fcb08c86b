/**
 * Patterns over letters, read with ASCII classes where a text's letters are all ASCII. Any stage
 * that reads text with Unicode letter classes uses them: intake (captions, bylines), extraction
 * and the briefing's wording.
 */

// Beyond ASCII, in Unicode mode: one whole code point at a time, so a letter outside the Basic
// Multilingual Plane is tested whole.
const NON_ASCII = /[^\x00-\x7F]/gu;
const LETTER_OR_MARK = /[\p{L}\p{M}]/u;

/**
 * True when every letter and mark of `text` is ASCII: "Yemen’s “worst” day" (curly quotes are not
 * letters), not "Valparaíso". On such text an ASCII letter class reads exactly what the Unicode
 * class it stands for reads (see {@link letterPattern}).
 */
export function asciiLettersOnly(text: string): boolean {
  NON_ASCII.lastIndex = 0;
  for (let m = NON_ASCII.exec(text); m; m = NON_ASCII.exec(text)) if (LETTER_OR_MARK.test(m[0])) return false;
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
