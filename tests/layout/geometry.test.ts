/** Geometry of the laid-out tree, measured with the real fonts: frame, overlaps, breaks. */
import { describe, expect, it } from 'vitest';
import { buildBriefingModel } from '../../lambdas/briefing/model';
import type { Extraction } from '../../lambdas/extract/types';
import { layoutDocument } from '../../lambdas/layout';
import type { Box, LaidOutDocument } from '../../lambdas/layout/types';
import { fontMetrics } from '../../lambdas/render/fonts';
import { fillTemplate } from '../../lambdas/template/fill';
import { bundledTemplates } from '../../lambdas/template/load';
import { loadExtraction, manyFigures } from '../render/fixtures';

const EPS = 0.01;

function lay(x: Extraction): LaidOutDocument {
  const t = bundledTemplates();
  return layoutDocument(fillTemplate(t.main, t.partials, buildBriefingModel(x)), fontMetrics());
}

const inside = (b: Box, f: Box): boolean =>
  b.x >= f.x - EPS && b.y >= f.y - EPS && b.x + b.w <= f.x + f.w + EPS && b.y + b.h <= f.y + f.h + EPS;
const overlap = (a: Box, b: Box): boolean =>
  a.x < b.x + b.w - EPS && b.x < a.x + a.w - EPS && a.y < b.y + b.h - EPS && b.y < a.y + a.h - EPS;

const cases: [string, Extraction][] = [
  ['seed', loadExtraction('idlib-offensive-2019')],
  ['unicode', loadExtraction('unicode-names')],
  ['hostile', loadExtraction('hostile')],
  ['40 figures', manyFigures(40)],
  ['no figures', { ...loadExtraction('idlib-offensive-2019'), figures: [], quotes: [], timeline: [] }],
];

describe.each(cases)('layout of %s', (_name, extraction) => {
  const doc = lay(extraction);

  it('draws nothing outside the frame', () => {
    for (const page of doc.pages) {
      for (const item of page.items) expect(inside(item, doc.frame), `${item.kind} ${'text' in item ? item.text : ''} p${page.number}`).toBe(true);
    }
  });

  it('overlaps no two text lines and no two blocks', () => {
    for (const page of doc.pages) {
      const texts = page.items.filter((i) => i.kind === 'text');
      for (let i = 0; i < texts.length; i++) {
        for (let j = i + 1; j < texts.length; j++) {
          expect(overlap(texts[i]!, texts[j]!), `"${texts[i]!.text}" / "${texts[j]!.text}"`).toBe(false);
        }
      }
      for (let i = 0; i < page.blocks.length; i++) {
        for (let j = i + 1; j < page.blocks.length; j++) expect(overlap(page.blocks[i]!, page.blocks[j]!)).toBe(false);
      }
    }
  });

  it('ends no page on a heading or a table header, and opens no page with a bare table row', () => {
    for (const page of doc.pages) {
      expect(['heading', 'table-header']).not.toContain(page.blocks.at(-1)?.kind);
      expect(page.blocks[0]?.kind).not.toBe('row');
    }
  });

  it('keeps the flow clear of the running header and the footer', () => {
    for (const page of doc.pages) {
      const top = page.number === 1 ? doc.frame.y : doc.frame.y + 22;
      for (const b of page.blocks) {
        expect(b.y).toBeGreaterThanOrEqual(top - EPS);
        expect(b.y + b.h).toBeLessThanOrEqual(doc.frame.y + doc.frame.h - 24 + EPS);
      }
    }
  });
});

describe('pagination', () => {
  it('fits the seed briefing on two pages, numbered', () => {
    const doc = lay(loadExtraction('idlib-offensive-2019'));
    expect(doc.pages).toHaveLength(2);
    const footers = doc.pages.map((p) => p.items.filter((i) => i.kind === 'text' && i.chrome).map((i) => ('text' in i ? i.text : '')).join(' '));
    expect(footers[0]).toContain('Page 1 of 2');
    expect(footers[1]).toContain('Page 2 of 2');
  });

  it('repeats the header row, as an artifact, on each page the figures table continues on', () => {
    const doc = lay(manyFigures(40));
    const withRows = doc.pages.filter((p) => p.blocks.some((b) => b.kind === 'row'));
    expect(withRows.length).toBeGreaterThan(1);
    for (const page of doc.pages.filter((p) => p.blocks[0]?.kind === 'table-header')) {
      const header = page.items.find((i) => i.kind === 'text' && i.text === 'Figure');
      expect(header?.struct).toBeNull();
    }
    expect(doc.pages.filter((p) => p.blocks[0]?.kind === 'table-header').length).toBeGreaterThan(0);
  });

  it('never splits a card or a row: each block lies whole on its page', () => {
    const doc = lay(manyFigures(40));
    const cards = doc.pages.flatMap((p) => p.blocks.filter((b) => b.kind === 'card'));
    expect(cards).toHaveLength(8);
    const heights = new Set(cards.slice(0, 4).map((c) => c.h.toFixed(2)));
    expect(heights.size).toBe(1); // a row of cards shares one height
  });

  it('does not let hostile text change the structure of the page', () => {
    const names = (x: Extraction): string[] => lay(x).pages.flatMap((p) => p.blocks.map((b) => b.kind)).filter((k) => k !== 'line');
    expect(names(loadExtraction('hostile'))).toEqual(names(loadExtraction('idlib-offensive-2019')));
  });
});
