/**
 * Flow of units → pages. Rules: a unit is never split; a chain of keep-with-next units moves to
 * the next page together with the unit that follows it (so no heading, table header or orphan
 * line ends a page); a table row opening a page gets its header repeated above it.
 */
import { BriefingError } from '../core/errors';
import type { Box, DrawItem, PlacedBlock } from './types';
import { append, shift, type Unit } from './units';

export interface PageBody {
  /** Content area of page n (1-based): page 1 has no running header. */
  readonly areaOf: (page: number) => Box;
  /** Refuse to start page `maxPages + 1`, before laying it out. Default: no limit. */
  readonly maxPages?: number;
}

export interface FlowPage {
  readonly items: DrawItem[];
  readonly blocks: PlacedBlock[];
}

/** Height needed to place units[i] and everything chained to it by keepWithNext. */
function chainHeight(units: readonly Unit[], i: number, limit: number): number {
  let h = units[i]!.height;
  let j = i;
  while (units[j]!.keepWithNext && j + 1 < units.length) {
    j += 1;
    h += units[j]!.spaceBefore + units[j]!.height;
  }
  // A chain taller than a page cannot move as a whole; then only the unit itself must fit.
  return h > limit ? units[i]!.height : h;
}

/**
 * The paginator's decisions, made once for both uses: `place` is told where each unit (and each
 * repeated table header) goes, `turn` when a page is full. Returns the number of pages.
 */
function flowPages(units: readonly Unit[], body: PageBody, place: (unit: Unit, top: number) => void, turn: () => void): number {
  let pages = 1;
  let area = body.areaOf(1);
  let y = area.y;
  let empty = true;
  const newPage = (): void => {
    if (body.maxPages !== undefined && pages >= body.maxPages) {
      throw new BriefingError('layout', 'too_many_pages', `the briefing would run past ${body.maxPages} pages; the limit is ${body.maxPages}`, {
        context: { limit: body.maxPages },
      });
    }
    turn();
    pages += 1;
    area = body.areaOf(pages);
    y = area.y;
    empty = true;
  };

  units.forEach((unit, i) => {
    if (unit.height + (unit.repeatHeader?.height ?? 0) > area.h) {
      throw new BriefingError('layout', 'block_too_tall', `a ${unit.kind} is taller than a page (${Math.round(unit.height)} pt)`);
    }
    const gap = empty ? 0 : unit.spaceBefore;
    if (!empty && y + gap + chainHeight(units, i, area.h) > area.y + area.h) newPage();
    if (empty && unit.repeatHeader && pages > 1) {
      place(unit.repeatHeader, y);
      y += unit.repeatHeader.height;
    }
    const top = y + (empty ? 0 : unit.spaceBefore);
    place(unit, top);
    y = top + unit.height;
    empty = false;
  });
  return pages;
}

export function paginate(units: readonly Unit[], body: PageBody): FlowPage[] {
  const pages: FlowPage[] = [];
  let page: FlowPage = { items: [], blocks: [] };
  flowPages(
    units,
    body,
    (unit, top) => {
      append(page.items, shift(unit.items, top));
      append(page.blocks, shift(unit.boxes, top));
    },
    () => {
      pages.push(page);
      page = { items: [], blocks: [] };
    },
  );
  pages.push(page);
  return pages;
}

/** How many pages the units would take, placing nothing (a caller trying variants of a flow). */
export function pageCount(units: readonly Unit[], body: PageBody): number {
  return flowPages(units, body, () => undefined, () => undefined);
}
