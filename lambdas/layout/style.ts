/**
 * The look of the briefing: A4, a navy band, UN-blue accents, DejaVu Sans. Sizes in points.
 * One place so the layout code says what a thing is, not how big it is.
 */
export const PAGE = { width: 595.28, height: 841.89, margin: 36 } as const;

export const COLOR = {
  navy: '#0D3B66',
  accent: '#0072BC',
  accentSoft: '#9CC3E6',
  bandText: '#FFFFFF',
  bandMeta: '#D6E4F2',
  text: '#1E1E1E',
  muted: '#5A6470',
  cardFill: '#EDF3F9',
  zebra: '#F4F6F8',
  rule: '#C9D3DD',
} as const;

/** Line height as a multiple of the font size. */
export const LEADING = 1.32;

export const SIZE = {
  kicker: 7.5,
  title: 17,
  meta: 9,
  h2: 11,
  body: 9,
  small: 7.5,
  cardQualifier: 7,
  cardValue: 20,
  cardValueMin: 11,
  cardLabel: 8.5,
  table: 7.2,
  footer: 7,
} as const;

export const SPACE = {
  bandPad: 14,
  sectionBefore: 13,
  headingAfter: 5,
  block: 6,
  listItem: 3,
  cardGap: 8,
  cardPad: 7,
  cellPadX: 4,
  cellPadY: 2.5,
  barRow: 13,
  barHeight: 9,
  runningHeader: 22,
  footer: 24,
  quoteIndent: 12,
  bullet: 12,
} as const;

/**
 * Bounds that keep every block shorter than a page, and the document a briefing, whatever the
 * article says. The briefing model keeps the default template well inside `pages`; the limit
 * stops a template (or a model bug) from turning one article into thousands of pages.
 */
export const LIMIT = { cardLabelLines: 3, barLabelLines: 2, pages: 8 } as const;
