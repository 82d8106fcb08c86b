/**
 * Counts the text implies without writing them as one number: a single victim ("gunmen shot
 * dead a retired judge" is 1 killed) and a sum written out ("a judge and seven members of his
 * family were killed" is 8, beside the 7). Each is marked `derived` and keeps the words it was
 * read from as its text and span.
 */
import { PEOPLE_CATEGORIES, type Category } from '../contract/categories';
import type { Draft } from './refiners';
import type { Word } from './tagger';
import { PERSON_NOUNS, singular, type PredicateEntry } from './lexicon';
import { isBoundary, predicateAt, resultAt, type Structure, type VerbGroup } from './structure';

interface Context {
  readonly text: string;
  readonly sentence: { readonly index: number; readonly text: string };
}

interface Patient {
  readonly category: Category;
  readonly cue: string;
  /** Words [start, end) holding what the predicate happened to. */
  readonly start: number;
  readonly end: number;
}

// Nouns that are never one person in the singular: "police", "staff", "crew" count many.
const COLLECTIVE: ReadonlySet<string> = new Set(['people', 'police', 'staff', 'crew', 'personnel', 'militia', 'opposition', 'others', 'other', 'dead', 'wounded', 'injured', 'missing', 'displaced', 'homeless', 'hungry', 'elderly', 'youth', 'gang', 'aid', 'humanitarian', 'family', 'couple', 'casualty', 'casualties', 'victim', 'local', 'national']);
const STOP_PREPOSITIONS: ReadonlySet<string> = new Set(['in', 'at', 'on', 'near', 'during', 'after', 'before', 'since', 'by', 'across', 'outside', 'inside', 'around', 'throughout', 'amid', 'as', 'while', 'when', 'for', 'over', 'into', 'from', 'following', 'late', 'early']);
const SINGULAR_DETERMINERS: ReadonlySet<string> = new Set(['a', 'an', 'the', 'his', 'her', 'their', 'its', 'another', 'one']);
const NO_SUM: ReadonlySet<string> = new Set(['including', 'among', 'mostly', 'mainly', 'all', 'both', 'most']);

function peopleCategory(entries: readonly PredicateEntry[], kinds: readonly string[]): Category | null {
  for (const e of entries) if (kinds.includes(e.kind) && PEOPLE_CATEGORIES.has(e.category) && e.category !== 'population' && e.category !== 'affected' && e.category !== 'at_risk') return e.category;
  return null;
}

/** Where each verb group's or harm noun's patient is written. */
function patients(s: Structure): Patient[] {
  const { words } = s;
  const out: Patient[] = [];
  for (const g of s.groups) {
    if (g.negated) continue;
    const p = predicateAt(words, g.head);
    if (!p) continue;
    const after = resultAt(words, g.end);
    const cue = words.slice(g.head, g.end).map((w) => w.lower).join(' ');
    if (!g.passive && !g.copula && p.entries.some((e) => e.kind === 'verb')) {
      // Active: the object after the verb ("shot dead a retired judge", "assassinated a former member").
      const category = peopleCategory(after?.entries ?? p.entries, ['verb', 'result', 'state', 'phrase']);
      if (!category) continue;
      const start = g.end + (after?.length ?? 0);
      out.push({ category, cue: after ? `${cue} ${words.slice(g.end, g.end + after.length).map((w) => w.lower).join(' ')}` : cue, start, end: objectEnd(s, start) });
    } else if (g.passive || p.entries.some((e) => e.kind === 'intransitive') || p.entries.some((e) => e.kind === 'phrase')) {
      // Passive or intransitive: the subject before ("a muezzin … was shot dead", "the mayor has died").
      const category = peopleCategory(after?.entries ?? p.entries, ['verb', 'intransitive', 'result', 'state', 'phrase']);
      if (!category) continue;
      const start = subjectStart(s, g);
      if (start === null) continue;
      out.push({ category, cue, start, end: g.start });
    }
  }
  // "the killing of a local leader", "the body of a lawyer".
  for (let k = 0; k + 1 < words.length; k++) {
    const w = words[k]!;
    if (words[k + 1]!.lower !== 'of' || !(w.pos === 'NOUN' || w.pos === 'VERB')) continue;
    const p = predicateAt(words, k);
    const category = p ? peopleCategory(p.entries, ['noun']) : null;
    if (!category || !['killing', 'murder', 'death', 'body', 'assassination', 'abduction', 'kidnapping', 'arrest', 'execution', 'lynching', 'beheading'].includes(w.lower)) continue;
    out.push({ category, cue: w.lower, start: k + 2, end: objectEnd(s, k + 2) });
  }
  return out;
}

/** The object runs to the next boundary, verb or place phrase; participles inside it ("a judge allied with …") are skipped. */
function objectEnd(s: Structure, start: number): number {
  const { words } = s;
  let k = start;
  for (; k < words.length && k < start + 25; k++) {
    const w = words[k]!;
    if (isBoundary(w) || w.text === ',' || w.text === '-' || w.text === '–') break;
    if (w.pos === 'ADP' && STOP_PREPOSITIONS.has(w.lower)) break;
    if (w.lower === 'to' && words[k + 1]?.lower === 'death') break;
    const g = s.groupAt[k]!;
    if (g >= 0) {
      const group = s.groups[g]!;
      if (!group.reduced && group.finite) break;
      // "a judge allied with the Houthis": skip the participle and its phrase up to "and".
      while (k + 1 < words.length && words[k + 1]!.lower !== 'and' && !isBoundary(words[k + 1]) && words[k + 1]!.text !== ',') k++;
    }
  }
  return k;
}

