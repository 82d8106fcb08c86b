/**
 * Reports of one measure in time order: the article's date (undated first), then the order
 * within the article. Within one article an earlier value ("up from 500", "revised down from
 * 60") comes first and the article's own current count — its lead figure for the measure —
 * last; other counts of the measure keep the order they are written in. Articles of the same
 * date go in the order the reports themselves imply: the earlier values they give first, then
 * one whose count another gives as an earlier value, a rough count before a precise one, then
 * the article order.
 */
import type { Figure } from '../extract/types';
import { isRough } from './values';

/** A figure of one measure with where it stands. */
export interface Placed {
  readonly figure: Figure;
  /** Index of its article in the event's article order. */
  readonly article: number;
  readonly date: string | null;
}

const position = (f: Figure): number => f.span[0];
const rankOf = (f: Figure): number => (f.key ? (typeof f.rank === 'number' ? f.rank : 1000) : 2000);

/** The count an article leads with for a measure: its best-ranked, most precise, largest current figure. */
function lead(figures: readonly Figure[]): Figure {
  return [...figures].sort((a, b) =>
    rankOf(a) - rankOf(b)
    || Number(a.vague === true) - Number(b.vague === true)
    || Number(isRough(a)) - Number(isRough(b))
    || b.value - a.value
    || position(b) - position(a))[0]!;
}

/**
 * A report in its place: `earlier` when its own article gives it as a value since replaced,
 * `part` when it is far below the article's own count of the measure.
 */
export interface Ordered extends Placed {
  readonly earlier: boolean;
  readonly part: boolean;
}

/** A count below this share of its article's own count of a measure is a part of it, not a report of it. */
const PART_SHARE = 0.2;

/** One article's reports of a measure, earliest first. */
export function withinArticle(placed: readonly Placed[]): Ordered[] {
  // "up from 500": the extraction flags 500 as previous, or points the new count at it.
  const replaced = new Set(placed.map((p) => p.figure.previousId).filter((id): id is string => id !== undefined));
  const isEarlier = (p: Placed): boolean => p.figure.previous === true || replaced.has(p.figure.id);
  const byPosition = (a: Placed, b: Placed): number => position(a.figure) - position(b.figure);
  const earlier = placed.filter(isEarlier).sort(byPosition).map((p) => ({ ...p, earlier: true, part: false }));
  const current = placed.filter((p) => !isEarlier(p));
  if (current.length === 0) return earlier;
  const main = lead(current.map((p) => p.figure));
  const others = current.filter((p) => p.figure !== main).sort(byPosition)
    .map((p) => ({ ...p, earlier: false, part: p.figure.value < main.value * PART_SHARE }));
  const last = { ...current.find((p) => p.figure === main)!, earlier: false, part: false };
  return [...earlier, ...others, last];
}

const sameValue = (a: Figure, b: Figure): boolean => a.value === b.value && a.max === b.max;

/** All reports of a measure in time order. */
export function inTimeOrder(placed: readonly Placed[]): Ordered[] {
  const byArticle = new Map<number, Placed[]>();
  for (const p of placed) byArticle.set(p.article, [...(byArticle.get(p.article) ?? []), p]);
  const groups = [...byArticle.values()].map((group) => {
    const reports = withinArticle(group);
    return { article: group[0]!.article, date: group[0]!.date, reports, main: reports.at(-1)!.figure };
  });
  // A count another article of the same day gives as an earlier value is older than that article's.
  const superseded = (g: (typeof groups)[number]): boolean =>
    groups.some((o) => o !== g && o.date === g.date && o.reports.some((p) => p.earlier && sameValue(p.figure, g.main)));
  groups.sort((a, b) =>
    (a.date ?? '').localeCompare(b.date ?? '')
    || Number(!superseded(a)) - Number(!superseded(b))
    || Number(!isRough(a.main)) - Number(!isRough(b.main))
    || a.article - b.article);
  // The earlier values a day's articles give are older than any current count of that day.
  const ordered = groups.flatMap((g) => g.reports);
  const day = new Map<string | null, number>();
  ordered.forEach((r, i) => { if (!day.has(r.date)) day.set(r.date, i); });
  return ordered.map((r, i) => ({ r, i }))
    .sort((x, y) => day.get(x.r.date)! - day.get(y.r.date)! || Number(!x.r.earlier) - Number(!y.r.earlier) || x.i - y.i)
    .map(({ r }) => r);
}
