/**
 * The articles the bench measures: the seed and the development set (tests/fixtures/articles),
 * each with the published date from the `.gold.json` beside it, as `briefing eval` uses them.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The project root: the nearest folder with a package.json (this file may run bundled in bench/tmp). */
function findRoot(from: string): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, 'package.json'))) return dir;
    if (path.dirname(dir) === dir) throw new Error(`no package.json above ${from}`);
  }
}

export const ROOT = findRoot(path.dirname(fileURLToPath(import.meta.url)));
export const DEV_SET_DIR = path.join(ROOT, 'tests/fixtures/articles');
export const SEED_NAME = 'idlib-offensive-2019.txt';

const ARTICLE_EXTENSIONS = new Set(['.txt', '.md', '.html', '.htm', '.json']);

export interface BenchArticle {
  readonly name: string;
  readonly path: string;
  readonly bytes: Uint8Array;
  readonly published: string | null;
}

function publishedFromGold(articlePath: string): string | null {
  const gold = articlePath.replace(/\.[^.]+$/, '.gold.json');
  if (!existsSync(gold)) return null;
  const parsed = JSON.parse(readFileSync(gold, 'utf8')) as { published?: unknown };
  return typeof parsed.published === 'string' ? parsed.published : null;
}

function load(file: string): BenchArticle {
  return { name: path.basename(file), path: file, bytes: readFileSync(file), published: publishedFromGold(file) };
}

/** An article of the set is a file with its `.gold.json` beside it, as `briefing eval` reads them. */
const isArticleFile = (name: string): boolean =>
  !name.endsWith('.gold.json')
  && ARTICLE_EXTENSIONS.has(path.extname(name).toLowerCase())
  && existsSync(path.join(DEV_SET_DIR, name.replace(/\.[^.]+$/, '.gold.json')));

/** Every article of the development set, sorted by name (the seed among them). */
export function devSet(): BenchArticle[] {
  if (!existsSync(DEV_SET_DIR)) return [];
  return readdirSync(DEV_SET_DIR).filter(isArticleFile).sort().map((name) => load(path.join(DEV_SET_DIR, name)));
}

/** The seed, from the development set (its gold gives the published date). */
export function seedArticle(): BenchArticle {
  const inDevSet = path.join(DEV_SET_DIR, SEED_NAME);
  if (existsSync(inDevSet)) return load(inDevSet);
  throw new Error(`seed article ${SEED_NAME} not found in ${DEV_SET_DIR}`);
}
