/**
 * DocNode tree → flow of units. Each vocabulary element has one function here; decisions about
 * keeping things together are expressed as `keepWithNext` and left to the paginator.
 */
import { BriefingError } from '../core/errors';
import type { DocChild, DocNode } from '../template/types';
import { lineCharts } from './linechart';
import { COLOR, LIMIT, SIZE, SPACE } from './style';
import { type TextStyle, wrapClamped, wrapText } from './text';
import type { DrawItem, FontFace, FontMetrics, PlacedBlock, Role, StructNode, StructPath } from './types';
import { lineHeight, maxOf, textLine, type Unit } from './units';

/** The text of an element: its text children, joined, runs of spaces made one, and trimmed. */
export function textOf(node: DocNode): string {
  let text = '';
  for (const child of node.children) text += typeof child === 'string' ? child : textOf(child);
  // Most texts have no run of spaces: they are trimmed without a copy made by the replace.
  return (text.includes('  ') ? text.replace(/ +/g, ' ') : text).trim();
}

const elements = (children: readonly DocChild[]): DocNode[] => children.filter((c): c is DocNode => typeof c !== 'string');

interface LineStyle extends TextStyle {
  readonly color: string;
}

export class FlowBuilder {
  private nextId = 0;

  constructor(
    private readonly m: FontMetrics,
    private readonly x0: number,
    private readonly width: number,
  ) {}

  private node(role: Role, alt?: string): StructNode {
    this.nextId += 1;
    return alt === undefined ? { id: `s${this.nextId}`, role } : { id: `s${this.nextId}`, role, alt };
  }

  /** Units of the children of `document`; the footer is drawn on every page by the caller, not here. */
  flow(children: readonly DocChild[]): Unit[] {
    return elements(children).flatMap((el) => this.block(el, []));
  }

  private block(el: DocNode, parent: readonly StructNode[]): Unit[] {
    switch (el.name) {
      case 'header': return this.header(el);
      case 'section': return this.section(el, parent);
      case 'heading': return this.heading(el, parent);
      case 'paragraph': return this.paragraph(el, parent, { face: 'regular', size: SIZE.body, color: COLOR.text });
      case 'note': return this.paragraph(el, parent, { face: 'regular', size: SIZE.small, color: COLOR.muted }, 'Note');
      case 'list': return this.list(el, parent);
      case 'panel': return this.panel(el, parent);
      case 'barchart': return this.barchart(el, parent);
      case 'charts': return lineCharts({ m: this.m, x0: this.x0, width: this.width, node: (role, alt) => this.node(role, alt) }, el, parent);
      case 'table': return this.table(el, parent);
      case 'quote': return this.quote(el, parent);
      case 'footer': return [];
      default:
        throw new BriefingError('layout', 'misplaced_element', `line ${el.line}: <${el.name}> cannot stand here`, { context: { line: el.line } });
    }
  }

  /** Text broken into one unit per line; first and second-to-last lines keep with the next (no orphans or widows). */
  private lines(
    text: string, style: LineStyle, x: number, width: number, struct: StructPath,
    spaceBefore: number, decorate: (index: number, h: number) => DrawItem[] = () => [],
  ): Unit[] {
    const lines = wrapText(text, style, width, this.m);
    const h = lineHeight(style.size);
    return lines.map((line, i) => {
      // A trailing space keeps words apart when a reader joins the lines of the structure.
      const shown = i < lines.length - 1 ? `${line} ` : line;
      const item = textLine(this.m, shown, style.face, style.size, style.color, x, 0, struct);
      return {
        kind: 'line', height: h, spaceBefore: i === 0 ? spaceBefore : 0,
        keepWithNext: lines.length > 1 && (i === 0 || i === lines.length - 2),
        items: [...decorate(i, h), { ...item, w: Math.min(item.w, width) }],
        boxes: [{ kind: 'line', x, y: 0, w: width, h }],
      };
    });
  }

  private header(el: DocNode): Unit[] {
    const pad = SPACE.bandPad;
    const inner = this.width - 2 * pad;
    const items: DrawItem[] = [];
    let y = pad;
    for (const child of elements(el.children)) {
      const text = textOf(child);
      if (text === '') continue;
      const style: LineStyle =
        child.name === 'heading' ? { face: 'bold', size: SIZE.title, color: COLOR.bandText }
        : child.name === 'note' ? { face: 'bold', size: SIZE.kicker, color: COLOR.accentSoft }
        : { face: 'regular', size: SIZE.meta, color: COLOR.bandMeta };
      const role: Role = child.name === 'heading' ? 'H1' : 'P';
      const struct = [this.node(role)];
      const shown = child.name === 'note' ? text.toUpperCase() : text;
      if (child.name === 'heading' && y > pad) y += 2;
      for (const line of wrapText(shown, style, inner, this.m)) {
        // Trailing spaces keep words and lines apart in the structure text screen readers get.
        items.push(textLine(this.m, `${line} `, style.face, style.size, style.color, this.x0 + pad, y, struct));
        y += lineHeight(style.size);
      }
      if (child.name === 'heading') y += 3;
    }
    if (items.length === 0) return [];
    const height = y + pad;
    const band = { kind: 'rect' as const, x: this.x0, y: 0, w: this.width, h: height, fill: COLOR.navy, struct: null };
    const stripe = { kind: 'rect' as const, x: this.x0, y: height - 3, w: this.width, h: 3, fill: COLOR.accent, struct: null };
    return [{ kind: 'header', height, spaceBefore: 0, keepWithNext: false, items: [band, stripe, ...items], boxes: [{ kind: 'header', x: this.x0, y: 0, w: this.width, h: height }] }];
  }

