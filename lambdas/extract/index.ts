/**
 * Article → Extraction JSON. Small parsers (sentences, numbers, dates, quotes, entities), each
 * guarded so odd text yields nothing rather than an error, then refiners (not-figure filter,
 * meaning, attribution, merging, ranking). Deterministic and linear in the text length.
 */
import type { Article } from '../intake/types';
import type { Category, Extraction, Figure, TimelineEntry } from './types';
import { guarded } from './guard';
import { splitSentences, type Sentence } from './sentences';
import { findNumbers, type NumberMention } from './numbers';
import { notFigureReason, phoneAndDateRanges } from './negatives';
import { meaningOf, type Meaning } from './meaning';
import { attributeSentences, sourceAt, type Attribution } from './attribution';
import { articleDating, partialTimelineOf, readDates, type DateMention } from './dates';
import { findQuotes } from './quotes';
import { findEntities, type Entities, type PlaceHit } from './entities';
import { mergeDuplicates, rankKeyFigures, type Draft } from './reconcile';
import { summarise } from './summary';
import { resolveCurrency } from './currency';
import { tidyLabel } from './label';
import { CAPITALS } from './gazetteer';

export interface ExtractOptions {
  /**
   * YYYY-MM-DD; overrides the article's own date and anchors relative dates ("on Friday").
   * Absent or null: the article's own date, so callers need not repeat that fallback.
   */
  readonly published?: string | null;
}

const PEOPLE: ReadonlySet<Category> = new Set(['killed', 'injured', 'missing', 'displaced', 'affected', 'at_risk', 'detained']);
const NO_ENTITIES: Entities = { organisations: [], places: [], placeHits: [], acronyms: new Map() };
// How far a figure looks for its counted noun and cue words.
const WINDOW = 160;

interface DraftAt extends Draft { readonly sentenceIndex: number }

// "Cyclone Sidr killed about 3,500 people in 2007": a past event, background rather than news.
const PAST_YEAR = /\b(?:in|during|of|by)\s+(?:the\s+)?(?:(?:early|late|mid-?)\s*)?(?:(?:January|February|March|April|May|June|July|August|September|October|November|December)\s+)?((?:19|20)\d{2})\b|\bsince\s+((?:19|20)\d{2}),\s+when\b/g;
const PAST_PHRASE = /\b(?:last\s+year|a\s+year\s+(?:earlier|ago|before)|years\s+ago|the\s+previous\s+year)\b/i;

