/**
 * TrueTypeFont (lambdas/render/truetype-font.ts) replaces fontkit in the renderer; fontkit is
 * still installed (pdfkit depends on it) and is the reference here: for both embedded faces,
 * every field pdfkit's font descriptor reads and the glyph and advance of every code point the
 * fonts map must be what fontkit reports for the same file.
 */
import { readFileSync } from 'node:fs';
import { create, type Font } from 'fontkit';
import { describe, expect, it } from 'vitest';
import { FONT_FILES } from '../../lambdas/render/fonts';
import { TrueTypeFont } from '../../lambdas/render/truetype-font';

const FONT_DIR = new URL('../../node_modules/dejavu-fonts-ttf/ttf/', import.meta.url);

describe.each(Object.values(FONT_FILES))('TrueTypeFont %s', (rel) => {
  const bytes = readFileSync(new URL(rel.replace('fonts/', ''), FONT_DIR));
  const ours = new TrueTypeFont(bytes);
  const ref = create(bytes) as Font;
  /** Tables fontkit exposes but its type declarations leave out. */
  const refTables = ref as unknown as { head: { macStyle: { italic: boolean } }; post: { isFixedPitch: number } };

  it('reports the descriptor fields fontkit reports', () => {
    expect({ ...ours.bbox }).toEqual({ minX: ref.bbox.minX, minY: ref.bbox.minY, maxX: ref.bbox.maxX, maxY: ref.bbox.maxY });
    expect([ours.unitsPerEm, ours.ascent, ours.descent, ours.lineGap, ours.capHeight, ours.xHeight, ours.italicAngle])
      .toEqual([ref.unitsPerEm, ref.ascent, ref.descent, ref.lineGap, ref.capHeight, ref.xHeight, ref.italicAngle]);
    expect(ours.postscriptName).toBe(ref.postscriptName);
    expect(ours.head.macStyle.italic).toBe(refTables.head.macStyle.italic);
    expect(ours.post.isFixedPitch).toBe(Boolean(refTables.post.isFixedPitch));
    expect(ours['OS/2']?.sFamilyClass).toBe(ref['OS/2'].sFamilyClass);
  });

  it('maps every code point to fontkit\'s glyph and advance, and unmapped ones to .notdef', () => {
    const mapped = ref.characterSet;
    expect(mapped.length).toBeGreaterThan(3000);
    const mismatches: string[] = [];
    for (const cp of [...mapped, 0x0378, 0xe000, 0x10ffff]) {
      const g = ref.glyphForCodePoint(cp);
      const id = ours.glyphId(cp);
      if (id !== g.id || ours.advance(id) !== g.advanceWidth) mismatches.push(`U+${cp.toString(16)}: ${id} vs ${g.id}`);
    }
    expect(mismatches.slice(0, 5)).toEqual([]);
    expect(ours.glyphId(0xe000)).toBe(0);
  });

  it('refuses pdfkit\'s text layout with a reason instead of drawing unshaped text', () => {
    expect(() => ours.layout()).toThrow(/not supported/);
  });
});