  /** A section with nothing but its heading is dropped: empty sections are never printed. */
  private section(el: DocNode, parent: readonly StructNode[]): Unit[] {
    const kids = elements(el.children);
    const headings = kids.filter((k) => k.name === 'heading');
    const body = kids.filter((k) => k.name !== 'heading').flatMap((k) => this.block(k, parent));
    if (body.length === 0) return [];
    return [...headings.flatMap((h) => this.heading(h, parent)), ...body];
  }

  private heading(el: DocNode, parent: readonly StructNode[]): Unit[] {
    const level = el.attrs.level === '1' ? 1 : el.attrs.level === '3' ? 3 : 2;
    const text = textOf(el);
    if (text === '') return [];
    const size = level === 1 ? SIZE.title : level === 2 ? SIZE.h2 : SIZE.body + 0.5;
    const struct = [...parent, this.node(level === 1 ? 'H1' : level === 2 ? 'H2' : 'H3')];
    const lines = wrapText(text, { face: 'bold', size }, this.width, this.m);
    const h = lineHeight(size);
    const items: DrawItem[] = lines.map((l, i) => textLine(this.m, l, 'bold', size, COLOR.navy, this.x0, i * h, struct));
    let height = lines.length * h;
    if (level === 2) {
      items.push({ kind: 'rect', x: this.x0, y: height + 1.5, w: this.width, h: 0.8, fill: COLOR.accent, struct: null });
      height += 2.3;
    }
    height += SPACE.headingAfter;
    return [{ kind: 'heading', height, spaceBefore: level === 3 ? SPACE.block : SPACE.sectionBefore, keepWithNext: true, items, boxes: [{ kind: 'heading', x: this.x0, y: 0, w: this.width, h: height }] }];
  }

  private paragraph(el: DocNode, parent: readonly StructNode[], style: LineStyle, role: Role = 'P'): Unit[] {
    return this.lines(textOf(el), style, this.x0, this.width, [...parent, this.node(role)], SPACE.block);
  }

  private list(el: DocNode, parent: readonly StructNode[]): Unit[] {
    const list = this.node('L');
    const style: LineStyle = { face: 'regular', size: SIZE.body, color: COLOR.text };
    return elements(el.children).filter((i) => i.name === 'item').flatMap((item, n) => {
      const struct = [...parent, list, this.node('LI'), this.node('LBody')];
      const bullet = (i: number, h: number): DrawItem[] =>
        i === 0 ? [{ kind: 'rect', x: this.x0 + 2, y: h / 2 - 1.8, w: 3.6, h: 3.6, fill: COLOR.accent, struct: null }] : [];
      return this.lines(textOf(item), style, this.x0 + SPACE.bullet, this.width - SPACE.bullet, struct, n === 0 ? SPACE.block : SPACE.listItem, bullet);
    });
  }

  private panel(el: DocNode, parent: readonly StructNode[]): Unit[] {
    const cards = elements(el.children).filter((c) => c.name === 'card' && (c.attrs.value ?? '').trim() !== '');
    if (cards.length === 0) return [];
    const cols = cards.length <= 4 ? 4 : cards.length <= 6 ? 3 : 4;
    const gap = SPACE.cardGap;
    const cardW = (this.width - gap * (cols - 1)) / cols;
    const panel = [...parent, this.node('Sect')];
    const units: Unit[] = [];
    for (let start = 0; start < cards.length; start += cols) {
      const row = cards.slice(start, start + cols).map((card, i) => this.card(card, this.x0 + i * (cardW + gap), cardW, panel));
      const height = maxOf(row.map((c) => c.height));
      const items = row.flatMap((c) => [{ kind: 'rect' as const, x: c.x, y: 0, w: cardW, h: height, fill: COLOR.cardFill, struct: null },
        { kind: 'rect' as const, x: c.x, y: 0, w: 3, h: height, fill: COLOR.accent, struct: null }, ...c.items]);
      const boxes: PlacedBlock[] = row.map((c) => ({ kind: 'card', x: c.x, y: 0, w: cardW, h: height }));
      units.push({ kind: 'cards', height, spaceBefore: start === 0 ? SPACE.block : gap, keepWithNext: false, items, boxes });
    }
    return units;
  }

