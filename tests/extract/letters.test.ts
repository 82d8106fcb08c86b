/** Letter tests: an ASCII character read by its code, as the Unicode classes read it. */
import { describe, expect, it } from 'vitest';
import { endsWithLetter, hasLetter, startsUpper, startsWithLetter } from '../../lambdas/extract/letters';

describe('letter tests', () => {
  it('read every ASCII character and common punctuation beyond it, alone and around others, as the Unicode classes do', () => {
    const samples = ['Éric', 'éric', 'x’', '’x', '’s', '“A”', '–', '€5', 'ª', 'µm', 'º', '×', 'a\u0301', '5km', '—', '𝐀b', ''];
    for (let c = 0; c < 128; c++) samples.push(String.fromCharCode(c), `${String.fromCharCode(c)}é`, `é${String.fromCharCode(c)}`, `1${String.fromCharCode(c)}-`);
    for (const s of samples) {
      expect(hasLetter(s), s).toBe(/\p{L}/u.test(s));
      expect(startsUpper(s), s).toBe(/^\p{Lu}/u.test(s));
      expect(startsWithLetter(s), s).toBe(/^\p{L}/u.test(s));
      expect(endsWithLetter(s), s).toBe(/\p{L}$/u.test(s));
    }
  });
});
