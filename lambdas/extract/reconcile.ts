/**
 * Refiners over the raw figures: one quantity stated twice becomes one figure with the most
 * precise value ("more than 2,000" then "2,117"), implausible values go, and the key figures
 * are ranked (harm to people first, then by size).
 */
import type { Category, FigureMention, Qualifier } from './types';

export interface Draft {
  value: number;
  max: number | null;
  text: string;
  qualifier: Qualifier;
  unit: string | null;
  category: Category;
  subject: string;
  label: string;
  place: string | null;
  date: string | null;
  source: string | null;
  sentence: string;
  span: readonly [number, number];
  vague: boolean;
  /** About a past event ("in 2007", "last year"): never a key figure. */
  background: boolean;
  mentions: FigureMention[];
}

const WEIGHT: Record<Category, number> = {
  killed: 10, injured: 9, missing: 8.5, displaced: 8, affected: 7.5, at_risk: 7, detained: 6, facilities: 5,
  money: 4.5, quantity: 4, percentage: 3, population: 1, other: 0,
};
const PEOPLE_CATEGORIES: ReadonlySet<Category> = new Set(['killed', 'injured', 'missing', 'displaced', 'affected', 'at_risk', 'detained', 'population']);
const GENERIC_SUBJECTS: ReadonlySet<string> = new Set(['', 'people', 'persons', 'person', 'civilians', 'individuals', 'others', 'lives', 'civilian lives']);
export const MAX_KEY_FIGURES = 8;

const singular = (word: string): string => word.replace(/(?:ies)$/, 'y').replace(/(?<!s)s$/, '');
const headOf = (subject: string): string => singular(subject.split(' ').pop() ?? '');

function subjectsAgree(a: string, b: string): boolean {
  return GENERIC_SUBJECTS.has(a) || GENERIC_SUBJECTS.has(b) || headOf(a) === headOf(b);
}

/** A round number said loosely ("more than 500"), which a precise count can refine. */
function isRough(d: Draft): boolean {
  if (d.qualifier === 'exact') return false;
  const magnitude = 10 ** Math.max(0, Math.floor(Math.log10(Math.max(1, d.value))) - 1);
  return d.value % magnitude === 0;
}

function refines(rough: Draft, precise: Draft): boolean {
  const r = rough.value;
  const p = precise.value;
  switch (rough.qualifier) {
    case 'at_least': case 'more_than': return p >= r && p <= r * 1.25;
    case 'approximately': return Math.abs(p - r) <= r * 0.1;
    case 'up_to': case 'fewer_than': return p <= r && p >= r * 0.8;
    default: return false;
  }
}

function sameQuantity(a: Draft, b: Draft): boolean {
  if (a.category !== b.category || a.unit !== b.unit || a.vague || b.vague) return false;
  if (a.place && b.place && a.place !== b.place) return false;
  // Values first, subjects last: comparing subjects allocates, and most pairs differ in value.
  let close: boolean;
  if (a.value === b.value && a.max === b.max) close = true;
  else if (a.max !== null || b.max !== null) close = false;
  else if (isRough(a) && !isRough(b)) close = refines(a, b);
  else if (isRough(b) && !isRough(a)) close = refines(b, a);
  else close = false;
  return close && subjectsAgree(a.subject, b.subject);
}

/** Precision first: an exact count beats a bound, a bound beats a round estimate. */
function precision(d: Draft): number {
  return (isRough(d) ? 0 : 2) + (d.qualifier === 'exact' ? 1 : 0);
}

const named = (source: string | null): boolean => source !== null && /^[A-Z]/.test(source);

function absorb(into: Draft, other: Draft): Draft {
  // Equal values: the first mention, with its qualifier as first stated ("At least 544").
  const primary = other.value !== into.value && precision(other) > precision(into) ? other : into;
  const secondary = primary === into ? other : into;
  return {
    ...primary,
    place: primary.place ?? secondary.place,
    date: primary.date ?? secondary.date,
    // A named organisation beats "rights groups": the body usually names who the lead summarised.
    source: named(primary.source) || !named(secondary.source) ? primary.source ?? secondary.source : secondary.source,
    subject: GENERIC_SUBJECTS.has(primary.subject) && !GENERIC_SUBJECTS.has(secondary.subject) ? secondary.subject : primary.subject,
    label: GENERIC_SUBJECTS.has(primary.subject) && !GENERIC_SUBJECTS.has(secondary.subject) ? secondary.label : primary.label,
    // Appended in place: a text stating one number 100 000 times must stay linear.
    mentions: pushAll(primary.mentions, [{ text: secondary.text, span: secondary.span }, ...secondary.mentions]),
  };
}

function pushAll(into: FigureMention[], more: readonly FigureMention[]): FigureMention[] {
  for (const m of more) into.push(m);
  return into;
}

function plausible(d: Draft): boolean {
  if (!Number.isFinite(d.value) || d.value < 0) return false;
  if (PEOPLE_CATEGORIES.has(d.category) && d.value > 9e9) return false;
  if (d.category === 'percentage' && d.value > 1000) return false;
  return true;
}

/** Merges restatements of one quantity, keeping text order of the first mention. */
export function mergeDuplicates(drafts: readonly Draft[]): Draft[] {
  const out: Draft[] = [];
  // Index by category so the scan stays near-linear on long texts.
  const byCategory = new Map<Category, number[]>();
  for (const d of drafts) {
    if (!plausible(d)) continue;
    const candidates = byCategory.get(d.category) ?? [];
    // The last few dozen figures of a category are enough for an article and keep 5 MB linear.
    let match = -1;
    for (let k = Math.max(0, candidates.length - 64); k < candidates.length && match < 0; k++) {
      if (sameQuantity(out[candidates[k]!]!, d)) match = candidates[k]!;
    }
    if (match >= 0) { out[match] = absorb(out[match]!, d); continue; }
    candidates.push(out.length);
    byCategory.set(d.category, candidates);
    out.push(d);
  }
  return out;
}

/** A number the headline states, as far as ranking needs it. */
export interface HeadlineNumber {
  readonly value: number;
  readonly qualifier: Qualifier;
}

/**
 * True when the headline states this figure: the same value, or a rounded lower bound
 * ("more than 500" for 544) within a quarter of it.
 */
function inHeadline(d: Draft, headline: readonly HeadlineNumber[]): boolean {
  return headline.some((h) => h.value === d.value
    || ((h.qualifier === 'more_than' || h.qualifier === 'at_least') && h.value < d.value && d.value <= h.value * 1.25));
}

/**
 * Rank → index into `drafts` for the key figures (1 = lead), at most MAX_KEY_FIGURES. The
 * figures the headline states lead (the newsroom's own choice: "23 dead" before the season's
 * running total of 214), then harm to people before other kinds, then the larger first.
 */
export function rankKeyFigures(drafts: readonly Draft[], headline: readonly HeadlineNumber[] = []): Map<number, number> {
  const eligible = drafts
    .map((d, i) => ({ d, i, lead: inHeadline(d, headline) ? 1 : 0 }))
    .filter(({ d }) => !d.vague && !d.background && WEIGHT[d.category] > 1 && d.value > 0);
  eligible.sort((a, b) => b.lead - a.lead || WEIGHT[b.d.category] - WEIGHT[a.d.category] || b.d.value - a.d.value || a.i - b.i);
  return new Map(eligible.slice(0, MAX_KEY_FIGURES).map(({ i }, rank) => [i, rank + 1]));
}
