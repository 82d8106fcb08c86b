/** Runs the real poppler-utils and qpdf on PDF bytes (written to a temp file). */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const dir = mkdtempSync(join(tmpdir(), 'briefing-pdf-'));
let n = 0;

export function pdfFile(pdf: Uint8Array): string {
  n += 1;
  const file = join(dir, `t${n}.pdf`);
  writeFileSync(file, pdf);
  return file;
}

export const pdftotext = (pdf: Uint8Array): string => execFileSync('pdftotext', ['-enc', 'UTF-8', pdfFile(pdf), '-'], { encoding: 'utf8' });
/** The text in drawing order (`-raw`): a card's lines stay together instead of being read across a row of cards. */
export const pdftotextRaw = (pdf: Uint8Array): string => execFileSync('pdftotext', ['-raw', '-enc', 'UTF-8', pdfFile(pdf), '-'], { encoding: 'utf8' });
export const pdfinfo = (pdf: Uint8Array): string => execFileSync('pdfinfo', [pdfFile(pdf)], { encoding: 'utf8' });
/** `pdfinfo -custom`: the document information including keys of our own (Template, TemplateSHA256). */
export const pdfinfoCustom = (pdf: Uint8Array): string => execFileSync('pdfinfo', ['-custom', pdfFile(pdf)], { encoding: 'utf8' });
export const pdffonts = (pdf: Uint8Array): string => execFileSync('pdffonts', [pdfFile(pdf)], { encoding: 'utf8' });

export function qpdfCheck(pdf: Uint8Array): { status: number; output: string } {
  const r = spawnSync('qpdf', ['--check', pdfFile(pdf)], { encoding: 'utf8' });
  return { status: r.status ?? -1, output: `${r.stdout}${r.stderr}` };
}

/** Whitespace folded, so a name wrapped across lines still reads as written. */
export const folded = (text: string): string => text.normalize('NFC').replace(/\s+/g, ' ');
