/**
 * Several articles' Extraction JSON → one Event JSON: every figure lined up with the same
 * quantity in the other articles (a measure), in time order, with the latest value and the
 * dates on which sources disagree. Pure and order-free: the same articles in any order, under
 * any names, give the same measures.
 */
import { createHash } from 'node:crypto';
import { BY_WEIGHT, categoryLabel, PEOPLE_CATEGORIES } from '../contract/categories';
import type { Category, Extraction, Figure } from '../extract/types';
import { datedInputs, type Dated } from './dates';
import { chooseLatest, disputesOf, type Weighed } from './latest';
import { centralTitle, mergeQuotes, mergeTimeline, type Source } from './merge';
import { inTimeOrder, type Placed } from './order';
import { measureKey, scopes, subjectHead, subjectMarks } from './scope';
import type { EventArticle, EventDocument, EventInput, Measure, Report } from './types';

export interface FuseOptions {
  /** The event's title; otherwise the headline most like the others (centralTitle). */
  readonly title?: string;
}

/** One copy of each article (the same bytes under two names count once), dated, in time order. */
function eventArticles(inputs: readonly EventInput[]): Dated[] {
  const bySha = new Map<string, EventInput>();
  for (const input of [...inputs].sort((a, b) => a.file.localeCompare(b.file))) {
    if (!bySha.has(input.extraction.article.sha256)) bySha.set(input.extraction.article.sha256, input);
  }
  const a = (d: Dated): Extraction['article'] => d.input.extraction.article;
  return datedInputs([...bySha.values()]).sort((x, y) =>
    (a(x).published ?? '').localeCompare(a(y).published ?? '')
    || (a(x).source ?? '').localeCompare(a(y).source ?? '')
    || a(x).title.localeCompare(a(y).title)
    || a(x).sha256.localeCompare(a(y).sha256));
}

const outletOf = (input: EventInput): string => input.extraction.article.source ?? input.file.split('/').pop()!;

