/**
 * Event JSON → the view model `templates/event/event.hbs` fills: every string already worded
 * and formatted, every list chosen, ordered and bounded (so five articles fit three pages).
 * The template only places things.
 */
import { capitalise, clip, formatAmount, formatDate, qualifierWords, shortSource } from '../briefing/format';
import { PEOPLE } from '../briefing/select';
import type { Category, Qualifier } from '../extract/types';
import type { EventDocument, Measure, Report } from './types';
import { isRough } from './values';

export interface EventCard { value: string; qualifier: string; label: string; note: string; source: string }
export interface ChartPoint { label: string; value: number; display: string; rough: boolean }
export interface EventChart { title: string; alt: string; points: ChartPoint[] }
export interface EventTable { widths: string; header: string[]; rows: string[][] }

export interface EventModel {
  title: string;
  lang: string;
  subject: string;
  keywords: string;
  /** "5 reports from 4 outlets · 2–5 March 2026". */
  meta: string;
  cards: EventCard[];
  /** Why a card's figure is the latest when it is not simply the last report. */
  notes: string[];
  /** One line per disputed date of a measure shown. */
  disputes: string[];
  charts: EventChart[];
  /** Each measure by outlet and date: one table per five articles. */
  tables: EventTable[];
  /** The sentences the figures on the cards come from, each with its figures. */
  trace: { source: string; figures: string; sentence: string }[];
  /** Says how many sentences, timeline entries or quotes were left out for space; '' when none. */
  omitted: string;
  timeline: { date: string; text: string; outlets: string }[];
  quotes: { text: string; speaker: string; role: string }[];
  sources: { date: string; outlet: string; title: string }[];
  footer: string;
  /** The template's name and content hash ("event 3f2a…"), as the footer prints it. */
  template: string;
}

/** How much of each list the briefing shows; the renderer tightens them until the pages fit. */
export interface EventLimits {
  readonly trace: number;
  readonly timeline: number;
  readonly quotes: number;
}

export const LIMIT_STEPS: readonly EventLimits[] = [
  { trace: 16, timeline: 12, quotes: 5 },
  { trace: 10, timeline: 8, quotes: 3 },
  { trace: 5, timeline: 5, quotes: 2 },
  { trace: 0, timeline: 3, quotes: 1 },
];

const MAX_CARDS = 8;
const MAX_CHARTS = 6;
const MAX_ROWS = 12;
const ARTICLES_PER_TABLE = 5;

/** The qualifier words a writer put before a number, kept as written ("nearly" is not "about"). */
const WRITTEN_QUALIFIER = /^(?:nearly|almost|close to|just under|about|around|roughly|some|approximately|more than|over|at least|up to|fewer than|less than)\b/i;

/** A count in words that only bounds it reads as written ("hundreds"); any other as "nearly 45,000", "412". */
function reported(r: Report, unit: string | null): string {
  if (r.qualifier !== 'exact' && !/\d/.test(r.text)) return r.text.trim();
  const words = r.qualifier === 'exact' ? '' : WRITTEN_QUALIFIER.exec(r.text.trim())?.[0].toLowerCase() ?? qualifierWords(r.qualifier);
  return `${words} ${formatAmount(r.value, r.max, unit)}`.trim();
}

const SYMBOL: Readonly<Record<Qualifier, string>> = { exact: '', at_least: '≥', more_than: '>', approximately: '~', up_to: '≤', fewer_than: '<' };

/** "2 Mar" (or "2 Mar 2026" when the event spans years); "undated". */
function shortDate(iso: string | null, withYear: boolean): string {
  if (iso === null) return 'undated';
  const [day, month, year] = formatDate(iso).split(' ');
  return month === undefined ? iso : `${day} ${month.slice(0, 3)}${withYear ? ` ${year}` : ''}`;
}

/** How the briefing words what it shows: dates with their year when the event spans years, names as the articles shorten them. */
interface Wording {
  readonly withYear: boolean;
  /** "Médecins Sans Frontières" → "MSF" where an article defines the acronym. */
  readonly short: (name: string) => string;
}

