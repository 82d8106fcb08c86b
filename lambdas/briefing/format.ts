/** How numbers, dates and names read in the briefing ("At least 544", "29 June 2019", "SNHR"). */
import type { Figure, Qualifier } from '../extract/types';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** "2019-06-29" → "29 June 2019"; anything else is returned unchanged. */
export function formatDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return iso;
  const month = MONTHS[Number(m[2]) - 1];
  return month ? `${Number(m[3])} ${month} ${m[1]}` : iso;
}

const QUALIFIER_WORDS: Readonly<Record<Qualifier, string>> = {
  exact: '', at_least: 'at least', more_than: 'more than', approximately: 'about', up_to: 'up to', fewer_than: 'fewer than',
};

export const qualifierWords = (q: Qualifier): string => QUALIFIER_WORDS[q] ?? '';

/** 2117 → "2,117"; keeps up to two decimals. Deliberately locale-free, so output never varies by host. */
export function groupDigits(n: number): string {
  const [int, frac] = (Math.round(n * 100) / 100).toString().split('.');
  const grouped = int!.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return frac ? `${grouped}.${frac}` : grouped;
}

/** 3000000 → "3 million", 4500000000 → "4.5 billion", 300000 → "300,000". */
export function compactNumber(n: number): string {
  const abs = Math.abs(n);
  if (abs >= 1e9 && abs % 1e7 === 0) return `${groupDigits(n / 1e9)} billion`;
  if (abs >= 1e6 && abs % 1e4 === 0) return `${groupDigits(n / 1e6)} million`;
  return groupDigits(n);
}

const CURRENCY: Readonly<Record<string, string>> = { USD: '$', EUR: '€', GBP: '£', JPY: '¥', INR: '₹' };

function withUnit(number: string, unit: string | null): string {
  if (!unit || unit === 'people') return number;
  const symbol = CURRENCY[unit];
  if (symbol) return `${symbol}${number}`;
  if (unit === '%') return `${number}%`;
  return `${number} ${unit}`;
}

/** Qualifier words a writer puts before a number; the card shows them apart from it. */
const LEADING_QUALIFIER = /^(?:at least|more than|over|some|about|around|approximately|nearly|almost|up to|as many as|fewer than|less than|another|roughly|an estimated|estimated|at most)\s+/i;
const WRITTEN_NUMBER = /^[$€£¥₹]?\d[\d,.]*(?:\s?(?:million|billion|thousand|bn|m|k|lakh|crore))?\b%?/i;

/** The big number of a card, as the article wrote it when it wrote digits ("2,117", "3 million"). */
export function cardNumber(f: Figure): string {
  let text = f.text.trim();
  while (LEADING_QUALIFIER.test(text)) text = text.replace(LEADING_QUALIFIER, '');
  const written = WRITTEN_NUMBER.exec(text)?.[0];
  if (written && f.max === null) return f.unit === '%' && !written.endsWith('%') ? `${written}%` : written;
  const value = compactNumber(f.value);
  return withUnit(f.max === null ? value : `${value}–${compactNumber(f.max)}`, f.unit);
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
