/**
 * The two embedded faces of the briefing, parsed once per process: parsing a TTF is the largest
 * cost of a render (~42 ms per document when pdfkit re-reads the file, ~15 ms when reused).
 * The same glyph table measures text in the layout and encodes it in the PDF, so what is
 * measured is what gets drawn.
 */
import { readFileSync } from 'node:fs';
import { create, type Font } from 'fontkit';
import type { FontFace, FontMetrics } from '../layout/types';
import { findAsset } from './assets';
import { TrueTypeFile } from './subset';

export const FONT_FILES: Readonly<Record<FontFace, string>> = {
  regular: 'fonts/DejaVuSans.ttf',
  bold: 'fonts/DejaVuSans-Bold.ttf',
};

/** A code point's glyph in a face: a plain cmap lookup, no shaping (no kerning, ligatures or decomposition). */
export interface GlyphInfo {
  readonly id: number;
  /** Advance width in font units. */
  readonly advance: number;
}

export interface Face {
  /** fontkit's parse, for pdfkit (names, metrics, bounding box of the font descriptor). */
  readonly font: Font;
  /** The raw tables, for subsetting without fontkit glyph objects (see subset.ts). */
  readonly file: TrueTypeFile;
  readonly unitsPerEm: number;
  glyph(codePoint: number): GlyphInfo;
}

function openFace(rel: string): Face {
  const bytes = readFileSync(findAsset(rel));
  const font = create(bytes) as Font;
  const cache = new Map<number, GlyphInfo>();
  return {
    font,
    file: new TrueTypeFile(bytes),
    unitsPerEm: font.unitsPerEm,
    glyph(cp) {
      let info = cache.get(cp);
      if (!info) {
        const g = font.glyphForCodePoint(cp);
        info = { id: g.id, advance: g.advanceWidth };
        cache.set(cp, info);
      }
      return info;
    },
  };
}

let faces: Record<FontFace, Face> | null = null;

export function loadFaces(): Record<FontFace, Face> {
  faces ??= { regular: openFace(FONT_FILES.regular), bold: openFace(FONT_FILES.bold) };
  return faces;
}

let metrics: FontMetrics | null = null;

/** Advance widths by code point, cached: measuring is the hot loop of the layout. */
export function fontMetrics(): FontMetrics {
  if (metrics) return metrics;
  const all = loadFaces();
  metrics = {
    widthOf(text: string, face: FontFace, size: number): number {
      const f = all[face];
      let units = 0;
      for (let i = 0; i < text.length; i++) {
        const cp = text.codePointAt(i)!;
        if (cp > 0xffff) i++;
        units += f.glyph(cp).advance;
      }
      return (units / f.unitsPerEm) * size;
    },
    ascent: (face, size) => (all[face].font.ascent / all[face].unitsPerEm) * size,
    descent: (face, size) => (-all[face].font.descent / all[face].unitsPerEm) * size,
    hasGlyph: (cp, face) => all[face].font.hasGlyphForCodePoint(cp),
  };
  return metrics;
}