/** "TEHRAN – ", "BAGHDAD/TEHRAN – ", "SARPOL-E ZAHAB – ": a wire dateline before a story's first sentence. */
const DATELINE = /^\p{Lu}[\p{Lu}\p{M}'’./ -]{1,40}?\s+[-–—]\s+(?=\p{Lu})/u;

/**
 * Who gives the figure. A source read from the first sentence of a wire story can carry its
 * dateline ("TEHRAN – Iran's crisis management organisation"): the place the story was filed
 * from is no part of the name a dispute line or a card sets against another.
 */
function sourceOf(f: Figure, outlet: string): string {
  if (!f.source) return outlet;
  const dateline = DATELINE.exec(f.sentence)?.[0];
  return dateline && f.source.startsWith(dateline) ? f.source.slice(dateline.length) : f.source;
}

function reportOf(f: Figure, input: EventInput, previous: boolean, part: boolean): Report {
  const outlet = outletOf(input);
  return {
    value: f.value, max: f.max, qualifier: f.qualifier, source: sourceOf(f, outlet), article: input.file,
    published: input.extraction.article.published, sentence: f.sentence, span: f.span,
    text: f.text, outlet, previous, part, figure: f.id,
  };
}

/**
 * "people killed", "children killed", "people killed in Iraq": the category's own words after
 * what is counted. A count of cases or of inhabitants is named by its subject alone ("suspected
 * cases", not "suspected cases affected"); other quantities keep the extraction's label.
 */
function labelOf(category: Category, subject: string, place: string | null, lastLabel: string): string {
  const generic = subjectHead(subject) === '';
  const named = category === 'affected' || category === 'population';
  const base = !PEOPLE_CATEGORIES.has(category) ? lastLabel || subject || category
    : named ? (generic ? (category === 'affected' ? 'people affected' : 'population') : subject)
    : `${generic ? 'people' : subject} ${categoryLabel(category)}`;
  return place && !base.toLowerCase().includes(place.toLowerCase()) ? `${base} in ${place}` : base;
}

/**
 * "Cases" and "suspected cases" are one series (outlets drop the word); "suspected" and
 * "confirmed" cases are two. A measure splits only when its reports carry different marks,
 * and then the unmarked ones stand apart.
 */
function byMarks(placed: Placed[]): Placed[][] {
  const marks = new Map<string, Placed[]>();
  for (const p of placed) {
    const m = subjectMarks(p.figure.subject);
    marks.set(m, [...(marks.get(m) ?? []), p]);
  }
  const marked = [...marks.keys()].filter((m) => m !== '');
  return marked.length <= 1 ? [placed] : [...marks.values()];
}

type Draft = Omit<Measure, 'id'> & { readonly articleCount: number };

function measureOf(placed: readonly Placed[], inputs: readonly EventInput[], scope: string | null): Draft {
  const ordered = inTimeOrder(placed);
  const weighed: Weighed[] = ordered.map((p) => ({ report: reportOf(p.figure, inputs[p.article]!, p.earlier, p.part), claim: p.figure }));
  const reports = weighed.map((w) => w.report);
  const disputes = disputesOf(weighed);
  const choice = chooseLatest(weighed, disputes);
  const latest = reports[choice.index]!;
  const main = ordered[choice.index]!.figure;
  const generic = ordered.filter((p) => !p.earlier).map((p) => p.figure.subject).find((s) => subjectHead(s) === '');
  const subject = subjectHead(main.subject) === '' ? (PEOPLE_CATEGORIES.has(main.category) ? 'people' : generic ?? main.subject) : main.subject;
  return {
    category: main.category,
    subject,
    place: scope,
    latest: {
      value: latest.value, max: latest.max, qualifier: latest.qualifier, source: latest.source, article: latest.article,
      date: latest.published, text: latest.text, outlet: latest.outlet, report: choice.index, note: choice.note,
    },
    reports,
    disputed: disputes.length > 0,
    label: labelOf(main.category, subject, scope, main.label),
    unit: PEOPLE_CATEGORIES.has(main.category) ? 'people' : main.unit,
    key: ordered.some((p) => p.figure.key),
    disputes,
    articleCount: new Set(ordered.map((p) => p.article)).size,
  };
}

/** Key measures first, counts of people before other quantities; then the whole event before its parts, by category, people in general first, the most reported, the largest. */
function byImportance(a: Draft, b: Draft): number {
  return Number(b.key) - Number(a.key)
    || Number(PEOPLE_CATEGORIES.has(b.category)) - Number(PEOPLE_CATEGORIES.has(a.category))
    || Number(a.place !== null) - Number(b.place !== null)
    || BY_WEIGHT.indexOf(a.category) - BY_WEIGHT.indexOf(b.category)
    || Number(subjectHead(a.subject) !== '') - Number(subjectHead(b.subject) !== '')
    || b.articleCount - a.articleCount
    || b.latest.value - a.latest.value
    || a.label.localeCompare(b.label);
}

export function fuseEvent(inputs: readonly EventInput[], options: FuseOptions = {}): EventDocument {
  const dated = eventArticles(inputs);
  const ordered = dated.map((d) => d.input);
  const placed: Placed[] = ordered.flatMap((input, article) =>
    input.extraction.figures.map((figure) => ({ figure: figure, article, date: input.extraction.article.published })));
  const scoped = scopes(placed);
  const groups = new Map<string, { scope: string | null; placed: Placed[] }>();
  for (const p of placed) {
    const scope = scoped.get(p.figure) ?? null;
    const key = measureKey(p, scope);
    const group = groups.get(key) ?? { scope, placed: [] };
    group.placed.push(p);
    groups.set(key, group);
  }
  const measures: Measure[] = [...groups.values()]
    .flatMap((g) => byMarks(g.placed).map((part) => measureOf(part, ordered, g.scope)))
    .sort(byImportance)
    .map(({ articleCount: _, ...m }, i) => ({ id: `m${i + 1}`, ...m }));

  const articles: EventArticle[] = dated.map(({ input, from }) => {
    const a = input.extraction.article;
    return { file: input.file, title: a.title, source: a.source, published: a.published, sha256: a.sha256, url: a.url, dated: from };
  });
  const sources: Source[] = ordered.map((input) => ({ file: input.file, outlet: outletOf(input), extraction: input.extraction }));
  const dates = articles.map((a) => a.published).filter((d): d is string => d !== null).sort();
  return {
    schemaVersion: 1,
    kind: 'event',
    title: options.title?.trim() || centralTitle(articles.map((a) => a.title)) || 'Untitled event',
    articles,
    measures,
    timeline: mergeTimeline(sources),
    quotes: mergeQuotes(sources),
    period: { from: dates[0] ?? null, to: dates.at(-1) ?? null },
    sha256: createHash('sha256').update(articles.map((a) => a.sha256).sort().join('\n')).digest('hex'),
  };
}
