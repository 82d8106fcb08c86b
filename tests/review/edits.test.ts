/** A person's corrections as a new revision: what may change, what is marked, what is refused. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { isBriefingError } from '../../lambdas/core/errors';
import type { Extraction } from '../../lambdas/extract/types';
import { parseEdits, reviseExtraction, type ReviewedExtraction } from '../../lambdas/review/edits';
import { CATEGORIES, EDITABLE_FIELDS } from '../../lambdas/review/vocabulary';
import { extractionErrors, extractionSchema } from '../../schema/validate';

const seed = JSON.parse(readFileSync(new URL('../fixtures/extraction/idlib-offensive-2019.json', import.meta.url), 'utf8')) as Extraction;
// Every figure of the seed is key; a ninth, not key, as the extractor writes one.
const plainFigure = { ...seed.figures.at(-1)!, id: 'f9', key: false, rank: null, label: 'people in a background count' };
const original: Extraction = { ...seed, figures: [...seed.figures, plainFigure] };
const keyFigure = original.figures[0]!;
const meta = { savedAt: '2026-12-05T10:00:00.000Z', by: null };
const figure = (x: ReviewedExtraction, id: string) => x.figures.find((f) => f.id === id)!;

/** The reason a bad save is refused with. */
function refusal(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    expect(isBriefingError(error) && error.code).toBe('bad_edit');
    return (error as Error).message;
  }
  throw new Error('not refused');
}

describe('the vocabulary of edits', () => {
  it('offers exactly the categories and fields the schema accepts', () => {
    const figureSchema = (extractionSchema as unknown as { definitions: { figure: { properties: Record<string, { enum?: string[]; items?: { enum: string[] } }> } } }).definitions.figure;
    expect(CATEGORIES.map((c) => c.id).sort()).toEqual([...figureSchema.properties.category!.enum!].sort());
    expect([...EDITABLE_FIELDS]).toEqual(figureSchema.properties.edited!.items!.enum);
  });
});

describe('reviseExtraction', () => {
  it('changes a category, marks only that figure edited, keeps everything else and validates', () => {
    const next = reviseExtraction(original, original, [{ id: keyFigure.id, category: 'other' }], meta);
    expect(figure(next, keyFigure.id)).toEqual({ ...keyFigure, category: 'other', edited: ['category'] });
    expect(next.figures.filter((f) => (f as { edited?: unknown }).edited)).toHaveLength(1);
    expect(next.revision).toEqual({ number: 2, savedAt: meta.savedAt, by: null, removed: [] });
    expect({ ...next, figures: undefined, revision: undefined }).toEqual({ ...original, figures: undefined });
    expect(extractionErrors(next)).toEqual([]);
  });

  it('a new value replaces a range and a vague count, and is marked as the value', () => {
    const vague = { ...plainFigure, id: 'f900', vague: true, max: plainFigure.value * 2 };
    const base = { ...original, figures: [...original.figures, vague] };
    const next = reviseExtraction(base, base, [{ id: 'f900', value: 1234 }], meta);
    expect(figure(next, 'f900')).toMatchObject({ value: 1234, max: null, vague: false, edited: ['value'] });
  });

  it('marking a figure key gives it the next rank; unmarking clears it; both are edits of key', () => {
    const maxRank = Math.max(...original.figures.map((f) => f.rank ?? 0));
    const next = reviseExtraction(original, original, [{ id: plainFigure.id, key: true }, { id: keyFigure.id, key: false }], meta);
    expect(figure(next, plainFigure.id)).toMatchObject({ key: true, rank: maxRank + 1, edited: ['key'] });
    expect(figure(next, keyFigure.id)).toMatchObject({ key: false, rank: null, edited: ['key'] });
    expect(extractionErrors(next)).toEqual([]);
  });

  it('drops a figure and lists it as removed; the next revision builds on the last and keeps the marks', () => {
    const second = reviseExtraction(original, original, [{ id: plainFigure.id, remove: true }, { id: keyFigure.id, label: 'people killed in Idlib' }], meta);
    expect(second.figures.map((f) => f.id)).not.toContain(plainFigure.id);
    expect(second.revision!.removed).toEqual([{ id: plainFigure.id, text: plainFigure.text, label: plainFigure.label, category: plainFigure.category }]);
    const third = reviseExtraction(original, second, [{ id: keyFigure.id, value: keyFigure.value + 1 }], { ...meta, by: 'analyst@example.org' });
    expect(third.revision).toMatchObject({ number: 3, by: 'analyst@example.org', removed: [{ id: plainFigure.id }] });
    expect(figure(third, keyFigure.id).edited).toEqual(['value', 'label']);
    expect(refusal(() => reviseExtraction(original, third, [{ id: plainFigure.id, key: true }], meta))).toMatch(/removed in an earlier revision/);
    expect(extractionErrors(third)).toEqual([]);
  });

  it('a value changed back to the extractor\'s is no longer edited', () => {
    const second = reviseExtraction(original, original, [{ id: keyFigure.id, category: 'other' }], meta);
    const third = reviseExtraction(original, second, [{ id: keyFigure.id, category: keyFigure.category }], meta);
    expect(figure(third, keyFigure.id)).toEqual(keyFigure);
  });

  it('refuses a save that changes nothing, an unknown figure, and a vague count made key without a value', () => {
    expect(refusal(() => reviseExtraction(original, original, [{ id: keyFigure.id, category: keyFigure.category }], meta))).toMatch(/nothing to save/);
    expect(refusal(() => reviseExtraction(original, original, [{ id: 'f999', key: true }], meta))).toBe('there is no figure f999 in this article');
    const vague = { ...plainFigure, id: 'f900', vague: true };
    const base = { ...original, figures: [...original.figures, vague] };
    expect(refusal(() => reviseExtraction(base, base, [{ id: 'f900', key: true }], meta))).toMatch(/vague count .* give it a value/);
  });
});

