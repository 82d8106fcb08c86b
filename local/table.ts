/**
 * Plain-text tables and one-line key-figure summaries for terminal output (the demo's table).
 */
import type { Figure } from '../lambdas/extract/types';

const CURRENCY: Readonly<Record<string, string>> = { USD: '$', EUR: '€', GBP: '£' };

/** 2_500_000_000 → "2.5bn", 3_000_000 → "3m", 12_400 → "12,400". */
export function compactNumber(value: number): string {
  const scaled = (n: number, suffix: string) => `${Number((value / n).toFixed(1)).toLocaleString('en-US')}${suffix}`;
  if (Math.abs(value) >= 1e9) return scaled(1e9, 'bn');
  if (Math.abs(value) >= 1e6) return scaled(1e6, 'm');
  return value.toLocaleString('en-US');
}

/** "544 civilians killed; $2.5bn appeal" — the key figures in rank order, as a reader says them. */
export function keyFiguresText(figures: readonly Figure[], limit = 3): string {
  const key = figures.filter((figure) => figure.key).sort((a, b) => (a.rank ?? Infinity) - (b.rank ?? Infinity));
  if (key.length === 0) return '(no key figures)';
  const said = key.slice(0, limit).map((figure) => {
    const number = compactNumber(figure.value);
    const unit = figure.unit ?? '';
    const amount = CURRENCY[unit] ? `${CURRENCY[unit]}${number}` : unit === '%' ? `${number}%` : unit && unit !== 'people' ? `${number} ${unit}` : number;
    // Labels of money and measures often restate the unit ("USD", "°C"); say it once.
    const label = unit && figure.label.startsWith(unit) ? figure.label.slice(unit.length).trim() : figure.label;
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
