/**
 * The only code that calls pdfkit: draws a laid-out document item by item, tagging each item
 * with its structure element (H1/H2/P/Table/Figure…) or as an artifact (decoration, page chrome).
 */
import { readFileSync } from 'node:fs';
import type { Font } from 'fontkit';
import PDFDocument from 'pdfkit';
import type { DrawItem, FontFace, LaidOutDocument, StructNode, StructPath } from '../layout/types';
import { findAsset } from './assets';
import { fontMetrics, loadFonts } from './fonts';

export interface DrawOptions {
  /** CreationDate and ModDate: from the article, never the clock, so renders are byte-identical. */
  readonly date: Date;
  readonly pdfa?: boolean;
  readonly creator?: string;
}

type Doc = InstanceType<typeof PDFDocument>;
type StructElement = ReturnType<Doc['struct']>;
type StructContent = ReturnType<Doc['markStructureContent']>;

/** Characters XMP (XML) metadata cannot hold raw; pdfkit writes the info values into it unescaped. */
const xmlEscape = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

interface PdfkitInternals {
  info: Record<string, unknown>;
  _addInfo(): void;
  _addColorOutputIntent?(): void;
  _root: { data: Record<string, unknown> };
  ref(data: Record<string, unknown>): { write(b: Uint8Array): void; end(): void };
}

let icc: Buffer | null = null;

/**
 * Two private pdfkit hooks, patched on this one document: the XMP packet gets escaped copies of
 * the info strings (a title with "&" or "<" would otherwise break the XML), and the PDF/A output
 * intent reads the sRGB profile through findAsset, so a Lambda bundle can ship it beside itself.
 */
function patchPdfkit(doc: Doc): void {
  const internals = doc as unknown as PdfkitInternals;
  const addInfo = internals._addInfo.bind(doc);
  internals._addInfo = () => {
    const raw = internals.info;
    internals.info = Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, typeof v === 'string' ? xmlEscape(v) : v]));
    try {
      addInfo();
    } finally {
      internals.info = raw;
    }
  };
  if (internals._addColorOutputIntent) {
    internals._addColorOutputIntent = () => {
      icc ??= readFileSync(findAsset('data/sRGB_IEC61966_2_1.icc'));
      const profile = internals.ref({ Length: icc.length, N: 3 });
      profile.write(icc);
      profile.end();
      const intent = internals.ref({
        Type: 'OutputIntent', S: 'GTS_PDFA1',
        Info: new String('sRGB IEC61966-2.1'), OutputConditionIdentifier: new String('sRGB IEC61966-2.1'),
        DestOutputProfile: profile,
      });
      (intent as unknown as { end(): void }).end();
      internals._root.data.OutputIntents = [intent];
    };
  }
}

/** Opens and closes marked-content sequences as the drawn items move between elements. */
class Tagger {
  private readonly elements = new Map<string, StructElement>();
  private open: string | null = null;
  private readonly root: StructElement;

  constructor(private readonly doc: Doc) {
    this.root = doc.struct('Document');
    doc.addStructure(this.root);
  }

  private element(path: readonly StructNode[]): StructElement {
    let parent = this.root;
    for (const node of path) {
      let el = this.elements.get(node.id);
      if (!el) {
        el = this.doc.struct(node.role, node.alt ? { alt: node.alt } : {});
        parent.add(el);
        this.elements.set(node.id, el);
      }
      parent = el;
    }
    return parent;
  }

  mark(struct: StructPath, artifactType: 'Layout' | 'Pagination'): void {
    const key = struct ? struct.at(-1)!.id : `artifact:${artifactType}`;
    if (key === this.open) return;
    this.close();
    if (struct) {
      const leaf = this.element(struct);
      const content: StructContent = this.doc.markStructureContent(struct.at(-1)!.role);
      leaf.add(content);
    } else {
      this.doc.markContent('Artifact', { type: artifactType });
    }
    this.open = key;
  }

  close(): void {
    if (this.open !== null) this.doc.endMarkedContent();
    this.open = null;
  }

  end(): void {
    this.close();
    this.root.end();
  }
}

interface GlyphRun {
  glyphs: { id: number; advanceWidth: number; codePoints: number[] }[];
  positions: { xAdvance: number; yAdvance: number; xOffset: number; yOffset: number; advanceWidth: number }[];
  advanceWidth: number;
}

