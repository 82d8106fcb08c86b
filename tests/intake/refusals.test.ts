import { describe, expect, it } from 'vitest';
import { IntakeError } from '../../lambdas/core/errors';
import { readArticle } from '../../lambdas/intake';
import { formatSize } from '../../lambdas/intake/sniff';

const bytes = (...parts: (string | number[])[]): Uint8Array =>
  new Uint8Array(parts.flatMap((part) => (typeof part === 'string' ? [...new TextEncoder().encode(part)] : part)));

function refusal(input: Uint8Array, name = 'in.txt', maxBytes?: number): { code: string; message: string } {
  try {
    readArticle(input, { name, maxBytes });
  } catch (error) {
    expect(error).toBeInstanceOf(IntakeError);
    const { code, message, permanent, stage } = error as IntakeError;
    expect({ permanent, stage }).toEqual({ permanent: true, stage: 'intake' });
    return { code, message };
  }
  throw new Error('expected a refusal');
}

describe('refusals', () => {
  it.each([
    ['empty', bytes(''), 'empty', /^file is empty \(0 bytes\)$/],
    ['spaces, NBSP and zero-width only', bytes(' \n\t\u00a0\u200b\r\n  '), 'blank', /no visible text/],
    ['a NUL byte', bytes('Some text', [0], 'more text'), 'binary', /NUL byte at offset 9/],
    ['a PDF', bytes('%PDF-1.7\n%âãÏÓ\n1 0 obj'), 'binary', /PDF document/],
    ['a PNG', bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]), 'binary', /^binary file \(PNG image signature\), not an article$/],
    ['a JPEG', bytes([0xff, 0xd8, 0xff, 0xe0, 0, 16]), 'binary', /JPEG/],
    ['a ZIP (or .docx)', bytes('PK', [3, 4, 20, 0], 'word/document.xml'), 'binary', /ZIP archive.*\.docx/],
    ['a GZIP', bytes([0x1f, 0x8b, 8, 0]), 'binary', /GZIP/],
    ['an RTF', bytes('{\\rtf1\\ansi Hello}'), 'binary', /RTF/],
    ['UTF-16 without BOM', bytes([...new Uint8Array(Buffer.from('Headline\n\nBody text here.', 'utf16le'))]), 'bad_encoding', /UTF-16 text without a byte-order mark/],
    ['truncated UTF-16', bytes([0xff, 0xfe, 0x41, 0x00, 0x42]), 'bad_encoding', /not valid UTF-16/],
    ['many control bytes', bytes(Array.from({ length: 200 }, (_, i) => (i % 3 === 0 ? 0x01 : 0x41))), 'binary', /control bytes/],
    ['only a photo caption', bytes('Photo: A man walks past a burning car. / AFP / STR'), 'no_body', /only 1 photo caption/],
  ])('refuses %s', (_, input, code, reason) => {
    const got = refusal(input);
    expect(got.code).toBe(code);
    expect(got.message).toMatch(reason);
  });

  it('refuses an input over the limit and says both sizes', () => {
    expect(refusal(bytes('x'.repeat(2048)), 'big.txt', 1024)).toEqual({
      code: 'too_large',
      message: 'file is 2 KB; the limit for one article is 1 KB',
    });
    expect(refusal(bytes('x'.repeat(1025)), 'big.txt', 1024).message).toBe('file is 1025 bytes; the limit for one article is 1024 bytes');
    expect(formatSize(6.25 * 1024 * 1024)).toBe('6.3 MB');
    expect(formatSize(1)).toBe('1 byte');
  });

  it('accepts an input exactly at the limit', () => {
    const text = `Headline\n\n${'word '.repeat(200)}end.`;
    expect(readArticle(bytes(text), { name: 'at.txt', maxBytes: text.length }).paragraphs).toHaveLength(1);
  });
});
