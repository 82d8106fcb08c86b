/** How numbers, dates and names read in the briefing ("At least 544", "29 June 2019", "SNHR"). */
import type { Figure, Qualifier } from '../extract/types';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/**
 * "2019-06-29" → "29 June 2019"; a day and month the article gives without a year ("--04-26",
 * XML Schema's gMonthDay) → "26 April (year not stated)"; anything else is returned unchanged.
 */
export function formatDate(iso: string): string {
  const m = /^(\d{4}|-)-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return iso;
  const month = MONTHS[Number(m[2]) - 1];
  if (!month) return iso;
  return `${Number(m[3])} ${month} ${m[1] === '-' ? '(year not stated)' : m[1]}`;
}

const QUALIFIER_WORDS: Readonly<Record<Qualifier, string>> = {
  exact: '', at_least: 'at least', more_than: 'more than', approximately: 'about', up_to: 'up to', fewer_than: 'fewer than',
};

export const qualifierWords = (q: Qualifier): string => QUALIFIER_WORDS[q] ?? '';

/** 2117 → "2,117", -40 → "−40" (a minus sign, not a hyphen); keeps up to two decimals. Deliberately locale-free, so output never varies by host. */
export function groupDigits(n: number): string {
  const [int, frac] = (Math.round(Math.abs(n) * 100) / 100).toString().split('.');
  const grouped = int!.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${n < 0 ? '\u2212' : ''}${frac ? `${grouped}.${frac}` : grouped}`;
}

/** 3000000 → "3 million", 4500000000 → "4.5 billion", 300000 → "300,000". */
export function compactNumber(n: number): string {
  const scale = scaleOf(n);
  return scale ? `${atScale(n, scale)} ${scale}` : groupDigits(n);
}

type Scale = '' | 'million' | 'billion' | 'trillion';
const SCALE_SIZE: Readonly<Record<Exclude<Scale, ''>, number>> = { trillion: 1e12, billion: 1e9, million: 1e6 };
const SCALES = Object.keys(SCALE_SIZE) as Exclude<Scale, ''>[];

/** True when `n` is written exactly at `scale` with at most two decimals, and is at least 0.1 of it. */
const fits = (n: number, scale: Exclude<Scale, ''>): boolean => {
  const hundredths = Math.abs(n) / (SCALE_SIZE[scale] / 100);
  // 8.2 × 10¹² parsed from "Rs 8.2 trillion" may be a hair off an integer count of hundredths.
  return Math.abs(n) >= SCALE_SIZE[scale] / 10 && Math.abs(hundredths - Math.round(hundredths)) < 1e-6;
};

/** The largest scale that writes `n` exactly ("2.5 billion", not "2,500 million"). */
const scaleOf = (n: number): Scale => SCALES.find((scale) => Math.abs(n) >= SCALE_SIZE[scale] && fits(n, scale)) ?? '';

const atScale = (n: number, scale: Scale): string => groupDigits(scale ? n / SCALE_SIZE[scale] : n);

/** Units a person writes as a word after the number, singular for one ("1 tonne", "400 tonnes"). */
const UNIT_WORDS: Readonly<Record<string, readonly [string, string]>> = {
  t: ['tonne', 'tonnes'], ha: ['hectare', 'hectares'], kn: ['knot', 'knots'], nmi: ['nautical mile', 'nautical miles'],
  bp: ['basis point', 'basis points'],
};
/** Units written against the number: "49.5°C", "30%". */
const TIGHT_UNITS = new Set(['%', '°C', '°F']);
/** Symbols written before an amount; any other currency is its ISO code ("COP 2.5 billion"). */
const CURRENCY_SYMBOL: Readonly<Record<string, string>> = { USD: '$', EUR: '€', GBP: '£', JPY: '¥', INR: '₹' };

export const isCurrency = (unit: string | null): unit is string => unit !== null && /^[A-Z]{3}$/.test(unit);

export interface AmountOptions {
  /** Write US dollars as "US$": beside another currency, "$" alone could be a peso. */
  readonly usDollar?: boolean;
}

/**
 * The one way the briefing writes an amount, on cards, the chart and the table: the currency
 * before it ("$1.8 billion", "COP 2.5 billion"), the unit after it ("140 mm", "8.4 m",
 * "49.5°C", "400 tonnes"), a magnitude before it ("magnitude 6.4"), large numbers at a
 * compact scale, a range at one scale when both ends fit it ("$1.5–2 billion", "45–48°C").
 */
export function formatAmount(value: number, max: number | null, unit: string | null, options: AmountOptions = {}): string {
  const scale = max === null ? scaleOf(value) : SCALES.find((s) => Math.abs(Math.max(value, max)) >= SCALE_SIZE[s] && fits(value, s) && fits(max, s)) ?? '';
  const number = `${atScale(value, scale)}${max === null ? '' : `–${atScale(max, scale)}`}${scale ? ` ${scale}` : ''}`;
  if (unit === null || unit === 'people') return number;
  if (isCurrency(unit)) {
    const symbol = unit === 'USD' && options.usDollar ? 'US$' : CURRENCY_SYMBOL[unit];
    return symbol ? `${symbol}${number}` : `${unit} ${number}`;
  }
  if (unit === 'magnitude') return `magnitude ${number}`;
  if (TIGHT_UNITS.has(unit)) return `${number}${unit}`;
  const words = UNIT_WORDS[unit];
  if (words) return `${number} ${value === 1 && max === null ? words[0] : words[1]}`;
  return `${number} ${unit}`;
}

/** "at least 544", "about $1.56 billion", "more than 140 mm": qualifier words, then the amount. */
export function figureAmount(f: Pick<Figure, 'value' | 'max' | 'unit' | 'qualifier'>, options: AmountOptions = {}): string {
  return [qualifierWords(f.qualifier), formatAmount(f.value, f.max, f.unit, options)].filter(Boolean).join(' ');
}

/** "civilians killed" → "Civilians killed". */
export const capitalise = (s: string): string => (s === '' ? s : s[0]!.toLocaleUpperCase('en') + s.slice(1));

/** Cuts long text at a word boundary with an ellipsis, so no single value can fill a page. */
export function clip(text: string, max: number): string {
  const t = text.replace(/\s+/g, ' ').trim();
  if (t.length <= max) return t;
  const cut = t.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).replace(/[\s,;:.–-]+$/, '')}…`;
}

const MINOR = new Set(['of', 'for', 'the', 'and', 'on', 'in', 'de', 'du', 'des', 'la', 'le', 'to']);

/**
 * A long organisation name shortened to the acronym the article itself uses ("Syrian Network
 * for Human Rights" → "SNHR" when "SNHR" appears in `corpus`); otherwise the name as given.
 */
export function shortSource(name: string, corpus: string): string {
  // "UN Office for the Coordination of Humanitarian Affairs (OCHA)": the article's own definition.
  const defined = new RegExp(`${escapeRegExp(name)}\\s*\\(([A-Z][A-Za-z-]{1,11})\\)`).exec(corpus);
  if (defined) return defined[1]!;
  const words = name.split(/\s+/).filter((w) => w !== '' && !MINOR.has(w.toLowerCase()));
  if (words.length < 2) return name;
  const acronym = words.map((w) => w[0]!.toUpperCase()).join('');
  return new RegExp(`\\b${escapeRegExp(acronym)}\\b`).test(corpus) ? acronym : name;
}

// Names and acronyms can hold brackets and dots ("(OCHA)", "U.N."): match them literally.
const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