const UNIT_CATEGORY: Readonly<Record<string, Category>> = { currency: 'money', measure: 'quantity', percent: 'percentage' };
const EQUIVALENT_GAP = /^\s*\(\s*(?:about|around|roughly|some|nearly|approximately|or|equivalent\s+to|worth)?\s*$/i;

function isBackground(sentence: string, published: string | null): boolean {
  if (PAST_PHRASE.test(sentence)) return true;
  const year = published ? Number(published.slice(0, 4)) : Number.POSITIVE_INFINITY;
  for (const m of sentence.matchAll(PAST_YEAR)) {
    // "have fled since the war began in April 2023" is a running total, not a past event.
    const running = m[1] !== undefined && /\bsince\b/i.test(sentence.slice(Math.max(0, m.index - 40), m.index));
    if (Number(m[1] ?? m[2]) < year && !running) return true;
  }
  return false;
}

// A place after the number counts only when the number happened there: "killed in the village of X".
const LOCATIVE = /\b(?:in|at|near|across|around|throughout|inside|outside|on|of)\s+(?:the\s+)?(?:[a-z-]+\s+){0,3}$/;

/** Index of the first hit starting at or after `at` (hits are in text order). */
function firstHitFrom(hits: readonly PlaceHit[], at: number): number {
  let lo = 0;
  let hi = hits.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (hits[mid]!.start < at) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The place where the number happened: after it in its clause ("in X"), else the nearest before it. */
function placeFor(text: string, hits: readonly PlaceHit[], sentence: Sentence, m: NumberMention, clauseEnd: number): string | null {
  // Binary searches only: a run-on text with thousands of places and numbers stays linear.
  const from = firstHitFrom(hits, m.end);
  for (let i = from; i < hits.length && i < from + 4 && hits[i]!.start < Math.min(clauseEnd, sentence.end); i++) {
    const hit = hits[i]!;
    if (LOCATIVE.test(text.slice(Math.max(m.end, hit.start - 40), hit.start))) return hit.name;
  }
  const before = hits[firstHitFrom(hits, m.start) - 1];
  return before && before.start >= sentence.start && before.end <= m.start ? before.name : null;
}

function sourceName(attribution: Attribution | undefined, at: number, acronyms: ReadonlyMap<string, string>): string | null {
  const source = sourceAt(attribution, at);
  return source === null ? null : acronyms.get(source) ?? source;
}

function figureDrafts(
  text: string,
  sentences: readonly Sentence[],
  allMentions: readonly NumberMention[],
  attributions: readonly Attribution[],
  dates: readonly DateMention[][],
  entities: Entities,
  published: string | null,
): DraftAt[] {
  const phones = guarded(() => phoneAndDateRanges(text));
  // Not-figures go first, so "children under five" or "in 2019" do not cut a figure's window.
  const mentions = allMentions.filter((m) => !notFigureReason(text, m, phones));
  const drafts: DraftAt[] = [];
  // "The capital remains the epicentre": the capital of the country the story is about, if named.
  const capital = entities.places.map((p) => CAPITALS[p]).find((c) => c !== undefined && entities.places.includes(c)) ?? null;
  // Sentence-wide tests run once per sentence: a run-on sentence with many numbers stays linear.
  const facts = new Map<number, { readonly past: boolean; readonly capital: boolean }>();
  const factsOf = (sentence: Sentence): { readonly past: boolean; readonly capital: boolean } => {
    let f = facts.get(sentence.index);
    if (!f) facts.set(sentence.index, f = { past: isBackground(sentence.text, published), capital: /\bthe capital\b/i.test(sentence.text) });
    return f;
  };
  let s = 0;
  let first = 0; // index of the first mention of the current sentence
  let previousPeople: Meaning | null = null;
  let previousMeaning: Meaning | null = null;
  for (let i = 0; i < mentions.length; i++) {
    const m = mentions[i]!;
    while (s < sentences.length && sentences[s]!.end <= m.coreStart) { s++; first = i; previousPeople = null; previousMeaning = null; }
    const sentence = sentences[s];
    if (!sentence || m.coreStart < sentence.start) continue;
    // "Rs 1,200 crore (about $140 million)", "135 km/h (84 mph)": the same amount in another unit.
    const last = drafts[drafts.length - 1];
    if (last && m.unitKind !== null && last.category === UNIT_CATEGORY[m.unitKind] && last.span[1] <= m.start && m.start - last.span[1] < 20
      && EQUIVALENT_GAP.test(text.slice(last.span[1], m.start)) && last.sentenceIndex === sentence.index) {
      last.mentions.push({ text: text.slice(m.start, m.end), span: [m.start, m.end] });
      continue;
    }
    const prev = i > first ? mentions[i - 1] : undefined;
    const next = mentions[i + 1];
    const beforeFrom = Math.max(sentence.start, prev ? prev.end : 0, m.start - WINDOW);
    const afterTo = Math.min(sentence.end, next && next.start < sentence.end ? next.start : sentence.end, m.end + WINDOW);
    const meaning = meaningOf({
      mention: m,
      before: text.slice(beforeFrom, m.start),
      after: text.slice(m.end, Math.max(m.end, afterTo)),
      sentenceBefore: text.slice(Math.max(sentence.start, m.start - WINDOW), m.start),
      beforePrevious: prev ? text.slice(Math.max(sentence.start, prev.start - WINDOW), prev.start) : '',
      rest: text.slice(m.end, Math.min(sentence.end, m.end + WINDOW)),
      previous: previousPeople,
      previousMeaning,
    });
    if (PEOPLE.has(meaning.category)) previousPeople = meaning;
    previousMeaning = meaning;
    // A small number in words with no meaning ("two of them", "one side") is prose, not a figure.
    if (meaning.category === 'other' && (m.words || m.ordinal) && !m.vague && m.value < 100) continue;
    drafts.push({
      value: m.value,
      max: m.max,
      text: text.slice(m.start, m.end),
      qualifier: m.qualifier,
      unit: m.unit ? resolveCurrency(m.unit, entities.places) : (PEOPLE.has(meaning.category) || meaning.category === 'population' ? 'people' : null),
      category: meaning.category,
      subject: meaning.subject,
      label: tidyLabel(meaning.label) || meaning.label,
      place: placeFor(text, entities.placeHits, sentence, m, afterTo) ?? (factsOf(sentence).capital ? capital : null),
      date: dates[sentence.index]?.[0]?.date ?? null,
      source: sourceName(attributions[sentence.index], m.start - sentence.start, entities.acronyms),
      sentence: sentence.text,
      span: [m.start, m.end],
      vague: m.vague,
      mentions: [],
      background: factsOf(sentence).past,
      sentenceIndex: sentence.index,
    });
  }
  return drafts;
}

function timelineOf(sentences: readonly Sentence[], dates: readonly DateMention[][]): TimelineEntry[] {
  const out: TimelineEntry[] = [];
  for (const sentence of sentences) {
    const seen = new Set<string>();
    for (const d of dates[sentence.index] ?? []) {
      if (seen.has(d.date)) continue;
      seen.add(d.date);
      out.push({ date: d.date, text: sentence.text, span: [sentence.start, sentence.end] });
    }
  }
  // Stable: same-day events keep article order.
  return out.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

/** Words in `text`, counted without materialising them (a 5 MB article has ~900 000). */
function countWords(text: string): number {
  let words = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    // The characters \s matches in ASCII and Latin-1, plus the Unicode spaces wire text uses.
    const space = c === 32 || (c >= 9 && c <= 13) || c === 160 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
    if (!space && !inWord) words++;
    inWord = !space;
  }
  return words;
}

/** Article → Extraction JSON (schemaVersion 1). Never throws on odd text. */
export function extractFigures(article: Article, options: ExtractOptions = {}): Extraction {
  const text = article.text;
  const published = options.published ?? article.published;
  const sentences = guarded(() => splitSentences(text));
  const entities = guarded(() => [findEntities(text)])[0] ?? NO_ENTITIES;
  const attributions = guarded(() => attributeSentences(sentences));
  const dating = articleDating(text, article.captions, published);
  const read = sentences.map((s) => guarded(() => [readDates(s, dating)])[0] ?? { full: [], partial: [] });
  const dates = read.map((r) => r.full);
  const mentions = guarded(() => findNumbers(text));
  const drafts = mergeDuplicates(guarded(() => figureDrafts(text, sentences, mentions, attributions, dates, entities, published))) as DraftAt[];
  const headline = guarded(() => findNumbers(article.title)).filter((n) => !n.vague);
  const ranks = rankKeyFigures(drafts, headline);

  const figures: Figure[] = drafts.map((d, i) => {
    const rank = ranks.get(i) ?? null;
    const { sentenceIndex: _sentenceIndex, background: _background, vague, mentions: others, ...rest } = d;
    return {
      id: `f${i + 1}`,
      ...rest,
      key: rank !== null,
      rank,
      ...(vague ? { vague } : {}),
      ...(others.length ? { mentions: others } : {}),
    };
  });
  const keySentences = [...ranks.entries()].sort((a, b) => a[1] - b[1]).map(([i]) => drafts[i]!.sentenceIndex);

  return {
    schemaVersion: 1,
    article: {
      title: article.title,
      published,
      source: article.source,
      url: article.url,
      wordCount: countWords(text),
      sha256: article.sha256,
      input: article.input,
      byline: article.byline,
      dateline: dating.dateline,
    },
    summary: guarded(() => summarise(sentences, keySentences)),
    figures,
    timeline: guarded(() => timelineOf(sentences, dates)),
    partialTimeline: guarded(() => partialTimelineOf(sentences, read)),
    quotes: guarded(() => findQuotes(text.split(/\n\s*\n/), text)),
    organisations: entities.organisations,
    places: entities.places,
  };
}
