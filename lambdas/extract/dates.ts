/**
 * Dates with chrono-node, anchored at the published date: "April 26" → 2019-04-26, "On Friday"
 * → the Friday before (news reports the past), "last month" is too vague for a timeline.
 */
import * as chrono from 'chrono-node';
import type { Sentence } from './sentences';
import { MONTH_NAMES, monthNumber } from '../intake/dates';

export interface DateMention {
  readonly date: string;
  /** Offset in the article text. */
  readonly start: number;
  readonly end: number;
}

// Only sentences with a month, a weekday or a relative day go through chrono (it is the slow part).
const DATEISH = new RegExp(`\\b(?:${MONTH_NAMES}|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|yesterday|today|tonight)\\b|\\b\\d{4}-\\d{2}-\\d{2}\\b|\\b\\d{1,2}\\/\\d{1,2}\\/\\d{4}\\b`);
const DAY_MONTH = new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+(${MONTH_NAMES})\\b|\\b(${MONTH_NAMES})\\.?\\s+(\\d{1,2})\\b`);
const FUZZY = /\b(?:end|beginning|start|middle|mid|early|late)\b/i;
const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];

const pad = (n: number): string => String(n).padStart(2, '0');
const iso = (y: number, m: number, d: number): string => `${y}-${pad(m)}-${pad(d)}`;

function parsePublished(published: string | null): Date | null {
  const m = published ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(published) : null;
  return m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : null;
}

// A sentence about plans or forecasts points its weekdays forward ("marches on Tuesday").
const FUTURE = /\b(?:will|would|is\s+due|are\s+due|due\s+to|call(?:s|ed)?\s+for|plan(?:s|ned)?\s+(?:to|for)|scheduled|expected\s+to|set\s+to|next|later|upcoming|ahead\s+of|risk\s+for|forecast\s+for)\b/i;
// "NAIROBI, June 2 –": the dateline says when the report was filed, not what happened.
const DATELINE_AFTER = /^\s*(?:\([^)]{0,60}\)\s*)?[-–—]/;

/** The `weekday` nearest `ref` in the direction the sentence points ("on Saturday" in a Saturday report is that day). */
function weekdayFrom(ref: Date, weekday: number, last: boolean, future: boolean): string {
  let shift = future ? (weekday - ref.getUTCDay() + 7) % 7 : -((ref.getUTCDay() - weekday + 7) % 7);
  if (last && shift === 0) shift = -7;
  const d = new Date(ref.getTime() + shift * 86_400_000);
  return iso(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

function resolve(result: Found, ref: Date | null, future: boolean): string | null {
  const start = result.start;
  // "weekend", "this week": chrono pins them to a day; a timeline wants only days the text names.
  if (FUZZY.test(result.text) || !/\d|day\b|tonight/i.test(result.text)) return null;
  if (start.isCertain('day') && start.isCertain('month')) {
    if (!start.isCertain('year') && !ref) return null;
    return iso(start.get('year')!, start.get('month')!, start.get('day')!);
  }
  // "night of 12 March": chrono leaves the day uncertain, but the text names it.
  const named = DAY_MONTH.exec(result.text);
  if (named && (start.isCertain('year') || ref)) {
    const day = Number(named[1] ?? named[4]);
    const month = monthNumber((named[2] ?? named[3])!);
    if (day >= 1 && day <= 31 && month > 0) return iso(start.get('year')!, month, day);
  }
  if (start.isCertain('weekday') && ref) {
    const name = WEEKDAYS.findIndex((w) => result.text.toLowerCase().includes(w));
    if (name < 0) return null;
    const last = /\blast\b/i.test(result.text);
    return weekdayFrom(ref, name, last, future && !last);
  }
  if (/\byesterday\b/i.test(result.text) && ref) return iso(start.get('year')!, start.get('month')!, start.get('day')!);
  if (/\b(?:today|tonight)\b/i.test(result.text) && ref) return iso(ref.getUTCFullYear(), ref.getUTCMonth() + 1, ref.getUTCDate());
  return null;
}

const CHUNK = 2000;

/** chrono over a run-on "sentence" in pieces cut at spaces, so cost stays linear in its length. */
interface Found { readonly index: number; readonly text: string; readonly start: chrono.ParsedComponents }

function parseInChunks(text: string, instant: Date): Found[] {
  if (text.length <= CHUNK) return chrono.parse(text, instant, { forwardDate: false });
  const out: Found[] = [];
  for (let start = 0; start < text.length;) {
    let end = Math.min(text.length, start + CHUNK);
    const space = text.lastIndexOf(' ', end);
    if (end < text.length && space > start + CHUNK / 2) end = space;
    for (const r of chrono.parse(text.slice(start, end), instant, { forwardDate: false })) {
      out.push({ index: r.index + start, text: r.text, start: r.start });
    }
    start = end;
  }
  return out;
}

/** Dated mentions in one sentence, resolved against `published` (YYYY-MM-DD or null). */
export function datesIn(sentence: Sentence, published: string | null): DateMention[] {
  if (!DATEISH.test(sentence.text)) return [];
  const ref = parsePublished(published);
  // chrono reads the reference in local time; noon keeps the calendar day in any time zone.
  const instant = ref ? new Date(ref.getUTCFullYear(), ref.getUTCMonth(), ref.getUTCDate(), 12) : new Date(2000, 0, 1, 12);
  const out: DateMention[] = [];
  for (const result of parseInChunks(sentence.text, instant)) {
    // Only the words leading up to the date decide its direction, not a "would" elsewhere.
    const future = FUTURE.test(sentence.text.slice(Math.max(0, result.index - 80), result.index + result.text.length));
    const isDateline = result.index < 40 && DATELINE_AFTER.test(sentence.text.slice(result.index + result.text.length));
    const date = isDateline ? null : resolve(result, ref, future);
    if (date) out.push({ date, start: sentence.start + result.index, end: sentence.start + result.index + result.text.length });
  }
  return out;
}
