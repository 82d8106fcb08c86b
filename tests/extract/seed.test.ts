/** Issue 4's acceptance on the seed article (the real intake, the gold annotated by hand). */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readArticle } from '../../lambdas/intake';
import { extractFigures } from '../../lambdas/extract';
import { parseGold } from '../../lambdas/eval/gold';
import { matchesKey } from '../../lambdas/eval/score';
import { extractionErrors } from '../../schema/validate';

const dir = fileURLToPath(new URL('../fixtures/articles/', import.meta.url));
const name = 'idlib-offensive-2019.txt';
const gold = parseGold(name, readFileSync(`${dir}idlib-offensive-2019.gold.json`, 'utf8'));
const article = readArticle(readFileSync(`${dir}${name}`), { name });
const x = extractFigures(article, { published: '2019-06-29' });

describe('seed article: idlib-offensive-2019 --published 2019-06-29', () => {
  it.each(gold.key.map((k) => [k.mention, k] as const))('key figure “%s”', (_mention, k) => {
    const match = x.figures.find((f) => matchesKey(f, k));
    expect(match, JSON.stringify(x.figures.map((f) => [f.value, f.category, f.label]))).toBeDefined();
    expect(match!.key).toBe(true);
  });

  it('reports no year or day of the month', () => {
    for (const n of gold.not_figures) expect(x.figures.map((f) => f.value)).not.toContain(n);
  });

  it('merges the standfirst and headline restatements into the precise figures', () => {
    const injured = x.figures.filter((f) => f.category === 'injured');
    expect(injured.map((f) => f.value)).toEqual([2117]);
    expect(injured[0]!.source).toBe('Syrian Network for Human Rights');
    expect(x.figures.find((f) => f.value === 544)).toMatchObject({ qualifier: 'at_least', date: '2019-06-29' });
  });

  it('attributes the three quotes, titles kept as written, and the statement quoted in pieces', () => {
    for (const q of gold.quotes ?? []) {
      const quote = x.quotes.find((e) => e.text.startsWith(q.starts ?? ''));
      // The gold names the person; the speaker may carry the title the article gives ("Dr Khaula Sawah").
      expect(quote?.speaker, q.speaker ?? 'unattributed').toMatch(new RegExp(`^(?:Dr |Mr )?${q.speaker}$`));
    }
    expect(x.quotes.find((q) => q.speaker === 'Fadel Abdul Ghany')?.role).toBe('chairman of SNHR');
    expect(x.quotes.find((q) => q.text.startsWith('To have these'))?.speaker).toBe('Dr Khaula Sawah');
    for (const piece of ['Too many have died already', 'even wars have laws']) {
      expect(x.quotes.find((q) => q.text === piece)?.speaker).toBe('heads of 11 major global humanitarian organisations');
    }
  });

  it('dates the start of the offensive and Friday’s strike', () => {
    const dates = x.timeline.map((t) => t.date);
    expect(dates).toContain('2019-04-26');
    expect(dates).toContain('2019-06-28');
    const friday = x.timeline.find((t) => t.date === '2019-06-28')!;
    expect(article.text.slice(friday.span[0], friday.span[1])).toBe(friday.text);
  });

  it('names organisations and places, and summarises in 2–4 sentences of the article', () => {
    expect(x.organisations).toEqual(expect.arrayContaining(['Syrian Network for Human Rights', 'Human Rights Watch', 'United Nations', 'Reuters']));
    expect(x.places).toEqual(expect.arrayContaining(['Idlib', 'Hama', 'Mhambil', 'Syria', 'Turkey']));
    expect(x.summary.length).toBeGreaterThanOrEqual(2);
    expect(x.summary.length).toBeLessThanOrEqual(4);
    for (const s of x.summary) expect(article.text).toContain(s);
  });

  it('points every span at its text and validates against the Extraction JSON schema', () => {
    for (const f of x.figures) expect(article.text.slice(f.span[0], f.span[1])).toBe(f.text);
    expect(extractionErrors(JSON.parse(JSON.stringify(x)))).toEqual([]);
  });
});
