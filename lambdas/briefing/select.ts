/** Which figures lead the briefing (cards) and which are drawn as bars. */
import type { Category, Figure } from '../extract/types';
import { BY_WEIGHT, PEOPLE_CATEGORIES } from '../contract/categories';

const MAX_CARDS = 8;
const MIN_CARDS = 4;
const MAX_BARS = 6;

/** Categories whose figures count people, so their values can share one bar scale (population is context, not harm). */
export const PEOPLE: ReadonlySet<Category> = new Set([...PEOPLE_CATEGORIES].filter((c) => c !== 'population'));

/** The order a sitrep leads with when the extractor ranked nothing: the categories' weights. */
const PRIORITY: readonly Category[] = BY_WEIGHT;

const byPosition = (a: Figure, b: Figure): number => a.span[0] - b.span[0];
const rankOf = (f: Figure): number => (typeof f.rank === 'number' ? f.rank : Number.MAX_SAFE_INTEGER);

/** Key figures by rank (then position); topped up to four with the next most telling figures. */
export function pickCards(figures: readonly Figure[]): Figure[] {
  const key = figures.filter((f) => f.key).sort((a, b) => rankOf(a) - rankOf(b) || byPosition(a, b));
  if (key.length >= MIN_CARDS) return key.slice(0, MAX_CARDS);
  const rest = figures
    .filter((f) => !f.key && !f.vague)
    .sort((a, b) => PRIORITY.indexOf(a.category) - PRIORITY.indexOf(b.category) || byPosition(a, b));
  return [...key, ...rest].slice(0, MIN_CARDS);
}

/**
 * The figures the table lists: all of them, or the `limit` strongest (key figures by rank, then
 * the rest by category as a sitrep orders them, vague counts last), back in article order.
 * An article of 100,000 numbers must still make a briefing of a few pages.
 */
export function pickTableFigures<F extends Figure>(figures: readonly F[], limit: number): F[] {
  if (figures.length <= limit) return [...figures];
  return strongestFirst(figures).slice(0, limit).sort(byPosition);
}

/** The figures strongest first, as the table keeps them: a table of `n` lists the first `n`. */
export function strongestFirst<F extends Figure>(figures: readonly F[]): F[] {
  const strength = (f: Figure): number => (f.key ? 0 : f.vague ? 2 : 1);
  return [...figures].sort((a, b) => strength(a) - strength(b) || rankOf(a) - rankOf(b) || PRIORITY.indexOf(a.category) - PRIORITY.indexOf(b.category) || byPosition(a, b));
}

/**
 * Key counts of people (one bar per distinct count), largest first; fewer than two → no chart.
 * Only key figures: a count from the background ("Cyclone Idai killed more than 600 in 2019")
 * drawn beside today's toll would misstate the scale of this crisis.
 */
export function pickBars(figures: readonly Figure[]): Figure[] {
  const seen = new Set<string>();
  const bars = figures
    .filter((f) => f.key && PEOPLE.has(f.category) && !f.vague && (f.unit === null || f.unit === 'people') && f.value > 0)
    .filter((f) => {
      const k = `${f.category}:${f.value}`;
      if (seen.has(k)) return false;
      seen.add(k);
      return true;
    })
    .sort((a, b) => b.value - a.value || byPosition(a, b))
    .slice(0, MAX_BARS);
  return bars.length >= 2 ? bars : [];
}
