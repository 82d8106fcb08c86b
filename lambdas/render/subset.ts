/**
 * TrueType subsetting straight from the font file's bytes, for pdfkit's embedded fonts.
 *
 * pdfkit subsets with fontkit's TTFSubset, which (a) decodes every glyph's outline through
 * fontkit's generic struct decoder and re-encodes unchanged tables field by field — about a
 * third of a briefing's drawing time — and (b) asks the shared, parsed font for each composite
 * glyph's components with `getGlyph(id)`. fontkit caches that glyph object for the life of the
 * font with no code points, so once a document had drawn "Ệ" (a composite of E and two
 * marks), every later document's "E" had an empty ToUnicode entry and vanished from
 * `pdftotext`. This subset reads the glyph table directly, never creates fontkit glyphs, and
 * writes the same table set (head, hhea, loca, maxp, cvt, prep, glyf, hmtx, fpgm) in the same
 * layout as fontkit; the raw glyph records are cached per font, so a process pays for each
 * glyph once.
 */
import { fontBytesOf, type FontBytes } from './font-source';

/** The tables a PDF embedded TrueType font needs, in the order fontkit writes them. */
const TABLES = ['head', 'hhea', 'loca', 'maxp', 'cvt ', 'prep', 'glyf', 'hmtx', 'fpgm'] as const;

interface GlyphRecord {
  /** The glyph's bytes in the glyf table (empty for blank glyphs such as the space). */
  readonly bytes: Uint8Array;
  /** Composite glyphs: each component's glyph id and where that id sits in `bytes`. */
  readonly components: ReadonlyArray<{ readonly id: number; readonly pos: number }>;
  readonly advance: number;
  readonly leftBearing: number;
}

/**
 * Outlines are read from the file in blocks of this size, kept once read: the glyphs an article
 * draws (Latin letters, digits, punctuation) sit in the first few blocks of the glyph table.
 */
const GLYF_BLOCK = 32 * 1024;

/** A TrueType font file's tables, parsed as far as subsetting needs, each read on first need. */
export class TrueTypeFile {
  private readonly source: FontBytes;
  private readonly tables = new Map<string, { offset: number; length: number }>();
  private readonly loaded = new Map<string, Uint8Array>();
  private readonly longLoca: boolean;
  private readonly numberOfMetrics: number;
  private readonly numberOfGlyphs: number;
  private readonly hmtx: DataView;
  private loca: DataView | null = null;
  private readonly records = new Map<number, GlyphRecord>();
  private readonly glyfBlocks = new Map<number, Uint8Array>();

  /** The bytes (or the file) are never written to: tables that change are copied first. */
  constructor(font: FontBytes | Uint8Array) {
    this.source = font instanceof Uint8Array ? fontBytesOf(font) : font;
    if (this.source.length < 12) throw new Error('not a TrueType font: shorter than its header');
    const header = viewOf(this.source.read(0, 12));
    // TrueType outlines only: 1.0 or Apple's 'true' (not CFF's 'OTTO', a collection or WOFF).
    if (![0x00010000, 0x74727565].includes(header.getUint32(0))) throw new Error('not a TrueType font: its header names another format');
    const count = header.getUint16(4);
    if (12 + count * 16 > this.source.length) throw new Error('not a TrueType font: its table directory runs past the end of the file');
    const directory = this.source.read(12, count * 16);
    const entries = viewOf(directory);
    for (let i = 0; i < count; i++) {
      const at = i * 16;
      const tag = String.fromCharCode(...directory.subarray(at, at + 4));
      const table = { offset: entries.getUint32(at + 8), length: entries.getUint32(at + 12) };
      if (table.offset + table.length > this.source.length) throw new Error(`not a TrueType font: its ${tag} table runs past the end of the file`);
      this.tables.set(tag, table);
    }
    // The fields read below lie within these lengths.
    for (const [tag, least] of [['head', 54], ['hhea', 36], ['loca', 0], ['maxp', 6], ['glyf', 0], ['hmtx', 0]] as const) {
      const table = this.tables.get(tag);
      if (!table) throw new Error(`not a TrueType font: no ${tag} table`);
      if (table.length < least) throw new Error(`not a usable TrueType font: its ${tag} table is too short`);
    }
    this.longLoca = viewOf(this.raw('head')!).getInt16(50) === 1;
    this.numberOfMetrics = viewOf(this.raw('hhea')!).getUint16(34);
    this.numberOfGlyphs = viewOf(this.raw('maxp')!).getUint16(4);
    this.hmtx = viewOf(this.raw('hmtx')!);
    const hmtxNeeds = this.numberOfMetrics * 4 + (this.numberOfGlyphs - this.numberOfMetrics) * 2;
    const locaNeeds = (this.numberOfGlyphs + 1) * (this.longLoca ? 4 : 2);
    if (this.numberOfMetrics < 1 || this.numberOfMetrics > this.numberOfGlyphs || this.hmtx.byteLength < hmtxNeeds || this.tables.get('loca')!.length < locaNeeds) {
      throw new Error(`not a usable TrueType font: its metrics or glyph locations do not cover its ${this.numberOfGlyphs} glyphs`);
    }
  }

