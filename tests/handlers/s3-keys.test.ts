import { describe, expect, it } from 'vitest';
import {
  briefingKeyFor, decodeEventKey, encodeEventKey, errorKeyFor, figuresKeyFor, withoutExtension,
} from '../../lambdas/handlers/s3-keys';
import { isBriefingError } from '../../lambdas/core/errors';

describe('S3 notification key codec', () => {
  it('decodes + as a space and %2B as a plus', () => {
    expect(decodeEventKey('2019/idlib+offensive%2Bupdate+%C3%BC.txt')).toBe('2019/idlib offensive+update ü.txt');
  });

  it('round-trips keys through the encoding S3 uses', () => {
    for (const key of ['a b/c+d.txt', 'Київ/звіт 1.html', 'x/%41 literal.md', "it's (1).json", 'emoji 🙂.txt']) {
      const encoded = encodeEventKey(key);
      expect(encoded).not.toMatch(/[ \u0080-\u{10ffff}]/u);
      expect(decodeEventKey(encoded)).toBe(key);
    }
  });

  it('refuses malformed encoding with a typed error', () => {
    let thrown: unknown;
    try {
      decodeEventKey('bad%E0%A4%A.txt');
    } catch (error) {
      thrown = error;
    }
    expect(isBriefingError(thrown) && thrown.code).toBe('bad_key');
  });
});

describe('output keys (docs/contract.md)', () => {
  it('maps input keys to figures, briefings and errors keys', () => {
    expect(figuresKeyFor('2019/idlib.html')).toBe('figures/2019/idlib.json');
    expect(briefingKeyFor('figures/2019/idlib.json')).toBe('briefings/2019/idlib.pdf');
    expect(errorKeyFor('2019/idlib.html')).toBe('errors/2019/idlib.html.json');
  });

  it('strips only the last segment extension', () => {
    expect(withoutExtension('v1.2/report')).toBe('v1.2/report');
    expect(withoutExtension('a/.hidden')).toBe('a/.hidden');
    expect(withoutExtension('a/b.tar.gz')).toBe('a/b.tar');
    expect(withoutExtension('README')).toBe('README');
  });

  it('gives no briefing key for objects outside figures/…json', () => {
    expect(briefingKeyFor('errors/figures/x.json')).toBeNull();
    expect(briefingKeyFor('figures/x.txt')).toBeNull();
  });
});
