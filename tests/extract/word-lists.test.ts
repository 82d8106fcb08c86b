/** Long word lists left out of a pattern where the text holds none of their words: the same matches. */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { withCasePairs } from '../../lambdas/extract/case-pairs';
import { holdsListWord, longWordLists, MIN_LIST_CHARS, patternsForText, withoutLists } from '../../lambdas/extract/word-lists';
import { chronoPatterns, matches } from '../support/patterns';

const LONG_LIST = `(?:${['twenty-first', 'twenty first', 'thirtieth', 'eleventh', 'second', 'first', 'third'].join('|').padEnd(MIN_LIST_CHARS, '|first')})`;

describe('longWordLists', () => {
  it('finds chrono\'s ordinal words, once per pattern, and no shorter list', () => {
    const lists = chronoPatterns().map((p) => longWordLists(p.source));
    const withLists = lists.filter((l) => l.length > 0);
    // The "20 May" and "May 20" patterns, each holding the ordinal words twice.
    expect(withLists).toHaveLength(2);
    for (const [list] of withLists) {
      expect(list!.group).toContain('twenty-seventh');
      expect(list!.cover).toEqual(expect.arrayContaining(['first', 'second', 'third', 'tenth', 'twelfth', 'thirtieth']));
      expect(list!.cover).not.toContain('twenty-first');
    }
    expect(longWordLists('(?:september|sept\\.|may|june)')).toEqual([]);
  });

  it('covers every word of a list by one of its cover words, escaped dots read as dots', () => {
    const source = `(?:${Array.from({ length: 40 }, (_, i) => `word${String.fromCharCode(97 + (i % 26))}x\\.`).join('|')}|wordy)`;
    const [list] = longWordLists(`a${source}b`);
    expect(list!.group).toBe(source);
    for (const word of source.slice(3, -1).split('|')) expect(list!.cover.some((c) => word.replace('\\.', '.').includes(c))).toBe(true);
  });

  it('reads no group with captures, look-arounds or classes as a list', () => {
    expect(longWordLists(LONG_LIST.replace('(?:', '(?:(x)|'))).toEqual([]);
    expect(longWordLists(LONG_LIST.replace('(?:', '(?:(?=a)|'))).toEqual([]);
    expect(longWordLists(LONG_LIST.replace('|second|', '|sec[o0]nd|'))).toEqual([]);
  });

  it('takes no escaped parenthesis or character class for a list, nor a list also written inside one', () => {
    expect(longWordLists(`\\${LONG_LIST}`)).toEqual([]);
    expect(longWordLists(`[${LONG_LIST}]`)).toEqual([]);
    expect(longWordLists(`${LONG_LIST} [${LONG_LIST}]`)).toEqual([]);
    expect(longWordLists(`\\\\${LONG_LIST}`)).toHaveLength(1);
    expect(longWordLists(`[\\]]${LONG_LIST}`)).toHaveLength(1);
  });
});

describe('withoutLists', () => {
  it('puts (?!) where each list stood', () => {
    const [list] = longWordLists(LONG_LIST);
    expect(withoutLists(new RegExp(`on (${LONG_LIST}|\\d+) of ${LONG_LIST}?`, 'i'), [list!]).source).toBe('on ((?!)|\\d+) of (?!)?');
  });
});

describe('patternsForText', () => {
  // Near misses and characters whose case reaches ASCII: the long s, the Kelvin sign, ligatures, the dotted capital I.
  const TRICKY = ['ſecond', 'ﬁrst', 'İ', 'K', 'firsthand', 'FIRST', 'Twenty-First', 'twenty  first', 'thirtieths', 'fir st', '3rd', '21st'];
  const WORDS = ['on', 'the', 'May', 'of', 'June', '20', '1', 'to', '-', ',', '2019', 'Sept.', 'and', ...TRICKY];

  function* texts(): Generator<string> {
    const dir = 'tests/fixtures/articles';
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.txt'))) yield* readFileSync(`${dir}/${file}`, 'utf8').split(/(?<=[.!?])\s+/);
    let seed = 7;
    const next = (n: number): number => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) % n);
    for (let i = 0; i < 3000; i++) yield Array.from({ length: 1 + next(9) }, () => WORDS[next(WORDS.length)]).join(next(3) ? ' ' : '');
  }

  it('finds, on any text, the same matches as the whole pattern paired', () => {
    const forText = patternsForText(withCasePairs);
    let twins = 0;
    for (const pattern of chronoPatterns()) {
      const whole = withCasePairs(pattern);
      for (const text of texts()) {
        const read = forText(pattern, text);
        if (read !== whole) twins++;
        expect(matches(read, text), `${pattern.source.slice(0, 40)} on ${text}`).toEqual(matches(whole, text));
      }
    }
    expect(twins).toBeGreaterThan(1000);
  });

  it('reads the whole pattern where the text spells a day as a word, in any case', () => {
    const [pattern] = chronoPatterns().filter((p) => longWordLists(p.source).length > 0);
    const forText = patternsForText((p) => p);
    for (const text of ['on the Twenty-First of May', 'FIRST of June', 'the second of May']) {
      expect(forText(pattern!, text)).toBe(pattern);
      expect(holdsListWord(text.toLowerCase(), longWordLists(pattern!.source)[0]!)).toBe(true);
    }
    expect(forText(pattern!, 'on 21 May')).not.toBe(pattern);
    expect(forText(pattern!, 'on 21 May')).toBe(forText(pattern!, 'on 22 June'));
  });
});
