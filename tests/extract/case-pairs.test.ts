/** Case-insensitive patterns rewritten as pairs of cases: the same matches, on any text. */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { withCasePairs } from '../../lambdas/extract/case-pairs';
import { chronoPatterns, matches } from '../support/patterns';

// Characters whose case reaches ASCII one way or another: the long s, the Kelvin sign, the dotted and dotless i.
const TRICKY = 'ſ K İ ı Å ß ﬀ MAY mAy TWENTY-SEVENTH Sept. 3RD “Monday” 😀 – 20\u00a0May';

describe('withCasePairs', () => {
  it.each([
    [/may/i, '[mM][aA][yY]', ''],
    [/\bon\s+(\d+)(?:st|nd)?/gi, String.raw`\b[oO][nN]\s+(\d+)(?:[sS][tT]|[nN][dD])?`, 'g'],
    [/[a-c_]x/i, '[a-c_ABC][xX]', ''],
    [/[^A-Z0-9]/i, '[^A-Z0-9abcdefghijklmnopqrstuvwxyz]', ''],
    [/\W[\w-]+ \–（/i, String.raw`\W[\w\-]+ \–（`, ''],
  ])('rewrites %s', (pattern, source, flags) => {
    const paired = withCasePairs(pattern);
    expect(paired.source).toBe(source);
    expect(paired.flags).toBe(flags);
  });

  it.each([
    [/may/, 'no i flag'],
    [/may/iu, 'Unicode mode'],
    [/(a)\1/i, 'a back reference'],
    [/(?<day>\d+)/i, 'a named group'],
    [/\x41/i, 'an escape by code'],
    [/café/i, 'a letter beyond ASCII'],
  ])('leaves %s as it is (%s)', (pattern) => {
    expect(withCasePairs(pattern)).toBe(pattern);
  });

  it('keeps characters beyond ASCII that have no case: none is the upper case of another character', () => {
    const uppers = new Set<string>();
    for (let code = 0; code < 0x10000; code++) {
      const c = String.fromCharCode(code);
      if (c.toUpperCase() !== c && c.toUpperCase().length === 1) uppers.add(c.toUpperCase());
    }
    expect([...uppers].filter((u) => u.toLowerCase() === u)).toEqual([]);
  });

  it('rewrites every pattern of chrono and finds the same matches in the articles of the tests', () => {
    const dir = 'tests/fixtures/articles';
    const texts = [TRICKY, ...readdirSync(dir).filter((f) => f.endsWith('.txt')).map((f) => readFileSync(`${dir}/${f}`, 'utf8'))];
    const patterns = chronoPatterns();
    expect(patterns.length).toBeGreaterThan(10);
    for (const pattern of patterns) {
      const paired = withCasePairs(pattern);
      expect(paired.flags, pattern.source).not.toContain('i');
      for (const text of texts) expect(matches(paired, text), pattern.source).toEqual(matches(pattern, text));
    }
  });

  it('finds the same matches as the case-insensitive pattern (20,000 generated patterns and texts)', () => {
    const atoms = ['a', 'k', 'S', 'z', 'I', '[a-f]', '[^k-s]', '[K_-]', String.raw`[\b-c]`, '[-x]', String.raw`\w`, String.raw`\W`, String.raw`\b`, String.raw`\d`, String.raw`\s`, '.', '’', String.raw`\-`, '(?:ay|AY)', '(s|k)'];
    const quantifiers = ['', '', '?', '+', '*', '{1,2}'];
    const alphabet = ['a', 'A', 'k', 'K', 's', 'S', 'z', 'I', 'i', 'ſ', 'K', 'İ', 'ı', 'é', '_', '-', '3', ' ', '\b', '’', '😀'];
    let seed = 11;
    const next = (n: number): number => Math.floor((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648 * n);
    const differing: string[] = [];
    for (let n = 0; n < 20_000 && differing.length < 3; n++) {
      let source = '';
      for (let k = 1 + next(5); k > 0; k--) source += atoms[next(atoms.length)]! + quantifiers[next(quantifiers.length)]!;
      if (next(4) === 0) source += `|${atoms[next(atoms.length)]!}`;
      let pattern: RegExp;
      try {
        pattern = new RegExp(source, 'i');
      } catch {
        continue; // "\b+": nothing to repeat
      }
      const paired = withCasePairs(pattern);
      expect(paired.flags).toBe('');
      let text = '';
      for (let k = next(16); k > 0; k--) text += alphabet[next(alphabet.length)];
      if (matches(paired, text).join() !== matches(pattern, text).join()) differing.push(`/${source}/i on ${JSON.stringify(text)}`);
    }
    expect(differing).toEqual([]);
  });
});
