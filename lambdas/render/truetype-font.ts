/**
 * A TrueType face read straight from its tables: the cmap lookup and metrics the layout measures
 * with, and the few fields pdfkit's EmbeddedFont reads to write the font descriptor.
 *
 * It replaces fontkit, whose parse was cheap but whose import was not: fontkit inflates four
 * Unicode tables for shaping at module load and pulls in restructure, unicode-properties and
 * brotli — most of the render Lambda's cold start — for features this renderer never uses
 * (no shaping, kerning, WOFF or CFF; pdf.ts draws glyphs by a plain cmap lookup). The values are
 * the ones fontkit reports for the same file (tests/render/truetype-font.test.ts checks that).
 */
import type { FontBytes } from './font-source';
import { TrueTypeFile, TrueTypeSubset, viewOf } from './subset';

export interface BBox {
  readonly minX: number;
  readonly minY: number;
  readonly maxX: number;
  readonly maxY: number;
}

/** Unicode cmap subtables by preference (platform, encoding), the order fontkit picks them in. */
const UNICODE_CMAPS: ReadonlyArray<readonly [number, number]> = [[3, 10], [0, 6], [0, 4], [3, 1], [0, 3], [0, 2], [0, 1], [0, 0]];

type CmapLookup = (codePoint: number) => number;

function tableView(file: TrueTypeFile, tag: string): DataView | null {
  const bytes = file.raw(tag);
  return bytes ? viewOf(bytes) : null;
}

function requiredTable(file: TrueTypeFile, tag: string): DataView {
  const view = tableView(file, tag);
  if (!view) throw new Error(`not a usable TrueType font: no ${tag} table`);
  return view;
}

/** cmap format 4: segments of consecutive BMP code points (binary search on the end codes). */
function format4(v: DataView, at: number): CmapLookup {
  const segX2 = v.getUint16(at + 6);
  const ends = at + 14;
  const starts = ends + segX2 + 2;
  const deltas = starts + segX2;
  const rangeOffsets = deltas + segX2;
  return (cp) => {
    if (cp > 0xffff) return 0;
    let lo = 0;
    let hi = segX2 / 2 - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (v.getUint16(ends + mid * 2) < cp) lo = mid + 1;
      else hi = mid;
    }
    const start = v.getUint16(starts + lo * 2);
    if (cp < start || cp > v.getUint16(ends + lo * 2)) return 0;
    const delta = v.getUint16(deltas + lo * 2);
    const rangeAt = rangeOffsets + lo * 2;
    const rangeOffset = v.getUint16(rangeAt);
    if (rangeOffset === 0) return (cp + delta) & 0xffff;
    const glyph = v.getUint16(rangeAt + rangeOffset + (cp - start) * 2);
    return glyph === 0 ? 0 : (glyph + delta) & 0xffff;
  };
}

/** cmap format 12: sequential groups over all planes. */
function format12(v: DataView, at: number): CmapLookup {
  const groups = v.getUint32(at + 12);
  const first = at + 16;
  return (cp) => {
    let lo = 0;
    let hi = groups - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const g = first + mid * 12;
      if (cp < v.getUint32(g)) hi = mid - 1;
      else if (cp > v.getUint32(g + 4)) lo = mid + 1;
      else return v.getUint32(g + 8) + cp - v.getUint32(g);
    }
    return 0;
  };
}

function unicodeCmap(file: TrueTypeFile): CmapLookup {
  const v = requiredTable(file, 'cmap');
  const subtables = new Map<string, number>();
  for (let i = 0; i < v.getUint16(2); i++) {
    const rec = 4 + i * 8;
    subtables.set(`${v.getUint16(rec)},${v.getUint16(rec + 2)}`, v.getUint32(rec + 4));
  }
  for (const [platform, encoding] of UNICODE_CMAPS) {
    const at = subtables.get(`${platform},${encoding}`);
    if (at === undefined) continue;
    const format = v.getUint16(at);
    if (format === 4) return format4(v, at);
    if (format === 12) return format12(v, at);
  }
  throw new Error('not a usable TrueType font: no Unicode cmap of format 4 or 12');
}

