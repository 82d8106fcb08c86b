/**
 * Number mentions: every number written in the text, as digits or words, with what is glued to
 * it — qualifier ("at least"), currency, scale ("bn", "lakh"), percent sign, unit, range.
 * Pure parsing: whether a mention is a figure at all is decided later (negatives.ts).
 */
import type { Qualifier } from './types';
import { CURRENCY_DEMONYMS, CURRENCY_WORD, ISO_CODES, OPEN_PREFIX, currencyFromWords } from './currency';

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
}

const SMALL: Record<string, number> = {
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17,
  eighteen: 18, nineteen: 19, twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70,
  eighty: 80, ninety: 90,
};
const SCALES: Record<string, number> = {
  hundred: 100, thousand: 1e3, million: 1e6, billion: 1e9, trillion: 1e12, lakh: 1e5, lakhs: 1e5,
  crore: 1e7, crores: 1e7, mn: 1e6, m: 1e6, bn: 1e9, b: 1e9, tn: 1e12, k: 1e3,
};

const SMALL_WORD = `(?:${Object.keys(SMALL).join('|')})(?:-(?:one|two|three|four|five|six|seven|eight|nine))?`;
const SCALE_WORD = 'hundred|thousand|million|billion|trillion|lakhs?|crores?';
// "a" / "an" count only before a scale: "a million", "a dozen"; "a seven-storey block" is seven.
const WORD_NUMBER = `(?:half\\s+a|an?(?=[\\s-]+(?:${SCALE_WORD}|dozen)\\b)|${SMALL_WORD})(?:(?:\\s+and\\s+|[\\s-]+)(?:${SMALL_WORD}|${SCALE_WORD}|dozen)\\b)*`;
const VAGUE = `(?:(?:several|a\\s+few|many)\\s+(?:hundred|thousand|million)|(?:tens|hundreds|thousands|millions)\\s+of\\s+(?:thousands|millions)|dozens|scores|hundreds|thousands|millions|billions)`;
const DIGITS = [
  '\\d{1,2}(?:,\\d{2})+,\\d{3}(?!\\d)', // Indian grouping: 1,12,079
  '\\d{1,3}(?:,\\d{3})+(?![\\d])', // 2,117
  '\\d{1,3}(?:[ \\u00a0\\u202f\\u2009]\\d{3})+(?![\\d,.])', // 17 824
  '\\d+',
].join('|');

const MENTION = new RegExp(
  `(?<vague>\\b${VAGUE}\\b)|(?<![\\d.,])(?<digits>(?:${DIGITS})(?:\\.\\d+)?)|(?<words>\\b${WORD_NUMBER}\\b)`,
  'gi',
);

const VAGUE_VALUE: readonly [RegExp, number][] = [
  [/^tens of thousands/i, 1e4], [/^hundreds of thousands/i, 1e5], [/^tens of millions/i, 1e7],
  [/^hundreds of millions/i, 1e8], [/^thousands of millions/i, 1e9], [/^millions of millions/i, 1e12],
  [/hundred/i, 100], [/thousand/i, 1e3], [/million/i, 1e6], [/billion/i, 1e9], [/dozen/i, 12], [/score/i, 20],
];

/** "three million" → 3000000, "Twenty-seven" → 27, "half a million" → 500000; NaN when not a number. */
export function parseWordNumber(phrase: string): number {
  const tokens = phrase.toLowerCase().split(/[\s-]+/).filter((t) => t !== 'and');
  let total = 0;
  let current = 0;
  let seen = false;
  let half = false;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t === 'half' && tokens[i + 1] === 'a') { half = true; current = 1; i++; continue; }
    if (t === 'a' || t === 'an') { current = 1; continue; }
    if (t in SMALL) { current += SMALL[t]!; seen = true; continue; }
    if (t === 'dozen') { current = (current || 1) * 12; seen = true; continue; }
    const scale = SCALES[t];
    if (scale === undefined) return NaN;
    seen = true;
    if (scale === 100) current = (current || 1) * 100;
    else { total += (current || 1) * scale; current = 0; }
  }
  if (!seen) return NaN;
  const value = total + current;
  return half ? value / 2 : value;
}

