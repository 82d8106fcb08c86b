/** The laid-out document: absolute boxes on pages, ready for a renderer to draw one by one. */
export type FontFace = 'regular' | 'bold';

export interface FontMetrics {
  /** Advance width of `text` in points. */
  widthOf(text: string, face: FontFace, size: number): number;
  /** Height above the baseline in points. */
  ascent(face: FontFace, size: number): number;
  /** Depth below the baseline in points (positive). */
  descent(face: FontFace, size: number): number;
  hasGlyph(codePoint: number, face: FontFace): boolean;
  /**
   * Lines already wrapped for this document, by text (text.ts): given when one document is laid
   * out more than once (render/index.ts lays a briefing out again for each table row it drops,
   * and every other paragraph comes back as the same text at the same width).
   */
  readonly wraps?: Map<string, WrappedText[]>;
}

/** A text's lines in one face, size and width. */
export interface WrappedText {
  readonly face: FontFace;
  readonly size: number;
  readonly width: number;
  readonly lines: readonly string[];
}

/** PDF structure types the briefing uses (ISO 32000 standard structure types). */
export type Role =
  | 'H1' | 'H2' | 'H3' | 'P' | 'L' | 'LI' | 'LBody' | 'Table' | 'TR' | 'TH' | 'TD'
  | 'Figure' | 'Caption' | 'BlockQuote' | 'Note' | 'Sect';

/** One level of the structure tree: a stable id (shared by the fragments of a split element). */
export interface StructNode {
  readonly id: string;
  readonly role: Role;
  /** Alternate text (Figure). */
  readonly alt?: string;
}

/** From the child of the Document element down to the element that owns the content; null = artifact. */
export type StructPath = readonly StructNode[] | null;

export interface Box {
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
}

export interface TextItem extends Box {
  readonly kind: 'text';
  readonly text: string;
  readonly face: FontFace;
  readonly size: number;
  readonly color: string;
  /** Baseline of the text; `y`/`h` is the whole line box. */
  readonly baseline: number;
  readonly struct: StructPath;
  /** Running header or footer: a pagination artifact. */
  readonly chrome?: boolean;
}

export interface RectItem extends Box {
  readonly kind: 'rect';
  readonly fill: string;
  readonly struct: StructPath;
  readonly chrome?: boolean;
}

/** A stroked polyline; `points` are offsets from the box's top-left corner (x, y). */
export interface LineItem extends Box {
  readonly kind: 'line';
  readonly points: readonly (readonly [dx: number, dy: number])[];
  readonly stroke: string;
  readonly lineWidth: number;
  readonly struct: StructPath;
  readonly chrome?: boolean;
}

export type DrawItem = TextItem | RectItem | LineItem;

/** A block the pagination placed: a card, a table row, a paragraph's lines on one page… */
export interface PlacedBlock extends Box {
  readonly kind: string;
}

export interface LaidOutPage {
  readonly number: number;
  readonly items: readonly DrawItem[];
  readonly blocks: readonly PlacedBlock[];
}

export interface DocumentInfo {
  readonly title: string;
  readonly lang: string;
  readonly author: string;
  readonly subject: string;
  readonly keywords: string;
}

export interface LaidOutDocument {
  readonly width: number;
  readonly height: number;
  /** The printable frame: every item lies inside it. */
  readonly frame: Box;
  readonly info: DocumentInfo;
  readonly pages: readonly LaidOutPage[];
}
