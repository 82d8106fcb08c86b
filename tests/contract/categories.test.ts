/**
 * One table of categories: the schema, the people categories, the ranking and the briefing's
 * words all come from it, and a new row with its lexicon words reaches every one of them.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CATEGORIES, CATEGORY_IDS, PEOPLE_CATEGORIES, categoryLabel, type CategoryRow } from '../../lambdas/contract/categories';

const ROOT = join(import.meta.dirname, '../..');

describe('the category table', () => {
  it('is the enum of the schema file on disk, in order', () => {
    const file = JSON.parse(readFileSync(join(ROOT, 'schema/extraction.v1.schema.json'), 'utf8'));
    expect(file.definitions.figure.properties.category.enum).toEqual([...CATEGORY_IDS]);
  });

  it('derives the people categories and the words a briefing prints', () => {
    expect([...PEOPLE_CATEGORIES]).toEqual(CATEGORIES.filter((r) => r.people).map((r) => r.id));
    expect(categoryLabel('at_risk')).toBe('at risk');
  });
});

describe('a new row in the table, with its lexicon words', () => {
  const ROW: CategoryRow = { id: 'rescued', label: 'rescued', menu: { name: 'Rescued', counts: 'people rescued' }, weight: 6.5, people: true, source: 'predicate' };
  afterEach(() => {
    vi.doUnmock('../../lambdas/contract/categories');
    vi.doUnmock('../../lambdas/extract/lexicon/en');
    vi.resetModules();
  });

  it('reaches extraction, the schema, the ranking and the briefing', async () => {
    vi.resetModules();
    vi.doMock('../../lambdas/contract/categories', async (original) => {
      const actual = await original<typeof import('../../lambdas/contract/categories')>();
      return { ...actual, CATEGORIES: [...actual.CATEGORIES, ROW], ...actual.vocabulary([...actual.CATEGORIES, ROW]) };
    });
    vi.doMock('../../lambdas/extract/lexicon/en', async (original) => {
      const actual = await original<typeof import('../../lambdas/extract/lexicon/en')>();
      const none = { verbs: [], intransitive: [], states: [], nouns: [], results: [], phrases: [] };
      return { ...actual, PREDICATES: { ...actual.PREDICATES, rescued: { ...none, verbs: ['rescue'], states: ['rescued'] } } };
    });
    const { extractFigures } = await import('../../lambdas/extract');
    const { extractionErrors } = await import('../../schema/validate');
    const { buildBriefingModel } = await import('../../lambdas/briefing/model');
    const { articleFromText } = await import('../extract/article');

    const x = extractFigures(articleFromText('Boat sinks off the coast\nThe coastguard rescued 112 migrants on Sunday. Another 40 people were killed.'), { published: '2026-01-10' });
    const rescued = x.figures.find((f) => f.value === 112)!;
    expect(rescued).toMatchObject({ category: 'rescued', key: true });
    expect(extractionErrors(x)).toEqual([]);
    const model = buildBriefingModel(x);
    expect(model.keywords).toContain('rescued');
    expect(model.cards.map((c) => c.label)).toContain('Migrants rescued');
    // The same document with a category the table does not have is refused.
    expect(extractionErrors({ ...x, figures: [{ ...rescued, category: 'saved' }] })).not.toEqual([]);
  });
});