  private card(card: DocNode, x: number, w: number, panel: readonly StructNode[]): { x: number; height: number; items: DrawItem[] } {
    const pad = SPACE.cardPad;
    const left = x + 3 + pad;
    const inner = w - 3 - 2 * pad;
    const struct = [...panel, this.node('P')];
    const items: DrawItem[] = [];
    let y = pad;
    const put = (text: string, face: FontFace, size: number, color: string, maxLines: number): void => {
      for (const line of wrapClamped(text, { face, size }, inner, maxLines, this.m)) {
        items.push(textLine(this.m, `${line} `, face, size, color, left, y, struct));
        y += lineHeight(size);
      }
    };
    const qualifier = (card.attrs.qualifier ?? '').trim().toUpperCase();
    if (qualifier !== '') put(qualifier, 'bold', SIZE.cardQualifier, COLOR.muted, 1);
    else y += lineHeight(SIZE.cardQualifier);
    // The number as written, shrunk to fit the card before it is ever wrapped.
    const value = (card.attrs.value ?? '').trim();
    let size: number = SIZE.cardValue;
    while (size > SIZE.cardValueMin && this.m.widthOf(value, 'bold', size) > inner) size -= 1;
    put(value, 'bold', size, COLOR.navy, 2);
    // The same amount in another currency or unit, as the article gives it: "about US$600,000".
    const note = (card.attrs.note ?? '').trim();
    if (note !== '') put(note, 'regular', SIZE.small, COLOR.muted, 1);
    y += 1;
    const label = (card.attrs.label ?? '').trim();
    if (label !== '') put(label, 'bold', SIZE.cardLabel, COLOR.text, LIMIT.cardLabelLines);
    const source = (card.attrs.source ?? '').trim();
    if (source !== '') {
      y += 2;
      put(`— ${source}`, 'regular', SIZE.small, COLOR.muted, 1);
    }
    return { x, height: y + pad, items };
  }

  private barchart(el: DocNode, parent: readonly StructNode[]): Unit[] {
    const bars = elements(el.children)
      .filter((b) => b.name === 'bar')
      .map((b) => ({ label: (b.attrs.label ?? '').trim(), value: Number(b.attrs.value), display: (b.attrs.display ?? b.attrs.value ?? '').trim() }))
      .filter((b) => Number.isFinite(b.value) && b.value >= 0);
    if (bars.length === 0) return [];
    const title = (el.attrs.title ?? '').trim();
    const alt = (el.attrs.alt ?? '').trim() || `Bar chart: ${bars.map((b) => `${b.label} ${b.display}`).join('; ')}`;
    const struct = [...parent, this.node('Figure', alt)];
    const items: DrawItem[] = [];
    let y = 0;
    if (title !== '') {
      for (const line of wrapText(title, { face: 'bold', size: SIZE.body }, this.width, this.m)) {
        items.push(textLine(this.m, line, 'bold', SIZE.body, COLOR.text, this.x0, y, struct));
        y += lineHeight(SIZE.body);
      }
      y += 4;
    }
    const labelSize = 8;
    const labelW = Math.min(this.width * 0.36, 180);
    const barX = this.x0 + labelW + 8;
    const valueW = maxOf(bars.map((b) => this.m.widthOf(b.display, 'bold', labelSize)));
    const maxBar = this.x0 + this.width - barX - valueW - 6;
    const top = maxOf(bars.map((b) => b.value)) || 1;
    const chartTop = y;
    for (const bar of bars) {
      const labels = wrapClamped(bar.label, { face: 'regular', size: labelSize }, labelW, LIMIT.barLabelLines, this.m);
      const rowH = Math.max(SPACE.barRow, labels.length * lineHeight(labelSize) + 3);
      labels.forEach((l, i) => {
        const line = textLine(this.m, l, 'regular', labelSize, COLOR.text, 0, y + (rowH - labels.length * lineHeight(labelSize)) / 2 + i * lineHeight(labelSize), struct);
        items.push({ ...line, x: barX - 8 - line.w });
      });
      const barW = Math.max(1, (bar.value / top) * maxBar);
      items.push({ kind: 'rect', x: barX, y: y + (rowH - SPACE.barHeight) / 2, w: barW, h: SPACE.barHeight, fill: COLOR.accent, struct: null });
      items.push(textLine(this.m, bar.display, 'bold', labelSize, COLOR.navy, barX + barW + 4, y + (rowH - lineHeight(labelSize)) / 2, struct));
      y += rowH;
    }
    items.push({ kind: 'rect', x: barX - 0.4, y: chartTop, w: 0.8, h: y - chartTop, fill: COLOR.muted, struct: null });
    return [{ kind: 'chart', height: y, spaceBefore: SPACE.block + 2, keepWithNext: false, items, boxes: [{ kind: 'chart', x: this.x0, y: 0, w: this.width, h: y }] }];
  }

