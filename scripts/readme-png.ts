/**
 * `npm run png`: runs `npm run demo` and writes page 1 of the seed's briefing it produced
 * (out/idlib-offensive-2019.pdf: the article as uploaded, no --published) as
 * docs/img/briefing-page1.png with poppler's `pdftoppm -png -r 60`: the picture in the README
 * is what a newcomer's first command makes. Deterministic: same code, same PNG.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const PDF = 'out/idlib-offensive-2019.pdf';
const OUT = 'docs/img/briefing-page1';

try {
  const demo = spawnSync('npm', ['run', '-s', 'demo'], { cwd: root, encoding: 'utf8' });
  if (demo.status !== 0) throw new Error(`npm run demo exited ${demo.status ?? demo.signal}\n${demo.stdout}${demo.stderr}`);
  mkdirSync(join(root, 'docs/img'), { recursive: true });
  execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', '-singlefile', join(root, PDF), join(root, OUT)], { stdio: ['ignore', 'ignore', 'inherit'] });
  process.stdout.write(`${OUT}.png (page 1 of ${PDF}, made by npm run demo)\n`);
} catch (error) {
  const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'pdftoppm not found (install poppler-utils)' : error instanceof Error ? error.message : String(error);
  process.stderr.write(`error: ${PDF}: ${reason}\n`);
  process.exitCode = 1;
}
