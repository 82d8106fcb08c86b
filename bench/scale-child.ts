/**
 * Runs in a fresh process per article size (bundled by scale.ts): warms the extractor on the
 * seed and the development set, then times intake and extraction of one large article and reports the peak RSS.
 * Prints one JSON line on stdout. Usage: scale-child <article.txt> <published> <repeats>
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { readArticle } from '../lambdas/intake';
import { extractFigures } from '../lambdas/extract';
import { devSet, seedArticle } from './articles';
import { summarise } from './stats';

const [file, published, repeatsArg] = process.argv.slice(2);
if (!file || !published) throw new Error('usage: scale-child <article.txt> <published> <repeats>');
const repeats = Math.max(1, Number(repeatsArg ?? 1));

// Warmed as the per-stage section warms (stages.ts): 5 passes over the seed and the development
// set, so the 4 KB row times warm extraction, not V8 still optimising it.
for (let i = 0; i < 5; i += 1) {
  for (const item of [seedArticle(), ...devSet()]) extractFigures(readArticle(item.bytes, { name: item.name }), { published: item.published });
}
const rssBeforeMB = process.memoryUsage().rss / 2 ** 20;

const bytes = readFileSync(file);
const heapMB = (): number => process.memoryUsage().heapUsed / 2 ** 20;
let heapAfterIntakeMB = 0;
let heapAfterExtractionMB = 0;
const intakeMs: number[] = [];
const extractMs: number[] = [];
let figures = 0;
for (let i = 0; i < repeats; i += 1) {
  let t = performance.now();
  const article = readArticle(bytes, { name: path.basename(file) });
  intakeMs.push(performance.now() - t);
  heapAfterIntakeMB = heapMB();
  t = performance.now();
  const extraction = extractFigures(article, { published });
  extractMs.push(performance.now() - t);
  // Both still alive here: the heap holds the article and its extraction, as a handler would.
  heapAfterExtractionMB = heapMB();
  figures = extraction.figures.length;
}
process.stdout.write(JSON.stringify({
  bytes: bytes.byteLength,
  intakeMs: summarise(intakeMs).median,
  extractMs: summarise(extractMs).median,
  figures,
  rssBeforeMB,
  heapAfterIntakeMB,
  heapAfterExtractionMB,
  // resourceUsage().maxRSS is in kilobytes.
  maxRssMB: process.resourceUsage().maxRSS / 1024,
}) + '\n');
