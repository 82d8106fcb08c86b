/**
 * The only code that calls pdfkit: draws a laid-out document item by item, tagging each item
 * with its structure element (H1/H2/P/Table/Figure…) or as an artifact (decoration, page chrome).
 */
import { readFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';
import PDFDocument from 'pdfkit';
import type { DrawItem, FontFace, LaidOutDocument, StructNode, StructPath } from '../layout/types';
import { findAsset } from '../core/assets';
import { loadFaces } from './fonts';
import type { TrueTypeSubset } from './subset';

export interface DrawOptions {
  /** CreationDate and ModDate: from the article, never the clock, so renders are byte-identical. */
  readonly date: Date;
  readonly pdfa?: boolean;
  /** The template the document was made with, recorded in its document information. */
  readonly template?: { readonly name: string; readonly sha256: string };
}

type Doc = InstanceType<typeof PDFDocument>;
type StructElement = ReturnType<Doc['struct']>;
type StructContent = ReturnType<Doc['markStructureContent']>;

/** Characters XMP (XML) metadata cannot hold raw; pdfkit writes the info values into it unescaped. */
const xmlEscape = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

interface PdfkitInternals {
  info: Record<string, unknown>;
  _offset: number;
  _write(data: string | Uint8Array): void;
  push(chunk: Uint8Array | null): boolean;
  _addInfo(): void;
  _addColorOutputIntent?(): void;
  _root: { data: Record<string, unknown> };
  ref(data: Record<string, unknown>): PdfkitReference;
}

/** The parts of a pdfkit object (its PDFReference) the stream compression below takes over. */
interface PdfkitReference {
  write(b: Uint8Array): void;
  end(): void;
  finalize(): void;
  /** True while the stream is still to be deflated (pdfkit set its Filter when it was written). */
  compress: boolean;
  buffer: Uint8Array[];
}

let icc: Buffer | null = null;

/**
 * pdfkit writes the file a line at a time (every object's header, dictionary and `endobj`, every
 * xref entry), and each line became its own byte array, copied character by character and pushed
 * through the document's stream: about a tenth of a warm render. Here the lines are kept as text
 * and each stream's bytes as they are, and the whole body goes out in one piece just before
 * pdfkit ends the stream. The bytes are the same: a line is one byte per character either way
 * (pdfkit keeps each character's low byte, as latin1 does), and `_offset`, which the xref table
 * is made from, counts them as pdfkit would.
 */
function collectOutput(internals: PdfkitInternals): void {
  const parts: Uint8Array[] = [];
  let lines = '';
  const flushLines = (): void => {
    if (lines === '') return;
    parts.push(Buffer.from(lines, 'latin1'));
    lines = '';
  };
  let ended = false;
  internals._write = (data) => {
    if (ended) throw new Error('render: pdfkit wrote to its document after ending it');
    if (data instanceof Uint8Array) {
      flushLines();
      parts.push(data);
      internals._offset += data.length;
      return;
    }
    const line = `${data}\n`;
    lines += line;
    internals._offset += line.length;
  };
  const push = internals.push.bind(internals);
  // Whatever else pdfkit pushes goes out after what it wrote before it, as it would have.
  internals.push = (chunk) => {
    flushLines();
    if (parts.length > 0) push(Buffer.concat(parts));
    parts.length = 0;
    ended ||= chunk === null;
    return push(chunk);
  };
}

/**
 * zlib's level 4 for the document's streams (page content, font programs), where pdfkit always
 * uses the default 6. Deflate was 1.4 of a warm briefing's 11.5 ms; on the development set's 28
 * briefings level 4 takes 39% less time for 4.2% more bytes (752 against 722 KB in all), level 5
 * 20% less for 0.9% more. A briefing is a file of about 45 KB a person opens; a batch makes hundreds.
 */
const DEFLATE_OPTIONS = { level: 4 } as const;

/** Each stream deflated here, at DEFLATE_OPTIONS, just before pdfkit writes it out (its Filter is already FlateDecode). */
function deflateStreams(internals: PdfkitInternals): void {
  const ref = internals.ref.bind(internals);
  internals.ref = (data) => {
    const made = ref(data);
    const finalize = made.finalize.bind(made);
    made.finalize = () => {
      if (made.compress && made.buffer.length > 0) {
        made.buffer = [deflateSync(Buffer.concat(made.buffer), DEFLATE_OPTIONS)];
        made.compress = false;
      }
      finalize();
    };
    return made;
  };
}

/**
 * Private pdfkit hooks, patched on this one document: its output is collected (above), its streams
 * deflated at a faster level (above); the XMP
 * packet gets escaped copies of the info strings (a title with "&" or "<" would otherwise break
 * the XML); and the PDF/A output intent reads the sRGB profile through findAsset, so a Lambda
 * bundle can ship it beside itself.
 */
function patchPdfkit(doc: Doc): void {
  const internals = doc as unknown as PdfkitInternals;
  collectOutput(internals);
  deflateStreams(internals);
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

  /** `beforeWrite` runs before each marked-content operator, so buffered content stays in order. */
  constructor(private readonly doc: Doc, private readonly beforeWrite: () => void) {
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
    this.beforeWrite();
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
    this.beforeWrite();
    if (this.open !== null) this.doc.endMarkedContent();
    this.open = null;
  }

  end(): void {
    this.close();
    this.root.end();
  }
}

/** The parts of pdfkit's EmbeddedFont this renderer fills in itself (see Painter). */
interface EmbeddedFont {
  readonly id: string;
  /** 1000 / unitsPerEm: pdfkit keeps widths in thousandths of an em. */
  readonly scale: number;
  readonly subset: TrueTypeSubset;
  /** By subset glyph index: advance width (thousandths of an em) and the code points for ToUnicode. */
  readonly widths: number[];
  readonly unicode: number[][];
  ref(): unknown;
}

interface PdfkitText {
  _font: EmbeddedFont;
  page: { height: number; fonts: Record<string, unknown> };
  addContent(data: string | Uint8Array): void;
}

/** PDF number syntax as pdfkit writes it (at most six decimals). */
const num = (n: number): number => Math.round(n * 1e6) / 1e6;

/**
 * Draws each text item with one text-showing operator, bypassing pdfkit's text(): that path
 * shapes words with fontkit (whose glyph objects are shared by every document of the process and
 * keep the code points they were first created with) and measures every string again. Here a
 * glyph is a plain cmap lookup cached per face, its ToUnicode entry is the code point it was
 * drawn for, and the font subset is written from the raw glyph table (subset.ts), so nothing
 * one document draws can change what another one extracts to. (The faces are not fontkit fonts
 * any more — truetype-font.ts — so pdfkit's text() would throw, not shape.)
 */
class Painter {
  private face: FontFace | null = null;
  private fill: string | null = null;
  private textFont: string | null = null;
  private pending = '';
  /** Fill colour operators by colour, as pdfkit writes them. */
  private readonly colorOps = new Map<string, string>();
  private embedded: EmbeddedFont | null = null;
  private readonly pdf: PdfkitText;

  constructor(private readonly doc: Doc) {
    this.pdf = doc as unknown as PdfkitText;
  }

  private useFace(face: FontFace): EmbeddedFont {
    if (face === this.face) return this.embedded!;
    this.doc.font(face);
    // pdfkit made this document's subset with TrueTypeFont.createSubset (subset.ts).
    const embedded = this.pdf._font;
    this.face = face;
    this.embedded = embedded;
    return embedded;
  }

  /**
   * Per face, the hex subset index of each code point drawn so far: the subset numbers glyphs per
   * document, so this is the painter's (one document's). ASCII in an array, the rest in a Map.
   */
  private readonly hexOf: Record<FontFace, { readonly ascii: (string | undefined)[]; readonly other: Map<number, string> }> = {
    regular: { ascii: [], other: new Map() },
    bold: { ascii: [], other: new Map() },
  };

  /** The text as hex subset glyph indices, registering each glyph's width and code point on first use. */
  private encode(text: string, face: FontFace, font: EmbeddedFont): string {
    const known = this.hexOf[face];
    let hex = '';
    for (let i = 0; i < text.length; i++) {
      const cp = text.codePointAt(i)!;
      if (cp < 0x80) {
        hex += known.ascii[cp] ??= this.register(cp, face, font);
        continue;
      }
      if (cp > 0xffff) i++;
      let code = known.other.get(cp);
      if (code === undefined) known.other.set(cp, (code = this.register(cp, face, font)));
      hex += code;
    }
    return hex;
  }

  /** Puts the glyph of a code point in the document's subset, with its width and code point; its index in hex. */
  private register(cp: number, face: FontFace, font: EmbeddedFont): string {
    const glyph = loadFaces()[face].glyph(cp);
    const index = font.subset.includeGlyph(glyph.id);
    font.widths[index] ??= glyph.advance * font.scale;
    font.unicode[index] ??= [cp];
    return index.toString(16).padStart(4, '0');
  }

  /** A new page starts with the default graphics state: no fill colour or font set yet. */
  newPage(): void {
    this.fill = null;
    this.textFont = null;
  }

  /**
   * Content operators are collected and handed to pdfkit in one piece per marked-content
   * sequence: pdfkit turns every piece into its own byte array, which was most of the drawing's
   * garbage. The tagger flushes before it opens or closes a sequence.
   */
  private emit(op: string): void {
    this.pending = this.pending === '' ? op : `${this.pending}\n${op}`;
  }

  flush(): void {
    if (this.pending === '') return;
    // As bytes: pdfkit would copy a string into a byte array character by character. The
    // operators are ASCII; pdfkit ends a string piece with a newline, so this one does too.
    this.pdf.addContent(Buffer.from(`${this.pending}\n`, 'latin1'));
    this.pending = '';
  }

  /** The fill colour operators of a colour (stroke ones are the same in upper case). */
  private colorOf(color: string): string {
    let op = this.colorOps.get(color);
    if (op === undefined) {
      const hex = /^#([0-9a-f]{6})$/i.exec(color)?.[1];
      if (!hex) throw new Error(`render: colour ${color} is not #rrggbb`);
      const rgb = [0, 2, 4].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255);
      op = `/DeviceRGB cs\n${rgb.join(' ')} scn`;
      this.colorOps.set(color, op);
    }
    return op;
  }

  private setFill(color: string): void {
    if (color === this.fill) return;
    this.emit(this.colorOf(color));
    this.fill = color;
  }

  draw(item: DrawItem): void {
    if (item.kind === 'rect') {
      this.setFill(item.fill);
      this.emit(`${num(item.x)} ${num(item.y)} ${num(item.w)} ${num(item.h)} re\nf`);
      return;
    }
    if (item.kind === 'line') {
      const [first, ...rest] = item.points.map(([dx, dy]) => `${num(item.x + dx)} ${num(item.y + dy)}`);
      if (first === undefined) return;
      this.emit(`${this.colorOf(item.stroke).replace(' cs', ' CS').replace(' scn', ' SCN')}\n${num(item.lineWidth)} w\n1 J\n1 j\n${first} m\n${rest.map((p) => `${p} l`).join('\n')}\nS`);
      return;
    }
    if (item.text === '') return;
    const font = this.useFace(item.face);
    this.setFill(item.color);
    const { page } = this.pdf;
    page.fonts[font.id] ??= font.ref();
    const hex = this.encode(item.text, item.face, font);
    // The page's coordinates run top-down (pdfkit's page matrix), so the text matrix flips the
    // glyphs upright and puts the baseline where the layout measured it. Font and size are
    // text state, kept across text objects: set again only when they change.
    const tf = `/${font.id} ${num(item.size)} Tf`;
    this.emit(tf === this.textFont ? 'BT' : `BT\n${tf}`);
    this.textFont = tf;
    this.emit(`1 0 0 -1 ${num(item.x)} ${num(item.baseline)} Tm\n<${hex}> Tj\nET`);
  }
}

