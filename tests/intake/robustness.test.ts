/**
 * Whatever the bytes, intake either returns a well-formed Article or throws an IntakeError:
 * never a TypeError from a parser, never an empty body, never offsets that drift. Inputs are
 * generated from a fixed seed, so a failure reproduces.
 */
import { describe, expect, it } from 'vitest';
import { IntakeError } from '../../lambdas/core/errors';
import { readArticle } from '../../lambdas/intake';
import type { ArticleFormat } from '../../lambdas/intake/types';
import { expectExactOffsets, fixture } from './support';

/** mulberry32: a small seeded PRNG, so the generated inputs are the same on every run. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SOURCES = ['cyclone-page.html', 'field-notes.md', 'newsapi-article.json', 'jsonld-article.json', 'cafe-utf8.txt', 'cafe-utf16le.txt', 'cafe-cp1252.txt'];
const FRAGMENTS = ['\u00a0', '\u200b', '\r\n', '\n\n', '<p>', '</div>', '{"', '"}', '---\n', '# ', '![x](y)', '(FILES) ', ' / AFP / X', '\u0000', '\ufeff', 'é', 'e\u0301', '“', '€', '\t', '[', ']', '\\', '```'];
const FORMATS: (ArticleFormat | undefined)[] = [undefined, 'txt', 'md', 'html', 'json'];

function mutate(bytes: Uint8Array, next: () => number): Uint8Array {
  const out = [...bytes];
  const edits = 1 + Math.floor(next() * 6);
  for (let i = 0; i < edits; i++) {
    const at = Math.floor(next() * (out.length + 1));
    const choice = next();
    if (choice < 0.3) out.splice(at, Math.floor(next() * 40)); // cut
    else if (choice < 0.6) out.splice(at, 0, ...new TextEncoder().encode(FRAGMENTS[Math.floor(next() * FRAGMENTS.length)]!));
    else if (choice < 0.8) out[at] = Math.floor(next() * 256); // flip a byte
    else out.length = at; // truncate
  }
  return new Uint8Array(out);
}

describe('intake on damaged and random input', () => {
  it('returns a well-formed Article or throws an IntakeError, for 600 generated inputs', () => {
    const next = random(20190629);
    const outcomes = { articles: 0, refusals: 0 };
    for (let i = 0; i < 600; i++) {
      const bytes = i % 5 === 0
        ? new Uint8Array(Math.floor(next() * 300)).map(() => Math.floor(next() * 256))
        : mutate(fixture(SOURCES[i % SOURCES.length]!), next);
      const format = FORMATS[Math.floor(next() * FORMATS.length)];
      try {
        const article = readArticle(bytes, { name: `case-${i}`, format });
        outcomes.articles++;
        expect(article.title.length).toBeGreaterThan(0);
        expect(article.paragraphs.length).toBeGreaterThan(0);
        for (const paragraph of article.paragraphs) {
          expect(paragraph).toBe(paragraph.trim());
          expect(paragraph).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u00a0\u200b\ufeff]|\s{2}/);
          expect(paragraph.normalize('NFC')).toBe(paragraph);
        }
        expectExactOffsets(article);
      } catch (error) {
        if (!(error instanceof IntakeError)) throw new Error(`case ${i} (${format ?? 'by name'}) threw ${String(error)}`);
        outcomes.refusals++;
        expect(error.message).not.toMatch(/\n/);
        expect(error.message.length).toBeGreaterThan(10);
      }
    }
    // Both outcomes must actually occur, or the generator is not testing anything.
    expect(outcomes.articles).toBeGreaterThan(100);
    expect(outcomes.refusals).toBeGreaterThan(100);
  });
});
