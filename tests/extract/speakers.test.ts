/**
 * Over every example and every development and held-out article: no quote is credited to, and
 * no figure sourced to, a title or an abbreviation standing alone ("— Dr", "Gen.") — the mark
 * of a name cut at its title's full stop.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readArticle } from '../../lambdas/intake';
import { extractFigures } from '../../lambdas/extract';

const root = fileURLToPath(new URL('../../', import.meta.url));
const DIRS = ['examples', 'tests/fixtures/articles', 'tests/fixtures/holdout2'];
const ARTICLE = /\.(?:txt|md|html|json)$/;
const files = DIRS.flatMap((dir) => readdirSync(join(root, dir))
  .filter((f) => ARTICLE.test(f) && !f.endsWith('.gold.json') && f !== 'README.md')
  .map((f) => join(dir, f)));

// Written independently of the extractor's own lists.
const TITLE = /^(?:Dr|Mr|Mrs|Ms|Mx|Prof|Professor|Doctor|Gen|General|Col|Colonel|Lt|Lieutenant|Maj|Major|Capt|Captain|Sgt|Sergeant|Brig|Adm|Cmdr|Rev|Fr|Gov|Governor|Sen|Senator|Rep|Hon|St|Jr|Sr|Sheikh|Sir|Dame|President|Minister|Mayor)\.?$/i;
const isCutName = (who: string | null): boolean => who !== null && (TITLE.test(who.trim()) || /^\p{L}{1,4}\.$/u.test(who.trim()));

describe('speakers and sources are never a title alone', () => {
  it('covers the examples and both article sets', () => {
    expect(files.length).toBeGreaterThanOrEqual(7 + 26 + 6);
  });

  it.each(files)('%s', (file) => {
    const x = extractFigures(readArticle(readFileSync(join(root, file)), { name: file }));
    expect(x.quotes.filter((q) => isCutName(q.speaker)).map((q) => q.speaker)).toEqual([]);
    expect(x.figures.filter((f) => isCutName(f.source)).map((f) => f.source)).toEqual([]);
  });

  it('would catch the cut it guards against', () => {
    expect(['Dr', 'Dr.', 'Gen.', 'Lt'].every(isCutName)).toBe(true);
    expect(['Dr. Sana Qureshi', 'K. Sudhakar Rao', 'health ministry'].some(isCutName)).toBe(false);
  });
});
