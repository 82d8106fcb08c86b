/**
 * Extraction → the view model the template fills: every string already worded and formatted,
 * every list already chosen and ordered, long texts clipped. The template only places things.
 */
import type { Extraction, Figure } from '../extract/types';
import { capitalise, cardNumber, clip, compactNumber, formatDate, groupDigits, qualifierWords, shortSource } from './format';
import { pickBars, pickCards } from './select';
import { categoryLabel } from '../contract/categories';

export interface CardView { value: string; qualifier: string; label: string; source: string }
export interface BarView { label: string; value: number; display: string }
export interface FigureRowView { figure: string; what: string; source: string; sentence: string }

export interface BriefingModel {
  title: string;
  /** "29 June 2019", or null when the article has no date. */
  asOf: string | null;
  source: string | null;
  lang: string;
  subject: string;
  keywords: string;
  highlights: string[];
  cards: CardView[];
  chart: { title: string; alt: string; bars: BarView[] } | null;
  timeline: { date: string; text: string }[];
  quotes: { text: string; speaker: string; role: string }[];
  figures: FigureRowView[];
  organisations: string;
  places: string;
  /** What produced the briefing; the template appends its own version. */
  footer: string;
}

export const SAME_SENTENCE = '(same sentence as above)';

const label = (f: Figure): string => capitalise(clip(f.label || f.subject || categoryLabel(f.category), 60));

/** "544 civilians killed, 2,117 people injured" — what the chart says, for screen readers. */
const chartAlt = (bars: readonly Figure[]): string =>
  `Bar chart of reported counts of people: ${bars.map((f) => `${label(f)}, ${qualifierWords(f.qualifier)} ${groupDigits(f.value)}`.replace(/ {2,}/g, ' ')).join('; ')}.`;

const what = (f: Figure): string => [label(f), f.place, f.date ? formatDate(f.date) : null].filter(Boolean).join(' · ');

/** Quote marks around a quote are the template's to draw. */
const unquote = (s: string): string => s.trim().replace(/^["“”‘’']+|["“”‘’']+$/g, '').trim();

export function buildBriefingModel(x: Extraction): BriefingModel {
  const a = x.article;
  const corpus = [...x.figures.map((f) => f.sentence), ...x.quotes.map((q) => `${q.text} ${q.role ?? ''}`), ...x.summary].join(' ');
  const sourceOf = (f: Figure): string => (f.source ? clip(shortSource(f.source, corpus), 40) : '');
  const cards = pickCards(x.figures).map((f) => ({ value: cardNumber(f), qualifier: qualifierWords(f.qualifier), label: label(f), source: sourceOf(f) }));
  const bars = pickBars(x.figures);
  const categories = [...new Set(x.figures.filter((f) => f.key).map((f) => categoryLabel(f.category)))];
  return {
    title: clip(a.title || 'Untitled article', 180),
    asOf: a.published ? formatDate(a.published) : null,
    source: a.source ? clip(a.source, 80) : null,
    lang: 'en',
    subject: clip(`Situation briefing: key figures from "${a.title}"`, 240),
    keywords: clip([...categories, ...x.places].join(', '), 240),
    highlights: x.summary.map((s) => clip(s, 400)),
    cards,
    chart: bars.length === 0 ? null : {
      title: 'Reported counts of people',
      alt: chartAlt(bars),
      bars: bars.map((f) => ({ label: label(f), value: f.value, display: `${f.qualifier === 'exact' ? '' : `${qualifierWords(f.qualifier)} `}${compactNumber(f.value)}` })),
    },
    timeline: [...x.timeline].sort((p, q) => p.date.localeCompare(q.date) || p.span[0] - q.span[0])
      .map((t) => ({ date: formatDate(t.date), text: clip(t.text, 200) })),
    quotes: x.quotes.map((q) => ({ text: clip(unquote(q.text), 500), speaker: clip(q.speaker ?? '', 80), role: clip(q.role ?? '', 120) })),
    figures: [...x.figures].sort((p, q) => p.span[0] - q.span[0]).map((f, i, all) => ({
      figure: clip(f.text, 40), what: what(f), source: f.source ? clip(f.source, 80) : '—',
      // Several figures often come from one sentence: print it once, not three times.
      sentence: i > 0 && all[i - 1]!.sentence === f.sentence ? SAME_SENTENCE : clip(f.sentence, 220),
    })),
    organisations: clip(x.organisations.join(' · '), 600),
    places: clip(x.places.join(' · '), 600),
    footer: `Produced by briefing-pipeline from ${clip(a.input ?? a.title, 80)} · sha256 ${a.sha256.slice(0, 12)}`,
  };
}
