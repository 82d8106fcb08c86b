/**
 * What a person may change about a figure, as data: the categories the page offers, with the
 * words the contract's table gives each for the page (lambdas/contract/categories.ts, `menu`), and
 * the editable fields. A category added there comes with its words, and the page offers nothing
 * the renderer or `briefing render` would refuse.
 */
import { CATEGORIES as CATEGORY_ROWS, type Category, isCategory as isCategoryId } from '../contract/categories';

/** A category id, from anything a request may hold. */
export const isCategory = (value: unknown): value is Category => typeof value === 'string' && isCategoryId(value);

export interface CategoryInfo {
  readonly id: Category;
  /** What the page's menu says. */
  readonly label: string;
  /** What it counts, for the menu's description. */
  readonly counts: string;
}

/** In the contract table's order, the order a situation report leads with. */
export const CATEGORIES: readonly CategoryInfo[] = CATEGORY_ROWS.map((row) => ({ id: row.id, label: row.menu.name, counts: row.menu.counts }));

export const categoryLabel = (id: string): string => CATEGORIES.find((c) => c.id === id)?.label ?? id;

/** The fields of a figure a person may change; an edited figure lists the ones that differ from the extractor's. */
export const EDITABLE_FIELDS = ['value', 'category', 'label', 'key'] as const;
export type EditableField = (typeof EDITABLE_FIELDS)[number];

/** A label is a card's caption: one short line. */
export const MAX_LABEL_LENGTH = 120;
