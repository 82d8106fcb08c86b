/** Shared by the intake tests: fixture bytes, and reading text straight into an Article. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { readArticle } from '../../lambdas/intake';
import type { Article, IntakeOptions } from '../../lambdas/intake/types';
import { repoRoot } from '../support/cli';

export const fixture = (name: string): Uint8Array => readFileSync(join(repoRoot, 'tests/fixtures/intake', name));

export const readText = (text: string, options: IntakeOptions): Article =>
  readArticle(new TextEncoder().encode(text), options);

/** The offset contract: `text` is the paragraphs joined by blank lines, each findable at its start. */
export function expectExactOffsets(article: Article): void {
  expect(article.text).toBe(article.paragraphs.join('\n\n'));
  let start = 0;
  for (const paragraph of article.paragraphs) {
    expect(article.text.slice(start, start + paragraph.length)).toBe(paragraph);
    start += paragraph.length + 2;
  }
  expect(start - 2).toBe(article.text.length);
}
