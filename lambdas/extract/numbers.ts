/**
 * Number mentions, read over tokens: every number written in the text, as digits or words, with
 * what is glued to it — qualifier ("at least"), currency, scale ("bn", "lakh"), percent sign,
 * unit, range. Pure parsing: whether a mention is a figure at all is decided later
 * (negatives.ts). Every word list comes from the lexicon.
 */
import type { Qualifier } from './types';
import { glued, tokenize, type Token } from './tokens';
import {
  CURRENCY_CODES, CURRENCY_LETTERS, CURRENCY_SYMBOLS, CURRENCY_WORDS, FRACTION_PHRASES, FRACTIONS, GLUED_UNITS, MEASURE_UNITS, VAGUE_COUNTS,
  NUMBER_WORDS, QUALIFIERS, SCALE_ABBREVIATIONS, SCALE_WORDS, VAGUE_PHRASES, matchPhrase, phraseIndex, type PhraseIndex,
} from './lexicon';
import { currencyFromWords } from './currency';
import { PERCENT_WORDS } from './lexicon/en';
import { startsUpper } from './letters';

export type UnitKind = 'currency' | 'percent' | 'measure' | null;

export interface NumberMention {
  /** Span of the whole mention as written: qualifier, currency, number, scale, unit. */
  readonly start: number;
  readonly end: number;
  /** Span of the bare number (the first one of a range). */
  readonly coreStart: number;
  readonly coreEnd: number;
  readonly value: number;
  readonly max: number | null;
  readonly qualifier: Qualifier;
  readonly unit: string | null;
  readonly unitKind: UnitKind;
  /** "hundreds of", "dozens": a count with no number; never a key figure. */
  readonly vague: boolean;
  /** "30th": digits with an ordinal suffix. */
  readonly ordinal: boolean;
  /** Written in words ("three million", "Twenty-seven"). */
  readonly words: boolean;
  /** Digits with a thousands separator or a decimal point: never a year or a day. */
  readonly formatted: boolean;
  /** Tokens of the whole mention: [tokenStart, tokenEnd) in the token array it was read from. */
  readonly tokenStart: number;
  readonly tokenEnd: number;
  /** Tokens of the bare number. */
  readonly coreTokenStart: number;
  readonly coreTokenEnd: number;
}

// Phrases are split like the text is, so "km/h" and "°C" match their tokens.
const byTokens = <T>(entries: Record<string, T>): PhraseIndex<T> =>
  phraseIndex(Object.entries(entries).map(([k, v]) => [tokenize(k).map((t) => t.lower).join(' '), v] as const));
const MEASURES = byTokens(MEASURE_UNITS);
const PERCENTS = byTokens(Object.fromEntries(PERCENT_WORDS.map((w) => [w, '%'])));
const QUALIFIER_BY_WORDS: ReadonlyMap<string, Qualifier> = new Map(Object.entries(QUALIFIERS).map(([k, v]) => [k, v]));
/** Words a number can start with: number words, scales, "a"/"an"/"half", and the first words of vague counts and fractions. */
const NUMBER_STARTS: ReadonlySet<string> = new Set([
  ...NUMBER_WORDS.keys(), ...SCALE_WORDS.keys(), 'a', 'an', 'half',
  ...Object.keys(VAGUE_COUNTS).map((p) => p.split(' ')[0]!), ...Object.keys(FRACTIONS).map((p) => p.split(/[ -]/)[0]!),
]);
const ORDINAL_SUFFIXES: ReadonlySet<string> = new Set(['st', 'nd', 'rd', 'th']);
const RANGE_MARKS: ReadonlySet<string> = new Set(['-', '–', '—', 'to']);
const SPACES: ReadonlySet<string> = new Set([' ', '\u00a0', '\u202f', '\u2009']);
const THREE_DIGITS = /^\d{3}$/;
const PLAIN_DIGITS = /^\d+(?:\.\d+)?$/;
const GROUPED = /^\d{1,3}(?:,\d{3})+(?:\.\d+)?$/;
const INDIAN_GROUPED = /^\d{1,2}(?:,\d{2})+,\d{3}$/;

