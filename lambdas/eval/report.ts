/** The text report of `briefing eval`: one line per article, the overall line, then what was missed. */
import type { EvalResult } from './run';
import type { ArticleScore } from './score';

const ratio = (n: number, d: number): string => (d === 0 ? '1.000' : (n / d).toFixed(3));

function row(cells: readonly (string | number)[], widths: readonly number[]): string {
  return cells.map((c, i) => (i === 0 ? String(c).padEnd(widths[i]!) : String(c).padStart(widths[i]!))).join('  ');
}

function details(s: ArticleScore, verbose: boolean): string[] {
  const lines: string[] = [];
  for (const k of s.missed) {
    lines.push(`  missed  ${s.article}: ${k.value} ${k.category}${k.about?.length ? ` [${k.about.join(', ')}]` : ''}${k.mention ? ` “${k.mention}”` : ''}`);
  }
  for (const f of s.notFigures) lines.push(`  not-figure  ${s.article}: ${f.value} “${f.text}” (${f.category})`);
  if (verbose) {
    for (const f of s.unexpected) lines.push(`  unexpected  ${s.article}: ${f.value} “${f.text}” ${f.category} / ${f.label}`);
  }
  return lines;
}

export function formatReport(result: EvalResult, verbose = false): string {
  const width = Math.max(7, ...result.scores.map((s) => s.article.length));
  const widths = [width, 4, 5, 6, 7, 7, 9, 5, 7, 8, 6];
  const lines = [row(['article', 'keys', 'found', 'recall', 'figures', 'correct', 'precision', 'vague', 'not-fig', 'timeline', 'quotes'], widths)];
  for (const s of result.scores) {
    lines.push(row([
      s.article, s.keys, s.found, ratio(s.found, s.keys), s.figures, s.correct, ratio(s.correct, s.figures), s.vague,
      s.notFigureHits, `${s.timeline.found}/${s.timeline.expected}`, `${s.quotes.found}/${s.quotes.expected}`,
    ], widths));
  }
  const t = result.totals;
  const timeline = result.scores.reduce((a, s) => [a[0]! + s.timeline.found, a[1]! + s.timeline.expected], [0, 0]);
  const quotes = result.scores.reduce((a, s) => [a[0]! + s.quotes.found, a[1]! + s.quotes.expected], [0, 0]);
  lines.push(row([
    'overall', t.keys, t.found, t.recall.toFixed(3), t.figures, t.correct, t.precision.toFixed(3),
    result.scores.reduce((n, s) => n + s.vague, 0), t.notFigureHits, `${timeline[0]}/${timeline[1]}`, `${quotes[0]}/${quotes[1]}`,
  ], widths));
  const extra = result.scores.flatMap((s) => details(s, verbose));
  return [...lines, ...(extra.length ? ['', ...extra] : [])].join('\n');
}
