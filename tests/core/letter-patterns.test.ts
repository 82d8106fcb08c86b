/** Patterns over letters, read with ASCII classes where the text's letters are all ASCII. */
import { describe, expect, it } from 'vitest';
import { asciiLettersOnly, asciiTwin, isPunctuationOrSymbol, letterPattern } from '../../lambdas/core/letter-patterns';

describe('isPunctuationOrSymbol', () => {
  it('names no letter or mark of the Basic Multilingual Plane, and the quotes, dashes and signs of news', () => {
    const named: number[] = [];
    for (let c = 0; c < 0x10000; c++) if (isPunctuationOrSymbol(c)) named.push(c);
    expect(named.filter((c) => /[\p{L}\p{M}]/u.test(String.fromCharCode(c)))).toEqual([]);
    for (const ch of '’‘“”–—…€£¥°§×\u00a0') expect(isPunctuationOrSymbol(ch.charCodeAt(0)), ch).toBe(true);
    for (const ch of 'aªµºéŠ') expect(isPunctuationOrSymbol(ch.charCodeAt(0)), ch).toBe(false);
  });
});

describe('asciiLettersOnly', () => {
  it('is true when whatever lies beyond ASCII is no letter or mark', () => {
    expect(asciiLettersOnly('Yemen’s “worst” day – 45°C, €3 million, 🙂')).toBe(true);
    expect(asciiLettersOnly('')).toBe(true);
  });

  it('is false for a letter or a combining mark beyond ASCII, in or outside the Basic Multilingual Plane', () => {
    expect(asciiLettersOnly('rain in Valparaíso')).toBe(false);
    expect(asciiLettersOnly('Valparai\u0301so')).toBe(false);
    expect(asciiLettersOnly('the 𝐀 sign')).toBe(false);
    // Letters that fold to ASCII under a case-insensitive pattern: the Kelvin sign, the long s.
    expect(asciiLettersOnly('\u212A and \u017F')).toBe(false);
  });
});

describe('asciiTwin', () => {
  it('reads each letter class as its ASCII ranges, inside a class or alone', () => {
    expect(asciiTwin("\\p{Lu}[\\p{L}\\p{M}'’-]*")).toBe("[A-Z][A-Za-z'’-]*");
    expect(asciiTwin('[^\\p{L}]\\p{Ll}+')).toBe('[^A-Za-z][a-z]+');
    expect(asciiTwin('x\\p{M}?y')).toBe('x[]?y');
  });

  it('leaves other escapes and classes as they are', () => {
    expect(asciiTwin('\\b\\d+[.,\\]]\\s\\\\p')).toBe('\\b\\d+[.,\\]]\\s\\\\p');
  });

  it('refuses a property it has no ASCII reading for', () => {
    expect(() => asciiTwin('\\p{N}')).toThrow(/no ASCII twin for \\p\{N\}/);
    expect(() => asciiTwin('\\P{L}')).toThrow(/no ASCII twin/);
    expect(() => asciiTwin('\\p{Script=Latin}')).toThrow(/no ASCII twin/);
  });
});

describe('letterPattern', () => {
  const NAME = "\\p{Lu}(?<![\\p{L}\\p{M}].)[\\p{L}\\p{M}'’-]*(?:\\s+\\p{Lu}[\\p{L}\\p{M}'’-]*)*";
  const matches = (re: RegExp, text: string): string[] => [...text.matchAll(re)].map((m) => `${m.index}:${m[0]}`);

  it('reads text whose letters are all ASCII the same with either build', () => {
    const names = letterPattern(NAME, 'gu');
    const byline = letterPattern("^by\\s+\\p{Lu}[\\p{L}.'’-]*(?:\\s+\\p{Lu}[\\p{L}.'’-]*)*$", 'iu');
    for (const text of ['The UN’s “Office for the Coordination” said on Monday', 'McDonald’s O’Neill and al-Numan met Kafr Nabl – in 2019']) {
      expect(asciiLettersOnly(text)).toBe(true);
      expect(matches(names(true), text)).toEqual(matches(names(false), text));
    }
    for (const text of ['By Jane O’Neill', 'by reuters staff', 'BY Ahmed al-Sayed']) expect(byline(true).test(text)).toBe(byline(false).test(text));
  });

  it('keeps the Unicode build for text with letters beyond ASCII, where the twin would cut names', () => {
    const names = letterPattern(NAME, 'gu');
    const text = 'Rescuers reached Valparaíso and Šabac';
    expect(asciiLettersOnly(text)).toBe(false);
    expect(matches(names(false), text)).toEqual(['0:Rescuers', '17:Valparaíso', '32:Šabac']);
    expect(matches(names(true), text)).not.toEqual(matches(names(false), text));
  });

  it('builds each pattern once, on first use', () => {
    const names = letterPattern(NAME, 'gu');
    expect(names(true)).toBe(names(true));
    expect(names(false)).toBe(names(false));
    expect(names(true).source).not.toContain('\\p{');
  });
});
