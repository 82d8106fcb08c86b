/**
 * Keeps the documentation's copy of the latest table current: a full run replaces whatever
 * sits between the two markers below, in every listed file that carries them, with the summary
 * (machine and checks; the detail stays in bench/results.md).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from './articles';

const START = '<!-- bench:results:start -->';
const END = '<!-- bench:results:end -->';
/** The README's Benchmarks section carries the table. */
const FILES = ['README.md'];

export function publishTable(markdown: string): string[] {
  const updated: string[] = [];
  for (const rel of FILES) {
    const file = path.join(ROOT, rel);
    if (!existsSync(file)) continue;
    const text = readFileSync(file, 'utf8');
    const from = text.indexOf(START);
    const to = text.indexOf(END);
    if (from < 0 || to < from) continue;
    writeFileSync(file, `${text.slice(0, from + START.length)}\n${markdown}${text.slice(to)}`);
    updated.push(rel);
  }
  return updated;
}
