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

/** A letter anywhere in `s` (for one character: the character is a letter). */
export const hasLetter = (s: string): boolean => LETTER.test(s);
/** "Kogi", "Éric": a capital letter first. */
export const startsUpper = (s: string): boolean => STARTS_UPPER.test(s);
export const startsWithLetter = (s: string): boolean => STARTS_LETTER.test(s);
export const endsWithLetter = (s: string): boolean => ENDS_LETTER.test(s);
