/**
 * `<charts>` of `<linechart>`s: small line charts, two a row, each a measure followed over
 * time. Points are evenly spaced in report order and labelled with their value above and
 * their date below (a date once, under its first point); a rough value is a hollow square.
 * The scale starts at zero, so a rise is never exaggerated. A row of charts is never split.
 */
import type { DocNode } from '../template/types';
import { COLOR, SPACE } from './style';
import { wrapClamped } from './text';
import type { Box, DrawItem, FontMetrics, Role, StructNode, TextItem } from './types';
import { lineHeight, textLine, type Unit } from './units';

export interface ChartContext {
  readonly m: FontMetrics;
  readonly x0: number;
  readonly width: number;
  readonly node: (role: Role, alt?: string) => StructNode;
}

interface Point {
  readonly label: string;
  readonly value: number;
  readonly display: string;
  readonly rough: boolean;
}

const LABEL_SIZE = 6.5;
const TITLE_SIZE = 8;
const PLOT_HEIGHT = 54;
const MARK = 3.6;
const PER_ROW = 2;

const childElements = (el: DocNode, name: string): DocNode[] =>
  el.children.filter((c): c is DocNode => typeof c !== 'string' && c.name === name);

function pointsOf(chart: DocNode): Point[] {
  return childElements(chart, 'point')
    .map((p) => ({ label: (p.attrs.label ?? '').trim(), value: Number(p.attrs.value), display: (p.attrs.display ?? p.attrs.value ?? '').trim(), rough: p.attrs.rough === 'true' }))
    .filter((p) => Number.isFinite(p.value) && p.value >= 0);
}

/** One chart drawn in the box (x, 0, w, height); items are relative to the unit's top. */
function chart(ctx: ChartContext, el: DocNode, points: readonly Point[], x: number, w: number, parent: readonly StructNode[]): DrawItem[] {
  const { m } = ctx;
  const title = (el.attrs.title ?? '').trim();
  const alt = (el.attrs.alt ?? '').trim() || `Line chart${title ? ` of ${title}` : ''}: ${points.map((p) => `${p.label} ${p.display}`).join('; ')}`;
  const struct = [...parent, ctx.node('Figure', alt)];
  const items: DrawItem[] = [];
  let y = 0;
  for (const line of wrapClamped(title, { face: 'bold', size: TITLE_SIZE }, w, 1, m)) {
    items.push(textLine(m, line, 'bold', TITLE_SIZE, COLOR.text, x, y, struct));
    y += lineHeight(TITLE_SIZE);
  }
  y += lineHeight(LABEL_SIZE) + 2;
  const top = y;
  const bottom = top + PLOT_HEIGHT;
  const pad = Math.max(MARK, ...points.map((p) => m.widthOf(p.display, 'regular', LABEL_SIZE) / 2)) + 1;
  const left = x + Math.min(pad, w / 4);
  const right = x + w - Math.min(pad, w / 4);
  const highest = Math.max(...points.map((p) => p.value)) || 1;
  const px = (i: number): number => (points.length === 1 ? (left + right) / 2 : left + ((right - left) * i) / (points.length - 1));
  const py = (v: number): number => bottom - (v / highest) * PLOT_HEIGHT;
  items.push({ kind: 'rect', x, y: bottom, w, h: 0.6, fill: COLOR.rule, struct: null });
  items.push({
    kind: 'line', x: left, y: top, w: right - left, h: PLOT_HEIGHT, stroke: COLOR.accent, lineWidth: 1.2, struct: null,
    points: points.map((p, i) => [px(i) - left, py(p.value) - top] as const),
  });
  // Dates first, then each value above its point, else below it, else left to the alt text and the table.
  const taken: Box[] = [];
  const clear = (b: Box): boolean => !taken.some((t) => b.x < t.x + t.w && t.x < b.x + b.w && b.y < t.y + t.h && t.y < b.y + b.h);
  const centred = (t: TextItem, cx: number): TextItem => ({ ...t, x: Math.max(x, Math.min(x + w - t.w, cx - t.w / 2)) });
  points.forEach((p, i) => {
    if (p.label === '' || (i > 0 && points[i - 1]!.label === p.label)) return;
    const date = centred(textLine(m, p.label, 'regular', LABEL_SIZE, COLOR.muted, 0, bottom + 2, struct), px(i));
    if (!clear(date)) return;
    items.push(date);
    taken.push(date);
  });
  points.forEach((p, i) => {
    const cx = px(i);
    const cy = py(p.value);
    items.push({ kind: 'rect', x: cx - MARK / 2, y: cy - MARK / 2, w: MARK, h: MARK, fill: COLOR.navy, struct: null });
    if (p.rough) items.push({ kind: 'rect', x: cx - MARK / 2 + 0.9, y: cy - MARK / 2 + 0.9, w: MARK - 1.8, h: MARK - 1.8, fill: COLOR.bandText, struct: null });
    taken.push({ x: cx - MARK / 2, y: cy - MARK / 2, w: MARK, h: MARK });
  });
  points.forEach((p, i) => {
    const cx = px(i);
    const cy = py(p.value);
    const above = centred(textLine(m, p.display, 'bold', LABEL_SIZE, COLOR.navy, 0, cy - MARK / 2 - lineHeight(LABEL_SIZE), struct), cx);
    const below = { ...above, y: cy + MARK / 2 + 0.5, baseline: above.baseline + (cy + MARK / 2 + 0.5 - above.y) };
    const label = [above, below].find((t) => clear(t) && t.y + t.h <= bottom + 2 + lineHeight(LABEL_SIZE));
    if (!label) return;
    items.push(label);
    taken.push(label);
  });
  return items;
}

const chartHeight = (): number => lineHeight(TITLE_SIZE) + lineHeight(LABEL_SIZE) + 2 + PLOT_HEIGHT + 2 + lineHeight(LABEL_SIZE);

/** The units of a `<charts>` element: one per row of charts. */
export function lineCharts(ctx: ChartContext, el: DocNode, parent: readonly StructNode[]): Unit[] {
  const charts = childElements(el, 'linechart').map((c) => ({ el: c, points: pointsOf(c) })).filter((c) => c.points.length > 0);
  const gap = SPACE.cardGap * 2;
  const w = (ctx.width - gap * (PER_ROW - 1)) / PER_ROW;
  const height = chartHeight();
  const units: Unit[] = [];
  for (let start = 0; start < charts.length; start += PER_ROW) {
    const row = charts.slice(start, start + PER_ROW);
    const items = row.flatMap((c, i) => chart(ctx, c.el, c.points, ctx.x0 + i * (w + gap), w, parent));
    units.push({
      kind: 'chart', height, spaceBefore: start === 0 ? SPACE.block : SPACE.block + 4, keepWithNext: false, items,
      boxes: row.map((_, i) => ({ kind: 'chart', x: ctx.x0 + i * (w + gap), y: 0, w, h: height })),
    });
  }
  return units;
}