/** Who stands behind a report: "officials, Levant Press Agency", or the outlet alone. */
const voice = (r: Report, w: Wording): string => (r.source === r.outlet ? r.outlet : `${w.short(r.source)}, ${r.outlet}`);

/** A disputed day's reports grouped by the value they give, each value once with all who give it. */
function sides(reports: readonly Report[]): Report[][] {
  const byValue = new Map<string, Report[]>();
  for (const r of reports) {
    const k = `${r.value}|${r.max}`;
    byValue.set(k, [...(byValue.get(k) ?? []), r]);
  }
  return [...byValue.values()];
}

/** "41 (health ministry, Maputo Daily; Southern Africa Relief Report) against 48 (MSF, Southern Africa Relief Report)". */
const disputeLine = (reports: readonly Report[], unit: string | null, w: Wording): string =>
  sides(reports).map((side) => `${reported(side[0]!, unit)} (${side.map((r) => voice(r, w)).join('; ')})`).join(' against ');

/** The name a side of a dispute goes by on a card: a source it names, else its outlet. */
const sideName = (side: readonly Report[], w: Wording): string => w.short((side.find((r) => r.source !== r.outlet) ?? side[0]!).source);

/** Reports that give the measure's value: not an earlier value, not a part. */
const counting = (m: Measure): Report[] => m.reports.filter((r) => !r.previous && !r.part);

function card(m: Measure, w: Wording): EventCard {
  const latest = m.reports[m.latest.report]!;
  const label = capitalise(clip(m.label, 60));
  const day = m.disputes.find((d) => d.date === m.latest.date);
  if (day) {
    // The latest's side first, then the others; each side named by a source it names.
    const all = sides([latest, ...day.reports.map((i) => m.reports[i]!).filter((r) => r !== latest)]);
    return {
      value: all.map((side) => formatAmount(side[0]!.value, side[0]!.max, m.unit)).join(' / '),
      qualifier: 'disputed',
      label,
      // The sides' names take the card's one source line; the date moves under the value.
      note: `as of ${shortDate(m.latest.date, w.withYear)}`,
      source: clip(all.map((side) => sideName(side, w)).join(' / '), 70),
    };
  }
  // Not simply the last report: the card says what else there is, the notes below say why.
  const counted = counting(m);
  const later = counted.filter((r) => m.reports.indexOf(r) > m.latest.report).at(-1);
  const precise = isRough(latest) ? counted.filter((r) => m.reports.indexOf(r) < m.latest.report && !isRough(r)).at(-1) : undefined;
  return {
    value: formatAmount(latest.value, latest.max, m.unit),
    qualifier: qualifierWords(latest.qualifier),
    label,
    note: later ? clip(`later: ${reported(later, m.unit)}`, 40) : precise ? clip(`last precise: ${formatAmount(precise.value, precise.max, m.unit)}`, 40) : '',
    source: clip(`as of ${shortDate(m.latest.date, w.withYear)} · ${m.latest.outlet}`, 70),
  };
}

function chartOf(m: Measure, w: Wording): EventChart | null {
  // An earlier value the same as one already drawn is that report told again: one point.
  const seen = new Set<string>();
  const points = m.reports.filter((r) => !r.part).filter((r) => {
    const k = `${r.value}|${r.max}`;
    const again = r.previous && seen.has(k);
    seen.add(k);
    return !again;
  });
  if (points.length < 3) return null;
  return {
    title: capitalise(clip(m.label, 60)),
    alt: clip(`Line chart of ${m.label} as reported, in time order: ${points.map((r) => `${shortDate(r.published, w.withYear)} ${reported(r, m.unit)} (${r.outlet})`).join('; ')}.`, 900),
    points: points.map((r) => ({
      label: shortDate(r.published, w.withYear),
      value: r.value,
      display: `${SYMBOL[r.qualifier]}${formatAmount(r.value, r.max, m.unit)}`,
      rough: isRough(r),
    })),
  };
}

