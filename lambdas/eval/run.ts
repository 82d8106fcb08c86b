/**
 * `briefing eval <dir>`: every article in a folder that has a `<name>.gold.json` beside it goes
 * through the real intake and extractor, and is scored against its gold.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import { BriefingError, IntakeError } from '../core/errors';
import { readArticle } from '../intake';
import { extractFigures } from '../extract';
import { parseGold } from './gold';
import { scoreArticle, totals, type ArticleScore, type Totals } from './score';

const ARTICLE_EXTENSIONS = new Set(['.txt', '.md', '.markdown', '.html', '.htm', '.json']);
const GOLD_SUFFIX = '.gold.json';

export interface EvalResult {
  readonly scores: readonly ArticleScore[];
  readonly totals: Totals;
  /** Extraction time of each article, milliseconds (intake excluded). */
  readonly millis: readonly number[];
}

/** Thrown when the folder cannot be evaluated at all (exit 3). */
function badDir(dir: string, reason: string): BriefingError {
  return new IntakeError('bad_dir', reason, { context: { file: dir } });
}

/** Pairs each `<name>.gold.json` with the article file `<name>.<ext>` beside it. */
export function goldPairs(dir: string): { article: string; gold: string }[] {
  let names: string[];
  try {
    if (!statSync(dir).isDirectory()) throw badDir(dir, 'not a directory');
    names = readdirSync(dir).sort();
  } catch (error) {
    if (error instanceof BriefingError) throw error;
    throw badDir(dir, (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such directory' : 'cannot be read');
  }
  const pairs: { article: string; gold: string }[] = [];
  for (const gold of names.filter((n) => n.endsWith(GOLD_SUFFIX))) {
    const stem = gold.slice(0, -GOLD_SUFFIX.length);
    const article = names.find((n) => n !== gold && ARTICLE_EXTENSIONS.has(extname(n).toLowerCase()) && basename(n, extname(n)) === stem);
    if (!article) throw badDir(join(dir, gold), `no article file ${stem}.<txt|md|html|json> beside it`);
    pairs.push({ article, gold });
  }
  if (pairs.length === 0) throw badDir(dir, `no article with a ${GOLD_SUFFIX} file beside it`);
  return pairs;
}

export function evaluateDirectory(dir: string): EvalResult {
  const scores: ArticleScore[] = [];
  const millis: number[] = [];
  for (const pair of goldPairs(dir)) {
    const goldPath = join(dir, pair.gold);
    const gold = parseGold(goldPath, readFileSync(goldPath, 'utf8'));
    const articlePath = join(dir, pair.article);
    const article = readArticle(readFileSync(articlePath), { name: articlePath });
    const t0 = performance.now();
    const extraction = extractFigures(article, { published: gold.published });
    millis.push(performance.now() - t0);
    scores.push(scoreArticle(pair.article, extraction, gold));
  }
  return { scores, totals: totals(scores), millis };
}
