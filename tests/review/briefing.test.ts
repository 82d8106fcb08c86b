/** A corrected revision in the briefing: the new values on cards and in the table, each corrected figure marked "edited". */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildBriefingModel } from '../../lambdas/briefing/model';
import type { Extraction } from '../../lambdas/extract/types';
import { renderBriefing } from '../../lambdas/render';
import { reviseExtraction } from '../../lambdas/review/edits';
import { folded, pdftotext } from '../render/poppler';

const seed = JSON.parse(readFileSync(new URL('../fixtures/extraction/idlib-offensive-2019.json', import.meta.url), 'utf8')) as Extraction;
const revised = reviseExtraction(seed, seed, [{ id: 'f1', value: 600 }, { id: 'f3', category: 'other' }], { savedAt: '2026-12-05T10:00:00.000Z', by: null });

describe('the briefing of a corrected revision', () => {
  const model = buildBriefingModel(revised);
  const unedited = buildBriefingModel(seed);

  it('writes a corrected value from the value, not from the article\'s words, on its card and in the table', () => {
    expect(model.cards.find((card) => card.label === 'Civilians killed')?.value).toBe('600');
    expect(model.figures.find((row) => row.what.startsWith('Civilians killed'))?.figure).toBe('at least 600 (edited)');
  });

  it('marks every corrected figure, and only those, and says the revision in the footer', () => {
    expect(model.figures.filter((row) => row.figure.endsWith(' (edited)')).map((row) => row.figure)).toEqual(['at least 600 (edited)', '2,117 (edited)']);
    expect(unedited.figures.some((row) => row.figure.includes('edited'))).toBe(false);
    expect(model.footer).toMatch(/ · revision 2 \(edited\)$/);
    expect(unedited.footer).not.toMatch(/revision/);
  });

  it('prints a label a person wrote as written, not re-derived from the sentence', () => {
    const relabelled = reviseExtraction(seed, seed, [{ id: 'f3', label: 'wounded in Idlib and Hama' }], { savedAt: '2026-12-05T10:00:00.000Z', by: null });
    expect(buildBriefingModel(relabelled).cards.map((card) => card.label)).toContain('Wounded in Idlib and Hama');
  });

  it('prints the marks in the PDF', async () => {
    const text = folded(pdftotext(await renderBriefing(revised)));
    expect(text).toMatch(/at least 600\s+\(edited\)/);
    expect(text).toMatch(/2,117\s*\(edited\)/);
    expect(text).toContain('revision 2 (edited)');
  });
});