interface Core {
  readonly value: number;
  /** Token range of the number. */
  readonly from: number;
  readonly to: number;
  readonly start: number;
  readonly end: number;
  readonly words: boolean;
  readonly formatted: boolean;
}

/** "three million" → 3000000, "Twenty-seven" → 27, "half a million" → 500000; NaN when not a number. */
export function parseWordNumber(phrase: string): number {
  const words = phrase.toLowerCase().split(/[\s-]+/).filter((t) => t !== 'and');
  let total = 0;
  let current = 0;
  let seen = false;
  let half = false;
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    if (w === 'half' && words[i + 1] === 'a') { half = true; current = 1; i++; continue; }
    if (w === 'a' || w === 'an') { current = 1; continue; }
    const unit = NUMBER_WORDS.get(w);
    if (unit !== undefined) { current += unit; seen = true; continue; }
    if (w === 'dozen') { current = (current || 1) * 12; seen = true; continue; }
    const scale = SCALE_WORDS.get(w);
    if (scale === undefined) return NaN;
    seen = true;
    if (scale === 100) current = (current || 1) * 100;
    else { total += (current || 1) * scale; current = 0; }
  }
  if (!seen) return NaN;
  const value = total + current;
  return half ? value / 2 : value;
}

function isNumberWord(w: string): boolean {
  if (NUMBER_WORDS.get(w) !== undefined) return true;
  // "twenty-seven": only a hyphenated word can be a compound number.
  if (w.indexOf('-') < 0) return false;
  return w.split('-').every((p) => NUMBER_WORDS.get(p) !== undefined);
}
const isScaleWord = (w: string): boolean => SCALE_WORDS.get(w) !== undefined;

function digitsValue(raw: string): { value: number; formatted: boolean } | null {
  if (PLAIN_DIGITS.test(raw)) return { value: Number(raw), formatted: raw.includes('.') };
  if (GROUPED.test(raw) || INDIAN_GROUPED.test(raw)) return { value: Number(raw.replace(/,/g, '')), formatted: true };
  return null;
}

/** The number whose first token is `tokens[i]`, or null. */
function coreAt(tokens: readonly Token[], text: string, i: number): Core | null {
  const t = tokens[i];
  if (!t) return null;
  if (t.shape === 'digits') {
    const parsed = digitsValue(t.text);
    if (!parsed) return null;
    let { value } = parsed;
    let formatted = parsed.formatted;
    let to = i + 1;
    // "17 824", "1 250 000": groups of three after a short head, one space apart.
    if (/^\d{1,3}$/.test(t.text)) {
      let raw = t.text;
      while (tokens[to]?.shape === 'digits' && THREE_DIGITS.test(tokens[to]!.text) && tokens[to]!.start === tokens[to - 1]!.end + 1
        && SPACES.has(text[tokens[to - 1]!.end]!) && !(tokens[to + 1] && glued(tokens[to], tokens[to + 1]) && /^[.,]$/.test(tokens[to + 1]!.text) && tokens[to + 2]?.shape === 'digits')) {
        raw += tokens[to]!.text;
        to++;
      }
      if (to > i + 1) { value = Number(raw); formatted = true; }
    }
    return { value, from: i, to, start: t.start, end: tokens[to - 1]!.end, words: false, formatted };
  }
  if (t.shape !== 'word') return null;
  // Words: "two hundred and fifty-six", "a dozen", "half a million", "Twenty-seven".
  const lower = t.lower;
  const next = (k: number): string => tokens[i + k]?.lower ?? '';
  let to: number;
  if (lower === 'half' && next(1) === 'a' && isScaleWord(next(2))) to = i + 3;
  else if ((lower === 'a' || lower === 'an') && (isScaleWord(next(1)) || next(1) === 'dozen')) to = i + 2;
  else if (isNumberWord(lower)) to = i + 1;
  else return null;
  for (;;) {
    const w = tokens[to]?.lower ?? '';
    if (isNumberWord(w) || isScaleWord(w) || w === 'dozen') { to++; continue; }
    // "hundred and six": "and" only inside a number, after a scale, before a number word.
    if (w === 'and' && isScaleWord(tokens[to - 1]!.lower) && isNumberWord(tokens[to + 1]?.lower ?? '')) { to += 2; continue; }
    break;
  }
  const phrase = tokens.slice(i, to).map((w) => w.lower).join(' ');
  const value = parseWordNumber(phrase);
  if (!Number.isFinite(value)) return null;
  return { value, from: i, to, start: t.start, end: tokens[to - 1]!.end, words: true, formatted: false };
}

