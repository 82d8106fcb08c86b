/**
 * What a person may change about a figure, as data: the words the page shows for each category,
 * and the editable fields. The categories themselves are the contract's table
 * (lambdas/contract/categories.ts): the words are keyed by its ids, so a category added there
 * fails to compile here until the page has words for it, and the page offers nothing the
 * renderer or `briefing render` would refuse.
 */
import { CATEGORY_IDS, type Category, isCategory as isCategoryId } from '../contract/categories';

/** A category id, from anything a request may hold. */
export const isCategory = (value: unknown): value is Category => typeof value === 'string' && isCategoryId(value);

export interface CategoryInfo {
  readonly id: Category;
  /** What the page's menu says. */
  readonly label: string;
  /** What it counts, for the menu's description. */
  readonly counts: string;
}

const WORDS: Readonly<Record<Category, Omit<CategoryInfo, 'id'>>> = {
  killed: { label: 'Killed', counts: 'people dead' },
  injured: { label: 'Injured', counts: 'people injured or wounded' },
  missing: { label: 'Missing', counts: 'people missing or unaccounted for' },
  displaced: { label: 'Displaced', counts: 'people forced from home' },
  affected: { label: 'Affected', counts: 'people affected or in need; cases of a disease' },
  at_risk: { label: 'At risk', counts: 'people at risk or threatened' },
  detained: { label: 'Detained', counts: 'people arrested, detained or abducted' },
  population: { label: 'Population', counts: 'inhabitants of a place' },
  facilities: { label: 'Facilities', counts: 'buildings, homes, hospitals, schools damaged or destroyed' },
  money: { label: 'Money', counts: 'an amount in a currency' },
  percentage: { label: 'Percentage', counts: 'a share, in percent' },
  quantity: { label: 'Quantity', counts: 'another measured quantity with a unit' },
  other: { label: 'Other', counts: 'a count that fits none of the above' },
};

/** In the contract table's order, the order a situation report leads with. */
export const CATEGORIES: readonly CategoryInfo[] = CATEGORY_IDS.map((id) => ({ id, ...WORDS[id] }));

export const categoryLabel = (id: string): string => CATEGORIES.find((c) => c.id === id)?.label ?? id;

/** The fields of a figure a person may change; an edited figure lists the ones that differ from the extractor's. */
export const EDITABLE_FIELDS = ['value', 'category', 'label', 'key'] as const;
export type EditableField = (typeof EDITABLE_FIELDS)[number];

/** A label is a card's caption: one short line. */
export const MAX_LABEL_LENGTH = 120;
