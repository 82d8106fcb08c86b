/**
 * The frame of one number: its noun phrase and every word that could govern it, read once from
 * the sentence's structure so each meaning rule is a small test over named slots.
 */
import type { Word } from './tagger';
import type { NumberMention } from './numbers';
import type { Category } from '../contract/categories';
import {
  complementAfter, headClassOf, isBoundary, measuredGovernor, nominalGovernor, nounPhraseAt, objectGovernor, predicateAt,
  resultAt, stateAfter, subjectGovernor, type Governor, type HeadClass, type NounPhrase, type Structure, type VerbGroup,
} from './structure';
import { EARLIER_PHRASES, RESULTATIVE_VERBS, SUBSET_PHRASES, matchPhrase, type PredicateEntry } from './lexicon';

/** What an earlier number of the same sentence was decided to be. */
export interface Decided {
  readonly num: number;
  readonly category: Category;
  readonly subject: string;
  readonly label: string;
  readonly rule: string;
}

export interface Frame {
  readonly s: Structure;
  readonly words: readonly Word[];
  readonly mention: NumberMention;
  readonly np: NounPhrase;
  /** What the phrase counts, with an elided head filled from the number before ("destroyed 1,200 huts and damaged another 3,400"). */
  readonly headClass: HeadClass;
  /** The figure whose head an elided phrase borrows. */
  readonly elided: Decided | null;
  /** The active verb group before the phrase, whose object it is. */
  readonly object: { readonly group: VerbGroup; readonly entries: readonly PredicateEntry[]; readonly cue: string; readonly negated: boolean } | null;
  /** A resultative or state after the object: "shot [4] dead", "took [18 sailors] hostage", "left [15 people] dead". */
  readonly result: Governor | null;
  /** The verb group after the phrase, whose subject it is, with its predicate entries. */
  readonly subject: { readonly group: VerbGroup; readonly entries: readonly PredicateEntry[]; readonly cue: string; readonly end: number; readonly complement: Governor | null } | null;
  /** "the deaths of 12", "a death toll of 20". */
  readonly nominal: Governor | null;
  /** "the death toll rose to 308". */
  readonly measured: Governor | null;
  /** "15 dead", "12 others wounded". */
  readonly state: Governor | null;
  /** The predicate of a relative clause on the phrase: "540,000 who are at risk of dying". */
  readonly relative: { readonly entries: readonly PredicateEntry[]; readonly cue: string; readonly end: number } | null;
  /** "including 11 children", "among them 5 women", "of whom 4". */
  readonly subset: boolean;
  /** "up from 276", "down from 113 to", "an earlier figure of 24". */
  readonly earlier: boolean;
  /** The number before this one in the same list ("12 dead, 40 injured and 3 missing"), if it is one. */
  readonly listedAfter: Decided | null;
  /** Every number already decided in this sentence, in order. */
  readonly before: readonly Decided[];
}

/** The predicate read at a verb group's head: a phrase starting there wins ("lost their lives", "feared dead", "took shelter"). */
function entriesOfGroup(s: Structure, group: VerbGroup): { entries: readonly PredicateEntry[]; cue: string; length: number } {
  // A modal phrase from the group's start ("could be forced", "may need") or an adverb before it ("fatally shot").
  const from = group.start > 0 && s.words[group.start - 1]!.pos === 'ADV' ? group.start - 1 : group.start;
  for (let k = from; k < group.head; k++) {
    const p = predicateAt(s.words, k);
    if (p && k + p.length > group.head) return { entries: p.entries, cue: wordsOf(s.words, k, k + p.length), length: k + p.length - group.head };
  }
  const p = predicateAt(s.words, group.head);
  const length = p?.length ?? 1;
  return { entries: p?.entries ?? [], cue: wordsOf(s.words, group.head, group.head + length), length };
}

function subsetBefore(words: readonly Word[], np: NounPhrase): boolean {
  // "including those of 1 million children"
  const skip = (words[np.start - 1]?.lower === 'of' && ['those', 'that'].includes(words[np.start - 2]?.lower ?? '')) ? 2 : 0;
  for (let len = 1; len <= 3; len++) {
    const from = np.start - skip - len;
    if (from < 0) break;
    if (matchPhrase(SUBSET_PHRASES, words, from, np.start - skip)?.length === len) return true;
  }
  // "…, 11 of them children" is read as a partitive instead.
  return false;
}