/** A hyphenated word whose first part is a number: "seven-storey" → 7 (inside a modifier). */
function hyphenCoreAt(tokens: readonly Token[], i: number): Core | null {
  const t = tokens[i]!;
  const dash = t.lower.indexOf('-');
  if (t.shape !== 'word' || dash < 0) return null;
  const head = t.lower.slice(0, dash);
  const value = NUMBER_WORDS.get(head);
  if (value === undefined) return null;
  return { value, from: i, to: i + 1, start: t.start, end: t.start + dash, words: true, formatted: false };
}

function qualifierBefore(tokens: readonly Token[], i: number): { qualifier: Qualifier; from: number } | null {
  let key = '';
  for (let len = 1; len <= 4 && i - len >= 0; len++) {
    key = len === 1 ? tokens[i - 1]!.lower : `${tokens[i - len]!.lower} ${key}`;
    found: {
      const q = QUALIFIER_BY_WORDS.get(key);
      if (!q) break found;
      // The longest phrase wins ("no fewer than" over "than"): keep looking further back.
      let best = { qualifier: q, from: i - len };
      let longer = key;
      for (let more = len + 1; more <= 4 && i - more >= 0; more++) {
        longer = `${tokens[i - more]!.lower} ${longer}`;
        const q2 = QUALIFIER_BY_WORDS.get(longer);
        if (q2) best = { qualifier: q2, from: i - more };
      }
      return best;
    }
  }
  return null;
}

function currencyBefore(tokens: readonly Token[], core: Core): { unit: string; from: number } | null {
  const i = core.from;
  const prev = tokens[i - 1];
  if (!prev || core.start - prev.end > 1) return null;
  // Two glued tokens first: "US" "$", "R" "$", "Rs" ".".
  const prev2 = tokens[i - 2];
  if (prev2 && glued(prev2, prev)) {
    const unit = CURRENCY_SYMBOLS.get(prev2.text + prev.text) ?? (prev.text === '.' ? CURRENCY_SYMBOLS.get(prev2.text) : undefined);
    if (unit) return { unit, from: i - 2 };
  }
  const unit = CURRENCY_SYMBOLS.get(prev.text) ?? (CURRENCY_CODES.has(prev.text) ? prev.text : undefined);
  if (unit && !(prev2 && glued(prev2, prev) && prev2.shape === 'word')) return { unit, from: i - 1 };
  // "R450 million", "N5bn": one capital glued to an amount with a scale or separators.
  const letter = CURRENCY_LETTERS.get(prev.text);
  if (letter && glued(prev, tokens[i]) && !core.words && !(prev2 && glued(prev2, prev))) {
    const next = tokens[core.to];
    const scaled = next !== undefined && (isScaleWord(next.lower) || (glued(tokens[core.to - 1], next) && SCALE_ABBREVIATIONS.get(next.lower) !== undefined));
    if (core.formatted || scaled) return { unit: letter, from: i - 1 };
  }
  return null;
}

function scaleAt(tokens: readonly Token[], at: number, afterCurrency: boolean): { factor: number; to: number } | null {
  const t = tokens[at];
  if (!t) return null;
  let factor = SCALE_WORDS.get(t.lower);
  if (factor === undefined) {
    const abbreviation = SCALE_ABBREVIATIONS.get(t.lower);
    if (abbreviation === undefined) return null;
    const isGlued = glued(tokens[at - 1], t);
    // "3.5m people", "$4bn": glued; "R2 bn": spaced only after a currency.
    if (!isGlued && !(afterCurrency && t.lower.length > 1)) return null;
    // A bare "m"/"k"/"b" glued to digits is a scale only for money or before a plain word ("3m people").
    const next = tokens[at + 1];
    if (t.lower.length === 1 && !afterCurrency && !(next && next.shape === 'word' && /^[a-z]/.test(next.text) && !glued(t, next))) return null;
    factor = abbreviation;
  }
  let to = at + 1;
  // Chained: "1.2 lakh crore", "a hundred thousand".
  const chained = tokens[to] ? SCALE_WORDS.get(tokens[to]!.lower) : undefined;
  if (chained !== undefined && chained > 100) { factor *= chained; to++; }
  return { factor, to };
}

