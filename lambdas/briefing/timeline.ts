/**
 * The timeline and the header's date line as a reader wants them: full dates in order, then
 * dates the article gives only in part, each saying what is missing ("26 April (year not
 * stated)", "Friday (date not stated)"). A sentence holding two dates is one row.
 */
import type { Extraction, PartialTimelineEntry } from '../extract/types';
import { dateOrder } from '../core/dates';
import { formatDate } from './format';

const partialDate = (p: PartialTimelineEntry): string =>
  p.monthDay ? formatDate(p.monthDay) : `${p.weekday ?? 'Day'} (date not stated)`;

/** "23 May 2024", "23 and 26 May 2024", "30 April and 2 May 2024": the dates of one sentence. */
function joinDates(dates: readonly string[]): string {
  if (dates.length === 1) return formatDate(dates[0]!);
  const [first, ...rest] = dates.map((d) => formatDate(d).split(' '));
  const sameMonth = rest.every((d) => d[1] === first![1] && d[2] === first![2]);
  if (sameMonth) return `${[first!, ...rest].map((d) => d[0]).join(', ').replace(/, ([^,]*)$/, ' and $1')} ${first![1]} ${first![2]}`;
  return dates.map(formatDate).join(', ').replace(/, ([^,]*)$/, ' and $1');
}

export interface TimelineRow { readonly date: string; readonly text: string }

/** Full dates in date order (one row per sentence), then the partly dated events in the order extraction gives. */
export function timelineRows(x: Extraction): TimelineRow[] {
  const bySentence = new Map<string, { dates: string[]; at: number }>();
  for (const t of x.timeline) {
    const row = bySentence.get(t.text);
    if (row) row.dates.push(t.date);
    else bySentence.set(t.text, { dates: [t.date], at: t.span[0] });
  }
  const full = [...bySentence.entries()]
    .map(([text, row]) => ({ dates: [...new Set(row.dates)].sort(), at: row.at, text }))
    .sort((p, q) => dateOrder(p.dates[0]!, q.dates[0]!) || p.at - q.at)
    .map((row) => ({ date: joinDates(row.dates), text: row.text }));
  const partial = (x.partialTimeline ?? []).filter((p) => !bySentence.has(p.text)).map((p) => ({ date: partialDate(p), text: p.text }));
  return [...full, ...partial];
}

/**
 * The header's date line. "As of" the published date or the dateline's; for an undated report,
 * the latest date its text gives; "Date not stated" only when nothing in the text dates it.
 */
export function datedLine(x: Extraction): string {
  const { published, dateline } = x.article;
  if (published) return `As of ${formatDate(published)}`;
  if (dateline) return `As of ${formatDate(dateline)}`;
  const latest = x.timeline.map((t) => t.date).sort().at(-1)
    ?? (x.partialTimeline ?? []).flatMap((p) => (p.monthDay ? [p.monthDay] : [])).sort().at(-1);
  return latest ? `Undated report · latest date in the text: ${formatDate(latest)}` : 'Date not stated';
}
