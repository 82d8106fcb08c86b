/**
 * The renderer's own TrueType subset (lambdas/render/subset.ts) must write exactly what
 * fontkit's subsetter writes for the same glyphs, composites included, so the embedded fonts
 * are the ones pdfkit always produced.
 */
import { readFileSync } from 'node:fs';
import { create, type Font } from 'fontkit';
import { describe, expect, it } from 'vitest';
import { findAsset } from '../../lambdas/core/assets';
import { fontFile } from '../../lambdas/render/font-source';
import { FONT_FILES } from '../../lambdas/render/fonts';
import { TrueTypeFile, TrueTypeSubset } from '../../lambdas/render/subset';

interface FontkitSubset { includeGlyph(id: number): number; encode(): Uint8Array }

const samples = ['Hello, World 2025', 'Nguyễn Thị Minh Khai Ệ Ế ộ', 'İstanbul ılık Güneş Doğan', 'Ελλάδα Москва Ærø Ørsted “…” – €'];

describe.each(Object.values(FONT_FILES).flatMap((rel) => [[rel, 'bytes'], [rel, 'file']] as const))('%s subset, read as %s', (rel, as) => {
  const bytes = readFileSync(findAsset(rel));
  const font = create(bytes) as Font;
  const file = new TrueTypeFile(as === 'bytes' ? bytes : fontFile(findAsset(rel)));

  it.each(samples)('is byte-identical to fontkit for %s', (text) => {
    const theirs = (font as unknown as { createSubset(): FontkitSubset }).createSubset();
    const ours = new TrueTypeSubset(file);
    for (const ch of text) {
      const id = font.glyphForCodePoint(ch.codePointAt(0)!).id;
      expect(ours.includeGlyph(id)).toBe(theirs.includeGlyph(id));
    }
    const a = Buffer.from(ours.encode());
    expect(a.equals(Buffer.from(theirs.encode()))).toBe(true);
    expect(ours.glyphs.length).toBeGreaterThan(new Set(text).size / 2);
  });

  it('adds the components of composite glyphs after the glyphs drawn', () => {
    const ours = new TrueTypeSubset(file);
    ours.includeGlyph(font.glyphForCodePoint(0x1ec6).id);
    expect(ours.glyphs).toHaveLength(2);
    ours.encode();
    expect(ours.glyphs).toContain(font.glyphForCodePoint(0x45).id);
  });

  it('leaves the font file untouched', () => {
    const before = Buffer.from(bytes).toString('base64');
    const s = new TrueTypeSubset(file);
    for (const ch of 'ỆÉ') s.includeGlyph(font.glyphForCodePoint(ch.codePointAt(0)!).id);
    s.encode();
    expect(Buffer.from(bytes).toString('base64')).toBe(before);
  });
});