function currencyAfter(tokens: readonly Token[], at: number): { unit: string; to: number } | null {
  const t = tokens[at];
  if (!t) return null;
  if (CURRENCY_CODES.has(t.text)) return { unit: t.text, to: at + 1 };
  if (t.lower === 'kr') return { unit: CURRENCY_SYMBOLS.get('kr')!, to: at + (tokens[at + 1]?.text === '.' ? 2 : 1) };
  const word = CURRENCY_WORDS.get(t.lower);
  if (word) {
    // "pounds sterling"
    if (word === 'pound' && tokens[at + 1]?.lower === 'sterling') return { unit: 'GBP', to: at + 2 };
    return { unit: currencyFromWords(undefined, word), to: at + 1 };
  }
  // "Kenyan shillings", "Swiss francs", "Sri Lankan rupees", "US dollars".
  for (const span of [1, 2]) {
    const demonym = tokens.slice(at, at + span);
    const after = tokens[at + span];
    if (demonym.length < span || !after || !demonym.every((d) => startsUpper(d.text))) continue;
    const base = CURRENCY_WORDS.get(after.lower);
    if (base) return { unit: currencyFromWords(demonym.map((d) => d.text).join(' '), base), to: at + span + 1 };
  }
  return null;
}

function unitAfter(tokens: readonly Token[], at: number): { unit: string; kind: UnitKind; to: number } | null {
  const t = tokens[at];
  if (!t) return null;
  const percent = matchPhrase(PERCENTS, tokens, at);
  if (percent) return { unit: '%', kind: 'percent', to: at + percent.length };
  const money = currencyAfter(tokens, at);
  if (money) return { unit: money.unit, kind: 'currency', to: money.to };
  // "48.8C", "104F": a capital glued to the digits.
  const gluedUnit = glued(tokens[at - 1], t) ? GLUED_UNITS.get(t.text) : undefined;
  if (gluedUnit && !(tokens[at + 1] && glued(t, tokens[at + 1]))) return { unit: gluedUnit, kind: 'measure', to: at + 1 };
  // "7.8-magnitude", "a 10-km stretch": a hyphen may join the unit.
  const from = t.text === '-' && glued(tokens[at - 1], t) ? at + 1 : at;
  const measure = matchPhrase(MEASURES, tokens, from);
  if (measure) {
    const first = tokens[from]!;
    // Capitals matter for some: "Gt"/"Mt" are units, "mt" is a mountain; "C" alone only glued.
    if (/^(?:gt|mt)$/.test(first.lower) && first.text !== 'Gt' && first.text !== 'Mt') return null;
    return { unit: measure.value, kind: 'measure', to: from + measure.length };
  }
  return null;
}

function vagueAt(tokens: readonly Token[], i: number): NumberMention | null {
  const hit = matchPhrase(VAGUE_PHRASES, tokens, i);
  if (!hit) return null;
  // "hundreds" but not "hundreds of thousands" when the longer phrase matched first; "thousands" of a number ("3 thousands") is not vague.
  const prev = tokens[i - 1];
  if (prev && (prev.shape === 'digits' || isNumberWord(prev.lower))) return null;
  const first = tokens[i]!;
  const last = tokens[i + hit.length - 1]!;
  return {
    start: first.start, end: last.end, coreStart: first.start, coreEnd: last.end, value: hit.value, max: null,
    qualifier: 'more_than', unit: null, unitKind: null, vague: true, ordinal: false, words: true, formatted: false,
    tokenStart: i, tokenEnd: i + hit.length, coreTokenStart: i, coreTokenEnd: i + hit.length,
  };
}

