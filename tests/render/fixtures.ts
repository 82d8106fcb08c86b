import { readFileSync } from 'node:fs';
import type { Extraction } from '../../lambdas/extract/types';

export const loadExtraction = (name: string): Extraction =>
  JSON.parse(readFileSync(new URL(`../fixtures/extraction/${name}.json`, import.meta.url), 'utf8')) as Extraction;

/** The seed extraction with `count` figures, enough to push the figures table over pages. */
export function manyFigures(count: number): Extraction {
  const seed = loadExtraction('idlib-offensive-2019');
  const figures = Array.from({ length: count }, (_, i) => {
    const base = seed.figures[i % seed.figures.length]!;
    return { ...base, id: `f${i + 1}`, value: base.value + i, key: i < 8, rank: i < 8 ? i + 1 : null, span: [i * 10, i * 10 + 3] as const };
  });
  return { ...seed, figures };
}
