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
