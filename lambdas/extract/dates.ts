/**
 * Dates with chrono-node, anchored at the published date: "April 26" → 2019-04-26, "On Friday"
 * → the Friday before (news reports the past), "last month" is too vague for a timeline.
 */
import * as chrono from 'chrono-node';
import type { Sentence } from './sentences';

export interface DateMention {
  readonly date: string;
  /** Offset in the article text. */
  readonly start: number;
  readonly end: number;
}

// Only sentences with a month, a weekday or a relative day go through chrono (it is the slow part).
const DATEISH = /\b(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|yesterday|today|tonight)\b|\b\d{4}-\d{2}-\d{2}\b|\b\d{1,2}\/\d{1,2}\/\d{4}\b/;
const FUZZY = /\b(?:end|beginning|start|middle|mid|early|late)\b/i;
const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];

const pad = (n: number): string => String(n).padStart(2, '0');
const iso = (y: number, m: number, d: number): string => `${y}-${pad(m)}-${pad(d)}`;

function parsePublished(published: string | null): Date | null {
  const m = published ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(published) : null;
  return m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : null;
}

/** The most recent `weekday` on or before `ref` ("on Saturday" in a Saturday report is that day). */
function weekdayOnOrBefore(ref: Date, weekday: number, last: boolean): string {
  let back = (ref.getUTCDay() - weekday + 7) % 7;
  if (last && back === 0) back = 7;
  const d = new Date(ref.getTime() - back * 86_400_000);
  return iso(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

function resolve(result: chrono.ParsedResult, ref: Date | null): string | null {
  const start = result.start;
  if (FUZZY.test(result.text)) return null;
  if (start.isCertain('day') && start.isCertain('month')) {
    if (!start.isCertain('year') && !ref) return null;
    return iso(start.get('year')!, start.get('month')!, start.get('day')!);
  }
  if (start.isCertain('weekday') && ref) {
    const name = WEEKDAYS.findIndex((w) => result.text.toLowerCase().includes(w));
    if (name < 0) return null;
    return weekdayOnOrBefore(ref, name, /\blast\b/i.test(result.text));
  }
  if (/\byesterday\b/i.test(result.text) && ref) return iso(start.get('year')!, start.get('month')!, start.get('day')!);
  if (/\b(?:today|tonight)\b/i.test(result.text) && ref) return iso(ref.getUTCFullYear(), ref.getUTCMonth() + 1, ref.getUTCDate());
  return null;
}

/** Dated mentions in one sentence, resolved against `published` (YYYY-MM-DD or null). */
export function datesIn(sentence: Sentence, published: string | null): DateMention[] {
  if (!DATEISH.test(sentence.text)) return [];
  const ref = parsePublished(published);
  // chrono reads the reference in local time; noon keeps the calendar day in any time zone.
  const instant = ref ? new Date(ref.getUTCFullYear(), ref.getUTCMonth(), ref.getUTCDate(), 12) : new Date(2000, 0, 1, 12);
  const out: DateMention[] = [];
  for (const result of chrono.parse(sentence.text, instant, { forwardDate: false })) {
    const date = resolve(result, ref);
    if (date) out.push({ date, start: sentence.start + result.index, end: sentence.start + result.index + result.text.length });
  }
  return out;
}
