/**
 * Which report of a measure is the latest, and where sources disagree. Reports of one date
 * from different sources that cannot all be true dispute the measure. The latest is the last
 * report, except that a rough figure never replaces a precise one it agrees with, and that on
 * a disputed last day the value more sources give is taken and the choice is said out loud.
 */
import { formatDate } from '../briefing/format';
import type { Dispute, Report } from './types';
import { agree, isRough, within, type Claim } from './values';

/** A report with what fusion needs to weigh it. */
export interface Weighed {
  readonly report: Report;
  readonly claim: Claim;
}

/** Who stands behind a report: the outlet and the source it names. */
const voice = (r: Report): string => `${r.outlet.toLowerCase()}|${r.source.toLowerCase().replace(/^the\s+/, '')}`;

const shown = (r: Report): string => `${r.text.trim() || r.value} (${[r.source === r.outlet ? null : r.source, r.outlet, r.published ? formatDate(r.published) : null].filter(Boolean).join(', ')})`;

/** A report of the measure's value as it stood: not an earlier value, not a part of it. */
const counts = (r: Report): boolean => !r.previous && !r.part;

/** Each source's last current report of a date, without the values another report of that day calls earlier. */
function voicesOf(reports: readonly Weighed[], date: string | null): number[] {
  const last = new Map<string, number>();
  reports.forEach((w, i) => {
    if (w.report.published === date && counts(w.report)) last.set(voice(w.report), i);
  });
  const outdated = (i: number): boolean => reports.some((o) =>
    o.report.published === date && o.report.previous && o.report.value === reports[i]!.report.value && o.report.max === reports[i]!.report.max);
  return [...last.values()].filter((i) => !outdated(i)).sort((a, b) => a - b);
}

/** Every date whose sources' reports do not all agree. */
export function disputesOf(reports: readonly Weighed[]): Dispute[] {
  const dates = [...new Set(reports.map((w) => w.report.published))];
  const disputes: Dispute[] = [];
  for (const date of dates) {
    const voices = voicesOf(reports, date);
    const conflict = voices.some((i, n) => voices.slice(n + 1).some((j) => !agree(reports[i]!.claim, reports[j]!.claim)));
    if (conflict) disputes.push({ date, reports: voices });
  }
  return disputes;
}

export interface Choice {
  readonly index: number;
  readonly note: string | null;
}

/** The latest report of a measure whose reports are in time order. */
export function chooseLatest(reports: readonly Weighed[], disputes: readonly Dispute[]): Choice {
  const current = reports.map((_, i) => i).filter((i) => counts(reports[i]!.report));
  if (current.length === 0) return { index: reports.length - 1, note: 'given only as an earlier value' };
  const last = current.at(-1)!;
  const lastDay = disputes.find((d) => d.date === reports[last]!.report.published);
  if (lastDay) {
    // The value more reports of the day give (then the later one); the others are named beside it.
    const day = current.filter((j) => reports[j]!.report.published === lastDay.date);
    const support = (i: number): number => new Set(day.filter((j) => agree(reports[i]!.claim, reports[j]!.claim)).map((j) => reports[j]!.report.article)).size;
    const chosen = [...lastDay.reports].sort((a, b) => support(b) - support(a) || b - a)[0]!;
    const others = lastDay.reports.filter((j) => !agree(reports[chosen]!.claim, reports[j]!.claim)).map((j) => shown(reports[j]!.report));
    return { index: chosen, note: `disputed: ${others.join('; ')} the same day` };
  }
  if (!isRough(reports[last]!.claim)) return { index: last, note: null };
  const precise = current.filter((i) => !isRough(reports[i]!.claim));
  const kept = precise.at(-1);
  if (kept === undefined) return { index: last, note: null };
  const later = current.filter((i) => i > kept);
  if (later.every((i) => within(reports[kept]!.claim, reports[i]!.claim))) {
    return { index: kept, note: `later reports give only rough figures that agree with it: ${later.map((i) => shown(reports[i]!.report)).join('; ')}` };
  }
  return { index: last, note: `a rough figure; the last precise count was ${shown(reports[kept]!.report)}` };
}
