/**
 * Article → Extraction JSON. The text is split into sentences; each sentence into tokens, whose
 * numbers are parsed, then tagged with part of speech and lemma; the structure around each
 * number (its noun phrase and the words that govern it) decides what it counts, through named
 * rules (rules/meaning-rules.ts). Counts the text implies (a single victim, a written-out sum)
 * and earlier values of a changed count are added; refiners merge, drop and rank. A step that
 * throws is reported in `problems`, never turned into a silent empty result. Deterministic and
 * linear in the text length.
 */
import type { Article } from '../intake/types';
import type { Extraction, Figure, Problem, TimelineEntry } from './types';
import { PEOPLE_CATEGORIES } from '../contract/categories';
import { splitSentences, type Sentence } from './sentences';
import { tokenize } from './tokens';
import { numbersIn } from './numbers';
import { tagSentence } from './tagger';
import { analyse } from './structure';
import { frameOf, type Decided } from './frame';
import { meaningOf, type RuleFailure } from './meaning';
import { notFigureReason, phoneAndDateRanges } from './negatives';
import { attributeSentences, sourceAt, type Attribution } from './attribution';
import { articleDating, partialTimelineOf, readDates, undated, type DateMention } from './dates';
import { findQuotes } from './quotes';
import { findEntities, type Entities, type PlaceHit } from './entities';
import { impliedFigures, mayImply } from './implied';
import { refine, type Draft } from './refiners';
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

const NO_ENTITIES: Entities = { organisations: [], places: [], placeHits: [], acronyms: new Map() };
// A sentence is analysed in windows of this many characters at most: a megabyte without a full
// stop stays linear and bounded in memory.
const WINDOW_CHARS = 4000;
/** Figures kept from one article: a table of 100,000 numbers is data, not a briefing. */
export const MAX_FIGURES = 2000;

// "Cyclone Sidr killed about 3,500 people in 2007": a past event, background rather than news.
const PAST_PHRASES = ['last year', 'a year earlier', 'a year ago', 'a year before', 'years ago', 'the previous year'];
// The phrases anywhere in the sentence, in any case (one pattern instead of a lower-cased copy of every sentence).
const PAST_PHRASE = new RegExp(PAST_PHRASES.join('|'), 'i');

function isBackground(sentence: string, published: string | null): boolean {
  if (PAST_PHRASE.test(sentence)) return true;
  // Only a sentence with a year in it can place its figure in a past year.
  if (!/(?:19|20)\d{2}/.test(sentence)) return false;
  const year = published ? Number(published.slice(0, 4)) : Number.POSITIVE_INFINITY;
  for (const m of sentence.matchAll(/\b(in|during|of|by|since)\s+(?:the\s+)?(?:(?:early|late|mid-?)\s*)?(?:[A-Z][a-z]+\s+)?((?:19|20)\d{2})\b(,\s+when\b)?/g)) {
    const y = Number(m[2]);
    if (y >= year) continue;
    // "have fled since the war began in April 2023" is a running total, not a past event.
    if (m[1] === 'since' && !m[3]) continue;
    if (/\bsince\b/i.test(sentence.slice(Math.max(0, m.index - 40), m.index))) continue;
    return true;
  }
  return false;
}

// A place after the number counts only when the number happened there: "killed in the village of X".
const LOCATIVE = /\b(?:in|at|near|across|around|throughout|inside|outside|on|of)\s+(?:the\s+)?(?:[a-z-]+\s+){0,3}$/;

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

/** The place where the number happened: after it in its sentence ("in X"), else the nearest before it. */
function placeFor(text: string, hits: readonly PlaceHit[], sentence: Sentence, start: number, end: number, clauseEnd: number): string | null {
  const from = firstHitFrom(hits, end);
  for (let i = from; i < hits.length && i < from + 4 && hits[i]!.start < Math.min(sentence.end, clauseEnd); i++) {
    const hit = hits[i]!;
    if (LOCATIVE.test(text.slice(Math.max(end, hit.start - 40), hit.start))) return hit.name;
  }
  const before = hits[firstHitFrom(hits, start) - 1];
  // "$60 million from the United Kingdom, leaving a gap of $1.56 billion": a place something came from is not where the figure is.
  const origin = before && /\bfrom\s+(?:the\s+)?$/i.test(text.slice(Math.max(0, before.start - 10), before.start));
  return before && !origin && before.start >= sentence.start && before.end <= start ? before.name : null;
}

function sourceName(attribution: Attribution | undefined, at: number, acronyms: ReadonlyMap<string, string>): string | null {
  const source = sourceAt(attribution, at);
  return source === null ? null : acronyms.get(source) ?? source;
}