/** "a third of", "fell by a quarter", "half of": a share written as a fraction. */
function fractionAt(tokens: readonly Token[], i: number): NumberMention | null {
  const hit = matchPhrase(FRACTION_PHRASES, tokens, i);
  if (!hit) return null;
  const next = tokens[i + hit.length]?.lower;
  const prev = tokens[i - 1]?.lower;
  if (!(next === 'of' || (next === 'the' && tokens[i]!.lower === 'half') || prev === 'by')) return null;
  const first = tokens[i]!;
  const last = tokens[i + hit.length - 1]!;
  const q = qualifierBefore(tokens, i);
  return {
    start: q ? tokens[q.from]!.start : first.start, end: last.end, coreStart: first.start, coreEnd: last.end, value: hit.value, max: null,
    qualifier: q?.qualifier ?? 'exact', unit: '%', unitKind: 'percent', vague: false, ordinal: false, words: true, formatted: false,
    tokenStart: q?.from ?? i, tokenEnd: i + hit.length, coreTokenStart: i, coreTokenEnd: i + hit.length,
  };
}

/** One mention around `core`; null when nothing there is a number. */
function mentionAround(tokens: readonly Token[], text: string, core: Core): NumberMention | null {
  let value = core.value;
  let max: number | null = null;
  let unit: string | null = null;
  let unitKind: UnitKind = null;
  let from = core.from;
  let to = core.to;

  const currency = currencyBefore(tokens, core);
  if (currency) { unit = currency.unit; unitKind = 'currency'; from = currency.from; }
  // "magnitude 6.1", "a magnitude-7 quake"
  const before = tokens[from - 1];
  if (before && (before.lower === 'magnitude' || (before.text === '-' && tokens[from - 2]?.lower === 'magnitude'))) { unit = 'magnitude'; unitKind = 'measure'; }
  if (before && before.lower === 'of' && tokens[from - 2]?.lower === 'magnitude') { unit = 'magnitude'; unitKind = 'measure'; }

  const ordinal = !core.words && ORDINAL_SUFFIXES.has(tokens[to]?.lower ?? '') && glued(tokens[to - 1], tokens[to]);
  if (ordinal) to++;

  const lowerBefore = (k: number): string => tokens[k]?.lower ?? '';
  const fromTo = lowerBefore(from - 1) === 'from' || (lowerBefore(from - 2) === 'from' && QUALIFIER_BY_WORDS.has(lowerBefore(from - 1)));
  const between = lowerBefore(from - 1) === 'between';

  // Range: "10 to 15", "10-15", "between 10 and 15" (never "from 10 to 15", a change over time).
  if (!ordinal) {
    const joiner = tokens[to];
    const isJoiner = joiner && (between ? joiner.lower === 'and' : RANGE_MARKS.has(joiner.lower));
    if (isJoiner && !fromTo && !(joiner!.text === '-' && core.words)) {
      const upper = coreAt(tokens, text, to + 1);
      const upperOrdinal = upper && ORDINAL_SUFFIXES.has(tokens[upper.to]?.lower ?? '') && glued(tokens[upper.to - 1], tokens[upper.to]);
      if (upper && upper.words === core.words && upper.value > value && !upperOrdinal) {
        max = upper.value;
        to = upper.to;
        if (between) from--;
      }
    }
  }

  if (!ordinal) {
    const scale = scaleAt(tokens, to, unitKind === 'currency');
    if (scale) {
      // "1 to 2 million": the scale written once applies to both ends.
      value *= scale.factor;
      if (max !== null) max *= scale.factor;
      to = scale.to;
    }
  }

  if (!ordinal && unit === null) {
    const after = unitAfter(tokens, to);
    if (after) { unit = after.unit; unitKind = after.kind; to = after.to; }
  } else if (unitKind === 'currency' && !ordinal) {
    // "US$ 12 million USD": only a trailing code or "dollars" is swallowed.
    const t = tokens[to];
    if (t && (t.text === 'USD' || t.lower === 'dollars')) to++;
  }

  // "between 3% and 4%", "42C to 45C": a range whose ends both carry the unit.
  if (max === null && !ordinal && !fromTo && (unitKind === 'percent' || unitKind === 'measure')) {
    const joiner = tokens[to];
    const isJoiner = joiner && (between ? joiner.lower === 'and' : (joiner.text === '-' || joiner.text === '–' || joiner.lower === 'to'));
    const upper = isJoiner ? coreAt(tokens, text, to + 1) : null;
    if (upper && upper.value > value && !upper.words) {
      const upperUnit = unitAfter(tokens, upper.to);
      if (upperUnit && upperUnit.unit === unit) {
        max = upper.value;
        to = upperUnit.to;
        if (between) from--;
      }
    }
  }

  // "between $250 billion and $275 billion", "€2m-€3m": a range of amounts, each with its currency.
  if (max === null && !ordinal && !fromTo && unitKind === 'currency') {
    const joiner = tokens[to];
    const isJoiner = joiner && (between ? joiner.lower === 'and' : (joiner.text === '-' || joiner.text === '–' || joiner.lower === 'to'));
    for (let j = to + 1; isJoiner && j <= to + 3 && j < tokens.length; j++) {
      if (tokens[j]!.shape !== 'digits') continue;
      const upper = coreAt(tokens, text, j);
      const currency = upper ? currencyBefore(tokens, upper) : null;
      if (!upper || !currency || currency.unit !== unit || currency.from !== to + 1) break;
      const scale = scaleAt(tokens, upper.to, true);
      const upperValue = upper.value * (scale?.factor ?? 1);
      if (upperValue > value) {
        max = upperValue;
        to = scale?.to ?? upper.to;
        if (between) from--;
      }
      break;
    }
  }

  // "minus 4 degrees Celsius", "-4C": a temperature below zero (not the end of a range, "2-4C").
  const sign = tokens[from - 1];
  if ((unit === '°C' || unit === '°F' || unit === '°') && max === null && sign
    && (sign.lower === 'minus' || ((sign.text === '-' || sign.text === '−') && sign.end === tokens[from]!.start && tokens[from - 2]?.shape !== 'digits'))) {
    value = -value;
    from--;
  }

  let qualifier: Qualifier = 'exact';
  const q = qualifierBefore(tokens, from);
  if (q) { qualifier = q.qualifier; from = q.from; }

  if (!Number.isFinite(value)) return null;
  return {
    start: tokens[from]!.start, end: tokens[to - 1]!.end, coreStart: core.start, coreEnd: core.end, value, max, qualifier, unit, unitKind,
    vague: false, ordinal, words: core.words, formatted: core.formatted,
    tokenStart: from, tokenEnd: to, coreTokenStart: core.from, coreTokenEnd: core.to,
  };
}

