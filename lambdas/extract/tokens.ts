/**
 * Tokens: words, digit runs and single marks, with their offsets in the article text. A
 * possessive ("Yemen's") and a negation ("didn't") are split off as tokens of their own; a
 * hyphenated word ("Twenty-seven", "food-insecure") stays one token. Linear in the text.
 */
import { hasLetter } from './letters';

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
const TOKEN = /\d+(?:[.,]\d+)*|\p{Lu}[\p{L}\p{M}]*-\d+(?![\d.,]\d)|[\p{L}\p{M}]+(?:['’][\p{L}\p{M}]+)*(?:-[\p{L}\p{M}]+(?:['’][\p{L}\p{M}]+)*)*|\S/gu;

function push(out: Token[], text: string, start: number, shape: Token['shape'], lower = text.toLowerCase()): void {
  out.push({ text, lower, start, end: start + text.length, shape, pos: shape === 'mark' ? 'PUNCT' : 'NOUN', lemma: lower });
}

/** The tokens of `text[from, to)`. */
export function tokenize(text: string, from = 0, to = text.length): Token[] {
  const out: Token[] = [];
  const slice = text.slice(from, to);
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(slice); m; m = TOKEN.exec(slice)) {
    const raw = m[0];
    const start = from + m.index;
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
