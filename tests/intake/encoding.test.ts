import { describe, expect, it } from 'vitest';
import { readArticle } from '../../lambdas/intake';
import { decodeBytes, decodeWindows1252 } from '../../lambdas/intake/decode';
import { expectExactOffsets, fixture, readText } from './support';

// The same article saved four ways (the non-UTF-8 files were made with iconv, not this code).
const utf8 = readArticle(fixture('cafe-utf8.txt'), { name: 'cafe-utf8.txt' });

describe('encodings', () => {
  it('reads the UTF-8 original with its curly quotes, accents and euro signs', () => {
    expect(utf8.title).toBe('Café owners in Beira count the cost: “We lost €12,000 in one night”');
    expect(utf8.text).toContain('“The fridges, the coffee machine, the chairs – everything,” he said.');
    expect(utf8.text).toContain('a €2.5 million fund');
    expect(utf8.text).toContain('city’s centre');
  });

  it.each([
    ['cafe-utf16le.txt', 'utf-16le'],
    ['cafe-utf16be.txt', 'utf-16be'],
    ['cafe-cp1252.txt', 'windows-1252'],
  ])('%s decodes (%s) to exactly the UTF-8 text', (name, encoding) => {
    const bytes = fixture(name);
    expect(decodeBytes(bytes).encoding).toBe(encoding);
    const article = readArticle(bytes, { name });
    expect(article.title).toBe(utf8.title);
    expect(article.paragraphs).toEqual(utf8.paragraphs);
    expect(article.text).toBe(utf8.text);
    expect(article.text).not.toMatch(/[\u0080-\u009f\ufffd]|Ã|â€/);
    expect(article.sha256).not.toBe(utf8.sha256); // the hash is of the bytes as delivered
    expectExactOffsets(article);
  });

  it('drops a UTF-8 byte-order mark', () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...fixture('cafe-utf8.txt')]);
    const article = readArticle(bytes, { name: 'bom.txt' });
    expect(article.title).toBe(utf8.title);
    expect(article.text).toBe(utf8.text);
  });

  it('maps every defined Windows-1252 byte in 0x80–0x9F to its character, not a C1 control', () => {
    expect(decodeWindows1252(new Uint8Array([0x80, 0x85, 0x91, 0x92, 0x93, 0x94, 0x96, 0x97, 0x99, 0xe9, 0x41]))).toBe('€…‘’“”–—™éA');
  });

  it('normalises to NFC and folds odd spaces and invisible characters', () => {
    const decomposed = 'Cafe\u0301 owners';
    const article = readText(
      `Headline with\u00a0no-break space\n\n${decomposed} met at 10\u202f000 sites,\u2009said\u200b the co\u00adoperative.\u0007`,
      { name: 'odd.txt' },
    );
    expect(article.title).toBe('Headline with no-break space');
    expect(article.paragraphs).toEqual(['Café owners met at 10 000 sites, said the cooperative.']);
    expect(article.text.normalize('NFC')).toBe(article.text);
    expectExactOffsets(article);
  });

  it('keeps offsets exact across many paragraphs with odd spaces', () => {
    const article = readText(
      Array.from({ length: 30 }, (_, i) => `Paragraph\u00a0${i + 1}:\u2003${'word '.repeat(i)}end.`).join('\n\n'),
      { name: 'many.txt' },
    );
    expect(article.paragraphs.length).toBeGreaterThanOrEqual(29);
    expectExactOffsets(article);
    const start = article.text.indexOf('Paragraph 17:');
    expect(article.text.slice(start, start + 13)).toBe('Paragraph 17:');
  });
});

describe('declared charsets (bytes that are not UTF-8)', () => {
  it('honours <meta http-equiv> windows-1251 in an HTML page', () => {
    const article = readArticle(fixture('orsk-cp1251.html'), { name: 'orsk-cp1251.html' });
    expect(article.title).toBe('Паводок в Орске: эвакуированы более 4 500 человек');
    expect(article.paragraphs[1]).toBe('«Вода продолжает прибывать», — сказал глава города, добавив, что подтоплены около 2 000 жилых домов.');
  });

  it('honours the charset of a content type (an S3 object with no useful key)', () => {
    // "Ещё 12 домов" in KOI8-R, written out byte by byte.
    const koi8 = new Uint8Array([0xe5, 0xdd, 0xa3, 0x20, 0x31, 0x32, 0x20, 0xc4, 0xcf, 0xcd, 0xcf, 0xd7, 0x2e]);
    expect(readArticle(koi8, { name: 'upload', contentType: 'text/plain; charset=KOI8-R' }).text).toBe('Ещё 12 домов.');
    // Without the declaration the same bytes can only be guessed as Windows-1252.
    expect(decodeBytes(koi8).encoding).toBe('windows-1252');
  });

  it('lets valid UTF-8 win over a wrong declaration, and maps latin1 labels to Windows-1252', () => {
    expect(readArticle(new TextEncoder().encode('Ação em São Paulo.'), { name: 'x', contentType: 'text/plain; charset=iso-8859-1' }).text)
      .toBe('Ação em São Paulo.');
    expect(decodeBytes(new Uint8Array([0x93, 0x41, 0x94]), 'iso-8859-1')).toEqual({ text: '“A”', encoding: 'windows-1252' });
  });
});