const QUALIFIERS: readonly [RegExp, Qualifier][] = [
  [/\b(?:at\s+least|no\s+(?:fewer|less)\s+than|a\s+minimum\s+of)\s+$/i, 'at_least'],
  [/\b(?:more\s+than|over|upwards\s+of|in\s+excess\s+of|above|exceeding|just\s+over|well\s+over)\s+$/i, 'more_than'],
  [/\b(?:up\s+to|as\s+many\s+as|as\s+much\s+as|at\s+most|a\s+maximum\s+of)\s+$/i, 'up_to'],
  [/\b(?:fewer\s+than|less\s+than|under|below|just\s+under)\s+$/i, 'fewer_than'],
  [/(?:\b(?:nearly|almost|about|around|approximately|roughly|some|an\s+estimated|estimated|close\s+to|circa|an\s+approximate)\s+|~\s*)$/i, 'approximately'],
];

// Symbols and abbreviations written before the amount. Letters glued to digits ("R450 million",
// "N5bn") are money only with a scale or separators after them (see LETTER_CURRENCY).
const CURRENCY_BEFORE: readonly [RegExp, string][] = [
  [/\bUS\s?\$\s*$/, 'USD'], [/\bA\$\s*$/, 'AUD'], [/\bC\$\s*$/, 'CAD'], [/\bHK\$\s*$/, 'HKD'],
  [/\bNZ\$\s*$/, 'NZD'], [/\bS\$\s*$/, 'SGD'], [/\bR\$\s*$/, 'BRL'], [/\bMex\$\s*$/, 'MXN'], [/\$\s*$/, 'USD'],
  [/€\s*$/, 'EUR'], [/£\s*$/, 'GBP'], [/¥\s*$/, `${OPEN_PREFIX}¥`], [/₩\s*$/, 'KRW'], [/₺\s*$/, 'TRY'], [/₽\s*$/, 'RUB'],
  [/₴\s*$/, 'UAH'], [/₦\s*$/, 'NGN'], [/₱\s*$/, 'PHP'], [/₵\s*$/, 'GHS'], [/₫\s*$/, 'VND'], [/৳\s*$/, 'BDT'],
  [/₹\s*$|\bINR\s*$/, 'INR'], [/(?:₨|\bRs\.?)\s*$/, `${OPEN_PREFIX}rupee`],
  [/\bKSh\.?\s*$/i, 'KES'], [/\bUSh\.?\s*$/i, 'UGX'], [/\bTSh\.?\s*$/i, 'TZS'], [/\bSh\.?\s*$/, `${OPEN_PREFIX}shilling`],
  [/\bRp\.?\s*$/, 'IDR'], [/\bRM\s*$/, 'MYR'], [/\bTk\.?\s*$/, 'BDT'], [/\bkr\.?\s*$/, `${OPEN_PREFIX}kr`],
  [/\bFr\.\s*$|\bSFr\.?\s*$/, 'CHF'],
  [new RegExp(`\\b(${ISO_CODES})\\s*$`), ''],
];
// "R450 million", "N5bn", "K2.4 billion": a one-letter symbol glued to the amount.
const LETTER_CURRENCY: Readonly<Record<string, string>> = { R: 'ZAR', N: 'NGN', K: `${OPEN_PREFIX}kwacha`, P: 'PHP', E: 'SZL' };
const CURRENCY_AFTER = new RegExp(`^\\s*(?:(${CURRENCY_DEMONYMS})\\s+)?${CURRENCY_WORD.source}\\b|^\\s*(kr)\\b\\.?`, 'i');
// Codes are capitals only: "50 cup", "a 10 pen" are not money.
const ISO_AFTER = new RegExp(`^\\s*(${ISO_CODES})\\b`);
const SCALE_AFTER = /^(?:\s*(million|billion|trillion|thousand|lakhs?|crores?)\b|(mn|m|bn|b|tn|k)\b)/i;
const SCALE_AFTER_SPACED_ABBR = /^\s+(mn|bn|tn)\b/i;
const PERCENT_AFTER = /^\s*(?:%|per\s?cent\b|percent(?:age\s+points?)?\b|pc\b)/i;
const MEASURE_AFTER: readonly [RegExp, string][] = [
  [/^[\s-]*(?:km\/h|kmph|kph|kilometres per hour|kilometers per hour)/i, 'km/h'],
  [/^[\s-]*(?:mph|miles per hour)/i, 'mph'],
  [/^[\s-]*(?:knots|kts?)\b/i, 'kn'],
  [/^[\s-]*(?:cubic\s+met(?:re|er)s?|m3|m³)\s*(?:per\s+second|\/s)\b|^[\s-]*(?:cumecs)\b/i, 'm³/s'],
  [/^[\s-]*(?:cusecs?)\b/i, 'cusecs'],
  [/^[\s-]*(?:cubic\s+met(?:re|er)s?|m3\b|m³)/i, 'm³'],
  [/^[\s-]*(?:cubic\s+(?:feet|foot))\b/i, 'cu ft'],
  [/^[\s-]*(?:square\s+met(?:re|er)s?|sq\.?\s*m\b|m2\b|m²)/i, 'm²'],
  [/^[\s-]*(?:square\s+(?:feet|foot)|sq\.?\s*ft)\b/i, 'sq ft'],
  [/^[\s-]*(?:nautical\s+miles?)\b/i, 'nmi'],
  [/^[\s-]*(?:gigatonnes?|gigatons?|Gt)\b/, 'Gt'],
  [/^[\s-]*(?:megatonnes?|megatons?|Mt)\b/, 'Mt'],
  [/^[\s-]*(?:sq(?:uare)?\.?\s*(?:km|kilomet(?:re|er)s?)|km2|km²)/i, 'km²'],
  [/^[\s-]*(?:sq(?:uare)?\.?\s*miles?)/i, 'sq mi'],
  [/^[\s-]*(?:km|kilomet(?:re|er)s?)\b/i, 'km'],
  [/^[\s-]*(?:miles?)\b/i, 'mi'],
  [/^[\s-]*(?:mm|millimet(?:re|er)s?)\b/i, 'mm'],
  [/^[\s-]*(?:cm|centimet(?:re|er)s?)\b/i, 'cm'],
  [/^[\s-]*(?:inch(?:es)?)\b/i, 'in'],
  [/^[\s-]*(?:met(?:re|er)s?)\b/i, 'm'],
  [/^[\s-]*(?:feet|ft)\b/i, 'ft'],
  [/^[\s-]*(?:hectares?|ha)\b/i, 'ha'],
  [/^[\s-]*(?:acres?)\b/i, 'acres'],
  [/^[\s-]*(?:metric\s+)?(?:tonnes?|tons?)\b/i, 't'],
  [/^[\s-]*(?:kg|kilo(?:gram)?s?)\b/i, 'kg'],
  [/^[\s-]*(?:litres?|liters?)\b/i, 'L'],
  [/^[\s-]*(?:gallons?)\b/i, 'gal'],
  [/^[\s-]*(?:barrels?)\b/i, 'barrels'],
  [/^[\s-]*(?:MW|megawatts?)\b/i, 'MW'],
  [/^[\s-]*(?:GW|gigawatts?)\b/i, 'GW'],
  [/^\s*(?:°\s?C|degrees?\s+(?:Celsius|centigrade|C\b))|^C\b/i, '°C'],
  [/^\s*(?:°\s?F|degrees?\s+Fahrenheit)/i, '°F'],
  [/^\s*degrees?\b/i, '°'],
  [/^[\s-]*(?:basis\s+points?|bps?)\b/i, 'bp'],
  [/^[\s-]*magnitude\b|^\s+on\s+the\s+Richter\s+scale\b/i, 'magnitude'],
];
const MAGNITUDE_BEFORE = /\bmagnitude(?:\s+of\s+|\s+|-)$/i;
const ORDINAL_AFTER = /^(?:st|nd|rd|th)\b/i;
const RANGE_AFTER = /^\s*(?:-|–|—|to)\s*/i;
const BETWEEN_BEFORE = /\bbetween\s+$/i;