  private table(el: DocNode, parent: readonly StructNode[]): Unit[] {
    const rows = elements(el.children).filter((r) => r.name === 'row');
    const body = rows.filter((r) => r.attrs.header !== 'true');
    if (body.length === 0) return [];
    const cols = maxOf(rows.map((r) => elements(r.children).filter((c) => c.name === 'cell').length));
    const weights = (el.attrs.widths ?? '').split(',').map(Number).filter((n) => Number.isFinite(n) && n > 0);
    const w = weights.length === cols ? weights : Array.from({ length: cols }, () => 1);
    const total = w.reduce((a, b) => a + b, 0);
    const widths = w.map((n) => (n / total) * this.width);
    const xs = widths.map((_, i) => this.x0 + widths.slice(0, i).reduce((a, b) => a + b, 0));
    const table = [...parent, this.node('Table')];

    const rowUnit = (row: DocNode, zebra: boolean, artifact: boolean): Unit => {
      const head = row.attrs.header === 'true';
      const tr = [...table, this.node('TR')];
      const size = SIZE.table;
      const face: FontFace = head ? 'bold' : 'regular';
      const cells = elements(row.children).filter((c) => c.name === 'cell');
      const lh = lineHeight(size);
      const laid = cells.map((cell, i) => ({ i, lines: wrapText(textOf(cell), { face, size }, widths[i]! - 2 * SPACE.cellPadX, this.m) }));
      const height = maxOf(laid.map((c) => c.lines.length), 1) * lh + 2 * SPACE.cellPadY;
      const items: DrawItem[] = [];
      if (head) items.push({ kind: 'rect', x: this.x0, y: 0, w: this.width, h: height, fill: COLOR.navy, struct: null });
      else if (zebra) items.push({ kind: 'rect', x: this.x0, y: 0, w: this.width, h: height, fill: COLOR.zebra, struct: null });
      for (const cell of laid) {
        const struct = artifact ? null : [...tr, this.node(head ? 'TH' : 'TD')];
        cell.lines.forEach((line, n) => {
          items.push(textLine(this.m, n < cell.lines.length - 1 ? `${line} ` : line, face, size, head ? COLOR.bandText : COLOR.text,
            xs[cell.i]! + SPACE.cellPadX, SPACE.cellPadY + n * lh, struct));
        });
      }
      if (!head) items.push({ kind: 'rect', x: this.x0, y: height - 0.5, w: this.width, h: 0.5, fill: COLOR.rule, struct: null });
      return { kind: head ? 'table-header' : 'row', height, spaceBefore: 0, keepWithNext: head, items, boxes: [{ kind: head ? 'table-header' : 'row', x: this.x0, y: 0, w: this.width, h: height }] };
    };

    const headerRow = rows.find((r) => r.attrs.header === 'true');
    const header = headerRow ? rowUnit(headerRow, false, false) : undefined;
    const repeat = headerRow ? rowUnit(headerRow, false, true) : undefined;
    const units: Unit[] = header ? [{ ...header, spaceBefore: SPACE.block }] : [];
    body.forEach((row, i) => {
      const unit = rowUnit(row, i % 2 === 1, false);
      units.push({ ...unit, spaceBefore: !header && i === 0 ? SPACE.block : 0, row, ...(repeat ? { repeatHeader: repeat } : {}) });
    });
    return units;
  }

  private quote(el: DocNode, parent: readonly StructNode[]): Unit[] {
    const text = textOf(el);
    if (text === '') return [];
    const struct = [...parent, this.node('BlockQuote')];
    const x = this.x0 + SPACE.quoteIndent;
    const width = this.width - SPACE.quoteIndent;
    const rule = (_i: number, h: number): DrawItem[] => [{ kind: 'rect', x: this.x0 + 2, y: 0, w: 2, h, fill: COLOR.accentSoft, struct: null }];
    const lines = this.lines(text, { face: 'regular', size: SIZE.body, color: COLOR.text }, x, width, struct, SPACE.block + 2, rule);
    const who = [el.attrs.speaker, el.attrs.role].map((s) => (s ?? '').trim()).filter((s) => s !== '').join(', ');
    if (who === '' || lines.length === 0) return lines;
    const last = lines.length - 1;
    lines[last] = { ...lines[last]!, keepWithNext: true };
    const attribution = this.lines(`— ${who}`, { face: 'bold', size: SIZE.small, color: COLOR.muted }, x, width, struct, 1, rule);
    return [...lines, ...attribution];
  }
}
