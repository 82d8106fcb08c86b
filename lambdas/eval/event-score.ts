/**
 * Scoring an event fusion against a hand annotation (`<cluster>.expected.json`, docs/eval.md):
 * for each annotated measure, the fused measure of the same category and scope that shares the
 * most reports with it, and whether its reports, their order, its latest value and its dispute
 * flag are the annotated ones. Articles are named by file name, so a cluster scores the same
 * from a folder, a list of paths or S3 keys.
 */
import type { EventDocument, Measure } from '../event/types';

export interface AnnotatedReport {
  readonly article: string;
  readonly date: string | null;
  readonly value: number;
  readonly previous?: boolean;
}

export interface AnnotatedMeasure {
  readonly name: string;
  readonly category: string;
  readonly place: string | null;
  readonly reports: readonly AnnotatedReport[];
  readonly latest: { readonly value: number; readonly article?: string; readonly note?: string };
  readonly disputed: boolean;
}

export interface EventAnnotation {
  readonly event?: string;
  readonly measures: readonly AnnotatedMeasure[];
}

/** What is wrong with one measure, by aspect; every list empty when it is right. */
export interface MeasureScore {
  readonly name: string;
  readonly found: boolean;
  readonly reports: readonly string[];
  readonly order: readonly string[];
  readonly latest: readonly string[];
  readonly disputed: readonly string[];
}

const fileName = (path: string): string => path.split('/').pop()!;
const reportKey = (article: string, value: number, previous: boolean): string => `${fileName(article)}|${value}|${previous ? 'earlier' : 'current'}`;

/** The fused measure of an annotated one: same category and scope, the most reports in common. */
export function matchMeasure(doc: EventDocument, a: AnnotatedMeasure): Measure | null {
  const wanted = new Set(a.reports.map((r) => reportKey(r.article, r.value, r.previous === true)));
  const shared = (m: Measure): number => m.reports.filter((r) => wanted.has(reportKey(r.article, r.value, r.previous))).length;
  return doc.measures
    .filter((m) => m.category === a.category && (m.place ?? '').toLowerCase() === (a.place ?? '').toLowerCase())
    .sort((x, y) => shared(y) - shared(x))[0] ?? null;
}

function differences(got: readonly string[], want: readonly string[]): string[] {
  const missing = want.filter((w) => !got.includes(w)).map((w) => `missing ${w}`);
  const extra = got.filter((g) => !want.includes(g)).map((g) => `extra ${g}`);
  return [...missing, ...extra];
}

export function scoreMeasure(doc: EventDocument, a: AnnotatedMeasure): MeasureScore {
  const m = matchMeasure(doc, a);
  if (!m) return { name: a.name, found: false, reports: ['no measure of this category and scope'], order: [], latest: [], disputed: [] };
  const reports = m.reports.filter((r) => !r.part);
  const dated = (date: string | null, key: string): string => `${date ?? 'undated'} ${key}`;
  const got = reports.map((r) => dated(r.published, reportKey(r.article, r.value, r.previous))).sort();
  const want = a.reports.map((r) => dated(r.date, reportKey(r.article, r.value, r.previous === true))).sort();
  const order: string[] = [];
  const dates = reports.map((r) => r.published ?? '');
  if (dates.join() !== [...dates].sort().join()) order.push(`dates out of order: ${dates.join(', ')}`);
  for (const article of new Set(a.reports.map((r) => fileName(r.article)))) {
    const mine = reports.filter((r) => fileName(r.article) === article).map((r) => r.value).join(' → ');
    const theirs = a.reports.filter((r) => fileName(r.article) === article).map((r) => r.value).join(' → ');
    if (mine !== theirs) order.push(`${article}: ${mine || 'none'}, annotated ${theirs}`);
  }
  const latest: string[] = [];
  if (m.latest.value !== a.latest.value) latest.push(`latest ${m.latest.value}, annotated ${a.latest.value}`);
  if (a.latest.article && fileName(m.latest.article) !== a.latest.article) latest.push(`latest from ${fileName(m.latest.article)}, annotated ${a.latest.article}`);
  if (a.latest.note && m.latest.note === null) latest.push('no note on why this is the latest');
  if (!a.latest.note && m.latest.note !== null && !m.disputes.some((d) => d.date === m.latest.date)) latest.push(`an unexpected note: ${m.latest.note}`);
  const disputed = m.disputed === a.disputed ? [] : [`disputed ${m.disputed}, annotated ${a.disputed}`];
  return { name: a.name, found: true, reports: differences(got, want), order, latest, disputed };
}

export const scoreEvent = (doc: EventDocument, annotation: EventAnnotation): MeasureScore[] =>
  annotation.measures.map((a) => scoreMeasure(doc, a));

/** True when nothing is wrong with the measure. */
export const isRight = (s: MeasureScore): boolean => s.found && [s.reports, s.order, s.latest, s.disputed].every((l) => l.length === 0);