function nextNumberStart(words: readonly { pos: string; start: number }[], n: number): number {
  for (let k = n + 1; k < words.length; k++) if (words[k]!.pos === 'NUM') return words[k]!.start;
  return Number.POSITIVE_INFINITY;
}

/** Character windows of a sentence, cut at spaces, each at most WINDOW_CHARS long. */
function windowsOf(text: string, s: Sentence): [number, number][] {
  if (s.end - s.start <= WINDOW_CHARS) return [[s.start, s.end]];
  const out: [number, number][] = [];
  let from = s.start;
  while (from < s.end) {
    let to = Math.min(s.end, from + WINDOW_CHARS);
    if (to < s.end) {
      const space = text.lastIndexOf(' ', to);
      if (space > from + WINDOW_CHARS / 2) to = space;
    }
    out.push([from, to]);
    from = to;
  }
  return out;
}

interface SentenceContext {
  readonly text: string;
  readonly sentence: Sentence;
  readonly entities: Entities;
  readonly attribution: Attribution | undefined;
  readonly dates: readonly DateMention[];
  readonly published: string | null;
  readonly phones: readonly [number, number][];
  readonly capital: string | null;
  readonly failures: RuleFailure[];
}

function sentenceDrafts(c: SentenceContext): Draft[] {
  const { text, sentence } = c;
  const drafts: Draft[] = [];
  const background = isBackground(sentence.text, c.published);
  const capitalHere = /\bthe capital\b/i.test(sentence.text);
  for (const [from, to] of windowsOf(text, sentence)) {
    const tokens = tokenize(text, from, to);
    const mentions = numbersIn(tokens, text);
    // A sentence with no number and no word of harm holds no figure and implies none: not tagged.
    if (mentions.length === 0 && !mayImply(tokens)) continue;
    const words = tagSentence(tokens, text, mentions);
    const structure = analyse(words);
    const decided: Decided[] = [];
    for (let n = 0; n < words.length; n++) {
      const w = words[n]!;
      if (w.pos !== 'NUM' || !w.mention) continue;
      const m = w.mention;
      if (notFigureReason({ text, words, n, m, phones: c.phones })) continue;
      const last = drafts[drafts.length - 1];
      // "Rs 1,200 crore (about $140 million)", "135 km/h (84 mph)": the same amount in another unit.
      if (last && m.unitKind !== null && last.unitKind === m.unitKind && m.start - last.span[1] < 20
        && /^\s*\(\s*(?:about|around|roughly|some|nearly|approximately|or|equivalent\s+to|worth)?\s*$/i.test(text.slice(last.span[1], m.start))) {
        last.mentions.push({ text: text.slice(m.start, m.end), span: [m.start, m.end] });
        continue;
      }
      const frame = frameOf(structure, n, decided);
      const meaning = meaningOf(frame, text, c.failures);
      // A small number in words with no meaning ("two of them", "one side") is prose, not a figure.
      if (meaning.category === 'other' && m.words && !m.vague && m.value < 100 && meaning.rule === 'no-predicate'
        && (frame.np.headClass === 'none' || frame.np.headClass === 'unknown' || frame.np.headClass === 'time')) continue;
      decided.push({ num: n, category: meaning.category, subject: meaning.subject, label: meaning.label, rule: meaning.rule });
      drafts.push({
        value: m.value,
        max: m.max,
        text: text.slice(m.start, m.end),
        qualifier: m.qualifier,
        unit: m.unit ? resolveCurrency(m.unit, c.entities.places) : (PEOPLE_CATEGORIES.has(meaning.category) ? 'people' : null),
        unitKind: m.unitKind,
        category: meaning.category,
        subject: meaning.subject,
        label: tidyLabel(meaning.label) || meaning.label,
        // "8 people were killed in the state, five of them in the town of Sapulpa": a place after the next number is that number's.
        place: placeFor(text, c.entities.placeHits, sentence, m.start, m.end, nextNumberStart(words, n)) ?? (capitalHere ? c.capital : null),
        date: c.dates[0]?.date ?? null,
        source: sourceName(c.attribution, m.start - sentence.start, c.entities.acronyms),
        sentence: sentence.text,
        span: [m.start, m.end],
        vague: m.vague,
        mentions: [],
        background,
        sentenceIndex: sentence.index,
        rule: meaning.rule,
        derived: false,
        earlier: frame.earlier,
        subset: frame.subset || frame.np.partitive !== null,
        additional: frame.np.headWord === 'others' || frame.np.modifiers.some((k) => ['other', 'more', 'further', 'additional'].includes(words[k]!.lower))
          || ['another', 'further', 'additional'].includes(words[n - 1]?.lower ?? ''),
        previousOf: null,
        parts: [],
      });
    }
    for (const implied of impliedFigures(structure, drafts, text, c)) drafts.push(implied);
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
    const space = c === 32 || (c >= 9 && c <= 13) || c === 160 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
    if (!space && !inWord) words++;
    inWord = !space;
  }
  return words;
}

const describe = (error: unknown): string => (error instanceof Error ? `${error.name}: ${error.message}` : String(error));

/** Article → Extraction JSON (schemaVersion 1). A failing step is reported in `problems`. */
export function extractFigures(article: Article, options: ExtractOptions = {}): Extraction {
  const text = article.text;
  const published = options.published ?? article.published;
  const problems: Problem[] = [];
  const step = <T>(name: string, fallback: T, run: () => T): T => {
    try {
      return run();
    } catch (error) {
      problems.push({ step: name, message: describe(error) });
      return fallback;
    }
  };
  const sentences = step('sentences', [] as Sentence[], () => splitSentences(text));
  const entities = step('entities', NO_ENTITIES, () => findEntities(text));
  const attributions = step('attribution', [] as Attribution[], () => attributeSentences(sentences));
  // A dating that fails is reported; the article is then dated by `published` alone.
  const dating = step('dating', undated(published), () => articleDating(text, article.captions, published));
  const read = sentences.map((s) => step('dates', { full: [] as DateMention[], partial: [] as ReturnType<typeof readDates>['partial'] }, () => readDates(s, dating)));
  const dates = read.map((r) => r.full);
  const phones = step('phones', [] as [number, number][], () => phoneAndDateRanges(text));
  // "The capital remains the epicentre": the capital of the country the story is about, if named.
  const capital = entities.places.map((p) => CAPITALS[p]).find((c) => c !== undefined && entities.places.includes(c)) ?? null;
  const failures: RuleFailure[] = [];
  const raw: Draft[] = [];
  for (const sentence of sentences) {
    const drafts = step('figures', [] as Draft[], () => sentenceDrafts({
      text, sentence, entities, attribution: attributions[sentence.index], dates: dates[sentence.index] ?? [], published, phones, capital, failures,
    }));
    for (const d of drafts) raw.push(d);
  }
  for (const f of failures.slice(0, 20)) problems.push({ step: 'meaning', rule: f.rule, message: describe(f.error) });
  if (failures.length > 20) problems.push({ step: 'meaning', message: `${failures.length - 20} more rule failures` });
  // The headline's figures, read like a sentence, so "two airstrikes" in a headline never lifts "two women".
  const headline = step('headline', [] as Draft[], () => sentenceDrafts({
    text: article.title, sentence: { index: -1, paragraph: -1, start: 0, end: article.title.length, text: article.title }, entities: NO_ENTITIES,
    attribution: undefined, dates: [], published, phones: [], capital: null, failures,
  })).filter((d) => !d.vague);
  const { drafts, ranks, dropped } = refine(raw, headline, MAX_FIGURES);
  if (dropped > 0) problems.push({ step: 'refine', message: `${dropped} figures beyond the first ${MAX_FIGURES} were left out` });

  const ids = new Map<Draft, string>(drafts.map((d, i) => [d, `f${i + 1}`]));
  const figures: Figure[] = drafts.map((d, i) => {
    const rank = ranks.get(i) ?? null;
    return {
      id: ids.get(d)!,
      value: d.value, max: d.max, text: d.text, qualifier: d.qualifier, unit: d.unit, category: d.category,
      subject: d.subject, label: d.label, place: d.place, date: d.date, source: d.source, sentence: d.sentence, span: d.span,
      key: rank !== null,
      rank,
      rule: d.rule,
      ...(d.vague ? { vague: true } : {}),
      ...(d.mentions.length ? { mentions: d.mentions } : {}),
      ...(d.derived ? { derived: true } : {}),
      ...(d.earlier ? { previous: true } : {}),
      ...(d.previousOf && ids.has(d.previousOf) ? { previousId: ids.get(d.previousOf)! } : {}),
      ...(d.parts.length ? { parts: d.parts.map((p) => ids.get(p)).filter((id): id is string => id !== undefined) } : {}),
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
    summary: step('summary', [] as string[], () => summarise(sentences, keySentences)),
    figures,
    timeline: step('timeline', [] as TimelineEntry[], () => timelineOf(sentences, dates)),
    partialTimeline: step('timeline', [] as ReturnType<typeof partialTimelineOf>, () => partialTimelineOf(sentences, read)),
    quotes: step('quotes', [], () => findQuotes(text.split(/\n\s*\n/), text)),
    organisations: entities.organisations,
    places: entities.places,
    problems,
  };
}