interface Core {
  readonly start: number;
  readonly end: number;
  readonly value: number;
  readonly words: boolean;
  readonly formatted: boolean;
}

function parseDigits(raw: string): number {
  return Number(raw.replace(/[,\s\u00a0\u202f\u2009]/g, ''));
}

function coreOf(m: RegExpExecArray): Core | null {
  const raw = m[0];
  if (m.groups?.vague) return null;
  if (m.groups?.digits) {
    return { start: m.index, end: m.index + raw.length, value: parseDigits(raw), words: false, formatted: /[,.\s\u00a0\u202f\u2009]/.test(raw) };
  }
  if (/^(?:half\s+a|an?)$/i.test(raw)) return null;
  const value = parseWordNumber(raw);
  return Number.isFinite(value) ? { start: m.index, end: m.index + raw.length, value, words: true, formatted: false } : null;
}

const STICKY = new RegExp(MENTION.source, 'iy');

/** The number starting exactly at `at`, if any (for the upper end of a range). */
function coreAt(text: string, at: number): Core | null {
  STICKY.lastIndex = at;
  const m = STICKY.exec(text);
  return m ? coreOf(m) : null;
}

function scaleAt(text: string, at: number, afterCurrency: boolean): { factor: number; end: number } | null {
  const rest = text.slice(at, at + 24);
  const m = SCALE_AFTER.exec(rest) ?? (afterCurrency ? SCALE_AFTER_SPACED_ABBR.exec(rest) : null);
  if (!m) return null;
  const word = (m[1] ?? m[2] ?? '').toLowerCase();
  // A bare "m"/"k"/"b" glued to digits is a scale only for money or before a plain word ("3m people").
  if (/^(?:m|k|b)$/.test(word) && !afterCurrency && !/^\s+[a-z]/.test(text.slice(at + m[0].length, at + m[0].length + 3))) {
    return null;
  }
  let factor = SCALES[word] ?? 1;
  let end = at + m[0].length;
  // Chained scales: "1.2 lakh crore", "a hundred thousand".
  const chained = /^\s+(thousand|million|billion|lakhs?|crores?)\b/i.exec(text.slice(end, end + 16));
  if (chained) { factor *= SCALES[chained[1]!.toLowerCase()]!; end += chained[0].length; }
  return { factor, end };
}

