/**
 * Which figures are one measure: the same category, a compatible subject and the same place
 * scope. "Killed" for the whole event, "killed in Iran" and "killed in Iraq" are three
 * measures; "civilians killed" and "people killed" are one, "children killed" another.
 *
 * An extracted place is a hint, not a scope. A place is a scope only when it is a part of the
 * event: the cluster counts the same thing somewhere else too, or an article gives a different
 * count of it without that place. Any other place is where the whole event happened. Three
 * checks keep a misplaced place from splitting a measure: a count equal to the sum of its
 * article's counts for other places is the whole event's (and so are the counts its sentence
 * placed the same way); of one well-known place and local ones, the well-known one is the
 * event's own; and a local place that only one article uses snaps to the part its sentence
 * names ("In Iraq, … 38 killed, nearly all of them in Halabja").
 */
import { PEOPLE_CATEGORIES } from '../contract/categories';
import type { Figure } from '../extract/types';
import { COUNTRIES } from '../extract/gazetteer';
import type { Placed } from './order';


/** Words that name people in general: a subject made only of them is "people". */
const GENERIC_WORDS: ReadonlySet<string> = new Set([
  'people', 'persons', 'person', 'civilians', 'civilian', 'individuals', 'residents', 'inhabitants', 'lives', 'life',
  'victims', 'others', 'other', 'bodies', 'deaths', 'dead', 'fatalities', 'casualties', 'total', 'toll', 'more', 'another',
]);

/** Modifiers that make a different quantity of the same thing: confirmed and suspected cases differ. */
const DISTINGUISHING: ReadonlySet<string> = new Set(['confirmed', 'suspected', 'probable', 'severe', 'critical', 'serious', 'seriously', 'critically']);

const IRREGULAR_PLURALS: Readonly<Record<string, string>> = { children: 'child', women: 'woman', men: 'man', people: 'person', lives: 'life', feet: 'foot' };

const singular = (word: string): string =>
  IRREGULAR_PLURALS[word] ?? word.replace(/ies$/, 'y').replace(/(?:ches|shes|sses|xes)$/, (m) => m.slice(0, -2)).replace(/(?<![su])s$/, '');

const words = (text: string): string[] => text.toLowerCase().normalize('NFC').split(/[^\p{L}\p{N}-]+/u).filter((w) => w !== '');

/** What a subject counts: '' for people in general ("civilians"), else its head noun in the singular ("child", "case"). */
export function subjectHead(subject: string): string {
  const tokens = words(subject);
  return tokens.every((w) => GENERIC_WORDS.has(w)) ? '' : singular(tokens.at(-1)!);
}

/** The distinguishing modifiers of a subject ("suspected"), sorted, as one key. */
export const subjectMarks = (subject: string): string =>
  [...new Set(words(subject).slice(0, -1).filter((w) => DISTINGUISHING.has(w)))].sort().join(' ');

const PLACE_ALIASES: Readonly<Record<string, string>> = { türkiye: 'Turkey', turkiye: 'Turkey', 'gaza strip': 'Gaza' };

/** A place as a scope's name: trimmed, "the" dropped, known aliases folded. */
export function normalPlace(place: string | null): string | null {
  const trimmed = (place ?? '').normalize('NFC').replace(/\s+/g, ' ').trim().replace(/^the\s+/i, '');
  if (trimmed === '') return null;
  return PLACE_ALIASES[trimmed.toLowerCase()] ?? trimmed;
}

export const unitKey = (f: Pick<Figure, 'category' | 'unit'>): string => (PEOPLE_CATEGORIES.has(f.category) ? 'people' : f.unit ?? '');

/** Figures that count the same kind of thing (before scope): category, unit and subject head. */
const classOf = (f: Figure): string => `${f.category}|${unitKey(f)}|${subjectHead(f.subject)}`;

type Figured = Pick<Placed, 'figure' | 'article'>;

