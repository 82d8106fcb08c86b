/**
 * The layout engine: parsed document tree → pages of absolutely positioned items. Pure: it
 * measures text through the FontMetrics it is given and never touches pdfkit.
 */
import type { DocNode } from '../template/types';
import { FlowBuilder, textOf } from './blocks';
import { paginate } from './paginate';
import { COLOR, LIMIT, PAGE, SIZE, SPACE } from './style';
import { wrapClamped } from './text';
import type { Box, DocumentInfo, DrawItem, FontMetrics, LaidOutDocument } from './types';
import { lineHeight, textLine } from './units';

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

export function layoutDocument(doc: DocNode, m: FontMetrics): LaidOutDocument {
  const frame: Box = { x: PAGE.margin, y: PAGE.margin, w: PAGE.width - 2 * PAGE.margin, h: PAGE.height - 2 * PAGE.margin };
  const info = documentInfo(doc);
  const flow = new FlowBuilder(m, frame.x, frame.w).flow(doc.children);
  const bodyBottom = frame.y + frame.h - SPACE.footer;
  const pages = paginate(flow, {
    maxPages: LIMIT.pages,
    areaOf: (n) => {
      const top = n === 1 ? frame.y : frame.y + SPACE.runningHeader;
      return { x: frame.x, y: top, w: frame.w, h: bodyBottom - top };
    },
  });

  const footer = doc.children.find((c): c is DocNode => typeof c !== 'string' && c.name === 'footer');
  const footerText = footer ? textOf(footer) : '';
  const pageLabel = footer?.attrs.pages ?? 'Page {n} of {total}';
  const total = pages.length;
  const lh = lineHeight(SIZE.footer);
  const footY = frame.y + frame.h - lh;
  return {
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
}
