/**
 * Odd text never makes extraction throw; it yields a valid document, possibly with nothing in it,
 * and no step of extraction fails on it (a step that threw would be listed in `problems`).
 */
import { describe, expect, it } from 'vitest';
import { extractFigures } from '../../lambdas/extract';
import { extractionErrors } from '../../schema/validate';
import { articleFromText } from './article';
import { withBrokenRule } from '../support/broken-rule';

// A fixed generator, so a failure can be replayed.
function noise(length: number, seed: number): string {
  let state = seed;
  let out = '';
  for (let i = 0; i < length; i++) {
    state = (state * 1103515245 + 12345) & 0x7fffffff;
    out += String.fromCharCode(state % 0xd7ff);
  }
  return out;
}

const HOSTILE: readonly [string, string][] = [
  ['random UTF-16 code units', noise(100_000, 7)],
  ['a megabyte of digits', '7'.repeat(1_000_000)],
  ['digits and separators', '1,2 3.4-5/6:7%'.repeat(20_000)],
  ['unbalanced curly quotes', '“He said, ”she said“ '.repeat(5_000)],
  ['an unclosed straight quote', `"${'word '.repeat(20_000)}`],
  ['a run of dots', '.'.repeat(300_000)],
  ['abbreviations only', 'Mr. Dr. U.S. '.repeat(20_000)],
  ['verbs of saying only', 'said, '.repeat(50_000)],
  ['qualifiers without numbers', 'at least more than about '.repeat(20_000)],
  ['currency signs', '$€£'.repeat(30_000)],
  ['weekday soup', 'On Friday last Thursday '.repeat(5_000)],
  ['capitalised soup', 'The Ministry Of Network Watch Agency '.repeat(10_000)],
  ['one long number list', '1 '.repeat(50_000)],
  ['empty body', ''],
];

describe('hostile text', () => {
  it.each(HOSTILE)('%s', (_name, body) => {
    const x = extractFigures(articleFromText(`Title\n${body}`), { published: '2019-06-29' });
    expect(extractionErrors(JSON.parse(JSON.stringify(x)))).toEqual([]);
    expect(x.problems).toEqual([]);
  });

  it('reports a rule that throws instead of hiding it', async () => {
    await withBrokenRule('object-of-verb', () => {
      const x = extractFigures(articleFromText('Title\nTroops killed 12 bandits in the forest.'), { published: '2019-06-29' });
      expect(x.problems).toContainEqual({ step: 'meaning', rule: 'object-of-verb', message: 'TypeError: broken rule' });
      // The number is still read, by the next rule that applies.
      expect(x.figures.map((f) => f.value)).toContain(12);
    });
  });
});