/** The latest as the table's last column gives it: both sides of a dispute on the latest day ("41 / 48"), else the latest report. */
function latestValue(m: Measure): string {
  const latest = m.reports[m.latest.report]!;
  const day = m.disputes.find((d) => d.date === m.latest.date);
  if (!day) return reported(latest, m.unit);
  return sides([latest, ...day.reports.map((i) => m.reports[i]!).filter((r) => r !== latest)]).map((side) => reported(side[0]!, m.unit)).join(' / ');
}

/** One article's figures of a measure: "328 → 412" in turn from one source, "41 / 48" side by side from two. */
const inTurn = (reports: readonly Report[], unit: string | null): string =>
  reports.map((r, i) => `${i === 0 ? '' : reports[i - 1]!.source === r.source || reports[i - 1]!.previous ? ' → ' : ' / '}${reported(r, unit)}`).join('');

function tablesOf(doc: EventDocument, measures: readonly Measure[], w: Wording): EventTable[] {
  const tables: EventTable[] = [];
  for (let start = 0; start < doc.articles.length; start += ARTICLES_PER_TABLE) {
    const articles = doc.articles.slice(start, start + ARTICLES_PER_TABLE);
    const last = start + ARTICLES_PER_TABLE >= doc.articles.length;
    const each = Math.floor((last ? 58 : 78) / articles.length);
    tables.push({
      widths: [22, ...articles.map(() => each), ...(last ? [20] : [])].join(','),
      header: ['Measure', ...articles.map((a) => clip(`${shortDate(a.published, w.withYear)} · ${a.source ?? a.file}`, 40)), ...(last ? ['Latest'] : [])],
      rows: measures.map((m) => [
        `${capitalise(clip(m.label, 50))}${m.disputed ? ' (disputed)' : ''}`,
        ...articles.map((a) => inTurn(m.reports.filter((r) => r.article === a.file && !r.part), m.unit) || '—'),
        ...(last ? [`${latestValue(m)}, ${shortDate(m.latest.date, w.withYear)}`] : []),
      ]),
    });
  }
  return tables;
}

/** The sentences behind the measures shown, each once with all of its figures, in article order. */
function traceOf(doc: EventDocument, measures: readonly Measure[], w: Wording): EventModel['trace'] {
  const order = new Map(doc.articles.map((a, i) => [a.file, i]));
  const bySentence = new Map<string, { report: Report; figures: string[] }>();
  for (const m of measures) {
    for (const r of m.reports.filter((x) => !x.part)) {
      const k = `${r.article}\u0000${r.sentence}`;
      const entry = bySentence.get(k) ?? { report: r, figures: [] };
      entry.figures.push(`${m.label}: ${reported(r, m.unit)}${r.previous ? ' (earlier)' : ''}`);
      bySentence.set(k, entry);
    }
  }
  return [...bySentence.values()]
    .sort((a, b) => order.get(a.report.article)! - order.get(b.report.article)! || a.report.span[0] - b.report.span[0])
    .map((e) => ({
      source: clip(`${e.report.outlet} · ${shortDate(e.report.published, w.withYear)}`, 60),
      figures: clip(e.figures.join('; '), 160),
      sentence: clip(e.report.sentence, 220),
    }));
}

/** Each article's first item, then each one's second…: a short list still hears every outlet. */
function byTurns<T>(items: readonly T[], articleOf: (item: T) => string): T[] {
  const turn = new Map<string, number>();
  const ranked = items.map((item, i) => {
    const a = articleOf(item);
    const n = turn.get(a) ?? 0;
    turn.set(a, n + 1);
    return { item, n, i };
  });
  return ranked.sort((x, y) => x.n - y.n || x.i - y.i).map((r) => r.item);
}

/** Categories of things an event briefing follows even from one report: people, buildings, money. */
const SINGLE_REPORT_KINDS: ReadonlySet<Category> = new Set<Category>([...PEOPLE, 'facilities', 'money']);

/**
 * The key measures the briefing shows. A depth, a temperature, a share or a count of tents
 * that one article gives is no figure followed across reports: that article's own briefing
 * shows it, and the event's cards and table keep to what moves or matters across outlets.
 */
const followed = (m: Measure): boolean =>
  m.key && (SINGLE_REPORT_KINDS.has(m.category) || new Set(m.reports.map((r) => r.article)).size > 1);

