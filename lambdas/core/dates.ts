/**
 * Dates as inputs write them → YYYY-MM-DD. The calendar date *as written* is kept: a time
 * stamp "2019-06-29T23:30:00+03:00" is the 29th where it was published, so no time-zone
 * conversion happens here.
 */

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
/**
 * English month names and abbreviations as regex alternatives, capitalised: extraction matches
 * them case-sensitively ("May" the month, not "may" the verb); intake adds the `i` flag.
 */
export const MONTH_NAMES = 'Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?';
const MONTH = `(${MONTH_NAMES})\\.?`;
const DAY = '(\\d{1,2})(?:st|nd|rd|th)?';

const ISO = /^\s*(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?![\d])/;
const DAY_MONTH_YEAR = new RegExp(`\\b${DAY}\\s+${MONTH}\\s*,?\\s+(\\d{4})\\b`, 'i');
const MONTH_DAY_YEAR = new RegExp(`\\b${MONTH}\\s+${DAY}\\s*,?\\s+(\\d{4})\\b`, 'i');

const pad = (n: number): string => String(n).padStart(2, '0');

/** YYYY-MM-DD when year, month and day make a real calendar date, else null. */
export function formatDate(year: number, month: number, day: number): string | null {
  if (year < 1000 || year > 9999 || month < 1 || month > 12 || day < 1) return null;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCMonth() !== month - 1) return null; // 31 June rolls over into July
  return `${year}-${pad(month)}-${pad(day)}`;
}

/** 1–12 for a month name or abbreviation matched by MONTH_NAMES, 0 for anything else. */
export const monthNumber = (name: string): number => MONTHS.indexOf(name.slice(0, 3).toLowerCase()) + 1;

/** A date found in a string, number (epoch milliseconds) or Date, as YYYY-MM-DD; else null. */
export function toIsoDate(value: unknown): string | null {
  if (value instanceof Date) {
    return Number.isNaN(value.getTime()) ? null : value.toISOString().slice(0, 10);
  }
  if (typeof value === 'number') return Number.isFinite(value) ? toIsoDate(new Date(value)) : null;
  if (typeof value !== 'string') return null;
  let m = ISO.exec(value);
  if (m) return formatDate(Number(m[1]), Number(m[2]), Number(m[3]));
  m = DAY_MONTH_YEAR.exec(value);
  if (m) return formatDate(Number(m[3]), monthNumber(m[2]!), Number(m[1]));
  m = MONTH_DAY_YEAR.exec(value);
  if (m) return formatDate(Number(m[3]), monthNumber(m[1]!), Number(m[2]));
  return null;
}

/** True for exactly "YYYY-MM-DD" naming a real date (what `--published` accepts). */
export function isIsoDate(value: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  return m !== null && formatDate(Number(m[1]), Number(m[2]), Number(m[3])) !== null;
}

/**
 * Calendar order of two dates written alike ("2019-04-26", or "--04-26" without a year): their
 * characters' order. Not `localeCompare`, whose first call in a process builds an ICU collator
 * (about 8 ms of a cold briefing) to order what needs no collation.
 */
export const dateOrder = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