/** Counts that are an article's current ones, not an earlier value it gives. */
function current(figures: readonly Figured[]): Figured[] {
  const replaced = new Set(figures.map((p) => `${p.article}|${p.figure.previousId}`));
  return figures.filter((p) => p.figure.previous !== true && !replaced.has(`${p.article}|${p.figure.id}`));
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

/** A total is this close to the sum of its parts. */
const SUM_TOLERANCE = 0.1;

/**
 * Counts placed somewhere but equal to the sum of their article's counts of the same thing
 * elsewhere: the whole event's. The other counts of the same sentence that the extraction
 * placed the same way are the whole event's too.
 */
function totals(figures: readonly Figured[]): Set<Figure> {
  const whole = new Set<Figure>();
  const byArticle = groupBy(figures, (p) => String(p.article));
  for (const group of groupBy(current(figures), (p) => `${p.article}|${classOf(p.figure)}`).values()) {
    const largest = group.reduce((a, b) => (b.figure.value > a.figure.value ? b : a));
    const place = normalPlace(largest.figure.place);
    const others = group.filter((p) => p !== largest);
    if (place === null || others.length < 2) continue;
    const byPlace = groupBy(others, (p) => normalPlace(p.figure.place) ?? '');
    const sum = [...byPlace.values()].reduce((s, g) => s + g.reduce((max, p) => Math.max(max, p.figure.value), 0), 0);
    if (byPlace.size < 2) continue;
    if (Math.abs(largest.figure.value - sum) > SUM_TOLERANCE * Math.max(largest.figure.value, sum)) continue;
    whole.add(largest.figure);
    // Other kinds of count in the same sentence, placed the same way, went wrong the same way.
    for (const p of byArticle.get(String(largest.article))!) {
      const alike = p.figure.sentence === largest.figure.sentence && normalPlace(p.figure.place) === place;
      if (alike && classOf(p.figure) !== classOf(largest.figure)) whole.add(p.figure);
    }
  }
  return whole;
}

const key = (place: string): string => place.toLowerCase();

/** Places that are a part of the event, by key, for the places each figure names (after `totals`). */
function partsOf(classes: Iterable<Figured[]>, placeOf: (f: Figure) => string | null): Set<string> {
  const parts = new Set<string>();
  for (const group of classes) {
    const places = [...new Set(group.map((p) => placeOf(p.figure)).filter((p): p is string => p !== null))];
    const known = places.filter((p) => COUNTRIES.has(p));
    // Of one well-known place and local ones, the well-known one is where the event is.
    const home = known.length === 1 && places.length > 1 ? known[0]! : null;
    const candidates = places.filter((p) => p !== home);
    if (candidates.length > 1) for (const p of candidates) parts.add(key(p));
    // A count placed somewhere beside a different count of its article placed elsewhere (or nowhere).
    for (const inArticle of groupBy(group, (p) => String(p.article)).values()) {
      for (const p of inArticle) {
        const place = placeOf(p.figure);
        if (place === null || place === home || parts.has(key(place))) continue;
        if (inArticle.some((q) => q.figure.value !== p.figure.value && placeOf(q.figure)?.toLowerCase() !== key(place))) parts.add(key(place));
      }
    }
  }
  return parts;
}

/** The scope of every figure: a place that is a part of the event, or null for the whole event. */
export function scopes(figures: readonly Figured[]): Map<Figure, string | null> {
  const whole = totals(figures);
  const placed = new Map(figures.map((p) => [p.figure, whole.has(p.figure) ? null : normalPlace(p.figure.place)]));
  const placeOf = (f: Figure): string | null => placed.get(f) ?? null;
  const parts = partsOf(groupBy(current(figures), (p) => classOf(p.figure)).values(), placeOf);
  // Parts that several articles use are established; a part only one article uses snaps to an established one its sentence names.
  const usedBy = new Map<string, Set<number>>();
  const spelling = new Map<string, string>();
  for (const p of figures) {
    const place = placeOf(p.figure);
    if (place === null || !parts.has(key(place))) continue;
    const k = `${classOf(p.figure)}|${key(place)}`;
    usedBy.set(k, (usedBy.get(k) ?? new Set()).add(p.article));
    if (!spelling.has(key(place))) spelling.set(key(place), place);
  }
  const established = (f: Figure, place: string): boolean => (usedBy.get(`${classOf(f)}|${key(place)}`)?.size ?? 0) > 1;
  const names = (sentence: string, place: string): boolean => new RegExp(`\\b${place.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\b`).test(sentence);
  const scoped = new Map<Figure, string | null>();
  for (const p of figures) {
    const place = placeOf(p.figure);
    if (place === null || !parts.has(key(place))) {
      scoped.set(p.figure, null);
      continue;
    }
    const named = established(p.figure, place) ? [] : [...spelling.values()].filter((q) => established(p.figure, q) && names(p.figure.sentence, q));
    scoped.set(p.figure, named.length === 1 ? named[0]! : place);
  }
  return scoped;
}

/**
 * The key of the measure a figure belongs to within its scope. Counts of people share one key
 * per category and subject head; other quantities (money, shares, measurements) also need the
 * same unit, and one without a subject stays on its own.
 */
export function measureKey(p: Figured, scope: string | null): string {
  const f = p.figure;
  const head = subjectHead(f.subject);
  const alone = !PEOPLE_CATEGORIES.has(f.category) && head === '' ? `|${p.article}|${f.id}` : '';
  return `${classOf(f)}|${(scope ?? '').toLowerCase()}${alone}`;
}
