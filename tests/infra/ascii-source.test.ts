/** Bundles rewritten in ASCII alone: the same program, character for character in what it computes. */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { asciiSource, writeAsciiSources } from '../../infra/ascii-source';

/** What a script leaves in `out`, as JSON (patterns as what they match in a few texts). */
function evaluate(code: string): string {
  const sandbox: { out: Record<string, unknown> } = { out: {} };
  runInNewContext(code, sandbox);
  const texts = ['“quoted”', '‘single’ don’t', 'caf\u00e9 \u00e9', 'a – b — c', '😀 x', 'plain'];
  return JSON.stringify(sandbox.out, (_, value: unknown) =>
    (value instanceof Object && Object.prototype.toString.call(value) === '[object RegExp]'
      ? texts.map((t) => (value as RegExp).exec(t)?.[0] ?? null)
      : value));
}

describe('asciiSource', () => {
  it.each([
    ['a pattern', 'out.p = /[“”‘’]+/g; out.q = /–|—/u; out.r = /\\’/;'],
    ['a pattern with an astral character', 'out.p = /😀/u; out.q = /[😀x]/u; out.r = /😀/;'],
    ['a String.raw template read as a pattern', 'out.p = new RegExp(String.raw`[’‘]\\s*(\\w+)`, "g"); out.s = String.raw`a’b${1 + 1}c—d`;'],
    ['a string, a template and a name', 'var café = "é\\’"; out.s = café + `“${café}” – \\’`;'],
    ['a division before a pattern', 'var a = 8, b = 2, c = 2; out.d = a / b / c; out.p = /é/.exec("café")[0];'],
    ['a string and a pattern inside a String.raw substitution', 'out.s = String.raw`x${"’"}y’`; out.p = new RegExp(String.raw`${/’/.source}|y’`);'],
    ['a comment', '/* “note” */ out.x = 1; // – end'],
  ])('rewrites %s in ASCII and computes the same', (_, code) => {
    const ascii = asciiSource(code);
    expect(ascii).not.toBeNull();
    expect(ascii).toMatch(/^[\x00-\x7F]*$/);
    expect(evaluate(ascii!)).toBe(evaluate(code));
  });

  it("spells the character as its escape in a pattern's source, which reads the same", () => {
    const ascii = asciiSource('out.p = /’/.source;')!;
    expect(ascii).toBe('out.p = /\\u2019/.source;');
    const sandbox = { out: {} as { p?: string } };
    runInNewContext(ascii, sandbox);
    expect(new RegExp(sandbox.out.p!).test('’')).toBe(true);
  });

  it('returns ASCII as it is', () => {
    const code = 'out.p = /\\u201c/; out.s = `x`;';
    expect(asciiSource(code)).toBe(code);
  });

  it.each([
    ['a template with another tag, which sees the strings', 'const tag = (s) => s.raw.join(); out.s = tag`’`;'],
    ['a backslash before a character of a String.raw template', 'out.s = String.raw`\\’`;'],
  ])('leaves a script it cannot rewrite: %s', (_, code) => {
    expect(asciiSource(code)).toBeNull();
  });

  it('rewrites the .cjs files of a folder and names those it leaves', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'ascii-'));
    try {
      writeFileSync(path.join(dir, 'a.cjs'), 'module.exports = /[“”]/;');
      writeFileSync(path.join(dir, 'b.cjs'), 'const t = (s) => s; module.exports = t`’`;');
      writeFileSync(path.join(dir, 'c.txt'), '“');
      expect(writeAsciiSources(dir)).toEqual(['b.cjs']);
      expect(readFileSync(path.join(dir, 'a.cjs'), 'utf8')).toBe('module.exports = /[\\u201c\\u201d]/;');
      expect(readFileSync(path.join(dir, 'c.txt'), 'utf8')).toBe('“');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