/** Start of the subject of `g`: after a relative pronoun's antecedent, or the clause's start. */
function subjectStart(s: Structure, g: VerbGroup): number | null {
  const { words } = s;
  let k = g.start - 1;
  // "a businessman who was critical of …, was shot dead": the antecedent of "who".
  let relative = -1;
  for (let j = k; j >= 0 && j >= g.start - 30; j--) {
    const w = words[j]!;
    if (w.lower === 'who' && j > 0) { relative = j; break; }
    if (w.text === ';' || w.text === ':' || (w.pos === 'SCONJ' && w.lower !== 'that')) break;
  }
  if (relative > 0) k = relative - 1;
  let start = 0;
  let dashes = 0;
  for (let j = k; j >= 0; j--) {
    const w = words[j]!;
    if (w.text === '-' || w.text === '–' || w.text === '—') { dashes++; continue; }
    if (isBoundary(w) || (w.text === ',' && dashes % 2 === 0 && relative < 0) || (w.pos === 'VERB' && s.groupAt[j]! >= 0 && !s.groups[s.groupAt[j]!]!.reduced && j < k)) { start = j + 1; break; }
  }
  return start < g.start ? start : null;
}

/** A single person: "a retired judge", "the mayor", "his friend", "an elderly Hindu priest". */
function singlePerson(words: readonly Word[], start: number, end: number): { head: number; start: number; end: number } | null {
  const first = words[start];
  if (!first || !(SINGULAR_DETERMINERS.has(first.lower) || first.pos === 'PROPN')) return null;
  for (let k = start + (first.pos === 'PROPN' ? 0 : 1); k < end && k < start + 7; k++) {
    const w = words[k]!;
    if (w.pos === 'NUM' || w.pos === 'VERB' && !(w.form === 'ed' || w.form === 'ing')) return null;
    const lower = w.lower;
    if ((w.pos === 'NOUN' || w.pos === 'PROPN') && PERSON_NOUNS.has(lower) && !COLLECTIVE.has(lower) && singular(lower) === lower && !lower.endsWith('s')) {
      return { head: k, start, end: k + 1 };
    }
    if (!(w.pos === 'ADJ' || w.pos === 'NOUN' || w.pos === 'PROPN' || w.pos === 'VERB' || w.text === '-' || w.lemma === "'s")) return null;
  }
  return null;
}

/** Splits [start, end) into its coordinated parts ("X and Y", "X, Y and Z"). */
function conjuncts(words: readonly Word[], start: number, end: number): [number, number][] {
  const out: [number, number][] = [];
  let from = start;
  for (let k = start; k < end; k++) {
    const w = words[k]!;
    if (w.lower === 'and' || (w.text === ',' && words[k + 1]?.pos !== 'PROPN')) {
      if (k > from) out.push([from, k]);
      from = k + 1;
    }
  }
  if (end > from) out.push([from, end]);
  return out;
}

function derivedDraft(base: Omit<Draft, 'value'>, value: number): Draft {
  return { ...base, value };
}

/** The figures implied by the sentence's structure, given the drafts already read from its numbers. */
export function impliedFigures(s: Structure, drafts: readonly Draft[], text: string, c: Context): Draft[] {
  const { words } = s;
  const out: Draft[] = [];
  const draftAt = new Map<number, Draft>();
  for (const d of drafts) if (d.sentenceIndex === c.sentence.index) draftAt.set(d.span[0], d);
  const used = new Set<number>();
  for (const p of patients(s)) {
    if (p.end <= p.start || words.slice(p.start, p.end).some((w) => NO_SUM.has(w.lower))) continue;
    if (used.has(p.start)) continue;
    const parts = conjuncts(words, p.start, p.end);
    let total = 0;
    const numbered: Draft[] = [];
    let single: { head: number; start: number; end: number } | null = null;
    let ok = parts.length > 0;
    for (const [a, b] of parts) {
      const num = words.slice(a, b).findIndex((w) => w.pos === 'NUM');
      if (num >= 0) {
        const w = words[a + num]!;
        const d = draftAt.get(w.mention!.start);
        if (d && d.category !== p.category) { ok = false; break; }
        if (w.mention!.vague || w.mention!.unitKind !== null) { ok = false; break; }
        total += w.mention!.value;
        if (d) numbered.push(d);
        continue;
      }
      const person = singlePerson(words, a, b);
      if (!person) { ok = false; break; }
      single ??= person;
      total += 1;
    }
    if (!ok || total === 0) continue;
    used.add(p.start);
    const first = words[p.start]!;
    const last = words[p.end - 1]!;
    const subject = parts.length === 1 && single ? words.slice(single.start + 1, single.end).map((w) => (w.capital ? w.text : w.lower)).join(' ') || words[single.head]!.lower : 'people';
    if (parts.length === 1 && !single) continue; // a number alone is read by the meaning rules
    const span: [number, number] = [first.start, last.end];
    const base = {
      max: null, text: text.slice(span[0], span[1]), qualifier: numbered.some((d) => d.qualifier !== 'exact') ? numbered.find((d) => d.qualifier !== 'exact')!.qualifier : 'exact' as const,
      unit: 'people', unitKind: null, category: p.category, subject, label: `${subject} ${p.cue}`.trim(), place: numbered[0]?.place ?? null,
      date: numbered[0]?.date ?? null, source: numbered[0]?.source ?? null, sentence: c.sentence.text, span, vague: false, mentions: [],
      background: numbered.some((d) => d.background), sentenceIndex: c.sentence.index, rule: parts.length > 1 ? 'written-out-sum' : 'single-victim',
      derived: true, earlier: false, subset: false, previousOf: null, parts: numbered,
    } satisfies Omit<Draft, 'value'>;
    out.push(derivedDraft(base, total));
  }
  return out;
}
