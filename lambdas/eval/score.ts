/**
 * Scoring one extraction against its gold, as docs/eval.md defines it:
 * a key figure is found when an extracted figure has its value (or an `alt`), its category and
 * every `about` stem in its label, subject, place or text; precision is the share of extracted
 * figures whose value is a key or ok value; a not-figure hit is a figure whose value is only in
 * `not_figures`. Vague counts ("hundreds of") carry no number to be right or wrong, so they
 * are left out of precision and of not-figure hits (and counted apart).
 */
import type { Extraction, Figure } from '../extract/types';
import type { Gold, GoldFigure } from './gold';

export interface ArticleScore {
  readonly article: string;
  readonly keys: number;
  readonly found: number;
  /** Gold key figures found among the figures marked `key`. */
  readonly foundAsKey: number;
  readonly figures: number;
  readonly correct: number;
  readonly vague: number;
  readonly notFigureHits: number;
  readonly missed: readonly GoldFigure[];
  /** Extracted figures whose value the gold does not know. */
  readonly unexpected: readonly Figure[];
  readonly notFigures: readonly Figure[];
  readonly timeline: { readonly expected: number; readonly found: number };
  readonly quotes: { readonly expected: number; readonly found: number };
}

const same = (a: number, b: number): boolean => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
const valuesOf = (g: GoldFigure): number[] => [g.value, ...(g.alt ?? [])];
const haystack = (f: Figure): string => [f.label, f.subject, f.place ?? '', f.text].join(' ').toLowerCase();

export function matchesKey(f: Figure, k: GoldFigure): boolean {
  return valuesOf(k).some((v) => same(v, f.value))
    && f.category === k.category
    && (k.about ?? []).every((stem) => haystack(f).includes(stem.toLowerCase()));
}

const squash = (s: string): string => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();

export function scoreArticle(article: string, x: Extraction, gold: Gold): ArticleScore {
  const known = [...gold.key, ...gold.ok].flatMap(valuesOf);
  const isKnown = (v: number): boolean => known.some((k) => same(k, v));
  const missed = gold.key.filter((k) => !x.figures.some((f) => matchesKey(f, k)));
  const foundAsKey = gold.key.filter((k) => x.figures.some((f) => f.key && matchesKey(f, k))).length;
  const precise = x.figures.filter((f) => !f.vague);
  // A vague count ("dozens" → 12) has no number written, so it cannot be a year or a day.
  const notFigures = precise.filter((f) => !isKnown(f.value) && gold.not_figures.some((n) => same(n, f.value)));
  const timelineFound = (gold.timeline ?? []).filter((t) => x.timeline.some((e) => e.date === t.date)).length;
  const quotesFound = (gold.quotes ?? []).filter((q) => x.quotes.some((e) =>
    (q.speaker === null ? e.speaker === null : e.speaker !== null && squash(e.speaker).includes(squash(q.speaker)))
    && (!q.starts || squash(e.text).startsWith(squash(q.starts))))).length;
  return {
    article,
    keys: gold.key.length,
    found: gold.key.length - missed.length,
    foundAsKey,
    figures: precise.length,
    correct: precise.filter((f) => isKnown(f.value)).length,
    vague: x.figures.length - precise.length,
    notFigureHits: notFigures.length,
    missed,
    unexpected: precise.filter((f) => !isKnown(f.value)),
    notFigures,
    timeline: { expected: gold.timeline?.length ?? 0, found: timelineFound },
    quotes: { expected: gold.quotes?.length ?? 0, found: quotesFound },
  };
}

export interface Totals {
  readonly keys: number;
  readonly found: number;
  readonly figures: number;
  readonly correct: number;
  readonly notFigureHits: number;
  /** Found / keys over all articles (micro average); 1 when there are no keys. */
  readonly recall: number;
  readonly precision: number;
}

export function totals(scores: readonly ArticleScore[]): Totals {
  const sum = (pick: (s: ArticleScore) => number): number => scores.reduce((n, s) => n + pick(s), 0);
  const keys = sum((s) => s.keys);
  const found = sum((s) => s.found);
  const figures = sum((s) => s.figures);
  const correct = sum((s) => s.correct);
  return {
    keys, found, figures, correct, notFigureHits: sum((s) => s.notFigureHits),
    recall: keys === 0 ? 1 : found / keys,
    precision: figures === 0 ? 1 : correct / figures,
  };
}