/** nameID 6, from the Windows (UTF-16BE) record or else the Macintosh (Roman) one. */
function postscriptName(file: TrueTypeFile): string {
  const bytes = file.raw('name');
  if (!bytes) return '';
  const v = viewOf(bytes);
  const strings = v.getUint16(4);
  let mac = '';
  for (let i = 0; i < v.getUint16(2); i++) {
    const rec = 6 + i * 12;
    if (v.getUint16(rec + 6) !== 6) continue;
    const platform = v.getUint16(rec);
    const text = bytes.subarray(strings + v.getUint16(rec + 10), strings + v.getUint16(rec + 10) + v.getUint16(rec + 8));
    if (platform === 3) {
      let s = '';
      for (let k = 0; k + 1 < text.length; k += 2) s += String.fromCharCode((text[k]! << 8) | text[k + 1]!);
      return s;
    }
    if (platform === 1) mac ||= String.fromCharCode(...text);
  }
  return mac;
}

export class TrueTypeFont {
  readonly file: TrueTypeFile;
  readonly unitsPerEm: number;
  readonly ascent: number;
  readonly descent: number;
  readonly lineGap: number;
  /** Undefined when the OS/2 table is older than version 2, as fontkit reports it. */
  readonly capHeight: number | undefined;
  readonly xHeight: number | undefined;
  readonly italicAngle: number;
  readonly bbox: BBox;
  readonly postscriptName: string;
  /** The table fields pdfkit's font descriptor reads (Flags), under fontkit's names. */
  readonly head: { readonly macStyle: { readonly italic: boolean } };
  readonly post: { readonly isFixedPitch: boolean };
  readonly 'OS/2': { readonly sFamilyClass: number } | undefined;
  private readonly cmap: CmapLookup;

  constructor(font: FontBytes | Uint8Array) {
    this.file = new TrueTypeFile(font);
    const head = requiredTable(this.file, 'head');
    const hhea = requiredTable(this.file, 'hhea');
    // Only post's header: the rest of the table is glyph names (62 KB in DejaVu Sans).
    const postStart = this.file.start('post', 16);
    if (postStart && postStart.length < 16) throw new Error('not a usable TrueType font: its post table is too short');
    const post = postStart ? viewOf(postStart) : null;
    const os2 = tableView(this.file, 'OS/2');
    this.unitsPerEm = head.getUint16(18);
    this.bbox = { minX: head.getInt16(36), minY: head.getInt16(38), maxX: head.getInt16(40), maxY: head.getInt16(42) };
    this.head = { macStyle: { italic: (head.getUint16(44) & 0x2) !== 0 } };
    this.ascent = hhea.getInt16(4);
    this.descent = hhea.getInt16(6);
    this.lineGap = hhea.getInt16(8);
    this.italicAngle = post ? post.getInt32(4) / 0x10000 : 0;
    this.post = { isFixedPitch: post ? post.getUint32(12) !== 0 : false };
    this['OS/2'] = os2 ? { sFamilyClass: os2.getInt16(30) } : undefined;
    const modern = os2 !== null && os2.getUint16(0) >= 2;
    this.xHeight = modern ? os2.getInt16(86) : undefined;
    this.capHeight = modern ? os2.getInt16(88) : os2 ? undefined : this.ascent;
    this.postscriptName = postscriptName(this.file);
    this.cmap = unicodeCmap(this.file);
  }

  /** The glyph id for a code point; 0 (.notdef) when the face has none. */
  glyphId(codePoint: number): number {
    return this.cmap(codePoint);
  }

  /** Advance width in font units. */
  advance(glyphId: number): number {
    return this.file.advance(glyphId);
  }

  // What pdfkit's EmbeddedFont calls on the font object it is given.

  createSubset(): TrueTypeSubset {
    return new TrueTypeSubset(this.file);
  }

  getGlyph(glyphId: number): { readonly advanceWidth: number } {
    return { advanceWidth: this.advance(glyphId) };
  }

  /**
   * pdfkit accepts a font object only if it has this method; it calls it from text() and
   * widthOfString(), which the renderer never uses (pdf.ts writes its own text operators).
   */
  layout(): never {
    throw new Error('render: pdfkit text layout is not supported; draw text with pdf.ts Painter');
  }
}
