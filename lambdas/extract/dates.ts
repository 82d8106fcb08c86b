/**
 * Dates with chrono-node. Each article is first dated as a whole ({@link articleDating}): the day
 * it speaks from (the published date, else the date of its dateline), and the year of dates
 * written without one (its own, else the year of the article's full dates, captions included).
 * Then, per sentence: "April 26" → 2019-04-26; "On Friday" → the Friday before the day the
 * story speaks from, or the Friday after it in a forecast ("expect the rain to ease on
 * Thursday"); "last month" is too vague for a timeline. A date the article gives only in part
 * (no year anywhere, or a weekday with nothing to count from) is kept as such, never guessed.
 * Bylines and datelines say when the report was filed, not what happened: never events.
 */
import * as chrono from 'chrono-node';
import type { PartialTimelineEntry } from './types';
import type { Sentence } from './sentences';
import { dateOrder, formatDate, monthNumber } from '../core/dates';
import { MONTHS } from './lexicon';
import { withCasePairs } from './case-pairs';
import { patternsForText } from './word-lists';
import { execIn, letterPattern, testIn } from '../core/letter-patterns';

export interface DateMention {
  readonly date: string;
  /** Offset in the article text. */
  readonly start: number;
  readonly end: number;
}

/** A date the article gives only in part: a day and month without a year, or a weekday alone. */
export interface PartialMention {
  /** `--MM-DD` (XML Schema's gMonthDay) when the article gives day and month but no year. */
  readonly monthDay: string | null;
  /** "Friday", when the article names a weekday and nothing says which week. */
  readonly weekday: string | null;
  readonly start: number;
  readonly end: number;
}

/** What the article as a whole says about when it speaks. */
export interface Dating {
  /** YYYY-MM-DD: relative days count from here (the published date, else the dateline's). */
  readonly reference: string | null;
  /** The year of dates written without one, when the article gives one anywhere. */
  readonly year: number | null;
  /** The date of the dateline or of a dated byline: YYYY-MM-DD, or `--MM-DD` when no year is stated anywhere. */
  readonly dateline: string | null;
}

export interface SentenceDates {
  readonly full: DateMention[];
  readonly partial: PartialMention[];
}

