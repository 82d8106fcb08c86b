/**
 * Tokens: words, digit runs and single marks, with their offsets in the article text. A
 * possessive ("Yemen's") and a negation ("didn't") are split off as tokens of their own; a
 * hyphenated word ("Twenty-seven", "food-insecure") stays one token. Linear in the text.
 */
import { hasLetter, isAsciiLetter, isAsciiUpper } from './letters';
import { letterPattern, patternFor } from '../core/letter-patterns';

export type Pos =
  | 'NOUN' | 'PROPN' | 'VERB' | 'AUX' | 'ADJ' | 'ADV' | 'DET' | 'ADP' | 'CCONJ' | 'SCONJ' | 'PRON'
  | 'NUM' | 'PART' | 'PUNCT' | 'SYM';

export interface Token {
  /** As written. */
  readonly text: string;
  readonly lower: string;
  readonly start: number;
  readonly end: number;
  /** `digits`: a run of digits (with , or . inside); `word`: letters; `mark`: anything else. */
  readonly shape: 'digits' | 'word' | 'mark';
  pos: Pos;
  lemma: string;
}

// Digits with inner separators; letters with inner apostrophes and hyphens; any other mark.
// A capitalised name with a number after a hyphen is one word: "Covid-19", "AK-47", "Mi-17".
// Sticky: read at one position, where the ASCII scanner below cannot decide ("Yemen’s"), with
// ASCII letter classes where the text's letters are all ASCII (letterPattern).
export const TOKEN_SOURCE = String.raw`\d+(?:[.,]\d+)*|\p{Lu}[\p{L}\p{M}]*-\d+(?![\d.,]\d)|[\p{L}\p{M}]+(?:['’][\p{L}\p{M}]+)*(?:-[\p{L}\p{M}]+(?:['’][\p{L}\p{M}]+)*)*|\S`;
const TOKEN = letterPattern(TOKEN_SOURCE, 'uy');

const isDigit = (c: number): boolean => c >= 48 && c <= 57;
// ASCII whitespace (\s below 128): tab, line feed, vertical tab, form feed, carriage return, space.
const isSpace = (c: number): boolean => c === 32 || (c >= 9 && c <= 13);

/** The end of the ASCII letters from `i`. */
function lettersEnd(s: string, i: number, to: number): number {
  while (i < to && isAsciiLetter(s.charCodeAt(i))) i++;
  return i;
}

/**
 * The end of the token starting at `i` when TOKEN would read it from ASCII alone, else -1 (a
 * character at or right after the token is not ASCII and might be part of it: "Valparaíso",
 * "Yemen’s"). TOKEN's alternatives, in its order: digits; a capital's letters, a hyphen and
 * digits not followed by a separator and a digit; letters joined by apostrophes and hyphens; one
 * mark. The regular expression reads every token the same way; this is the same reading without
 * the engine's cost per token (~6% of warm extraction).
 */
function asciiTokenEnd(s: string, i: number, to: number): number {
  const c = s.charCodeAt(i);
  let end: number;
  if (isDigit(c)) {
    end = i + 1;
    while (end < to && isDigit(s.charCodeAt(end))) end++;
    while (end + 1 < to && (s.charCodeAt(end) === 46 || s.charCodeAt(end) === 44) && isDigit(s.charCodeAt(end + 1))) {
      end += 2;
      while (end < to && isDigit(s.charCodeAt(end))) end++;
    }
  } else if (isAsciiLetter(c)) {
    end = -1;
    const letters = lettersEnd(s, i + 1, to);
    if (isAsciiUpper(c) && letters < to && s.charCodeAt(letters) === 45 && letters + 1 < to && isDigit(s.charCodeAt(letters + 1))) {
      // "Mi-17": the longest run of digits not followed by a separator and a digit.
      let digits = letters + 1;
      while (digits < to && isDigit(s.charCodeAt(digits))) digits++;
      for (let k = digits; k > letters + 1 && end < 0; k--) {
        const next = k < to ? s.charCodeAt(k) : -1;
        const separated = (isDigit(next) || next === 46 || next === 44) && k + 1 < to && isDigit(s.charCodeAt(k + 1));
        if (!separated) end = k;
      }
    }
    if (end < 0) {
      end = letters;
      // Apostrophes and hyphens join letters on both sides: "didn't", "food-insecure".
      while (end + 1 < to && (s.charCodeAt(end) === 39 || s.charCodeAt(end) === 45) && isAsciiLetter(s.charCodeAt(end + 1))) end = lettersEnd(s, end + 1, to);
      // A joiner before a letter beyond ASCII ("B-́i") may join it too.
      if (end + 1 < to && (s.charCodeAt(end) === 39 || s.charCodeAt(end) === 45) && s.charCodeAt(end + 1) >= 128) return -1;
    }
  } else {
    return c < 128 && !isSpace(c) ? i + 1 : -1;
  }
  return end < to && s.charCodeAt(end) >= 128 ? -1 : end;
}

function push(out: Token[], text: string, start: number, shape: Token['shape'], lower = text.toLowerCase()): void {
  out.push({ text, lower, start, end: start + text.length, shape, pos: shape === 'mark' ? 'PUNCT' : 'NOUN', lemma: lower });
}

/** The tokens of `text[from, to)`. */
export function tokenize(text: string, from = 0, to = text.length): Token[] {
  const out: Token[] = [];
  const slice = text.slice(from, to);
  const length = slice.length;
  let token: RegExp | undefined;
  for (let i = 0; i < length;) {
    const code = slice.charCodeAt(i);
    if (isSpace(code)) { i++; continue; }
    let end = code < 128 ? asciiTokenEnd(slice, i, length) : -1;
    if (end < 0) {
      token ??= patternFor(slice, TOKEN);
      token.lastIndex = i;
      const m = token.exec(slice);
      // No token starts here: a space beyond ASCII (no-break, em space…).
      if (!m) { i++; continue; }
      end = i + m[0].length;
    }
    const raw = slice.slice(i, end);
    const start = from + i;
    i = end;
    const c = raw.charCodeAt(0);
    if (c >= 48 && c <= 57) { push(out, raw, start, 'digits', raw); continue; }
    if (raw.length === 1 && !hasLetter(raw)) { push(out, raw, start, 'mark', raw); continue; }
    // "Yemen's" → Yemen + 's; "didn't" → did + n't.
    const lower = raw.toLowerCase();
    if (lower.length > 3 && (lower.endsWith("'s") || lower.endsWith('’s'))) {
      push(out, raw.slice(0, -2), start, 'word');
      push(out, raw.slice(-2), start + raw.length - 2, 'word');
    } else if (lower.length > 4 && (lower.endsWith("n't") || lower.endsWith('n’t'))) {
      push(out, raw.slice(0, -3), start, 'word');
      push(out, raw.slice(-3), start + raw.length - 3, 'word');
    } else {
      push(out, raw, start, 'word', lower);
    }
  }
  return out;
}

/** True when nothing stands between two tokens ("$" "4.5", "3.5" "m"). */
export const glued = (a: Token | undefined, b: Token | undefined): boolean => a !== undefined && b !== undefined && a.end === b.start;
