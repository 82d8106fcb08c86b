/**
 * The two embedded faces of the briefing, parsed once per process: parsing a TTF is the largest
 * cost of a render (~42 ms per document when pdfkit re-reads the file, ~15 ms when reused).
 * The same glyph table measures text in the layout and encodes it in the PDF, so what is
 * measured is what gets drawn.
 */
import type { FontFace, FontMetrics, WrappedText } from '../layout/types';
import { findAsset } from '../core/assets';
import { fontFile } from './font-source';
import { TrueTypeFont } from './truetype-font';

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
  /** The parsed face; pdfkit embeds it too (names, metrics, bounding box, subset). */
  readonly font: TrueTypeFont;
  readonly unitsPerEm: number;
  glyph(codePoint: number): GlyphInfo;
  /**
   * Advance widths of code points below 256, filled on first need (-1 until then): measuring
   * reads them inline, without a call per character (on Node 20 the batch's threads optimise
   * without inlining, local/batch/tiering.ts).
   */
  readonly latin1: Int32Array;
}

/**
 * Code points below this are cached in arrays (the hot path), the rest in a Map. The arrays are
 * blocks of 256 code points, each made on first need: an article uses a few blocks, and one flat
 * array of the whole plane per face was 512 KB of the heap written at every cold start.
 */
const BMP = 0x10000;
const BLOCK_BITS = 8;

/** The face in the file `rel`; a file that is not a usable font is closed and refused by its name. */
function readFace(rel: string): TrueTypeFont {
  const file = fontFile(findAsset(rel));
  try {
    return new TrueTypeFont(file);
  } catch (error) {
    file.close();
    throw new Error(`${rel}: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
}

function openFace(rel: string): Face {
  const font = readFace(rel);
  const blocks: Array<Array<GlyphInfo | undefined> | undefined> = new Array(BMP >>> BLOCK_BITS);
  const astral = new Map<number, GlyphInfo>();
  const lookup = (cp: number): GlyphInfo => {
    const id = font.glyphId(cp);
    return { id, advance: font.advance(id) };
  };
  return {
    font,
    unitsPerEm: font.unitsPerEm,
    latin1: new Int32Array(256).fill(-1),
    glyph(cp) {
      if (cp < BMP) {
        const block = (blocks[cp >>> BLOCK_BITS] ??= new Array<GlyphInfo | undefined>(1 << BLOCK_BITS));
        return (block[cp & ((1 << BLOCK_BITS) - 1)] ??= lookup(cp));
      }
      let info = astral.get(cp);
      if (!info) astral.set(cp, (info = lookup(cp)));
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
      const { latin1 } = f;
      for (let i = 0; i < text.length; i++) {
        const cp = text.codePointAt(i)!;
        if (cp < 256) {
          let advance = latin1[cp]!;
          if (advance < 0) latin1[cp] = advance = f.glyph(cp).advance;
          units += advance;
          continue;
        }
        if (cp > 0xffff) i++;
        units += f.glyph(cp).advance;
      }
      return (units / f.unitsPerEm) * size;
    },
    ascent: (face, size) => (all[face].font.ascent / all[face].unitsPerEm) * size,
    descent: (face, size) => (-all[face].font.descent / all[face].unitsPerEm) * size,
    hasGlyph: (cp, face) => all[face].font.glyphId(cp) !== 0,
  };
  return metrics;
}

/**
 * The metrics with a memory of the lines texts were wrapped into (layout/text.ts), for the
 * layouts of one document: a briefing that does not fit is laid out again with less in it, and
 * all but the part that shrank comes back the same.
 */
export const documentMetrics = (): FontMetrics => ({ ...fontMetrics(), wraps: new Map<string, WrappedText[]>() });