describe('parseEdits (a request body, untrusted)', () => {
  it.each([
    [{}, 'edits must be a list'],
    [[], 'there is nothing to save: no figure was changed'],
    [[1], 'edit 1 is not an object'],
    [[{ id: 'f1', text: 'x' }], 'edit 1: text cannot be edited (only value, category, label, key or remove)'],
    [[{ id: '__proto__', key: true }], 'edit 1: id must name a figure (f1, f2, …)'],
    [[{ id: 'f1', value: '12' }], 'f1: the value must be a number from 0 to 1e+15'],
    [[{ id: 'f1', value: -3 }], 'f1: the value must be a number from 0 to 1e+15'],
    [[{ id: 'f1', category: 'dead' }], 'f1: "dead" is not a category'],
    [[{ id: 'f1', label: '   ' }], 'f1: the label must be 1 to 120 characters'],
    [[{ id: 'f1', label: 'a\u0000b' }], 'f1: the label holds control characters'],
    [[{ id: 'f1', key: 'yes' }], 'f1: key must be true or false'],
    [[{ id: 'f1', key: true }, { id: 'f1', label: 'x' }], 'f1 is edited twice in one save'],
  ])('%j → %s', (body, reason) => {
    expect(refusal(() => parseEdits(body))).toBe(reason);
  });

  it('keeps markup in a label as text and collapses its spaces', () => {
    const [edit] = parseEdits([{ id: 'f2', label: '  <script>alert(1)</script>   killed ' }]);
    expect(edit).toEqual({ id: 'f2', label: '<script>alert(1)</script> killed' });
  });
});

describe('a revision is still Extraction JSON for every consumer', () => {
  it('an unknown field on a revised figure is refused by the schema', () => {
    const next = reviseExtraction(original, original, [{ id: keyFigure.id, category: 'other' }], meta) as ReviewedExtraction;
    const broken = { ...next, figures: next.figures.map((f, i) => (i === 0 ? { ...f, edited: ['text'] } : f)) };
    expect(extractionErrors(broken).join('\n')).toMatch(/edited/);
  });
});