const count = (n: number, what: string): string => `${n} ${what}${n === 1 ? '' : 's'}`;

export function buildEventModel(doc: EventDocument, template: string, limits: EventLimits = LIMIT_STEPS[0]!): EventModel {
  const { from, to } = doc.period;
  const corpus = [...new Set(doc.measures.flatMap((m) => m.reports.map((r) => r.sentence)))].join(' ');
  const w: Wording = { withYear: from !== null && to !== null && from.slice(0, 4) !== to.slice(0, 4), short: (name) => shortSource(name, corpus) };
  const key = doc.measures.filter(followed);
  const people = key.filter((m) => PEOPLE.has(m.category));
  const shown = [...people, ...key.filter((m) => !PEOPLE.has(m.category))].slice(0, MAX_CARDS);
  const rows = [...shown, ...key.filter((m) => !shown.includes(m))].slice(0, MAX_ROWS);
  const outlets = new Set(doc.articles.map((a) => a.source ?? a.file));
  const period = from === null ? 'dates not stated' : from === to ? formatDate(from) : `${formatDate(from)} to ${formatDate(to!)}`;
  const categories = [...new Set(shown.map((m) => m.category.replace('_', ' ')))];
  const trace = traceOf(doc, shown, w);
  const left = [
    trace.length > limits.trace ? count(trace.length - limits.trace, 'sentence') : null,
    doc.timeline.length > limits.timeline ? count(doc.timeline.length - limits.timeline, 'timeline entry').replace('entrys', 'entries') : null,
    doc.quotes.length > limits.quotes ? count(doc.quotes.length - limits.quotes, 'quote') : null,
  ].filter((x): x is string => x !== null);

  return {
    title: clip(doc.title, 180),
    lang: 'en',
    subject: clip(`Event briefing: ${doc.articles.length} reports of "${doc.title}"`, 240),
    keywords: clip(categories.join(', '), 240),
    meta: `${count(doc.articles.length, 'report')} from ${count(outlets.size, 'outlet')} · ${period}`,
    cards: shown.map((m) => card(m, w)),
    notes: shown.filter((m) => m.latest.note !== null && !m.disputes.some((d) => d.date === m.latest.date)).map((m) =>
      clip(`${capitalise(m.label)}: ${reported(m.reports[m.latest.report]!, m.unit)} (${m.latest.outlet}, ${shortDate(m.latest.date, w.withYear)}) is the latest shown; ${m.latest.note}.`, 400)),
    disputes: rows.flatMap((m) => m.disputes.map((d) =>
      clip(`${capitalise(m.label)}, ${d.date ? formatDate(d.date) : 'undated'}: ${disputeLine(d.reports.map((i) => m.reports[i]!), m.unit, w)}.`, 400))),
    charts: rows.map((m) => chartOf(m, w)).filter((c): c is EventChart => c !== null).slice(0, MAX_CHARTS),
    tables: tablesOf(doc, rows, w),
    trace: trace.slice(0, limits.trace),
    omitted: left.length === 0 ? '' : `Left out for space: ${left.join(', ')}. The Event JSON holds them all.`,
    timeline: doc.timeline.slice(0, limits.timeline).map((t) => ({ date: formatDate(t.date), text: clip(t.text, 180), outlets: clip(t.outlets.join(', '), 80) })),
    quotes: byTurns(doc.quotes, (q) => q.articles[0]!).slice(0, limits.quotes).map((q) => ({
      text: clip(q.text.trim().replace(/^["“”‘’']+|["“”‘’']+$/g, '').trim(), 400),
      speaker: clip(q.speaker ?? 'Speaker not named', 80),
      role: clip([q.role, q.outlets.join(', ')].filter(Boolean).join(' · '), 140),
    })),
    sources: doc.articles.map((a) => ({ date: a.published ? formatDate(a.published) : 'date not stated', outlet: clip(a.source ?? '—', 60), title: clip(a.title, 160) })),
    footer: `Event briefing by briefing-pipeline from ${count(doc.articles.length, 'article')} · sha256 ${doc.sha256.slice(0, 12)}`,
    template,
  };
}
