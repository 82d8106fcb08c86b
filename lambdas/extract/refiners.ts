/**
 * Refiners over the raw figures, in priority order: drop what cannot be a count, link an
 * earlier value to the count that replaced it, merge restatements of one quantity, keep the
 * article to a bounded number of figures, and rank the key figures. Each refiner is a named
 * step (REFINERS) so a reader finds the one that dropped or merged a figure.
 */
import type { FigureMention, Qualifier } from './types';
import { PEOPLE_CATEGORIES, categoryWeight, type Category } from '../contract/categories';
import type { UnitKind } from './numbers';

export interface Draft {
  value: number;
  max: number | null;
  text: string;
  qualifier: Qualifier;
  unit: string | null;
  unitKind: UnitKind;
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
  sentenceIndex: number;
  /** The rule that decided the category. */
  rule: string;
  /** Implied by the text, not written as one number (a single victim, a sum). */
  derived: boolean;
  /** An earlier value of a count that changed ("up from 276"). */
  earlier: boolean;
  /** A part of a larger count ("including 11 children", "six of them"). */
  subset: boolean;
  /** Counted in addition to a figure before it ("12 others", "two other civilians", "another"). */
  additional: boolean;
  /** The earlier value this count replaced. */
  previousOf: Draft | null;
  /** The figures a derived sum adds up. */
  parts: Draft[];
}

/** A figure the headline states, as far as ranking needs it. */
export interface HeadlineNumber {
  readonly value: number;
  readonly qualifier: Qualifier;
  readonly category: Category;
}

export const MAX_KEY_FIGURES = 8;
const GENERIC_SHARE: ReadonlySet<string> = new Set(['share', 'amount', 'count', '']);
const GENERIC_SUBJECTS: ReadonlySet<string> = new Set(['', 'people', 'persons', 'person', 'civilians', 'individuals', 'others', 'lives', 'civilian lives']);

const singularOf = (word: string): string => word.replace(/(?:ies)$/, 'y').replace(/(?<!s)s$/, '');
const headOf = (subject: string): string => singularOf(subject.split(' ').pop() ?? '');

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
  if (a.category !== b.category || a.unit !== b.unit || a.vague || b.vague || a.earlier !== b.earlier) return false;
  if (a.previousOf === b || b.previousOf === a || a.parts.includes(b) || b.parts.includes(a)) return false;
  if (a.place && b.place && a.place !== b.place) return false;
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
  return (isRough(d) ? 0 : 2) + (d.qualifier === 'exact' ? 1 : 0) + (d.derived ? -4 : 0);
}

const named = (source: string | null): boolean => source !== null && /^[A-Z]/.test(source);

function absorb(into: Draft, other: Draft): Draft {
  const primary = other.value !== into.value && precision(other) > precision(into) ? other : into;
  const secondary = primary === into ? other : into;
  const generic = GENERIC_SUBJECTS.has(primary.subject) && !GENERIC_SUBJECTS.has(secondary.subject);
  // Mutated in place: sums and updates hold references to the merged figure.
  Object.assign(into, {
    ...primary,
    place: primary.place ?? secondary.place,
    date: primary.date ?? secondary.date,
    // A named organisation beats "rights groups": the body usually names who the lead summarised.
    source: named(primary.source) || !named(secondary.source) ? primary.source ?? secondary.source : secondary.source,
    subject: generic ? secondary.subject : primary.subject,
    label: generic ? secondary.label : primary.label,
    derived: primary.derived && secondary.derived,
    mentions: pushAll(primary.mentions === into.mentions ? into.mentions : [...primary.mentions], [{ text: secondary.text, span: secondary.span }, ...secondary.mentions]),
  });
  return into;
}

function pushAll(into: FigureMention[], more: readonly FigureMention[]): FigureMention[] {
  for (const m of more) into.push(m);
  return into;
}

export interface Refined {
  readonly drafts: Draft[];
  /** Index into `drafts` → rank (1 = lead) of the key figures. */
  readonly ranks: Map<number, number>;
  /** How many figures the cap left out. */
  readonly dropped: number;
}

interface Refiner {
  readonly name: string;
  readonly doc: string;
  readonly run: (drafts: Draft[], max: number) => { drafts: Draft[]; dropped?: number };
}

function plausible(d: Draft): boolean {
  // Only a measure goes below zero ("minus 4 degrees Celsius"); a negative count is a misreading.
  if (!Number.isFinite(d.value) || (d.value < 0 && d.unitKind !== 'measure')) return false;
  if (PEOPLE_CATEGORIES.has(d.category) && d.value > 9e9) return false;
  if (d.category === 'percentage' && d.value > 1000) return false;
  return true;
}