  /** A table's bytes, or null when the font has none (cvt, prep and fpgm are optional). */
  raw(tag: string): Uint8Array | null {
    let bytes = this.loaded.get(tag);
    if (!bytes) {
      const t = this.tables.get(tag);
      if (!t) return null;
      bytes = this.source.read(t.offset, t.length);
      this.loaded.set(tag, bytes);
    }
    return bytes;
  }

  /** The first `length` bytes of a table (its header), without reading the rest; null when the font has none. */
  start(tag: string, length: number): Uint8Array | null {
    const t = this.tables.get(tag);
    if (!t) return null;
    return this.loaded.get(tag)?.subarray(0, length) ?? this.source.read(t.offset, Math.min(length, t.length));
  }

  get usesLongLoca(): boolean {
    return this.longLoca;
  }

  /** Advance width in font units, from the metrics alone: measuring text reads no outline. */
  advance(id: number): number {
    return this.hmtx.getUint16(Math.min(id, this.numberOfMetrics - 1) * 4);
  }

  glyph(id: number): GlyphRecord {
    if (!(id >= 0 && id < this.numberOfGlyphs)) throw new Error(`not a usable TrueType font: it has no glyph ${id}`);
    let record = this.records.get(id);
    if (!record) {
      record = this.readGlyph(id);
      this.records.set(id, record);
    }
    return record;
  }

  /** Where glyph `id`'s outline starts in the glyph table (the table of locations read once, on first need). */
  private locaOffset(id: number): number {
    const loca = (this.loca ??= viewOf(this.raw('loca')!));
    return this.longLoca ? loca.getUint32(id * 4) : loca.getUint16(id * 2) * 2;
  }

  /** Bytes `start` to `end` of the glyph table, from the block that holds them. */
  private outline(start: number, end: number): Uint8Array {
    const glyf = this.tables.get('glyf')!;
    if (end < start || end > glyf.length) throw new Error(`not a usable TrueType font: an outline at ${start}–${end} lies outside its glyph table`);
    if (end === start) return new Uint8Array(0);
    const block = Math.floor(start / GLYF_BLOCK);
    if (end > (block + 1) * GLYF_BLOCK) return this.source.read(glyf.offset + start, end - start);
    let bytes = this.glyfBlocks.get(block);
    if (!bytes) {
      bytes = this.source.read(glyf.offset + block * GLYF_BLOCK, Math.min(GLYF_BLOCK, glyf.length - block * GLYF_BLOCK));
      this.glyfBlocks.set(block, bytes);
    }
    return bytes.subarray(start - block * GLYF_BLOCK, end - block * GLYF_BLOCK);
  }

  private readGlyph(id: number): GlyphRecord {
    const bytes = this.outline(this.locaOffset(id), this.locaOffset(id + 1));
    const n = this.numberOfMetrics;
    const leftBearing = id < n ? this.hmtx.getInt16(id * 4 + 2) : this.hmtx.getInt16(n * 4 + (id - n) * 2);
    return { bytes, components: compositeComponents(bytes), advance: this.advance(id), leftBearing };
  }
}

/** A view of exactly these bytes (a table or outline is a window on a larger buffer). */
export const viewOf = (bytes: Uint8Array): DataView => new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);

/** Composite glyph flags (OpenType glyf table). */
const ARG_1_AND_2_ARE_WORDS = 0x0001;
const WE_HAVE_A_SCALE = 0x0008;
const MORE_COMPONENTS = 0x0020;
const WE_HAVE_AN_X_AND_Y_SCALE = 0x0040;
const WE_HAVE_A_TWO_BY_TWO = 0x0080;

function compositeComponents(bytes: Uint8Array): Array<{ id: number; pos: number }> {
  if (bytes.length < 10) return [];
  const view = viewOf(bytes);
  if (view.getInt16(0) >= 0) return [];
  const components: Array<{ id: number; pos: number }> = [];
  let pos = 10;
  let flags: number;
  do {
    flags = view.getUint16(pos);
    components.push({ id: view.getUint16(pos + 2), pos: pos + 2 });
    pos += 4 + (flags & ARG_1_AND_2_ARE_WORDS ? 4 : 2);
    if (flags & WE_HAVE_A_SCALE) pos += 2;
    else if (flags & WE_HAVE_AN_X_AND_Y_SCALE) pos += 4;
    else if (flags & WE_HAVE_A_TWO_BY_TWO) pos += 8;
  } while (flags & MORE_COMPONENTS);
  return components;
}