function earlierBefore(words: readonly Word[], np: NounPhrase): boolean {
  for (let len = 1; len <= 4; len++) {
    const from = np.start - len;
    if (from < 0) break;
    const hit = matchPhrase(EARLIER_PHRASES, words, from, np.start);
    if (hit?.length === len) {
      // A bare "from" marks an earlier value only with a change: "raised to 2.1 million from 1.4 million", "down from 113 to 97".
      if (len === 1 && words[from]!.lower === 'from') return changeNear(words, from);
      return true;
    }
  }
  return false;
}

function changeNear(words: readonly Word[], at: number): boolean {
  for (let k = at - 1; k >= 0 && k >= at - 8; k--) {
    const w = words[k]!;
    if (isBoundary(w)) return false;
    if (w.lower === 'up' || w.lower === 'down' || w.lower === 'revised' || w.lower === 'to' || w.lemma === 'revise' || w.lemma === 'raise' || w.lemma === 'rise' || w.lemma === 'fall' || w.lemma === 'increase' || w.lemma === 'climb') return true;
  }
  // "from 113 to 97": a target follows.
  return false;
}

/** The number decided just before, when this phrase continues its list ("12 dead, 40 injured", "12 women and 9 children"). */
function listPredecessor(words: readonly Word[], np: NounPhrase, before: readonly Decided[]): Decided | null {
  const last = before[before.length - 1];
  if (!last) return null;
  let k = np.start - 1;
  const joiner = words[k];
  if (!joiner || !(joiner.pos === 'CCONJ' || joiner.text === ',')) return null;
  if (joiner.text === ',' && words[k - 1]?.pos === 'CCONJ') k--;
  // The previous phrase must end right there: "12 women and 9 children", "63 dead, 212 injured".
  for (k = k - 1; k >= 0 && k > last.num; k--) {
    const w = words[k]!;
    if (w.pos === 'VERB' || w.pos === 'AUX' || isBoundary(w)) return null;
  }
  return k === last.num ? last : null;
}

// Prepositions that also open a clause: "after", "before", "since", "until", "as", "once".
const CLAUSE_OPENERS: ReadonlySet<string> = new Set(['after', 'before', 'since', 'until', 'till', 'as', 'once']);

export function frameOf(s: Structure, n: number, before: readonly Decided[]): Frame {
  const { words } = s;
  const mention = words[n]!.mention!;
  const np = nounPhraseAt(words, n);
  const obj = objectGovernor(s, np);
  const objectPredicate = obj ? entriesOfGroup(s, obj.group) : null;
  const object = obj && objectPredicate ? { group: obj.group, entries: objectPredicate.entries, cue: objectPredicate.cue, negated: obj.group.negated } : null;
  // "shot dead 4 protesters": the result stands between verb and object.
  const resultBeforeObject = obj ? resultAt(words, obj.group.end) : null;
  // "left 15 people dead", "made 9,000 homeless": a state after the object only after a verb that takes one.
  const resultAfter = obj ? resultAt(words, np.end) ?? (RESULTATIVE_VERBS.has(obj.group.lemma) ? stateAfter(s, np) : null) : null;
  const result = resultAfter && obj
    ? { at: np.end, lemma: words[np.end]!.lower, entries: resultAfter.entries, negated: false, start: np.end, end: np.end + ('length' in resultAfter ? resultAfter.length : 1) }
    : resultBeforeObject && obj
      ? { at: obj.group.end, lemma: words[obj.group.end]!.lower, entries: resultBeforeObject.entries, negated: false, start: obj.group.end, end: obj.group.end + resultBeforeObject.length }
      : null;
  // A phrase inside a prepositional phrase is no subject: "put the number … at between 50 and 55".
  const governedBy = words[np.start - 1];
  const inPhrase = governedBy?.pos === 'ADP' && !['of', 'among', 'including', 'than'].includes(governedBy.lower);
  // "after 1,500 homes were flooded": a word that opens a clause too, with a finite verb straight after the phrase.
  const opensClause = inPhrase && CLAUSE_OPENERS.has(governedBy.lower) && (s.groups[s.groupAt[np.end] ?? -1]?.finite ?? false);
  const group = inPhrase && !opensClause ? null : subjectGovernor(s, np);
  const subjectPredicate = group ? withFollowers(s, group, entriesOfGroup(s, group)) : null;
  // A phrase at the verb that runs past it ("feared dead", "went missing") is the whole predicate.
  const covered = subjectPredicate !== null && group !== null && group.head + subjectPredicate.length > group.end;
  const subject = group && subjectPredicate ? {
    group,
    entries: subjectPredicate.entries,
    cue: subjectPredicate.cue,
    end: Math.max(group.end, group.head + subjectPredicate.length),
    complement: covered ? null : group.copula || group.passive ? complementAfter(s, group) ?? resultAfterGroup(s, group) : resultAfterGroup(s, group),
  } : null;
  // An ordinal ranks one thing ("the 30th facility to be bombed"); it lends no head to a later count.
  const lender = before[before.length - 1];
  const elided = (!np.headWord || np.headWord === 'others' || np.headWord === 'more') && !np.partitive && lender && !words[lender.num]!.mention?.ordinal ? lender : null;
  const headClass = elided && elided.category === 'facilities' ? 'facility' : elided && !np.headWord ? headClassOf(lastWord(elided.subject), false) : np.headClass;
  return {
    s, words, mention, np, headClass, elided, object, result, subject,
    nominal: nominalGovernor(s, np),
    measured: measuredGovernor(s, np),
    state: stateAfter(s, np),
    relative: relativeOf(s, np),
    subset: subsetBefore(words, np),
    earlier: earlierBefore(words, np),
    listedAfter: listPredecessor(words, np, before),
    before,
  };
}

