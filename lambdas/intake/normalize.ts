/**
 * Text clean-up shared by every format. Paragraphs are normalised one by one *before* `text`
 * is built from them, so every offset computed on `text` later is exact: nothing changes the
 * text after it is joined.
 */

/** Line and paragraph separators of every origin become "\n". */
export function normalizeNewlines(text: string): string {
  return text.replace(/\r\n?|[\u0085\u2028\u2029]/g, '\n');
}

/** Spaces other than U+0020 that editors and web pages produce: NBSP, thin, en/em, ideographic. */
const ODD_SPACES = /[\t\v\f\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]/g;
/**
 * Invisible characters that only break words apart for search and matching: zero-width space,
 * word joiner, BOM, soft hyphen. ZWJ/ZWNJ stay: Arabic, Persian and Indic spelling needs them.
 */
const INVISIBLE = /[\u200b\u2060\ufeff\u00ad]/g;
/** C0/C1 controls except "\n" (tab and friends are folded to spaces first). */
const CONTROLS = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/g;

/** NFC, odd spaces folded, invisibles and controls removed; line breaks kept. */
export function cleanText(text: string): string {
  return normalizeNewlines(text.normalize('NFC'))
    .replace(ODD_SPACES, ' ')
    .replace(INVISIBLE, '')
    .replace(CONTROLS, '');
}

/** One paragraph on one line: cleaned, inner line breaks and runs of spaces collapsed, trimmed. */
export function normalizeParagraph(text: string): string {
  return cleanText(text).replace(/\s+/g, ' ').trim();
}

/** Normalises each paragraph and drops the ones left empty. */
export function normalizeParagraphs(paragraphs: readonly string[]): string[] {
  return paragraphs.map(normalizeParagraph).filter((p) => p.length > 0);
}
