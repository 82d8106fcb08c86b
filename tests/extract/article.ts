/** A plain-text article for extractor tests: first line the title, non-empty lines the paragraphs. */
import type { Article } from '../../lambdas/intake/types';

export function articleFromText(raw: string, name = 'test.txt'): Article {
  const lines = raw.split(/\r?\n/).map((l) => l.trim()).filter(Boolean);
  const paragraphs = lines.slice(1);
  return {
    title: lines[0] ?? '', published: null, source: null, url: null, byline: null,
    paragraphs, text: paragraphs.join('\n\n'), captions: [], sha256: '0'.repeat(64), format: 'txt', input: name,
  };
}
