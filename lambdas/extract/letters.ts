/**
 * Letter tests used per token and per number. The patterns live here at module level because
 * esbuild (every `node*` target) rewrites a `\p{…}` literal into `new RegExp(…)` where it is
 * written: inside a function that is one RegExp built on every call, which was ~8% of warm
 * extraction (callgrind over the development set).
 */
const LETTER = /\p{L}/u;
const STARTS_UPPER = /^\p{Lu}/u;
const STARTS_LETTER = /^\p{L}/u;
const ENDS_LETTER = /\p{L}$/u;

// An ASCII character is read by its code; only a string reaching beyond ASCII goes to the pattern.
const isAsciiLetter = (c: number): boolean => (c | 32) >= 97 && (c | 32) <= 122;
const isAsciiUpper = (c: number): boolean => c >= 65 && c <= 90;

/** A letter anywhere in `s` (for one character: the character is a letter). */
export function hasLetter(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 128) return LETTER.test(s);
    if (isAsciiLetter(c)) return true;
  }
  return false;
}
/** "Kogi", "Éric": a capital letter first. */
export const startsUpper = (s: string): boolean => (s.length > 0 && s.charCodeAt(0) < 128 ? isAsciiUpper(s.charCodeAt(0)) : STARTS_UPPER.test(s));
export const startsWithLetter = (s: string): boolean => (s.length > 0 && s.charCodeAt(0) < 128 ? isAsciiLetter(s.charCodeAt(0)) : STARTS_LETTER.test(s));
export const endsWithLetter = (s: string): boolean => (s.length > 0 && s.charCodeAt(s.length - 1) < 128 ? isAsciiLetter(s.charCodeAt(s.length - 1)) : ENDS_LETTER.test(s));

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
 * ({@link asciiLettersOnly}), where the two read the same. Why: V8 expands every `\p{…}` of a
 * pattern into hundreds of ranges (about 2 million instructions each time it parses one, twice
 * per pattern, then compiled code for each), so the name patterns of entities and speakers were a
 * large part of a cold briefing; most news is ASCII but for its quotation marks, and reads faster
 * with the small classes warm too.
 */
export function letterPattern(source: string, flags: string): (asciiOnly: boolean) => RegExp {
  let unicode: RegExp | undefined;
  let ascii: RegExp | undefined;
  return (asciiOnly) => (asciiOnly ? (ascii ??= new RegExp(asciiTwin(source), flags)) : (unicode ??= new RegExp(source, flags)));
}

/** The build of a {@link letterPattern} that reads `text`. */
export const patternFor = (text: string, pattern: (asciiOnly: boolean) => RegExp): RegExp => pattern(asciiLettersOnly(text));
