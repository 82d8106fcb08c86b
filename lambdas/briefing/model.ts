/**
 * Extraction → the view model the template fills: every string already worded and formatted,
 * every list already chosen and ordered, long texts clipped. The template only places things.
 */
import type { Figure } from '../extract/types';
import type { ReviewedExtraction, ReviewedFigure } from '../review/edits';
import { capitalise, clip, figureAmount, formatAmount, formatDate, groupDigits, qualifierWords, shortSource } from './format';
import { pickBars, pickCards, pickTableFigures } from './select';
import { categoryLabel } from '../contract/categories';
import { conversionNote, figureLabel, placeOf } from './wording';
import { datedLine, timelineRows } from './timeline';
import { letterPattern, patternFor } from '../core/letter-patterns';

/** `note`: the amount in another currency or unit when the article gives it ("about US$600,000"). */
export interface CardView { value: string; qualifier: string; label: string; note: string; source: string }
export interface BarView { label: string; value: number; display: string }
export interface FigureRowView { figure: string; what: string; source: string; sentence: string }

export interface BriefingModel {
  title: string;
  /** "29 June 2019" (published, else the dateline's date, "4 November (year not stated)"), or null when the article gives neither. */
  asOf: string | null;
  /** The header's date line: "As of 29 June 2019", "Undated report · latest date in the text: 26 April 2019", "Date not stated". */
  dated: string;
  source: string | null;
  lang: string;
  subject: string;
  keywords: string;
  highlights: string[];
  cards: CardView[];
  chart: { title: string; alt: string; bars: BarView[] } | null;
  timeline: { date: string; text: string }[];
  /** `speaker` says so when the article names nobody: "unattributed in the article". */
  quotes: { text: string; speaker: string; role: string }[];
  figures: FigureRowView[];
  /** Says how many figures the table leaves out, when it lists only the strongest; else null. */
  figuresNote: string | null;
  organisations: string;
  places: string;
  /** What produced the briefing; the template appends its own version. */
  footer: string;
  /** The template's name and the start of its hash ("briefing 3f2a9c1b7d0e"), set by the renderer. */
  template?: string;
}

export const SAME_SENTENCE = '(same sentence as above)';
export const UNATTRIBUTED = 'unattributed in the article';

/** How many table rows, timeline entries and quotes the briefing lists at most. */
export interface ModelLimits {
  readonly tableFigures: number;
  readonly timeline: number;
  readonly quotes: number;
}

/**
 * Room for any real article (a long one has a few dozen figures), while an article of 100,000
 * numbers still makes a few pages. The renderer halves these when an article's long texts would
 * still run past the page limit.
 */
export const MODEL_LIMITS: ModelLimits = { tableFigures: 100, timeline: 40, quotes: 12 };

/** "civilians killed, at least 544" — what the chart says, for screen readers. */
const chartAlt = (bars: readonly { label: string; display: string }[]): string =>
  `Bar chart of reported counts of people: ${bars.map((b) => `${b.label}, ${b.display}`).join('; ')}.`;