function currencyBefore(before: string): { unit: string; length: number } | null {
  for (const [re, unit] of CURRENCY_BEFORE) {
    const m = re.exec(before);
    if (m) return { unit: unit || m[1]!, length: m[0].length };
  }
  return null;
}

function currencyAfter(after: string): { unit: string; length: number } | null {
  const iso = ISO_AFTER.exec(after);
  if (iso) return { unit: iso[1]!, length: iso[0].length };
  const m = CURRENCY_AFTER.exec(after);
  if (!m) return null;
  return { unit: m[3] ? `${OPEN_PREFIX}kr` : currencyFromWords(m[1], m[2]!), length: m[0].length };
}

/** "R450 million", "N5bn": a currency letter glued to an amount that has a scale or separators. */
function letterCurrency(text: string, core: Core, windowBefore: string): { unit: string; length: number } | null {
  if (core.words) return null;
  const m = /(?:^|[^\p{L}\p{N}$])([RNKPE])$/u.exec(windowBefore);
  const unit = m ? LETTER_CURRENCY[m[1]!] : undefined;
  if (!unit || !(core.formatted || SCALE_AFTER.test(text.slice(core.end, core.end + 12)))) return null;
  return { unit, length: 1 };
}

function qualifierBefore(before: string): { qualifier: Qualifier; length: number } | null {
  for (const [re, qualifier] of QUALIFIERS) {
    const m = re.exec(before);
    if (m) return { qualifier, length: m[0].length };
  }
  return null;
}

function vagueMention(start: number, raw: string): NumberMention {
  const value = VAGUE_VALUE.find(([re]) => re.test(raw))?.[1] ?? 0;
  return {
    start, end: start + raw.length, coreStart: start, coreEnd: start + raw.length, value, max: null,
    qualifier: 'more_than', unit: null, unitKind: null, vague: true, ordinal: false, words: true, formatted: false,
  };
}

/** Length of `unit` written at the start of `tail` ("%", " per cent", "C", " km"), 0 when absent. */
function unitLength(tail: string, unit: string | null): number {
  if (unit === '%') return PERCENT_AFTER.exec(tail)?.[0].length ?? 0;
  for (const [re, measure] of MEASURE_AFTER) {
    const m = measure === unit ? re.exec(tail) : null;
    if (m) return m[0].length;
  }
  return 0;
}