export async function drawPdf(laid: LaidOutDocument, options: DrawOptions): Promise<Uint8Array> {
  const { info } = laid;
  const doc = new PDFDocument({
    size: [laid.width, laid.height],
    margin: 0,
    autoFirstPage: false,
    // No default font: pdfkit would load Helvetica (breaks bundles, pdfkit #1801). Only the
    // registered TTFs are used; a font object as default would defeat pdfkit's font cache.
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
      Creator: options.template ? `briefing-pipeline, template ${options.template.name} (sha256 ${options.template.sha256.slice(0, 12)})` : 'briefing-pipeline',
      ...(options.template ? { Template: options.template.name, TemplateSHA256: options.template.sha256 } : {}),
      Producer: 'briefing-pipeline (pdfkit)',
      CreationDate: options.date,
      ModDate: options.date,
    },
  });
  patchPdfkit(doc);
  const faces = loadFaces();
  doc.registerFont('regular', faces.regular.font as unknown as string);
  doc.registerFont('bold', faces.bold.font as unknown as string);

  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<void>((resolve, reject) => {
    doc.on('end', () => resolve());
    doc.on('error', reject);
  });

  const painter = new Painter(doc);
  const tagger = new Tagger(doc, () => painter.flush());
  for (const page of laid.pages) {
    doc.addPage({ size: [laid.width, laid.height], margin: 0 });
    painter.newPage();
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
