/**
 * `npm run png`: renders the seed briefing (the Idlib article through the whole pipeline) and
 * writes page 1 as docs/img/briefing-page1.png with poppler's `pdftoppm -png -r 60`, the image
 * the README shows. Deterministic: same code, same PNG.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { briefingFromBytes } from '../lambdas/core/pipeline';

const root = fileURLToPath(new URL('..', import.meta.url));
const ARTICLE = 'tests/fixtures/articles/idlib-offensive-2019.txt';
const OUT = 'docs/img/briefing-page1';

const scratch = mkdtempSync(join(tmpdir(), 'readme-png-'));
try {
  const { pdf } = await briefingFromBytes(readFileSync(join(root, ARTICLE)), { name: 'idlib-offensive-2019.txt', published: '2019-06-29' });
  const pdfPath = join(scratch, 'briefing.pdf');
  writeFileSync(pdfPath, pdf);
  mkdirSync(join(root, 'docs/img'), { recursive: true });
  execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', '-singlefile', pdfPath, join(root, OUT)], { stdio: ['ignore', 'ignore', 'inherit'] });
  process.stdout.write(`${OUT}.png (page 1 of the seed briefing, ${pdf.length} bytes of PDF)\n`);
} catch (error) {
  const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'pdftoppm not found (install poppler-utils)' : error instanceof Error ? error.message : String(error);
  process.stderr.write(`error: ${ARTICLE}: ${reason}\n`);
  process.exitCode = 1;
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