// A word that may be a month ("Mar", "March", "Sept."): checked against the lexicon's months where it counts.
const MONTHISH = '(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]{0,6}';
const isMonthWord = (word: string): boolean => MONTHS.has(word.toLowerCase().replace(/\.$/, ''));
// Only sentences with a month, a weekday or a relative day go through chrono (it is the slow part):
// a month-like word ("Mayor", "Marine", "Junta") must be a month of the lexicon.
const DATEISH = new RegExp(`\\b(?:(${MONTHISH})|(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|yesterday|today|tonight)\\b|\\b\\d{4}-\\d{2}-\\d{2}\\b|\\b\\d{1,2}\\/\\d{1,2}\\/\\d{4}\\b`, 'g');
const mayHoldDate = (text: string): boolean => {
  for (const m of text.matchAll(DATEISH)) if (m[1] === undefined || isMonthWord(m[1])) return true;
  return false;
};
const DAY_MONTH = new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+(${MONTHISH})\\b|\\b(${MONTHISH})\\.?\\s+(\\d{1,2})\\b`, 'g');
// Full dates, three ways: "20 May 2019", "May 20, 2019", "2019-05-20"; the first group is the month word, the second the year.
const FULL_DATES: readonly RegExp[] = [
  new RegExp(`\\b\\d{1,2}(?:st|nd|rd|th)?\\s+(${MONTHISH})\\.?,?\\s+((?:19|20)\\d{2})\\b`, 'g'),
  new RegExp(`\\b(${MONTHISH})\\.?\\s+\\d{1,2}(?:st|nd|rd|th)?,?\\s+((?:19|20)\\d{2})\\b`, 'g'),
  /\b()((?:19|20)\d{2})-\d{2}-\d{2}\b/g,
];
const FUZZY = /\b(?:end|beginning|start|middle|mid|early|late)\b/i;
const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
const WEEKDAY_NAMES = WEEKDAYS.map((w) => w[0]!.toUpperCase() + w.slice(1));

// A sentence about plans or forecasts points its weekdays forward ("marches on Tuesday",
// "meteorologists expect the rain to ease on Thursday").
const FUTURE_WORDS: ReadonlySet<string> = new Set(['will', 'would', 'shall', 'scheduled', 'forecast', 'forecasts', 'predict', 'predicts', 'predicted', 'next', 'later', 'upcoming', 'until']);
const FUTURE_PHRASES = /\b(?:(?:is|are)\s+due|due\s+to|call(?:s|ed)?\s+for|plan(?:s|ned)?\s+(?:to|for)|expect(?:s|ed)?\s+(?:\w+\s+){0,4}to|(?:set|likely)\s+to|ahead\s+of|(?:risk|forecast)\s+for)\b/i;
const isFuture = (text: string): boolean => FUTURE_PHRASES.test(text) || text.toLowerCase().split(/[^a-z]+/).some((w) => FUTURE_WORDS.has(w));
// "NAIROBI, June 2 –", "MEDELLÍN, Colombia, Nov 4 -", a line "BENGALURU, September 8, 2026":
// the dateline says when the report was filed.
// The place in capitals, an optional region, then the day and month (the month word is checked apart).
const DATELINE = letterPattern(`^\\s*\\p{Lu}[\\p{Lu}\\p{M}'’. -]{1,40}(?:,\\s*[\\p{L}\\p{M}'’. -]{2,40}){0,2},\\s*([A-Z][a-z]{2,8}\\.?\\s+\\d{1,2}|\\d{1,2}\\s+[A-Z][a-z]{2,8})(?:,?\\s+((?:19|20)\\d{2}))?\\s*(?:\\([^)]{0,60}\\)\\s*)?(?:[-–—]|$)`, 'u');
const SPAN_AFTER = /^\s*(?:days?|weeks?|months?|years?|hours?)\b/i;
const DATELINE_AFTER = /^\s*(?:,?\s*(?:19|20)\d{2})?\s*(?:\([^)]{0,60}\)\s*)?(?:[-–—]|$)/;
// "By Milica Jovanović · 18 September 2024": a byline, dated or not, is never an event.
const BYLINE = letterPattern(String.raw`^By\s+\p{Lu}[^!?\n]{0,100}[^.!?\n]$`, 'u');

const pad = (n: number): string => String(n).padStart(2, '0');
const iso = (y: number, m: number, d: number): string => `${y}-${pad(m)}-${pad(d)}`;
const monthDay = (m: number, d: number): string => `--${pad(m)}-${pad(d)}`;

function parseIso(date: string | null): Date | null {
  const m = date ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(date) : null;
  return m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : null;
}

/** The day and month a "March 14" / "14 March" names, or null. */
function dayMonth(text: string): { day: number; month: number } | null {
  DAY_MONTH.lastIndex = 0;
  for (let m = DAY_MONTH.exec(text); m; m = DAY_MONTH.exec(text)) {
    const word = (m[2] ?? m[3])!;
    if (!isMonthWord(word)) continue;
    const day = Number(m[1] ?? m[4]);
    const month = monthNumber(word);
    return day >= 1 && day <= 31 && month > 0 ? { day, month } : null;
  }
  return null;
}

/** The latest year of a full date ("20 May 2019", "May 20, 2019", "2019-05-20") in any of `texts`. */
function latestFullDateYear(texts: readonly string[]): number | null {
  let year: number | null = null;
  for (const text of texts) {
    for (const re of FULL_DATES) {
      re.lastIndex = 0;
      for (let m = re.exec(text); m; m = re.exec(text)) {
        if (m[1] && !isMonthWord(m[1])) continue;
        const y = Number(m[2]);
        if (year === null || y > year) year = y;
      }
    }
  }
  return year;
}

/** The dateline's (or a dated byline's) day, month and year as written, from the first paragraphs. */
function datelineOf(paragraphs: readonly string[]): { day: number; month: number; year: number | null } | null {
  for (const paragraph of paragraphs.slice(0, 3)) {
    const line = execIn(DATELINE, paragraph);
    const at = line ? dayMonth(line[1]!) : null;
    if (line && at) return { ...at, year: line[2] ? Number(line[2]) : null };
    if (testIn(BYLINE, paragraph)) {
      const at2 = dayMonth(paragraph);
      const year = latestFullDateYear([paragraph]);
      if (at2) return { ...at2, year };
    }
  }
  return null;
}

/**
 * The article dated as a whole. `published` (YYYY-MM-DD) wins; else the dateline's date, its
 * year taken from the article's own full dates (captions count) when the dateline has none.
 */
export function articleDating(text: string, captions: readonly string[], published: string | null): Dating {
  return datingOf(text, captions, published);
}

/** The dating of an article whose text could not be dated: only what `published` says. */
export function undated(published: string | null): Dating {
  return { reference: parseIso(published) ? published : null, year: null, dateline: null };
}

function datingOf(text: string, captions: readonly string[], published: string | null): Dating {
  // A dateline or byline opens the article: its first paragraphs are enough (a 5 MB text is not split).
  const line = datelineOf(text.slice(0, 2000).split(/\n\s*\n/));
  const publishedYear = parseIso(published)?.getUTCFullYear() ?? null;
  const year = publishedYear ?? line?.year ?? latestFullDateYear([...captions, text]);
  const lineYear = line ? (line.year ?? year) : null;
  const dateline = line ? (lineYear !== null ? formatDate(lineYear, line.month, line.day) : monthDay(line.month, line.day)) : null;
  const reference = parseIso(published) ? published : dateline && !dateline.startsWith('--') ? dateline : null;
  return { reference, year, dateline };
}

/** The `weekday` nearest `ref` in the direction the sentence points ("on Saturday" in a Saturday report is that day). */
function weekdayFrom(ref: Date, weekday: number, last: boolean, future: boolean): string {
  let shift = future ? (weekday - ref.getUTCDay() + 7) % 7 : -((ref.getUTCDay() - weekday + 7) % 7);
  if (last && shift === 0) shift = -7;
  const d = new Date(ref.getTime() + shift * 86_400_000);
  return iso(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

type Resolved = { readonly date: string } | { readonly monthDay: string | null; readonly weekday: string | null } | null;

function resolve(result: Found, dating: Dating, ref: Date | null, future: boolean): Resolved {
  const start = result.start;
  // "weekend", "this week": chrono pins them to a day; a timeline wants only days the text names.
  if (FUZZY.test(result.text) || !/\d|day\b|tonight/i.test(result.text)) return null;
  // The year as written, else the article's own; with a reference, the year that puts the day on
  // the side of it the tense says (chrono takes the nearest, so "opened on March 10" told on
  // 18 September would fall in the next year).
  const yearOf = (month: number, day: number): number | null => {
    if (start.isCertain('year')) return start.get('year')!;
    if (!ref) return dating.year;
    const year = ref.getUTCFullYear();
    const sameYear = iso(year, month, day);
    const told = iso(year, ref.getUTCMonth() + 1, ref.getUTCDate());
    if (future) return sameYear < told ? year + 1 : year;
    return sameYear > told ? year - 1 : year;
  };
  // "two weeks ago": counted from the reference; without one, no date at all.
  const counted = !ref && !DAY_MONTH.test(result.text) && !/\d{4}-\d{2}-\d{2}|\d{1,2}\/\d{1,2}\/\d{4}/.test(result.text);
  if (start.isCertain('day') && start.isCertain('month') && !counted) {
    const year = yearOf(start.get('month')!, start.get('day')!);
    return year === null ? { monthDay: monthDay(start.get('month')!, start.get('day')!), weekday: null } : { date: iso(year, start.get('month')!, start.get('day')!) };
  }
  // "night of 12 March": chrono leaves the day uncertain, but the text names it.
  const named = dayMonth(result.text);
  if (named) {
    const year = yearOf(named.month, named.day);
    return year === null ? { monthDay: monthDay(named.month, named.day), weekday: null } : { date: formatDate(year, named.month, named.day) ?? '' };
  }
  if (start.isCertain('weekday')) {
    const name = WEEKDAYS.findIndex((w) => result.text.toLowerCase().includes(w));
    if (name < 0) return null;
    if (!ref) return { monthDay: null, weekday: WEEKDAY_NAMES[name]! };
    const last = /\blast\b/i.test(result.text);
    return { date: weekdayFrom(ref, name, last, future && !last) };
  }
  if (!ref) return null;
  if (/\byesterday\b/i.test(result.text)) return { date: iso(start.get('year')!, start.get('month')!, start.get('day')!) };
  if (/\b(?:today|tonight)\b/i.test(result.text)) return { date: iso(ref.getUTCFullYear(), ref.getUTCMonth() + 1, ref.getUTCDate()) };
  return null;
}

const CHUNK = 2000;

/** chrono over a run-on "sentence" in pieces cut at spaces, so cost stays linear in its length. */
interface Found { readonly index: number; readonly text: string; readonly start: chrono.ParsedComponents }

/**
 * chrono's "3 days ago" and "three days later" parsers run a pattern of every time unit at every
 * position: the slowest of its parsers, warm and cold alike. "Later", "after" and "before" count
 * from some other event ("10 days before the outbreak was declared"), never from the day the story
 * speaks from, so they make no date; "ago" counts from that day, and runs where the text says it.
 * Its time-of-day parser ("at 2 a.m.") is the costliest of the rest, and a time names no day.
 */
type Counting = 'ago' | 'later' | 'clock' | 'no-day' | null;
/**
 * Parsers whose whole reading names no day the story happened on: a month ("5/2019", "2019
 * March"), a period ("end of the month", "next week"), a span ("over the past 3 days" is no day
 * three days back) and a deadline ("within 10 days"). Their results were discarded or wrong ("the
 * next day" is the day after some other event, not after the story); left out, chrono does ~28%
 * less work per dated sentence. Each is known by how its pattern starts, a string test that
 * compiles nothing at run time (chrono 2.10); tests/extract/dates.test.ts checks that each start
 * still picks out exactly one parser, the one that reads the example whole.
 */
export const NO_DAY_READINGS: ReadonlyArray<{ readonly names: string; readonly example: string; readonly starts: string }> = [
  { names: 'a month', example: '5/2019', starts: '([0-9]|0[1-9]|1[012])\\/([0-9]{4})' },
  { names: 'a month', example: '2019 March', starts: '((?:[1-9][0-9]{0,3}\\s{0,2}(?:BE|AD' },
  { names: 'a period', example: 'end of the month', starts: '(?:last\\s+day|end)\\s+of' },
  { names: 'a period', example: 'next week', starts: '(this|last|past|next|after\\s*this)' },
  { names: 'a span', example: 'past 3 days', starts: '(this|last|past|next|after|\\+|-)' },
  { names: 'a deadline', example: 'within 10 days', starts: '(?:within|in|for)' },
];
type Patterned = { innerPattern?: (context: unknown) => unknown; pattern?: (context: unknown) => unknown };
/** The pattern a chrono parser reads with (its inner pattern, without the word boundary, where it has one). */
export const patternOf = (parser: chrono.Parser): RegExp | null => {
  try {
    const p = parser as Patterned;
    const pattern: unknown = p.innerPattern?.({ option: {} }) ?? p.pattern?.({ option: {} });
    return pattern instanceof RegExp ? pattern : null;
  } catch {
    return null;
  }
};
const countingOf = (parser: chrono.Parser): Counting => {
  if (typeof (parser as { primaryPrefix?: unknown }).primaryPrefix === 'function') return 'clock';
  const source = patternOf(parser)?.source ?? '';
  if (/\(\?:ago\|/.test(source)) return 'ago';
  if (/\(\?:later\|/.test(source)) return 'later';
  return NO_DAY_READINGS.some((r) => source.startsWith(r.starts)) ? 'no-day' : null;
};
/**
 * The patterns chrono reads a text with, rewritten so that they compile faster and find the same
 * matches: as pairs of cases ({@link withCasePairs}), and without the long lists of words the
 * text holds none of ({@link patternsForText}: chrono's ordinal words, in most sentences).
 */
const readingPattern = patternsForText(withCasePairs);
const withFasterPatterns = (parser: chrono.Parser): chrono.Parser =>
  Object.assign(Object.create(parser) as chrono.Parser, { pattern: (context: chrono.ParsingContext): RegExp => readingPattern(parser.pattern(context), context.text) });
const chronoWithout = (drop: ReadonlySet<Counting>): chrono.Chrono => {
  const c = chrono.casual.clone();
  c.parsers = c.parsers.filter((parser) => !drop.has(countingOf(parser))).map(withFasterPatterns);
  return c;
};
/**
 * chrono's units of time (its English dictionary), by whether a count back from the story fixes
 * the day: chrono assigns the day of "3 days ago", "a week ago", "48 hrs ago", "5m ago", and only
 * implies it for months, quarters and years, a reading {@link resolve} drops.
 * tests/extract/dates.test.ts checks both lists against chrono's dictionary and readings.
 */
export const DAY_FIXING_UNITS = ['s', 'sec', 'second', 'seconds', 'm', 'min', 'mins', 'minute', 'minutes', 'h', 'hr', 'hrs', 'hour', 'hours', 'd', 'day', 'days', 'w', 'week', 'weeks'] as const;
export const LONGER_UNITS = ['mo', 'mon', 'mos', 'month', 'months', 'qtr', 'quarter', 'quarters', 'y', 'yr', 'year', 'years'] as const;
/** A unit of a week or less after a number or a space, as chrono's pattern writes it ("3 days", "5m"; not the "s" of "it's"). */
const DAY_FIXING_UNIT = new RegExp(`(?<=[\\d\\s])(?:${DAY_FIXING_UNITS.join('|')})(?![a-z])`, 'i');
/**
 * A longer unit right after digits ("May 2 mos ago"): chrono's "ago" reading of it names no day,
 * but it is the longer reading of the same words, so it keeps "May 2" from being read as a day.
 */
const DIGITS_THEN_LONGER_UNIT = new RegExp(`\\d\\s{0,3}(?:${LONGER_UNITS.join('|')})(?![a-z])`, 'i');
/**
 * An "ago" reading and a date joined as chrono joins the two ends of a range ("on May 2 - two
 * months ago", "a year ago - 2 May"): chrono makes them one reading, which dates (or hides) the
 * day. Looked for as a range word at most four words before "ago", or right after it.
 */
const RANGE_WITH_AGO = /(?:[-–]|\b(?:to|until|through|till))\s*(?:[\w.,]+\s+){1,4}ago\b|\bago\s*(?:[-–]|(?:to|until|through|till)\b)/i;
/**
 * The "ago" parser, chrono's costliest pattern (compiling it was about 34 M instructions of a
 * cold extract handler's 440 M), reads a text only where one of its readings can name a day or
 * change another reading. Examples: "the dam burst 3 days ago", "48 hrs ago", "in May 2 mos
 * ago", "on May 2 - two months ago". Counter-examples (no "ago" parser): "began two months ago",
 * "years ago", "three days later".
 */
export const readsDaysAgo = (text: string): boolean => /\bago\b/i.test(text) && (DAY_FIXING_UNIT.test(text) || DIGITS_THEN_LONGER_UNIT.test(text) || RANGE_WITH_AGO.test(text));
const chronos: { ago?: chrono.Chrono; plain?: chrono.Chrono } = {};
const chronoFor = (text: string): chrono.Chrono => (readsDaysAgo(text)
  ? (chronos.ago ??= chronoWithout(new Set(['later', 'clock', 'no-day'])))
  : (chronos.plain ??= chronoWithout(new Set(['ago', 'later', 'clock', 'no-day']))));
const parseChunk = (text: string, instant: Date): chrono.ParsedResult[] => chronoFor(text).parse(text, instant, { forwardDate: false });

function parseInChunks(text: string, instant: Date): Found[] {
  if (text.length <= CHUNK) return parseChunk(text, instant);
  const out: Found[] = [];
  for (let start = 0; start < text.length;) {
    let end = Math.min(text.length, start + CHUNK);
    const space = text.lastIndexOf(' ', end);
    if (end < text.length && space > start + CHUNK / 2) end = space;
    for (const r of parseChunk(text.slice(start, end), instant)) {
      out.push({ index: r.index + start, text: r.text, start: r.start });
    }
    start = end;
  }
  return out;
}

const NONE: SentenceDates = { full: [], partial: [] };

/** Dated mentions in one sentence: full dates, and the dates it gives only in part. */
export function readDates(sentence: Sentence, dating: Dating): SentenceDates {
  if (!mayHoldDate(sentence.text) || testIn(BYLINE, sentence.text)) return NONE;
  const ref = parseIso(dating.reference);
  // chrono reads the reference in local time; noon keeps the calendar day in any time zone.
  const instant = ref ? new Date(ref.getUTCFullYear(), ref.getUTCMonth(), ref.getUTCDate(), 12) : new Date(2000, 0, 1, 12);
  const out: { full: DateMention[]; partial: PartialMention[] } = { full: [], partial: [] };
  for (const result of parseInChunks(sentence.text, instant)) {
    // Only the words leading up to the date decide its direction, not a "would" elsewhere.
    const future = isFuture(sentence.text.slice(Math.max(0, result.index - 80), result.index + result.text.length));
    const rest = sentence.text.slice(result.index + result.text.length);
    const isDateline = result.index < 40 && DATELINE_AFTER.test(rest);
    // "in March, 10 days before …": a number that counts a span of time is not a day of the month.
    const isSpan = /\d$/.test(result.text) && SPAN_AFTER.test(rest);
    const resolved = isDateline || isSpan ? null : resolve(result, dating, ref, future);
    if (!resolved) continue;
    const span = { start: sentence.start + result.index, end: sentence.start + result.index + result.text.length };
    if ('date' in resolved) {
      if (resolved.date) out.full.push({ date: resolved.date, ...span });
    } else {
      out.partial.push({ monthDay: resolved.monthDay, weekday: resolved.weekday, ...span });
    }
  }
  return out;
}

/**
 * Events the article dates only in part, one per sentence and date. Days and months without a
 * year come in calendar order. Weekdays nothing anchors come after the latest date the article
 * states (`after`): news names the days of the week it reports from. Among themselves they are
 * ordered back from the first weekday of the opening paragraphs, the day the news was told
 * ("… said on Saturday": Thursday, Friday, Saturday), else kept in article order.
 */
export function partialTimelineOf(sentences: readonly Sentence[], dates: readonly SentenceDates[]): PartialTimelineEntry[] {
  const stated = dates.flatMap((d) => d.full.map((m) => m.date)).sort();
  const latest = stated.at(-1) ?? dates.flatMap((d) => d.partial.flatMap((p) => (p.monthDay ? [p.monthDay] : []))).sort().at(-1) ?? null;
  const days: PartialTimelineEntry[] = [];
  const weekdays: { entry: PartialTimelineEntry; order: number }[] = [];
  let reportDay: number | null = null;
  for (const sentence of sentences) {
    const seen = new Set<string>();
    for (const part of (dates[sentence.index] ?? NONE).partial) {
      const key = part.monthDay ?? part.weekday!;
      if (seen.has(key)) continue;
      seen.add(key);
      const span: readonly [number, number] = [sentence.start, sentence.end];
      if (part.monthDay) {
        days.push({ monthDay: part.monthDay, weekday: null, after: null, text: sentence.text, span });
        continue;
      }
      const day = WEEKDAY_NAMES.indexOf(part.weekday!);
      if (sentence.paragraph <= 2) reportDay ??= day;
      weekdays.push({ entry: { monthDay: null, weekday: part.weekday, after: latest, text: sentence.text, span }, order: day });
    }
  }
  const daysBack = (day: number): number => (reportDay === null ? 0 : (reportDay - day + 7) % 7);
  days.sort((a, b) => dateOrder(a.monthDay!, b.monthDay!));
  // Stable: without a lead weekday every weekday is 0 days back, in article order.
  weekdays.sort((a, b) => daysBack(b.order) - daysBack(a.order));
  return [...days, ...weekdays.map((w) => w.entry)];
}
