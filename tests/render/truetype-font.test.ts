/**
 * TrueTypeFont (lambdas/render/truetype-font.ts) replaces fontkit in the renderer; fontkit is
 * still installed (pdfkit depends on it) and is the reference here: for both embedded faces,
 * every field pdfkit's font descriptor reads and the glyph and advance of every code point the
 * fonts map must be what fontkit reports for the same file.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { create, type Font } from 'fontkit';
import { afterAll, describe, expect, it } from 'vitest';
import { fontBytesOf, fontFile, type FontBytes } from '../../lambdas/render/font-source';
import { FONT_FILES } from '../../lambdas/render/fonts';
import { TrueTypeFont } from '../../lambdas/render/truetype-font';

const FONT_DIR = new URL('../../node_modules/dejavu-fonts-ttf/ttf/', import.meta.url);

const fontPath = (rel: string): string => fileURLToPath(new URL(rel.replace('fonts/', ''), FONT_DIR));

describe.each(Object.values(FONT_FILES).flatMap((rel) => [[rel, 'bytes'], [rel, 'file']] as const))('TrueTypeFont %s, read as %s', (rel, as) => {
  const bytes = readFileSync(fontPath(rel));
  const ours = new TrueTypeFont(as === 'bytes' ? bytes : fontFile(fontPath(rel)));
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

/** A font's bytes, counting what is read of them. */
function counted(source: FontBytes): FontBytes & { readonly bytesRead: () => number } {
  let total = 0;
  return {
    length: source.length,
    read(offset, length) {
      total += length;
      return source.read(offset, length);
    },
    bytesRead: () => total,
  };
}

describe('reading a face from its file', () => {
  const work = mkdtempSync(join(tmpdir(), 'briefing-font-'));
  afterAll(() => rmSync(work, { recursive: true, force: true }));
  const rel = Object.values(FONT_FILES)[0]!;
  const bytes = readFileSync(fontPath(rel));

  it('reads the metrics to measure text with, and outlines only of the glyphs a subset embeds', () => {
    const source = counted(fontBytesOf(bytes));
    const font = new TrueTypeFont(source);
    for (const ch of 'The quick brown fox: 1,234 people displaced – “UNHCR”') font.advance(font.glyphId(ch.codePointAt(0)!));
    // Opening reads the metrics (about 47 KB of this 757 KB file); the subset one block of outlines and the glyph locations.
    const measured = source.bytesRead();
    expect(measured).toBeLessThan(bytes.length / 10);
    const subset = font.createSubset();
    for (const ch of 'Hello') subset.includeGlyph(font.glyphId(ch.codePointAt(0)!));
    subset.encode();
    expect(source.bytesRead() - measured).toBeLessThan(bytes.length / 10);
  });

  it('reads a file that ends early no further than its end, and says where', () => {
    const cut = join(work, 'cut.ttf');
    writeFileSync(cut, bytes.subarray(0, 4096));
    expect(() => new TrueTypeFont(fontFile(cut))).toThrow(/runs past the end of the file/);
    const truncated = fontFile(cut);
    expect(() => truncated.read(4000, 200)).toThrow(new RegExp(`${cut}: the file ends at byte 4096, 200 bytes were to be read from byte 4000`));
    truncated.close();
  });

  it('refuses a file that is not a TrueType font, and one whose tables do not hold what they must', () => {
    const text = join(work, 'text.ttf');
    writeFileSync(text, 'not a font at all');
    expect(() => new TrueTypeFont(fontFile(text))).toThrow(/not a TrueType font: its header names another format/);
    expect(() => new TrueTypeFont(new Uint8Array(4))).toThrow(/shorter than its header/);
    const otf = Uint8Array.from(bytes);
    otf.set([0x4f, 0x54, 0x54, 0x4f], 0); // 'OTTO': CFF outlines
    expect(() => new TrueTypeFont(otf)).toThrow(/header names another format/);
    // maxp's glyph count raised past what hmtx and loca describe.
    const tooMany = Uint8Array.from(bytes);
    const directory = new DataView(tooMany.buffer);
    const maxp = [...Array(directory.getUint16(4)).keys()].map((i) => 12 + i * 16).find((at) => String.fromCharCode(...tooMany.subarray(at, at + 4)) === 'maxp')!;
    directory.setUint16(directory.getUint32(maxp + 8) + 4, 0xffff);
    expect(() => new TrueTypeFont(tooMany)).toThrow(/do not cover its 65535 glyphs/);
  });
});
