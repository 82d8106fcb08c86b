/**
 * Regression: fonts are parsed once per process and shared by every document. pdfkit's own
 * subsetting asked that shared font for the components of composite glyphs ("Ệ" is E plus two
 * marks), and the font kept those glyph objects with no code points, so every later document
 * lost its "E" in pdftotext. This file runs in its own worker, so the fonts are fresh and the
 * first document below is the first one this process draws.
 */
import { describe, expect, it } from 'vitest';
import { drawPdf } from '../../lambdas/render/pdf';
import { fontMetrics } from '../../lambdas/render/fonts';
import type { LaidOutDocument, TextItem } from '../../lambdas/layout/types';
import { pdftotext } from './poppler';

const line = (text: string, baseline: number): TextItem => ({
  kind: 'text', text, face: 'regular', size: 12, color: '#000000', x: 40, y: baseline - 12, w: 500, h: 15,
  baseline, struct: [{ id: `p${baseline}`, role: 'P' }],
});

const page = (...texts: string[]): LaidOutDocument => ({
  width: 595, height: 842, frame: { x: 0, y: 0, w: 595, h: 842 },
  info: { title: 'cross-document', lang: 'en', author: '', subject: '', keywords: '' },
  pages: [{ number: 1, blocks: [], items: texts.map((t, i) => line(t, 60 + i * 20)) }],
});

/** pdftotext guesses word gaps from geometry; the letters are what this test is about. */
const letters = (s: string): string => s.normalize('NFC').replace(/\s+/g, '');

const draw = (doc: LaidOutDocument): Promise<Uint8Array> => drawPdf(doc, { date: new Date('2000-01-01T00:00:00Z') });

describe('glyphs drawn in one document never change what another one extracts to', () => {
  it('keeps every Latin, Turkish, Greek and Cyrillic letter after Vietnamese composites were embedded', async () => {
    expect(fontMetrics().hasGlyph(0x1ec6, 'regular')).toBe(true);
    // Composites only: their base letters (E, O, A, U, I) are never drawn on their own here.
    const vietnamese = 'Ệ Ế Ề Ể Ễ Ộ Ố Ầ Ữ Ị Đ';
    expect(letters(pdftotext(await draw(page(vietnamese))))).toBe(letters(vietnamese));
    const later = ['EXPECTED Emergency OIL AUDIT', 'İstanbul ılık ğ ş Ş Ğ', 'Ελλάδα Αθήνα', 'Москва Ёж Éclair'];
    const text = letters(pdftotext(await draw(page(...later))));
    for (const l of later) expect(text).toContain(letters(l));
  });
});
