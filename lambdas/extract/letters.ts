/**
 * Letter tests used per token and per number. An ASCII character, or a punctuation mark or
 * symbol beyond it ("’", "–", "€"), is read by its code; only other characters go to a Unicode
 * pattern, each built on first need (and once: esbuild rewrites a `\p{…}` literal into
 * `new RegExp(…)` where it is written, which inside a function would build one on every call).
 */
import { isPunctuationOrSymbol } from '../core/letter-patterns';

const patterns: { letter?: RegExp; startsUpper?: RegExp; startsLetter?: RegExp; endsLetter?: RegExp } = {};

/** A–Z or a–z, by code. */
export const isAsciiLetter = (c: number): boolean => (c | 32) >= 97 && (c | 32) <= 122;
/** A–Z, by code. */
export const isAsciiUpper = (c: number): boolean => c >= 65 && c <= 90;
/** Read by its code: ASCII, or punctuation and symbols beyond it, which are no letters. */
const readByCode = (c: number): boolean => c < 128 || isPunctuationOrSymbol(c);

/** A letter anywhere in `s` (for one character: the character is a letter). */
export function hasLetter(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (!readByCode(c)) return (patterns.letter ??= /\p{L}/u).test(s);
    if (isAsciiLetter(c)) return true;
  }
  return false;
}
/** "Kogi", "Éric": a capital letter first. */
export const startsUpper = (s: string): boolean => (s.length > 0 && readByCode(s.charCodeAt(0)) ? isAsciiUpper(s.charCodeAt(0)) : (patterns.startsUpper ??= /^\p{Lu}/u).test(s));
export const startsWithLetter = (s: string): boolean => (s.length > 0 && readByCode(s.charCodeAt(0)) ? isAsciiLetter(s.charCodeAt(0)) : (patterns.startsLetter ??= /^\p{L}/u).test(s));
export const endsWithLetter = (s: string): boolean => (s.length > 0 && readByCode(s.charCodeAt(s.length - 1)) ? isAsciiLetter(s.charCodeAt(s.length - 1)) : (patterns.endsLetter ??= /\p{L}$/u).test(s));
