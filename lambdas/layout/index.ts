/**
 * The layout engine: parsed document tree → pages of absolutely positioned items. Pure: it
 * measures text through the FontMetrics it is given and never touches pdfkit.
 */
import type { DocNode } from '../template/types';
import { FlowBuilder, textOf } from './blocks';
import { pageCount, paginate, type PageBody } from './paginate';
import { COLOR, LIMIT, PAGE, SIZE, SPACE } from './style';
import { wrapClamped } from './text';
import type { Box, DocumentInfo, DrawItem, FontMetrics, LaidOutDocument } from './types';
import { lineHeight, textLine, type Unit } from './units';

export type { Unit } from './units';

function documentInfo(doc: DocNode): DocumentInfo {
  const header = doc.children.find((c): c is DocNode => typeof c !== 'string' && c.name === 'header');
  const h1 = header?.children.find((c): c is DocNode => typeof c !== 'string' && c.name === 'heading');
  const a = doc.attrs;
  return {
    title: (a.title ?? '').trim() || (h1 ? textOf(h1) : '') || 'Briefing',
    lang: (a.lang ?? '').trim() || 'en',
    author: (a.author ?? '').trim(),
    subject: (a.subject ?? '').trim(),
    keywords: (a.keywords ?? '').trim(),
  };
}

/** One line, clipped with an ellipsis to `width`. */
function clippedLine(m: FontMetrics, text: string, size: number, color: string, x: number, y: number, width: number): DrawItem[] {
  const [line] = wrapClamped(text, { face: 'regular', size }, width, 1, m);
  return line ? [textLine(m, line, 'regular', size, color, x, y, null)] : [];
}

/** The printable frame of every page: every item lies inside it. */
const FRAME: Box = { x: PAGE.margin, y: PAGE.margin, w: PAGE.width - 2 * PAGE.margin, h: PAGE.height - 2 * PAGE.margin };

/** Where the flow goes on page n (1-based): page 1 has no running header; the footer is below. */
const BODY: PageBody = {
  maxPages: LIMIT.pages,
  areaOf: (n) => {
    const top = n === 1 ? FRAME.y : FRAME.y + SPACE.runningHeader;
    return { x: FRAME.x, y: top, w: FRAME.w, h: FRAME.y + FRAME.h - SPACE.footer - top };
  },
};

/** A laid-out document and the flow of units it was paginated from. */
export interface LaidOutFlow {
  readonly document: LaidOutDocument;
  readonly units: readonly Unit[];
}

/**
 * How many pages a variant of a laid-out flow would take (units left out, say), placing nothing:
 * far cheaper than laying out the document it stands for.
 */
export function pagesOf(units: readonly Unit[]): number {
  return pageCount(units, BODY);
}

/** The texts of the cells of the table row a unit was made from; null for any other unit. */
export function rowCellTexts(unit: Unit): string[] | null {
  return unit.row ? unit.row.children.filter((c): c is DocNode => typeof c !== 'string' && c.name === 'cell').map(textOf) : null;
}

export function layoutDocument(doc: DocNode, m: FontMetrics): LaidOutDocument {
  return layoutFlow(doc, m).document;
}

export function layoutFlow(doc: DocNode, m: FontMetrics): LaidOutFlow {
  const frame = FRAME;
  const info = documentInfo(doc);
  const units = new FlowBuilder(m, frame.x, frame.w).flow(doc.children);
  const pages = paginate(units, BODY);

  const footer = doc.children.find((c): c is DocNode => typeof c !== 'string' && c.name === 'footer');
  const footerText = footer ? textOf(footer) : '';
  const pageLabel = footer?.attrs.pages ?? 'Page {n} of {total}';
  const total = pages.length;
  const lh = lineHeight(SIZE.footer);
  const footY = frame.y + frame.h - lh;
  const document: LaidOutDocument = {
    width: PAGE.width,
    height: PAGE.height,
    frame,
    info,
    pages: pages.map((p, i) => {
      const n = i + 1;
      const label = pageLabel.replace('{n}', String(n)).replace('{total}', String(total));
      const labelW = m.widthOf(label, 'regular', SIZE.footer);
      const chrome: DrawItem[] = [
        { kind: 'rect', x: frame.x, y: footY - 4, w: frame.w, h: 0.5, fill: COLOR.rule, struct: null },
        ...clippedLine(m, footerText, SIZE.footer, COLOR.muted, frame.x, footY, frame.w - labelW - 16),
        textLine(m, label, 'regular', SIZE.footer, COLOR.muted, frame.x + frame.w - labelW, footY, null),
      ];
      if (n > 1) {
        chrome.push(...clippedLine(m, info.title, SIZE.footer, COLOR.muted, frame.x, frame.y, frame.w));
        chrome.push({ kind: 'rect', x: frame.x, y: frame.y + lh + 3, w: frame.w, h: 0.5, fill: COLOR.rule, struct: null });
      }
      return { number: n, items: [...p.items, ...chrome.map((c) => ({ ...c, chrome: true }))], blocks: p.blocks };
    }),
  };
  return { document, units };
}