/** Every number mention in `tokens`, in order, non-overlapping. Linear in the number of tokens. */
export function numbersIn(tokens: readonly Token[], text: string): NumberMention[] {
  const out: NumberMention[] = [];
  for (let i = 0; i < tokens.length; i++) {
    // Most words start no number: a set lookup turns them away before any parsing.
    const t = tokens[i]!;
    if (t.shape === 'mark' || (t.shape === 'word' && !NUMBER_STARTS.has(t.lower) && t.lower.indexOf('-') < 0)) continue;
    const vague = vagueAt(tokens, i);
    if (vague) { out.push(vague); i = vague.tokenEnd - 1; continue; }
    const fraction = fractionAt(tokens, i);
    if (fraction) { out.push(fraction); i = fraction.tokenEnd - 1; continue; }
    const core = coreAt(tokens, text, i) ?? hyphenCoreAt(tokens, i);
    if (!core) continue;
    const mention = mentionAround(tokens, text, core);
    if (!mention) continue;
    // A qualifier or currency reaching back over the previous mention is not this one's.
    const last = out[out.length - 1];
    const fixed = last && mention.tokenStart < last.tokenEnd ? { ...mention, tokenStart: last.tokenEnd, start: tokens[last.tokenEnd]!.start, qualifier: 'exact' as const } : mention;
    out.push(fixed);
    i = fixed.tokenEnd - 1;
  }
  return out;
}

/** Every number mention in `text`, in order, non-overlapping. */
export function findNumbers(text: string): NumberMention[] {
  return numbersIn(tokenize(text), text);
}