/** One mention around the core at `core`; `null` when the words are not a number ("a", "an"). */
function mentionAround(text: string, core: Core): NumberMention | null {
  let { value } = core;
  let end = core.end;
  let max: number | null = null;
  let unit: string | null = null;
  let unitKind: UnitKind = null;
  let start = core.start;

  const windowBefore = text.slice(Math.max(0, core.start - 40), core.start);
  const currency = currencyBefore(windowBefore) ?? letterCurrency(text, core, windowBefore);
  if (currency) { unit = currency.unit; unitKind = 'currency'; start -= currency.length; }
  if (MAGNITUDE_BEFORE.test(windowBefore)) { unit = 'magnitude'; unitKind = 'measure'; }

  const ordinal = !core.words && ORDINAL_AFTER.test(text.slice(end, end + 3));
  if (ordinal) end += 2;

  // Range: "10 to 15", "10-15", "between 10 and 15" (never "from 10 to 15", a change over time).
  const beforeStart = text.slice(Math.max(0, start - 40), start);
  if (!ordinal) {
    const between = BETWEEN_BEFORE.test(beforeStart);
    const joiner = between ? /^\s+and\s+/i.exec(text.slice(end, end + 8)) : RANGE_AFTER.exec(text.slice(end, end + 8));
    const fromTo = /\bfrom\s+(?:about\s+|around\s+|some\s+)?$/i.test(beforeStart);
    if (joiner && !fromTo && !(joiner[0].trim() === '-' && core.words)) {
      const upper = coreAt(text, end + joiner[0].length);
      if (upper && upper.words === core.words && upper.value > value && !ORDINAL_AFTER.test(text.slice(upper.end, upper.end + 3))) {
        max = upper.value;
        end = upper.end;
        if (between) start -= /\bbetween\s+$/i.exec(beforeStart)![0].length;
      }
    }
  }

  if (!ordinal) {
    const scale = scaleAt(text, end, unitKind === 'currency');
    if (scale) {
      // "1 to 2 million": the scale written once applies to both ends.
      value *= scale.factor;
      if (max !== null) max *= scale.factor;
      end = scale.end;
    }
  }

  if (!ordinal && unit === null) {
    const after = text.slice(end, end + 40);
    const percent = PERCENT_AFTER.exec(after);
    const money = percent ? null : currencyAfter(after);
    if (percent) { unit = '%'; unitKind = 'percent'; end += percent[0].length; }
    else if (money) { unit = money.unit; unitKind = 'currency'; end += money.length; }
    else {
      for (const [re, measure] of MEASURE_AFTER) {
        const m = re.exec(after);
        if (m) { unit = measure; unitKind = 'measure'; end += m[0].length; break; }
      }
    }
  } else if (unitKind === 'currency' && !ordinal) {
    // "$4.5bn dollars" is rare; "US$ 12 million USD" rarer: only swallow a trailing ISO code.
    const iso = /^\s+(?:USD|dollars)\b/.exec(text.slice(end, end + 10));
    if (iso) end += iso[0].length;
  }

  // "between 3% and 4%", "42C to 45C": a range whose ends both carry the unit.
  // "rose from 20% to 24%" is a change over time, not a range.
  const changeFrom = /\bfrom\s+(?:about\s+|around\s+|some\s+)?$/i.test(text.slice(Math.max(0, start - 40), start));
  if (max === null && !ordinal && !changeFrom && (unitKind === 'percent' || unitKind === 'measure')) {
    const between = BETWEEN_BEFORE.test(text.slice(Math.max(0, start - 40), start));
    const joiner = between ? /^\s+and\s+/i.exec(text.slice(end, end + 8)) : /^\s*(?:-|–|to)\s*/i.exec(text.slice(end, end + 8));
    const upper = joiner ? coreAt(text, end + joiner[0].length) : null;
    if (joiner && upper && upper.value > value && !upper.words) {
      const length = unitLength(text.slice(upper.end, upper.end + 40), unit);
      if (length > 0) {
        max = upper.value;
        end = upper.end + length;
        if (between) start -= /\bbetween\s+$/i.exec(text.slice(Math.max(0, start - 40), start))![0].length;
      }
    }
  }

  let qualifier: Qualifier = 'exact';
  const q = qualifierBefore(text.slice(Math.max(0, start - 30), start));
  if (q) { qualifier = q.qualifier; start -= q.length; }

  if (!Number.isFinite(value)) return null;
  return {
    start, end, coreStart: core.start, coreEnd: core.end, value, max, qualifier, unit, unitKind,
    vague: false, ordinal, words: core.words, formatted: core.formatted,
  };
}

/** Every number mention in `text`, in order, non-overlapping. Linear in the length of `text`. */
export function findNumbers(text: string): NumberMention[] {
  const out: NumberMention[] = [];
  const re = MENTION; // module-level and global: reset, not recompiled, per call
  re.lastIndex = 0;
  let consumed = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (m.index < consumed) continue;
    const raw = m[0];
    if (m.groups?.vague) {
      out.push(vagueMention(m.index, raw));
      consumed = m.index + raw.length;
      continue;
    }
    const core = coreOf(m);
    if (!core) continue;
    const mention = mentionAround(text, core);
    if (!mention) continue;
    out.push(mention);
    consumed = mention.end;
    re.lastIndex = Math.max(re.lastIndex, mention.end);
  }
  return out;
}
