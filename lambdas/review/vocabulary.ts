/**
 * What a person may change about a figure, as data: the categories with the words the page
 * shows for them, and the editable fields. The category list must equal the schema's enum
 * (tests/review/edits.test.ts checks both ways), so the page can offer nothing the renderer
 * or `briefing render` would refuse.
 */
import type { Category } from '../extract/types';

export interface CategoryInfo {
  readonly id: Category;
  /** What the page's menu says. */
  readonly label: string;
  /** What it counts, for the menu's description. */
  readonly counts: string;
}

/** In the order a situation report leads with (docs/contract.md, "What each category means"). */
export const CATEGORIES: readonly CategoryInfo[] = [
  { id: 'killed', label: 'Killed', counts: 'people dead' },
  { id: 'injured', label: 'Injured', counts: 'people injured or wounded' },
  { id: 'missing', label: 'Missing', counts: 'people missing or unaccounted for' },
  { id: 'displaced', label: 'Displaced', counts: 'people forced from home' },
  { id: 'affected', label: 'Affected', counts: 'people affected or in need; cases of a disease' },
  { id: 'at_risk', label: 'At risk', counts: 'people at risk or threatened' },
  { id: 'detained', label: 'Detained', counts: 'people arrested, detained or abducted' },
  { id: 'population', label: 'Population', counts: 'inhabitants of a place' },
  { id: 'facilities', label: 'Facilities', counts: 'buildings, homes, hospitals, schools damaged or destroyed' },
  { id: 'money', label: 'Money', counts: 'an amount in a currency' },
  { id: 'percentage', label: 'Percentage', counts: 'a share, in percent' },
  { id: 'quantity', label: 'Quantity', counts: 'another measured quantity with a unit' },
  { id: 'other', label: 'Other', counts: 'a count that fits none of the above' },
];

const CATEGORY_IDS: ReadonlySet<string> = new Set(CATEGORIES.map((c) => c.id));

export const isCategory = (value: unknown): value is Category => typeof value === 'string' && CATEGORY_IDS.has(value);

export const categoryLabel = (id: string): string => CATEGORIES.find((c) => c.id === id)?.label ?? id;

/** The fields of a figure a person may change; an edited figure lists the ones that differ from the extractor's. */
export const EDITABLE_FIELDS = ['value', 'category', 'label', 'key'] as const;
export type EditableField = (typeof EDITABLE_FIELDS)[number];

/** A label is a card's caption: one short line. */
export const MAX_LABEL_LENGTH = 120;
