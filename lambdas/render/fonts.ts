/**
 * The two embedded faces of the briefing, parsed once per process: parsing a TTF is the largest
 * cost of a render (~42 ms per document when pdfkit re-reads the file, ~15 ms when reused).
 * The same fontkit objects measure text in the layout and are embedded by pdfkit, so what is
 * measured is what gets drawn.
 */
import { readFileSync } from 'node:fs';
import { create, type Font } from 'fontkit';
import type { FontFace, FontMetrics } from '../layout/types';
import { findAsset } from './assets';

export const FONT_FILES: Readonly<Record<FontFace, string>> = {
  regular: 'fonts/DejaVuSans.ttf',
  bold: 'fonts/DejaVuSans-Bold.ttf',
};

let faces: Record<FontFace, Font> | null = null;

export function loadFonts(): Record<FontFace, Font> {
  if (!faces) {
    const open = (rel: string): Font => create(readFileSync(findAsset(rel))) as Font;
    faces = { regular: open(FONT_FILES.regular), bold: open(FONT_FILES.bold) };
  }
  return faces;
}

let metrics: FontMetrics | null = null;

/** Advance widths by code point, cached: measuring is the hot loop of the layout. */
export function fontMetrics(): FontMetrics {
  if (metrics) return metrics;
  const fonts = loadFonts();
  const advance: Record<FontFace, Map<number, number>> = { regular: new Map(), bold: new Map() };
  const perEm = (face: FontFace): number => fonts[face].unitsPerEm;
  metrics = {
    widthOf(text: string, face: FontFace, size: number): number {
      const cache = advance[face];
      let units = 0;
      for (const ch of text) {
        const cp = ch.codePointAt(0) ?? 32;
        let w = cache.get(cp);
        if (w === undefined) {
          w = fonts[face].glyphForCodePoint(cp).advanceWidth;
          cache.set(cp, w);
        }
        units += w;
      }
      return (units / perEm(face)) * size;
    },
    ascent: (face, size) => (fonts[face].ascent / perEm(face)) * size,
    descent: (face, size) => (-fonts[face].descent / perEm(face)) * size,
    hasGlyph: (cp, face) => fonts[face].hasGlyphForCodePoint(cp),
  };
  return metrics;
}