/** "rose to 308, up from 276", "revised down from 113 to 97": the earlier value belongs to the later count. */
function linkUpdates(drafts: Draft[]): void {
  for (let i = 0; i < drafts.length; i++) {
    const earlier = drafts[i]!;
    if (!earlier.earlier) continue;
    // The count it was replaced by: the nearest figure of the same sentence that is not itself earlier.
    let later: Draft | null = null;
    for (let d = 1; d < 4 && !later; d++) {
      for (const j of [i - d, i + d]) {
        const c = drafts[j];
        if (c && !c.earlier && c.sentenceIndex === earlier.sentenceIndex && c.unitKind === earlier.unitKind && !c.derived) { later = c; break; }
      }
    }
    if (!later) continue;
    later.previousOf = earlier;
    // "grew 2.9% …, down from 3.5% a year earlier": the earlier share is of the same thing.
    if (earlier.category === later.category && GENERIC_SHARE.has(earlier.subject)) {
      earlier.subject = later.subject;
      earlier.label = `${later.label} (earlier)`;
    }
    if (earlier.category === 'other' || earlier.rule === 'no-predicate' || earlier.rule === 'nearest-predicate') {
      earlier.category = later.category;
      earlier.subject = later.subject;
      earlier.label = `${later.label} (earlier)`;
      earlier.unit = later.unit;
      earlier.rule = 'earlier-value';
    }
  }
}

function mergeDuplicates(drafts: readonly Draft[]): Draft[] {
  const out: Draft[] = [];
  const byCategory = new Map<Category, number[]>();
  for (const d of drafts) {
    const candidates = byCategory.get(d.category) ?? [];
    // The last few dozen figures of a category are enough for an article and keep 5 MB linear.
    let match = -1;
    for (let k = Math.max(0, candidates.length - 64); k < candidates.length && match < 0; k++) {
      if (sameQuantity(out[candidates[k]!]!, d)) match = candidates[k]!;
    }
    if (match >= 0) { absorb(out[match]!, d); continue; }
    candidates.push(out.length);
    byCategory.set(d.category, candidates);
    out.push(d);
  }
  return out;
}

/** The refiners, in the order they run. */
export const REFINERS: readonly Refiner[] = [
  { name: 'drop-implausible', doc: 'Negative, infinite or impossible values (10 billion people, 5,000%) are misreadings.', run: (d) => ({ drafts: d.filter(plausible) }) },
  { name: 'link-updates', doc: 'An earlier value ("up from 276") points to the count that replaced it and shares its category.', run: (d) => { linkUpdates(d); return { drafts: d }; } },
  { name: 'merge-restatements', doc: 'One quantity stated twice ("more than 2,000" then "2,117") becomes one figure with the most precise value.', run: (d) => ({ drafts: mergeDuplicates(d) }) },
  {
    name: 'cap-figures',
    doc: 'A text of 100,000 numbers is a table, not a story: the figures past the cap are left out, "other" counts first.',
    run: (d, max) => {
      if (d.length <= max) return { drafts: d };
      const telling = d.filter((x) => x.category !== 'other');
      const keep = new Set((telling.length >= max ? telling.slice(0, max) : [...telling, ...d.filter((x) => x.category === 'other').slice(0, max - telling.length)]));
      return { drafts: d.filter((x) => keep.has(x)), dropped: d.length - keep.size };
    },
  },
];

/**
 * True when the headline states this figure: the same value, or a rounded lower bound
 * ("more than 500" for 544) within a quarter of it.
 */
function inHeadline(d: Draft, headline: readonly HeadlineNumber[]): boolean {
  if (d.derived && d.parts.some((p) => inHeadline(p, headline))) return true;
  // "a judge" in a headline is no number the newsroom chose to lead with.
  if (d.derived && d.parts.length === 0) return false;
  return headline.some((h) => h.category === d.category && h.category !== 'other' && (h.value === d.value
    || ((h.qualifier === 'more_than' || h.qualifier === 'at_least') && h.value < d.value && d.value <= h.value * 1.25)));
}

/**
 * Rank → index into `drafts` for the key figures (1 = lead), at most MAX_KEY_FIGURES. The
 * figures the headline states lead (the newsroom's own choice), then harm to people before
 * other kinds, totals before their parts, then the larger first.
 */
export function rankKeyFigures(drafts: readonly Draft[], headline: readonly HeadlineNumber[] = []): Map<number, number> {
  const eligible = drafts
    .map((d, i) => ({ d, i, lead: inHeadline(d, headline) ? 1 : 0 }))
    .filter(({ d }) => !d.vague && !d.background && !d.earlier && categoryWeight(d.category) > 1 && d.value > 0);
  eligible.sort((a, b) => b.lead - a.lead || categoryWeight(b.d.category) - categoryWeight(a.d.category)
    || Number(a.d.subset) - Number(b.d.subset) || b.d.value - a.d.value || a.i - b.i);
  return new Map(eligible.slice(0, MAX_KEY_FIGURES).map(({ i }, rank) => [i, rank + 1]));
}

/** Runs every refiner, then ranks. */
export function refine(raw: Draft[], headline: readonly HeadlineNumber[], max: number): Refined {
  let drafts = raw;
  let dropped = 0;
  for (const r of REFINERS) {
    const out = r.run(drafts, max);
    drafts = out.drafts;
    dropped += out.dropped ?? 0;
  }
  return { drafts, ranks: rankKeyFigures(drafts, headline), dropped };
}
