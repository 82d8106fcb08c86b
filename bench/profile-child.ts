/**
 * A CPU-profiling workload, bundled and run as `node --cpu-prof profile-child.mjs <workload>` by
 * profile.ts when a target is missed. Each workload repeats one hot path long enough
 * (a few seconds) for the sampling profiler to see where the time goes.
 */
import { readFileSync } from 'node:fs';
import { readArticle } from '../lambdas/intake';
import { extractFigures } from '../lambdas/extract';
import { renderBriefing } from '../lambdas/render';
import { devSet, seedArticle } from './articles';

const [workload, arg] = process.argv.slice(2);
const deadline = performance.now() + 4000;

if (workload === 'extraction') {
  const articles = devSet();
  while (performance.now() < deadline) {
    for (const a of articles) extractFigures(readArticle(a.bytes, { name: a.name }), { published: a.published });
  }
} else if (workload === 'render') {
  const seed = seedArticle();
  const extraction = extractFigures(readArticle(seed.bytes, { name: seed.name }), { published: seed.published });
  while (performance.now() < deadline) await renderBriefing(extraction, {});
} else if (workload === 'large-extraction' && arg) {
  extractFigures(readArticle(readFileSync(arg), { name: 'large.txt' }), { published: '2025-01-15' });
} else {
  throw new Error('usage: profile-child extraction | render | large-extraction <file>');
}