function resultAfterGroup(s: Structure, group: VerbGroup): Governor | null {
  const r = resultAt(s.words, group.end);
  if (!r) return null;
  return { at: group.end, lemma: s.words[group.end]!.lower, entries: r.entries, negated: group.negated, start: group.end, end: group.end + r.length };
}

const lastWord = (phrase: string): string => phrase.split(' ').pop()?.toLowerCase() ?? '';

/**
 * What follows the subject's verb group adds to it: an infinitive ("were believed to have been
 * killed", "are reported to have died") and coordinated verbs ("were shot and killed", "have been
 * waylaid and killed"). The first harm found counts; killed outranks injured when both are said.
 */
function withFollowers(s: Structure, group: VerbGroup, own: { entries: readonly PredicateEntry[]; cue: string; length: number }): { entries: readonly PredicateEntry[]; cue: string; length: number } {
  const { words } = s;
  const more: PredicateEntry[] = [];
  let cue = own.cue;
  let at = group.end;
  for (let hops = 0; hops < 3; hops++) {
    let k = at;
    while (k < words.length && (words[k]!.pos === 'ADV' || words[k]!.lower === 'then')) k++;
    const link = words[k]?.lower;
    if (link !== 'to' && link !== 'and' && link !== 'or') break;
    const g = s.groupAt[k + 1] ?? -1;
    if (g < 0) break;
    const next = s.groups[g]!;
    // "and 50 were injured" has its own subject; "and killed" shares this one.
    if (link !== 'to' && next.start !== k + 1) break;
    const p = entriesOfGroup(s, next);
    for (const e of p.entries) more.push(e);
    if (p.entries.length) cue = `${cue} ${link} ${p.cue}`;
    at = next.end;
  }
  if (more.length === 0) return own;
  // "were believed to have been killed": the infinitive carries the meaning; "shot and killed": the gravest.
  const all = [...more, ...own.entries];
  const rank = (c: string): number => (c === 'killed' ? 0 : c === 'injured' ? 1 : 2);
  return { entries: [...all].sort((a, b) => rank(a.category) - rank(b.category)), cue, length: Math.max(own.length, at - group.head) };
}

/** Words as a label shows them: names keep their capitals. */
export const wordsOf = (words: readonly Word[], from: number, to: number): string =>
  words.slice(from, to).map((w) => (w.capital || w.pos === 'PROPN' ? w.text : w.lower)).join(' ');

/** "540,000 who are at risk of dying", "12 people who were injured": what the relative clause says of the phrase. */
function relativeOf(s: Structure, np: NounPhrase): Frame['relative'] {
  const { words } = s;
  let k = np.end;
  if (words[k]?.text === ',') k++;
  if (!['who', 'which', 'that'].includes(words[k]?.lower ?? '')) return null;
  const g = s.groupAt[k + 1] ?? -1;
  if (g < 0) return null;
  const group = s.groups[g]!;
  const own = entriesOfGroup(s, group);
  const complement = group.copula || group.passive ? complementAfter(s, group) : null;
  const entries = [...(complement?.entries ?? []), ...own.entries];
  if (entries.length === 0) return null;
  const end = complement ? complement.end : group.head + own.length;
  return { entries, cue: wordsOf(words, group.head, end), end };
}
