/**
 * The layout vocabulary a template may use. Anything else is a template error, so a typo in a
 * user's template is reported with its line instead of silently vanishing from the PDF.
 */
export const ELEMENTS: Readonly<Record<string, readonly string[]>> = {
  document: ['title', 'lang', 'author', 'subject', 'keywords'],
  header: [],
  footer: ['pages'],
  section: [],
  heading: ['level'],
  paragraph: [],
  list: [],
  item: [],
  panel: [],
  card: ['value', 'qualifier', 'label', 'note', 'source'],
  barchart: ['title', 'alt', 'unit'],
  bar: ['label', 'value', 'display'],
  charts: [],
  linechart: ['title', 'alt'],
  point: ['label', 'value', 'display', 'rough'],
  table: ['widths'],
  row: ['header'],
  cell: [],
  quote: ['speaker', 'role'],
  note: [],
};

export const isElement = (name: string): boolean => Object.hasOwn(ELEMENTS, name);
