/**
 * A case-insensitive pattern rewritten without the `i` flag, each ASCII letter read as the pair of
 * its cases ("may" → "[mM][aA][yY]"). Why: as V8 compiles a case-insensitive pattern it asks ICU
 * for the case closure of every letter, several times over, and chrono's patterns are long
 * alternations of words (month names, ordinal words, time units). In a cold briefing of the seed
 * (callgrind), compiling regular expressions took 134 M of 914 M instructions, 80 M once chrono's
 * patterns are pairs of cases; all of chrono's patterns compile about three times faster so, and
 * run no slower warm.
 *
 * The rewrite is exact, for any text. Without the `u` flag a case-insensitive pattern compares
 * characters by their upper case, but never lets a character beyond ASCII stand for one within
 * it (ECMA-262, Canonicalize): an ASCII letter matches exactly its two cases ("k" not the Kelvin
 * sign, "s" not the long s), and `\w`, `\b` and the other class escapes read what they read
 * without the flag. A pattern the rewrite cannot read so surely is returned as it is: one in
 * Unicode mode, one with a back reference (compared case-insensitively), a named group, an
 * escape by code (`\x41`, `\u0041`, `\cA`) or a character beyond ASCII that has a case.
 */
import { isAsciiLetter } from './letters';

const otherCase = (code: number): number => code ^ 0x20;
const isAlphanumeric = (code: number): boolean => isAsciiLetter(code) || (code >= 48 && code <= 57);
/** Escapes of a letter that read the same with and without the `i` flag: class escapes, boundaries, control characters. */
const CASELESS_ESCAPES = new Set('dDwWsSbBnrtfv');
/** In a class, the escapes that stand for one character (`\b` is the backspace there), by that character's code. */
const CLASS_CHARACTERS: Readonly<Record<string, number>> = { b: 8, t: 9, n: 10, v: 11, f: 12, r: 13 };
/** In a class, the escapes that stand for a set. */
const CLASS_SETS = new Set('dDwWsS');

/**
 * A character the rewrite may keep as it is: ASCII, or beyond it one without case, which only
 * itself matches (no character has one of these as its upper case; a test checks every one).
 */
const keepable = (code: number): boolean => {
  if (code < 0x80) return true;
  const c = String.fromCharCode(code);
  return c.toUpperCase() === c && c.toLowerCase() === c;
};

/**
 * The members of a character class (its text between `[` or `[^` and `]`) with the other case of
 * each ASCII letter among them added, or null when an escape in it is not one the rewrite reads.
 * A lone "-" is written escaped, so that no added letter makes a range with it.
 */
function pairedClass(body: string): string | null {
  const letters = new Set<number>();
  const note = (from: number, to: number): void => {
    for (let code = from; code <= to; code++) if (isAsciiLetter(code)) letters.add(code);
  };
  // One member: a character (its code) or a class escape (no code); and where it ends.
  const member = (at: number): { code: number | null; end: number } | null => {
    const code = body.charCodeAt(at);
    if (code !== 0x5c) return keepable(code) ? { code, end: at + 1 } : null;
    const escaped = body.charCodeAt(at + 1);
    if (!isAlphanumeric(escaped)) return keepable(escaped) ? { code: escaped, end: at + 2 } : null;
    const letter = body[at + 1]!;
    if (Object.hasOwn(CLASS_CHARACTERS, letter)) return { code: CLASS_CHARACTERS[letter]!, end: at + 2 };
    return CLASS_SETS.has(letter) ? { code: null, end: at + 2 } : null;
  };
  let out = '';
  for (let i = 0; i < body.length;) {
    const low = member(i);
    if (low === null) return null;
    const lowText = body.slice(i, low.end);
    i = low.end;
    if (body[i] === '-' && i + 1 < body.length && low.code !== null) {
      const high = member(i + 1);
      if (high === null || high.code === null) return null;
      note(low.code, high.code);
      out += `${lowText}-${body.slice(i + 1, high.end)}`;
      i = high.end;
    } else {
      if (low.code !== null) note(low.code, low.code);
      out += lowText === '-' ? '\\-' : lowText;
    }
  }
  for (const code of letters) if (!letters.has(otherCase(code))) out += String.fromCharCode(otherCase(code));
  return out;
}

/** The same pattern without the `i` flag (see the file's comment), or the pattern itself. */
export function withCasePairs(pattern: RegExp): RegExp {
  const { source, flags } = pattern;
  if (!flags.includes('i') || flags.includes('u') || flags.includes('v')) return pattern;
  let out = '';
  for (let i = 0; i < source.length; i++) {
    const code = source.charCodeAt(i);
    if (code === 0x5c) {
      const escaped = source.charCodeAt(i + 1);
      if (isAlphanumeric(escaped) ? !CASELESS_ESCAPES.has(source[i + 1]!) : !keepable(escaped)) return pattern;
      out += source.slice(i, i + 2);
      i++;
    } else if (code === 0x5b) {
      const negated = source[i + 1] === '^';
      let end = negated ? i + 2 : i + 1;
      while (end < source.length && source[end] !== ']') end += source[end] === '\\' ? 2 : 1;
      const body = pairedClass(source.slice(negated ? i + 2 : i + 1, end));
      if (body === null) return pattern;
      out += `[${negated ? '^' : ''}${body}]`;
      i = end;
    } else if (code === 0x28 && source.startsWith('(?<', i) && isAsciiLetter(source.charCodeAt(i + 3))) {
      return pattern;
    } else if (isAsciiLetter(code)) {
      out += `[${source[i]}${String.fromCharCode(otherCase(code))}]`;
    } else if (keepable(code)) {
      out += source[i];
    } else {
      return pattern;
    }
  }
  return new RegExp(out, flags.replace('i', ''));
}