/**
 * One document's subset of one font: the shape of fontkit's Subset that pdfkit's EmbeddedFont
 * calls (`includeGlyph` while drawing, `encode` when the document ends). Glyph 0 comes first,
 * components of composite glyphs are appended as they are met, as fontkit does.
 */
export class TrueTypeSubset {
  /** pdfkit checks this to tell CFF from TrueType outlines. */
  readonly cff = null;
  readonly glyphs: number[] = [];
  private readonly mapping = new Map<number, number>();

  constructor(private readonly file: TrueTypeFile) {
    this.includeGlyph(0);
  }

  includeGlyph(id: number): number {
    let index = this.mapping.get(id);
    if (index === undefined) {
      index = this.glyphs.length;
      this.glyphs.push(id);
      this.mapping.set(id, index);
    }
    return index;
  }

  encode(): Uint8Array {
    const glyf: Uint8Array[] = [];
    const offsets: number[] = [];
    const metrics: GlyphRecord[] = [];
    let offset = 0;
    for (let i = 0; i < this.glyphs.length; i++) {
      const record = this.file.glyph(this.glyphs[i]!);
      let bytes = record.bytes;
      if (record.components.length > 0) {
        bytes = new Uint8Array(bytes);
        const view = new DataView(bytes.buffer);
        for (const c of record.components) view.setUint16(c.pos, this.includeGlyph(c.id));
      }
      glyf.push(bytes);
      offsets.push(offset);
      metrics.push(record);
      offset += bytes.length;
    }
    offsets.push(offset);
    return this.assemble(glyf, offsets, metrics);
  }

  private assemble(glyf: Uint8Array[], offsets: number[], metrics: GlyphRecord[]): Uint8Array {
    const long = this.file.usesLongLoca;
    const loca = new Uint8Array(offsets.length * (long ? 4 : 2));
    const locaView = new DataView(loca.buffer);
    offsets.forEach((o, i) => (long ? locaView.setUint32(i * 4, o) : locaView.setUint16(i * 2, o >>> 1)));
    const hmtx = new Uint8Array(metrics.length * 4);
    const hmtxView = new DataView(hmtx.buffer);
    metrics.forEach((m, i) => {
      hmtxView.setUint16(i * 4, m.advance);
      hmtxView.setInt16(i * 4 + 2, m.leftBearing);
    });
    const hhea = new Uint8Array(this.file.raw('hhea')!);
    new DataView(hhea.buffer).setUint16(34, metrics.length);
    const maxp = new Uint8Array(this.file.raw('maxp')!);
    new DataView(maxp.buffer).setUint16(4, glyf.length);
    const parts: Record<(typeof TABLES)[number], Uint8Array[] | null> = {
      head: [this.file.raw('head')!], hhea: [hhea], loca: [loca], maxp: [maxp],
      'cvt ': wrap(this.file.raw('cvt ')), prep: wrap(this.file.raw('prep')), glyf, hmtx: [hmtx], fpgm: wrap(this.file.raw('fpgm')),
    };
    const present = TABLES.filter((tag) => parts[tag] !== null);
    const lengths = present.map((tag) => parts[tag]!.reduce((n, b) => n + b.length, 0));
    const headerSize = 12 + present.length * 16;
    const out = new Uint8Array(headerSize + lengths.reduce((a, b) => a + b, 0));
    const view = new DataView(out.buffer);
    // Offset table: fontkit writes the 'true' tag and leaves every table checksum 0.
    out.set([0x74, 0x72, 0x75, 0x65], 0);
    const power = 2 ** Math.floor(Math.log2(present.length));
    view.setUint16(4, present.length);
    view.setUint16(6, power * 16);
    view.setUint16(8, Math.log2(power));
    view.setUint16(10, present.length * 16 - power * 16);
    let at = headerSize;
    present.forEach((tag, i) => {
      const entry = 12 + i * 16;
      for (let k = 0; k < 4; k++) out[entry + k] = tag.charCodeAt(k);
      view.setUint32(entry + 8, at);
      view.setUint32(entry + 12, lengths[i]!);
      for (const b of parts[tag]!) {
        out.set(b, at);
        at += b.length;
      }
    });
    return out;
  }
}

const wrap = (b: Uint8Array | null): Uint8Array[] | null => (b ? [b] : null);
