/**
 * Fitting a briefing to two pages (lambdas/render/index.ts): when the table of figures spills
 * onto a third page, its weakest rows give way, as few as fit, up to four. The count is guided by
 * paginating the flow without the rows (layout's pagesOf) instead of laying out every count; the
 * briefing must still be the one the plain search gives: the most rows that fit, tried one count
 * after another with real layouts.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildBriefingModel, MODEL_LIMITS } from '../../lambdas/briefing/model';
import { extractFigures } from '../../lambdas/extract';
import type { Extraction } from '../../lambdas/extract/types';
import { readArticle } from '../../lambdas/intake';
import { layoutFlow, pagesOf, rowCellTexts } from '../../lambdas/layout';
import { figureRows, renderBriefing } from '../../lambdas/render';
import { documentMetrics } from '../../lambdas/render/fonts';
import { fillTemplate } from '../../lambdas/template/fill';
import { DEFAULT_TEMPLATE, deployedTemplates } from '../../lambdas/template/load';
import { folded, pdfinfo, pdftotext } from './poppler';
import { repoRoot } from '../support/cli';

const template = deployedTemplates().get(DEFAULT_TEMPLATE);
const dir = join(repoRoot, 'tests/fixtures/articles');
const extractions: Array<{ name: string; extraction: Extraction }> = readdirSync(dir)
  .filter((f) => !f.endsWith('.gold.json'))
  .map((name) => {
    const article = readArticle(readFileSync(join(dir, name)), { name });
    return { name, extraction: extractFigures(article, { published: article.published }) };
  });

const layOut = (extraction: Extraction, tableFigures: number) =>
  layoutFlow(fillTemplate(template.main, template.partials, { ...buildBriefingModel(extraction, { ...MODEL_LIMITS, tableFigures }), template: 'test' }), documentMetrics());

/** The rows the plain search keeps: the most, from one fewer down to four fewer (never a key figure), whose real layout fits; null if none. */
function plainSearch(extraction: Extraction): number | null {
  const shown = Math.min(MODEL_LIMITS.tableFigures, extraction.figures.length);
  const least = Math.max(extraction.figures.filter((f) => f.key).length, shown - 4);
  for (let rows = shown - 1; rows >= least; rows--) if (layOut(extraction, rows).document.pages.length <= 2) return rows;
  return null;
}

const spilling = extractions.filter(({ extraction }) => layOut(extraction, MODEL_LIMITS.tableFigures).document.pages.length === 3);

describe('fitting a briefing to two pages', () => {
  it('has articles of the development set to fit (the check below is not empty)', () => {
    expect(spilling.length).toBeGreaterThan(5);
  });

  it('counts the pages of a whole flow as the paginator lays it out', () => {
    for (const { extraction } of extractions) {
      const { document, units } = layOut(extraction, MODEL_LIMITS.tableFigures);
      expect(pagesOf(units)).toBe(document.pages.length);
    }
  });

  it('finds the figures\' rows in the flow, one run of rows read by their first cells, for every spilling article', () => {
    for (const { name, extraction } of spilling) {
      const { units } = layOut(extraction, MODEL_LIMITS.tableFigures);
      const model = buildBriefingModel(extraction, MODEL_LIMITS);
      const rows = figureRows(units, model.figures.map((row) => row.figure));
      expect(rows?.map((unit) => rowCellTexts(unit)?.[0]), name).toEqual(model.figures.map((row) => row.figure.replace(/ +/g, ' ').trim()));
    }
  });

  it('finds no rows when they cannot be told apart: none printed, or the same run twice', () => {
    const { units } = layOut(spilling[0]!.extraction, MODEL_LIMITS.tableFigures);
    const model = buildBriefingModel(spilling[0]!.extraction, MODEL_LIMITS);
    const figures = model.figures.map((row) => row.figure);
    expect(figureRows(units.filter((unit) => !unit.row), figures)).toBeNull();
    expect(figureRows([...units, ...units], figures)).toBeNull();
  });

  it('keeps the rows the plain search keeps, and says so in the note; or keeps three pages when no count fits', async () => {
    for (const { name, extraction } of spilling) {
      const expected = plainSearch(extraction);
      const pdf = await renderBriefing(extraction);
      const pages = Number(/Pages:\s+(\d+)/.exec(pdfinfo(pdf))![1]);
      const note = /The table lists the (\d+) strongest of/.exec(folded(pdftotext(pdf)));
      if (expected === null) {
        expect(pages, name).toBe(3);
        expect(note, name).toBeNull();
      } else {
        expect(pages, name).toBe(2);
        expect(Number(note?.[1]), name).toBe(expected);
      }
    }
  });
});
