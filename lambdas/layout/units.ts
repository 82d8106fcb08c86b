/**
 * The unit of pagination: a slice of the flow that is never split (a line of a paragraph, a
 * row of cards, a table row, the chart). Items are positioned with y relative to the unit top.
 */
import type { DocNode } from '../template/types';
import type { DrawItem, FontFace, FontMetrics, PlacedBlock, StructPath, TextItem } from './types';
import { LEADING } from './style';

export interface Unit {
  readonly kind: string;
  readonly height: number;
  /** Gap above the unit, dropped at the top of a page. */
  readonly spaceBefore: number;
  /** Never end a page on this unit (headings, a paragraph's first line, table headers). */
  readonly keepWithNext: boolean;
  readonly items: readonly DrawItem[];
  readonly boxes: readonly PlacedBlock[];
  /** Drawn first when this unit opens a page (a table's header row, as an artifact). */
  readonly repeatHeader?: Unit;
  /** The table row a row unit was made from: a caller trying the flow without some rows finds them by it. */
  readonly row?: DocNode;
}

export const lineHeight = (size: number): number => size * LEADING;

/**
 * The largest of `values`, or `floor` when there are none. A loop, because Math.max(...values)
 * passes every value as an argument and overflows the stack on a long enough list.
 */
export function maxOf(values: Iterable<number>, floor = Number.NEGATIVE_INFINITY): number {
  let max = floor;
  for (const value of values) if (value > max) max = value;
  return max;
}

/** Appends `more` to `list` one by one (push(...more) would pass them all as arguments). */
export function append<T>(list: T[], more: Iterable<T>): void {
  for (const item of more) list.push(item);
}

/** One line of text whose line box starts at (x, y). */
export function textLine(
  m: FontMetrics, text: string, face: FontFace, size: number, color: string,
  x: number, y: number, struct: StructPath,
): TextItem {
  const h = lineHeight(size);
  const asc = m.ascent(face, size);
  const glyphs = asc + m.descent(face, size);
  return {
    kind: 'text', text, face, size, color, struct,
    x, y, w: m.widthOf(text, face, size), h,
    baseline: y + (h - glyphs) / 2 + asc,
  };
}

/** Moves items and boxes down by dy (placing a unit on the page). */
export function shift<T extends { y: number }>(things: readonly T[], dy: number): T[] {
  return things.map((t) => ('baseline' in t ? { ...t, y: t.y + dy, baseline: (t as unknown as TextItem).baseline + dy } : { ...t, y: t.y + dy }));
}
