/**
 * Plain-text tables and one-line key-figure summaries for terminal output (the demo's table).
 */
import type { Figure } from '../lambdas/extract/types';
import { formatAmount } from '../lambdas/briefing/format';
import { withoutUnit } from '../lambdas/briefing/wording';

/** "544 civilians killed; $2.5 billion appeal" — the key figures in rank order, written as the briefing writes them. */
export function keyFiguresText(figures: readonly Figure[], limit = 3): string {
  const key = figures.filter((figure) => figure.key).sort((a, b) => (a.rank ?? Infinity) - (b.rank ?? Infinity));
  if (key.length === 0) return '(no key figures)';
  const said = key.slice(0, limit).map((figure) => {
    const amount = formatAmount(figure.value, figure.max, figure.unit);
    // Labels of money and measures often restate the unit ("rain mm", "°C"); say it once.
    const label = withoutUnit(figure.label, figure.unit);
    return label ? `${amount} ${label}` : amount;
  });
  return said.join('; ') + (key.length > limit ? ` (+${key.length - limit})` : '');
}

/** Left-aligned columns, numbers right-aligned, cells cut with "…" to keep lines readable. */
export function formatTable(header: readonly string[], rows: readonly (readonly string[])[], maxWidth = 64): string {
  const cut = (cell: string) => (cell.length > maxWidth ? `${cell.slice(0, maxWidth - 1)}…` : cell);
  const all = [header, ...rows].map((row) => row.map(cut));
  const widths = header.map((_, column) => Math.max(...all.map((row) => (row[column] ?? '').length)));
  const numeric = header.map((_, column) => rows.length > 0 && rows.every((row) => /^\d*$/.test(row[column] ?? '')));
  const line = (row: readonly string[]) =>
    row.map((cell, column) => (numeric[column] ? cell.padStart(widths[column]!) : cell.padEnd(widths[column]!))).join('  ').trimEnd();
  return [line(all[0]!), widths.map((w) => '-'.repeat(w)).join('  '), ...all.slice(1).map(line)].join('\n');
}
