/** `briefing eval` over the development set (the CI gate of issue 4), and the scoring rules. */
import { execFile } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { readArticle } from '../../lambdas/intake';
import { extractFigures } from '../../lambdas/extract';
import type { Extraction, Figure } from '../../lambdas/extract/types';
import { evaluateDirectory, goldPairs } from '../../lambdas/eval/run';
import { parseGold } from '../../lambdas/eval/gold';
import { scoreArticle, totals } from '../../lambdas/eval/score';
import { extractionErrors } from '../../schema/validate';
import { cliFile } from '../support/cli';

const root = fileURLToPath(new URL('../../', import.meta.url));
const devSet = join(root, 'tests/fixtures/articles');
const run = promisify(execFile);

async function briefing(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [cliFile, ...args], { cwd: root });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe('development set', () => {
  const result = evaluateDirectory(devSet);

  it('has at least 14 articles with gold besides the seed', () => {
    expect(result.scores.length).toBeGreaterThanOrEqual(15);
  });

  it('meets issue 4’s thresholds: key recall ≥ 0.95, precision ≥ 0.9, no not-figure', () => {
    expect(result.totals.recall).toBeGreaterThanOrEqual(0.95);
    expect(result.totals.precision).toBeGreaterThanOrEqual(0.9);
    expect(result.totals.notFigureHits).toBe(0);
  });

  it('produces Extraction JSON that validates against the schema for every article', () => {
    for (const pair of goldPairs(devSet)) {
      const gold = parseGold(pair.gold, readFileSync(join(devSet, pair.gold), 'utf8'));
      const article = readArticle(readFileSync(join(devSet, pair.article)), { name: pair.article });
      const x = extractFigures(article, { published: gold.published });
      expect(extractionErrors(JSON.parse(JSON.stringify(x))), pair.article).toEqual([]);
    }
  });
});

describe('scoring', () => {
  const figure = (over: Partial<Figure>): Figure => ({
    id: 'f1', value: 15, max: null, text: '15', qualifier: 'exact', unit: 'people', category: 'killed', subject: 'people',
    label: 'people killed', place: 'Mhambil', date: null, source: null, sentence: '', span: [0, 2], key: true, ...over,
  });
  const extraction = (figures: Figure[]): Extraction => ({
    schemaVersion: 1, summary: [], timeline: [], quotes: [], organisations: [], places: [], figures,
    article: { title: 't', published: null, source: null, url: null, wordCount: 0, sha256: '' },
  });
  const gold = parseGold('g', JSON.stringify({
    published: null,
    key: [{ value: 15, category: 'killed', about: ['mhambil'] }, { value: 2117, alt: [2000], category: 'injured', about: [] }],
    ok: [{ value: 11 }],
    not_figures: [2019, 26],
  }));

  it('finds a key figure by value (or alt), category and about stems', () => {
    const s = scoreArticle('a', extraction([figure({}), figure({ value: 2000, category: 'injured', place: null })]), gold);
    expect([s.found, s.keys]).toEqual([2, 2]);
  });

  it('misses a key figure with the wrong category or without its about stem', () => {
    expect(scoreArticle('a', extraction([figure({ category: 'injured' })]), gold).found).toBe(0);
    expect(scoreArticle('a', extraction([figure({ place: null })]), gold).found).toBe(0);
  });

  it('counts precision over figures and not-figure hits, leaving vague counts out of both', () => {
    const s = scoreArticle('a', extraction([
      figure({}), figure({ value: 11, category: 'other' }), figure({ value: 7 }), figure({ value: 2019 }),
      figure({ value: 26, vague: true }),
    ]), gold);
    expect([s.correct, s.figures, s.notFigureHits, s.vague]).toEqual([2, 4, 1, 1]);
    expect(totals([s]).precision).toBe(0.5);
  });
});

describe('gold quotes', () => {
  const withQuotes = (quotes: unknown): string => JSON.stringify({ published: null, key: [], ok: [], not_figures: [], quotes });
  const quote = (text: string, speaker: string | null) => ({ text, speaker, role: null });
  const extraction = (quotes: ReturnType<typeof quote>[]): Extraction => ({
    schemaVersion: 1, summary: [], timeline: [], quotes, organisations: [], places: [], figures: [],
    article: { title: 't', published: null, source: null, url: null, wordCount: 0, sha256: '' },
  });

  it('matches a named speaker by name and opening words, and an unattributed quote by its missing speaker', () => {
    const gold = parseGold('g', withQuotes([
      { speaker: 'Ahmad Al Sheikho', starts: 'Whole villages' },
      { speaker: null, starts: 'Too many have died' },
    ]));
    const found = (qs: ReturnType<typeof quote>[]) => scoreArticle("a", extraction(qs), gold).quotes.found;
    expect(found([quote('Whole villages and towns have been emptied', 'Ahmad Al Sheikho'), quote('Too many have died already', null)])).toBe(2);
    expect(found([quote('Whole villages and towns have been emptied', 'Someone Else'), quote('Too many have died already', 'A Name')])).toBe(0);
  });

  it('refuses a gold quote without a speaker field, naming the file', () => {
    expect(() => parseGold('bad.gold.json', withQuotes([{ starts: 'x' }]))).toThrow(/quotes\[0\] needs "speaker"/);
  });
});

describe('briefing eval', () => {
  it('prints per-article and overall scores and exits 0 on the development set', async () => {
    const r = await briefing('eval', devSet);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^idlib-offensive-2019\.txt\s+8\s+8\s+1\.000/m);
    expect(r.stdout).toMatch(/^overall\s/m);
    expect(r.stdout).toContain('PASS');
  });

  it('exits 1 when a threshold fails, and prints JSON with --json', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'eval-'));
    copyFileSync(join(devSet, 'idlib-offensive-2019.txt'), join(dir, 'seed.txt'));
    writeFileSync(join(dir, 'seed.gold.json'), JSON.stringify({ published: '2019-06-29', key: [{ value: 999, category: 'killed' }], ok: [], not_figures: [] }));
    const r = await briefing('eval', dir, '--json');
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout) as { pass: boolean; totals: { recall: number }; failures: string[] };
    expect(report.pass).toBe(false);
    expect(report.totals.recall).toBe(0);
    expect(report.failures.join(' ')).toContain('key recall');
  });

  it('exits 2 on a bad threshold and 3 on a folder without gold', async () => {
    const bad = await briefing('eval', devSet, '--min-recall', '1.5');
    expect(bad.code).toBe(2);
    expect(bad.stderr.trim().split('\n')).toHaveLength(1);
    const empty = await briefing('eval', mkdtempSync(join(tmpdir(), 'eval-empty-')));
    expect(empty.code).toBe(3);
    expect(empty.stderr).toMatch(/^error: .*no article with a \.gold\.json/);
  });
});
