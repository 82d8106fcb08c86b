/**
 * The event's timeline and quotes: every article's, merged. The same dated event or the same
 * quote told by several outlets is listed once, with every outlet that gives it.
 */
import type { Extraction } from '../extract/types';
import type { EventQuote, EventTimelineEntry } from './types';

/** An article as merging sees it: its file, outlet and extraction, in event order. */
export interface Source {
  readonly file: string;
  readonly outlet: string;
  readonly extraction: Extraction;
}

const STOP: ReadonlySet<string> = new Set(['the', 'a', 'an', 'of', 'in', 'on', 'at', 'to', 'and', 'or', 'by', 'for', 'with', 'from', 'was', 'were', 'is', 'are', 'has', 'have', 'had', 'said', 'that', 'its', 'it']);

export const contentWords = (text: string): Set<string> =>
  new Set(text.toLowerCase().normalize('NFC').split(/[^\p{L}\p{N}]+/u).filter((w) => w.length > 1 && !STOP.has(w)));

/** Share of words two texts have in common (Jaccard): the same event retold scores high. */
export function overlap(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  let both = 0;
  for (const w of a) if (b.has(w)) both += 1;
  const either = a.size + b.size - both;
  return either === 0 ? 1 : both / either;
}

/** A text's words without quotation marks, case or punctuation: how two copies of a quote compare. */
const bare = (text: string): string => text.toLowerCase().normalize('NFC').replace(/[^\p{L}\p{N}]+/gu, ' ').trim();

/** Two entries of one date that share this much of their words tell the same event. */
const SAME_EVENT = 0.5;

interface Gathered {
  readonly text: string;
  readonly words: Set<string>;
  readonly articles: string[];
  readonly outlets: string[];
}

function gather<T extends Gathered>(list: T[], match: (entry: T) => boolean, file: string, outlet: string, create: () => T): void {
  const found = list.find(match);
  if (!found) {
    list.push(create());
    return;
  }
  if (!found.articles.includes(file)) found.articles.push(file);
  if (!found.outlets.includes(outlet)) found.outlets.push(outlet);
}

/**
 * The timeline entries of one article worth merging: a sentence that names several dates
 * ("struck late on Sunday …, officials said on Monday") once, under the last of them (the day
 * it reports, and the article's order stays its own); none that only repeats a quote, which the
 * quotes show with its speaker.
 */
function ownEntries(extraction: Extraction): Extraction['timeline'] {
  const quoted = extraction.quotes.map((q) => bare(q.text)).filter((q) => q !== '');
  const bySentence = new Map<string, Extraction['timeline'][number]>();
  for (const t of extraction.timeline) {
    const text = bare(t.text);
    if (quoted.some((q) => q.includes(text))) continue;
    const k = `${t.span[0]}:${t.span[1]}`;
    const seen = bySentence.get(k);
    if (!seen || t.date > seen.date) bySentence.set(k, t);
  }
  return [...bySentence.values()];
}

export function mergeTimeline(sources: readonly Source[]): EventTimelineEntry[] {
  const byDate = new Map<string, (Gathered & { date: string })[]>();
  for (const s of sources) {
    for (const t of ownEntries(s.extraction)) {
      const list = byDate.get(t.date) ?? [];
      byDate.set(t.date, list);
      const words = contentWords(t.text);
      gather(list, (e) => overlap(e.words, words) >= SAME_EVENT, s.file, s.outlet,
        () => ({ date: t.date, text: t.text, words, articles: [s.file], outlets: [s.outlet] }));
    }
  }
  return [...byDate.keys()].sort().flatMap((date) =>
    byDate.get(date)!.map((e) => ({ date: e.date, text: e.text, articles: e.articles, outlets: e.outlets })));
}


export function mergeQuotes(sources: readonly Source[]): EventQuote[] {
  const quotes: (Gathered & { speaker: string | null; role: string | null; key: string })[] = [];
  for (const s of sources) {
    for (const q of s.extraction.quotes) {
      const key = bare(q.text);
      if (key === '') continue;
      gather(quotes, (e) => e.key.includes(key) || key.includes(e.key), s.file, s.outlet,
        () => ({ text: q.text, speaker: q.speaker, role: q.role, key, words: new Set(), articles: [s.file], outlets: [s.outlet] }));
    }
  }
  return quotes.map((q) => ({ text: q.text, speaker: q.speaker, role: q.role, articles: q.articles, outlets: q.outlets }));
}

/**
 * The headline most like the others (the most words in common with them, numbers aside): the
 * one that names the event rather than one side of it. Ties go to the later article.
 */
export function centralTitle(titles: readonly string[]): string | null {
  const words = titles.map((t) => new Set([...contentWords(t)].filter((w) => !/\d/.test(w))));
  let best: number | null = null;
  let bestScore = -1;
  words.forEach((w, i) => {
    if (titles[i]!.trim() === '') return;
    const score = words.reduce((sum, other, j) => (j === i ? sum : sum + overlap(w, other)), 0);
    if (score >= bestScore) {
      best = i;
      bestScore = score;
    }
  });
  return best === null ? null : titles[best]!;
}