/** Quote marks around a quote are the template's to draw. */
const unquote = (s: string): string => s.trim().replace(/^["“”‘’']+|["“”‘’']+$/g, '').trim();

// "MEDELLÍN, Colombia, Nov 4 - At least 23 …": a highlight or event starts at the news, not the dateline.
const DATELINE = letterPattern(String.raw`^\p{Lu}[\p{Lu}\p{M}'’. -]{1,40}(?:,\s*[\p{L}\p{M}'’. -]{2,40}){0,2},\s*[\p{L}\d .]{3,20}?\s*(?:\([^)]{0,60}\)\s*)?[-–—]\s+(?=\p{Lu})`, 'u');
/** The text without the dateline that opens it ("KARACHI, May 26 (Reuters) – "). */
const withoutDateline = (text: string): string => text.replace(patternFor(text, DATELINE), '');

/** The table marks what a person changed (lambdas/review), so a corrected briefing never passes for the extractor's. */
const EDITED = ' (edited)';
const editedField = (f: ReviewedFigure, field: 'value' | 'label'): boolean => f.edited?.includes(field) ?? false;

export function buildBriefingModel(x: ReviewedExtraction, limits: ModelLimits = MODEL_LIMITS): BriefingModel {
  const a = x.article;
  const tableFigures = pickTableFigures(x.figures, limits.tableFigures);
  const quotes = x.quotes.slice(0, limits.quotes);
  // The sentences of the figures shown, not of all of them: 100,000 figures make a corpus of megabytes.
  const corpus = [a.title, ...x.summary, ...tableFigures.map((f) => f.sentence), ...quotes.map((q) => `${q.text} ${q.role ?? ''}`)].join(' ');
  const sourceOf = (f: Figure): string => (f.source ? clip(shortSource(f.source, corpus), 40) : '');
  // A label a person wrote is printed as they wrote it. Each figure's is worked out once: the
  // cards, the chart and the table (twice a row) ask for it, and each asking read the corpus.
  const labels = new Map<ReviewedFigure, string>();
  const label = (f: ReviewedFigure): string => {
    let text = labels.get(f);
    if (text === undefined) labels.set(f, (text = clip(editedField(f, 'label') ? capitalise(f.label) : figureLabel(f, corpus), 60)));
    return text;
  };
  // The article's conversion ("about US$600,000") was of the article's amount, not of a corrected one.
  const noteOf = (f: ReviewedFigure): string | null => (editedField(f, 'value') ? null : conversionNote(f));
  const cards = pickCards(x.figures).map((f) => ({
    value: formatAmount(f.value, f.max, f.unit), qualifier: qualifierWords(f.qualifier), label: label(f),
    note: noteOf(f) ?? '', source: sourceOf(f),
  }));
  const bars = pickBars(x.figures).map((f) => ({ label: label(f), value: f.value, display: figureAmount(f) }));
  const categories = [...new Set(x.figures.filter((f) => f.key).map((f) => categoryLabel(f.category)))];
  const what = (f: Figure): string => {
    const place = placeOf(f);
    return [label(f), place && !label(f).includes(place) ? place : null, f.date ? formatDate(f.date) : null].filter(Boolean).join(' · ');
  };
  // A vague count has no number to write ("hundreds"), an ordinal no amount ("the 30th"): the article's words are the figure.
  const written = (f: ReviewedFigure): string => {
    if (!editedField(f, 'value') && (f.vague || /^\d+(?:st|nd|rd|th)$/.test(f.text.trim()))) return f.text;
    const note = noteOf(f);
    return note ? `${figureAmount(f)} (${note})` : figureAmount(f);
  };
  return {
    title: clip(a.title || 'Untitled article', 180),
    asOf: a.published ? formatDate(a.published) : a.dateline ? formatDate(a.dateline) : null,
    dated: datedLine(x),
    source: a.source ? clip(a.source, 80) : null,
    lang: 'en',
    subject: clip(`Situation briefing: key figures from "${a.title}"`, 240),
    keywords: clip([...categories, ...x.places].join(', '), 240),
    highlights: x.summary.map((s) => clip(withoutDateline(s), 400)),
    cards,
    chart: bars.length === 0 ? null : { title: 'Reported counts of people', alt: chartAlt(bars), bars },
    timeline: timelineRows(x).slice(0, limits.timeline).map((t) => ({ date: t.date, text: clip(withoutDateline(t.text), 200) })),
    quotes: quotes.map((q) => ({
      text: clip(unquote(q.text), 500),
      speaker: clip(q.speaker ? capitalise(q.speaker) : UNATTRIBUTED, 80),
      role: clip(q.role ?? '', 120),
    })),
    figures: tableFigures.sort((p, q) => p.span[0] - q.span[0]).map((f, i, all) => ({
      figure: `${clip(written(f), 60)}${f.edited?.length ? EDITED : ''}`, what: what(f), source: f.source ? clip(f.source, 80) : '—',
      // Several figures often come from one sentence: print it once, not three times.
      sentence: i > 0 && all[i - 1]!.sentence === f.sentence ? SAME_SENTENCE : clip(f.sentence, 220),
    })),
    figuresNote: tableFigures.length < x.figures.length
      ? `The table lists the ${tableFigures.length} strongest of ${groupDigits(x.figures.length)} figures; the figures JSON holds them all.`
      : null,
    organisations: clip(x.organisations.join(' · '), 600),
    places: clip(x.places.join(' · '), 600),
    footer: `Produced by briefing-pipeline from ${clip(a.input ?? a.title, 80)} · sha256 ${a.sha256.slice(0, 12)}${
      x.revision ? ` · revision ${x.revision.number} (edited)` : ''}`,
  };
}
