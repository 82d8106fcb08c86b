/** The tokenizer's ASCII scanner against the regular expression it stands in for. */
import { describe, expect, it } from 'vitest';
import { TOKEN_SOURCE, tokenize } from '../../lambdas/extract/tokens';

/** The token pattern as written (Unicode letter classes) read globally, every match a token, with the same split of "'s" and "n't". */
function byPattern(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(new RegExp(TOKEN_SOURCE, 'gu'))) {
    const raw = m[0];
    const lower = raw.toLowerCase();
    const cut = /^\p{L}/u.test(raw) && lower.length > 3 && /['’]s$/.test(lower) ? 2 : /^\p{L}/u.test(raw) && lower.length > 4 && /n['’]t$/.test(lower) ? 3 : 0;
    if (cut) out.push(`${m.index}:${raw.slice(0, -cut)}`, `${m.index + raw.length - cut}:${raw.slice(-cut)}`);
    else out.push(`${m.index}:${raw}`);
  }
  return out;
}
const scanned = (text: string): string[] => tokenize(text).map((t) => `${t.start}:${t.text}`);

describe('tokenize', () => {
  it.each([
    ['Covid-19 and AK-47, 1,200.5 people', ['0:Covid-19', '9:and', '13:AK-47', '18:,', '20:1,200.5', '28:people']],
    ["Yemen's food-insecure didn't", ['0:Yemen', "5:'s", '8:food-insecure', '22:did', "25:n't"]],
    ['Valparaíso’s B-́i\u00a0$5', ['0:Valparaíso', '10:’s', '13:B-́i', '18:$', '19:5']],
  ])('reads %j', (text, tokens) => {
    expect(scanned(text)).toEqual(tokens);
  });

  it('reads every string as the pattern does (200,000 generated strings)', () => {
    const alphabet = ['0', '2', '9', '.', ',', '-', "'", '’', ' ', '\t', '\n', '\u00a0', 'a', 'z', 'B', 'M', 'Z', 'é', 'É', 'ß', 'İ', '\u0301', '$', '%', '(', '“', '–', '😀'];
    let seed = 7;
    const next = (): number => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    const differing: string[] = [];
    for (let n = 0; n < 200_000 && differing.length < 3; n++) {
      let text = '';
      for (let k = 1 + Math.floor(next() * 14); k > 0; k--) text += alphabet[Math.floor(next() * alphabet.length)];
      if (scanned(text).join('|') !== byPattern(text).join('|')) differing.push(text);
    }
    expect(differing).toEqual([]);
  });

  it('reads a window of a text with offsets into the whole text', () => {
    const text = 'At least 12 people died; 40 were hurt.';
    expect(tokenize(text, 9, 23).map((t) => [t.start, t.text])).toEqual([[9, '12'], [12, 'people'], [19, 'died']]);
  });
});
