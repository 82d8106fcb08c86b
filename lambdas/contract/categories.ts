/**
 * The category vocabulary of Extraction JSON: one row a category. Everything else derives from
 * this table: the `Category` type, the schema's enum (schema/validate.ts), the people categories
 * that share a chart scale, the ranking weights, the words a briefing prints and those the review
 * page offers (lambdas/review/vocabulary.ts). The words that make a figure fall into a predicate
 * category are the lexicon's (`PREDICATES[id]` in lambdas/extract/lexicon/en.ts), so adding a
 * category is a row here plus its lexicon words.
 */
export interface CategoryRow {
  readonly id: string;
  /** What a card or table says after the number: "544 killed", "1,200 at risk". */
  readonly label: string;
  /** The review page's words: the category's name in its menu, and what it counts. */
  readonly menu: { readonly name: string; readonly counts: string };
  /** Ranking weight of a key figure: harm to people first. 0–1: never a key figure on its own. */
  readonly weight: number;
  /** Counts people (one bar scale in the chart; unit "people"). */
  readonly people: boolean;
  /**
   * Where the category comes from: `predicate` (what happens to the counted, per the lexicon),
   * `unit` (the number's own unit: money, percent, a measure), `fallback` (nothing decided).
   */
  readonly source: 'predicate' | 'unit' | 'fallback';
}

export const CATEGORIES = [
  { id: 'killed', label: 'killed', menu: { name: 'Killed', counts: 'people dead' }, weight: 10, people: true, source: 'predicate' },
  { id: 'injured', label: 'injured', menu: { name: 'Injured', counts: 'people injured or wounded' }, weight: 9, people: true, source: 'predicate' },
  { id: 'missing', label: 'missing', menu: { name: 'Missing', counts: 'people missing or unaccounted for' }, weight: 8.5, people: true, source: 'predicate' },
  { id: 'displaced', label: 'displaced', menu: { name: 'Displaced', counts: 'people forced from home' }, weight: 8, people: true, source: 'predicate' },
  { id: 'affected', label: 'affected', menu: { name: 'Affected', counts: 'people affected or in need; cases of a disease' }, weight: 7.5, people: true, source: 'predicate' },
  { id: 'at_risk', label: 'at risk', menu: { name: 'At risk', counts: 'people at risk or threatened' }, weight: 7, people: true, source: 'predicate' },
  { id: 'detained', label: 'detained', menu: { name: 'Detained', counts: 'people arrested, detained or abducted' }, weight: 6, people: true, source: 'predicate' },
  { id: 'population', label: 'inhabitants', menu: { name: 'Population', counts: 'inhabitants of a place' }, weight: 1, people: true, source: 'predicate' },
  { id: 'facilities', label: 'damaged or destroyed', menu: { name: 'Facilities', counts: 'buildings, homes, hospitals, schools damaged or destroyed' }, weight: 5, people: false, source: 'predicate' },
  { id: 'money', label: 'money', menu: { name: 'Money', counts: 'an amount in a currency' }, weight: 4.5, people: false, source: 'unit' },
  { id: 'percentage', label: 'per cent', menu: { name: 'Percentage', counts: 'a share, in percent' }, weight: 3, people: false, source: 'unit' },
  { id: 'quantity', label: 'quantity', menu: { name: 'Quantity', counts: 'another measured quantity with a unit' }, weight: 4, people: false, source: 'unit' },
  { id: 'other', label: 'other', menu: { name: 'Other', counts: 'a count that fits none of the above' }, weight: 0, people: false, source: 'fallback' },
] as const satisfies readonly CategoryRow[];

export type Category = (typeof CATEGORIES)[number]['id'];

/** Everything derived from a table of categories: the default table's below, a test's own too. */
export function vocabulary(rows: readonly CategoryRow[]) {
  const byId: ReadonlyMap<string, CategoryRow> = new Map(rows.map((row) => [row.id, row]));
  return {
    /** The ids in table order: the schema's enum. */
    CATEGORY_IDS: rows.map((row) => row.id) as readonly Category[],
    /** Categories that count people. */
    PEOPLE_CATEGORIES: new Set(rows.filter((row) => row.people).map((row) => row.id)) as ReadonlySet<Category>,
    /** Categories a predicate decides, in table order (the order ties are broken in). */
    PREDICATE_CATEGORIES: rows.filter((row) => row.source === 'predicate').map((row) => row.id) as readonly Category[],
    /** Categories by ranking weight, heaviest first: the order a briefing leads with. */
    BY_WEIGHT: [...rows].sort((a, b) => b.weight - a.weight).map((row) => row.id) as readonly Category[],
    categoryRow: (id: string): CategoryRow | undefined => byId.get(id),
    isCategory: (id: string): id is Category => byId.has(id),
    /** Ranking weight; unknown ids weigh nothing. */
    categoryWeight: (id: string): number => byId.get(id)?.weight ?? 0,
    /** The words a briefing prints for a category ("at risk"). */
    categoryLabel: (id: string): string => byId.get(id)?.label ?? id.replace(/_/g, ' '),
  };
}

export const {
  CATEGORY_IDS, PEOPLE_CATEGORIES, PREDICATE_CATEGORIES, BY_WEIGHT, categoryRow, isCategory, categoryWeight, categoryLabel,
} = vocabulary(CATEGORIES);