interface PdfkitFont {
  font: Font;
  scale: number;
  layoutRun(text: string): GlyphRun;
}

/**
 * Replaces pdfkit's per-word shaping with a plain cmap lookup, for two reasons. fontkit keeps
 * one glyph object per glyph for the life of the font, with the code points it was first met
 * with; after a Vietnamese text had "E" decomposed by shaping, that glyph had no code points and
 * pdfkit's ToUnicode map lost every later "E", in this and every later document. Here each use
 * carries its own code point. And without kerning or ligatures the drawn widths are exactly the
 * advance widths the layout measured.
 */
function plainLayout(target: PdfkitFont): void {
  const { font, scale } = target;
  target.layoutRun = (text: string): GlyphRun => {
    const run: GlyphRun = { glyphs: [], positions: [], advanceWidth: 0 };
    for (const ch of text) {
      const cp = ch.codePointAt(0)!;
      const glyph = font.glyphForCodePoint(cp);
      const advance = glyph.advanceWidth * scale;
      run.glyphs.push({ id: glyph.id, advanceWidth: glyph.advanceWidth, codePoints: [cp] });
      run.positions.push({ xAdvance: advance, yAdvance: 0, xOffset: 0, yOffset: 0, advanceWidth: advance });
      run.advanceWidth += advance;
    }
    return run;
  };
}

/** Draws items, switching font, size and colour only when they change. */
class Painter {
  private face: FontFace | null = null;
  private readonly patched = new Set<FontFace>();

  constructor(private readonly doc: Doc) {}

  private useFace(face: FontFace): void {
    if (face === this.face) return;
    this.doc.font(face);
    this.face = face;
    if (!this.patched.has(face)) {
      plainLayout((this.doc as unknown as { _font: PdfkitFont })._font);
      this.patched.add(face);
    }
  }

  draw(item: DrawItem): void {
    if (item.kind === 'rect') {
      this.doc.rect(item.x, item.y, item.w, item.h).fill(item.fill);
      return;
    }
    this.useFace(item.face);
    const ascent = fontMetrics().ascent(item.face, item.size);
    this.doc.fontSize(item.size).fillColor(item.color).text(item.text, item.x, item.baseline - ascent, { lineBreak: false });
  }
}

export async function drawPdf(laid: LaidOutDocument, options: DrawOptions): Promise<Uint8Array> {
  const { info } = laid;
  const doc = new PDFDocument({
    size: [laid.width, laid.height],
    margin: 0,
    autoFirstPage: false,
    // No default font: pdfkit would load Helvetica (breaks bundles, pdfkit #1801). Only the
    // registered TTFs are used; a fontkit object as default would defeat pdfkit's font cache.
    font: null as unknown as string,
    tagged: true,
    lang: info.lang,
    displayTitle: true,
    pdfVersion: '1.7',
    ...(options.pdfa ? { subset: 'PDF/A-2b' as const } : {}),
    info: {
      Title: info.title,
      ...(info.author ? { Author: info.author } : {}),
      ...(info.subject ? { Subject: info.subject } : {}),
      ...(info.keywords ? { Keywords: info.keywords } : {}),
      Creator: options.creator ?? 'briefing-pipeline',
      Producer: 'briefing-pipeline (pdfkit)',
      CreationDate: options.date,
      ModDate: options.date,
    },
  });
  patchPdfkit(doc);
  const fonts = loadFonts();
  doc.registerFont('regular', fonts.regular as unknown as string);
  doc.registerFont('bold', fonts.bold as unknown as string);

  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<void>((resolve, reject) => {
    doc.on('end', () => resolve());
    doc.on('error', reject);
  });

  const tagger = new Tagger(doc);
  const painter = new Painter(doc);
  for (const page of laid.pages) {
    doc.addPage({ size: [laid.width, laid.height], margin: 0 });
    for (const item of page.items) {
      tagger.mark(item.struct, item.chrome ? 'Pagination' : 'Layout');
      painter.draw(item);
    }
    tagger.close();
  }
  tagger.end();
  doc.end();
  await done;
  return new Uint8Array(Buffer.concat(chunks));
}
