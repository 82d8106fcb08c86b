/**
 * The structure around each number of a tagged sentence: the noun phrase it counts (head noun,
 * modifiers, "of" groups), the verb groups of the sentence with their voice, and the words that
 * govern the phrase — the verb it is the object of ("killed 12 bandits"), the verb group it is
 * the subject of ("12 people were killed"), the noun it completes ("the deaths of 12"), the
 * measure it is the value of ("the death toll rose to 308"), and the state after it ("15 dead").
 * Shallow and linear: every scan is bounded by the sentence.
 */
import type { Word } from './tagger';
import {
  ADJECTIVES, ANIMAL_NOUNS, CHANGE_VERBS, CLAUSE_VERBS, INTRANSITIVE_LEMMAS, isVerbLemma, FACILITY_NOUNS, LINKING_VERBS, OTHER_NOUNS, PERSON_NOUNS, PREDICATE_PHRASES,
  RESULT_PHRASES, SAY_VERBS, SHELTER_NOUNS, POPULATION_PLACES, NOT_SHELTER_MODIFIERS, NEED_NOUNS, CARE_NOUNS, CARE_VERBS, verbObjectCategory, THING_NOUNS, TIME_NOUNS, NOT_PERSON_NOUNS, matchPhrase, predicatesOf,
  type PredicateEntry,
} from './lexicon';

export interface VerbGroup {
  /** Words [start, end). */
  readonly start: number;
  readonly end: number;
  /** The main verb, or the auxiliary when there is none ("are" in "are missing"). */
  readonly head: number;
  readonly lemma: string;
  readonly passive: boolean;
  /** Has an auxiliary, or a tensed form; an -ing or bare participle without one is not finite. */
  readonly finite: boolean;
  /** be / remain / become with no main verb: a state follows. */
  readonly copula: boolean;
  readonly negated: boolean;
  /** A participle straight after a noun phrase, with no auxiliary ("15 people killed in …"). */
  readonly reduced: boolean;
  /** could / may / might: what it says may happen, not what happened. */
  readonly modal: boolean;
}

export type HeadClass = 'person' | 'facility' | 'thing' | 'animal' | 'time' | 'other' | 'none' | 'unknown';

export interface NounPhrase {
  readonly start: number;
  readonly end: number;
  readonly num: number;
  /** Index of the head noun, or null ("killed at least 30", "15 dead"). */
  readonly head: number | null;
  /** The head, lower case ("people", "others"); borrowed from a coordinated phrase when absent ("9,200 and 14,500 homes"). */
  readonly headWord: string;
  readonly headClass: HeadClass;
  /** Modifiers between the number and the head ("displaced", "alleged", "aid"). */
  readonly modifiers: readonly number[];
  /** "12 of the farmers", "six of them": the group the number is part of. */
  readonly partitive: { readonly start: number; readonly end: number; readonly head: number | null } | null;
  /** "members of his family", "doses of vaccine": the noun after "of". */
  readonly ofHead: number | null;
}

export interface Governor {
  /** Index of the governing word (verb, noun, state). */
  readonly at: number;
  readonly lemma: string;
  readonly entries: readonly PredicateEntry[];
  readonly negated: boolean;
  /** Words covered, for `--explain`. */
  readonly start: number;
  readonly end: number;
}

export interface Structure {
  readonly words: readonly Word[];
  readonly groups: readonly VerbGroup[];
  /** Verb group of each word index, or -1. */
  readonly groupAt: Int32Array;
}

const BOUNDARY_MARKS: ReadonlySet<string> = new Set([';', ':', '(', ')', '[', ']', '—', '"', '“', '”']);
const RELATIVES: ReadonlySet<string> = new Set(['who', 'which', 'that', 'whom', 'whose']);
const CHANGE_PREPOSITIONS: ReadonlySet<string> = new Set(['to', 'at', 'from', 'by']);
const MAYBE: ReadonlySet<string> = new Set(['could', 'may', 'might']);

const isNounish = (w: Word | undefined): boolean => w !== undefined && (w.pos === 'NOUN' || w.pos === 'PROPN');
const isParticiple = (w: Word | undefined): boolean => w !== undefined && w.pos === 'VERB' && (w.form === 'ed' || w.form === 'irregular');

/** A participle used as an adjective before a noun: "20 displaced people", "the wounded soldiers". */
function adjectival(words: readonly Word[], i: number): boolean {
  const w = words[i]!;
  if (!isParticiple(w) && !(w.pos === 'VERB' && w.form === 'ing')) return false;
  // Only participles that describe ("displaced", "alleged", "wounded") or unknown ones; "77 needed treatment" is a verb.
  if (!(ADJECTIVES.has(w.lower) || predicatesOf('s', w.lower).length > 0 || !isVerbLemma(w.lemma))) return false;
  const prev = words[i - 1];
  const next = words[i + 1];
  const beforeOk = prev !== undefined && (prev.pos === 'NUM' || prev.pos === 'DET' || prev.pos === 'ADJ' || prev.lemma === "'s" || (prev.pos === 'ADV' && words[i - 2]?.pos === 'NUM'));
  return beforeOk && next !== undefined && (next.pos === 'NOUN' || (next.pos === 'PROPN' && next.lower.endsWith('s')) || next.pos === 'ADJ');
}

/** The verb groups of a sentence. */
export function analyse(words: readonly Word[]): Structure {
  const groups: VerbGroup[] = [];
  const groupAt = new Int32Array(words.length).fill(-1);
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    if (w.pos !== 'AUX' && !(w.pos === 'VERB' && !adjectival(words, i))) continue;
    let j = i;
    let head = -1;
    let beAux = false;
    let anyAux = false;
    let negated = false;
    let modal = false;
    for (; j < words.length; j++) {
      const x = words[j]!;
      if (x.pos === 'AUX') { anyAux = true; if (MAYBE.has(x.lower)) modal = true; if (x.lemma === 'be' || x.lemma === 'get') beAux = true; if (head >= 0) break; continue; }
      if (x.pos === 'PART' && x.lemma === 'not') { negated = true; continue; }
      if (x.pos === 'ADV' && j > i && j + 1 < words.length && (words[j + 1]!.pos === 'VERB' || words[j + 1]!.pos === 'AUX' || words[j + 1]!.pos === 'ADV')) continue;
      if (x.pos === 'VERB' && !adjectival(words, j)) {
        if (head >= 0) break;
        head = j;
        continue;
      }
      break;
    }
    const end = head >= 0 ? head + 1 : j;
    const main = head >= 0 ? words[head]! : words[end - 1]!;
    const linking = head >= 0 && LINKING_VERBS.has(main.lemma);
    const passive = head >= 0 && beAux && isParticiple(main);
    const prev = words[i - 1];
    const next = words[end];
    // "15 people killed in …", "12 others injured": a participle after a noun phrase with no object after it.
    // Not a verb that happens to its subject ("16 prisoners died"), a verb of saying, or one with a result after it.
    const reduced = head === i && isParticiple(main) && !anyAux && prev !== undefined && (isNounish(prev) || prev.pos === 'NUM' || prev.pos === 'ADJ')
      && (next === undefined || !(next.pos === 'NUM' || next.pos === 'DET' || isNounish(next) || next.pos === 'PRON'))
      && !INTRANSITIVE_LEMMAS.has(main.lemma) && !SAY_VERBS.has(main.lemma) && !CLAUSE_VERBS.has(main.lemma)
      && !(next !== undefined && resultAt(words, end) !== null);
    // "forced 41 facilities to close": a verb after "to" is an infinitive, never the subject's verb.
    const infinitive = words[i - 1]?.lower === 'to' && !anyAux;
    const finite = !infinitive && (anyAux || (head >= 0 && main.form !== 'ing' && !reduced));
    const group: VerbGroup = {
      start: i, end, head: head >= 0 ? head : end - 1, lemma: head >= 0 ? main.lemma : words[end - 1]!.lemma,
      passive: passive || reduced, finite, copula: head < 0 || linking, negated, reduced, modal,
    };
    for (let k = i; k < end; k++) groupAt[k] = groups.length;
    groups.push(group);
    i = end - 1;
  }
  return { words, groups, groupAt };
}

export function headClassOf(word: string, capital: boolean): HeadClass {
  if (!word) return 'none';
  if (ANIMAL_NOUNS.has(word)) return 'animal';
  if (TIME_NOUNS.has(word)) return 'time';
  if (PERSON_NOUNS.has(word)) return 'person';
  if (FACILITY_NOUNS.has(word)) return 'facility';
  if (THING_NOUNS.has(word)) return 'thing';
  if (OTHER_NOUNS.has(word) || NOT_PERSON_NOUNS.has(word)) return 'other';
  // "Palestinians", "Rohingya", "devotees", "labourers": plural people by their ending.
  if (capital && /(?:ians|ans|ese|is|ites|ers|ns)$/.test(word)) return 'person';
  if (/(?:ers|ees|ists|ians|ors|ants|ents|men|women)$/.test(word)) return 'person';
  return 'unknown';
}

/** The noun phrase that starts at the NUM word `n`. */
export function nounPhraseAt(words: readonly Word[], n: number): NounPhrase {
  let i = n + 1;
  let partitive: NounPhrase['partitive'] = null;
  // "12 of the farmers", "six of them", "seven of the dead", "29 of the state's 35 districts"
  if (words[i]?.lower === 'of') {
    let k = i + 1;
    let head: number | null = null;
    while (k < words.length && k < i + 8) {
      const x = words[k]!;
      if (x.pos === 'DET' || x.lemma === "'s" || x.pos === 'ADJ' || x.pos === 'NUM' || ((x.pos === 'PROPN' || x.pos === 'NOUN') && words[k + 1]?.lemma === "'s")) { k++; continue; }
      // "two of whom", "nine of which": a relative pronoun is the group too.
      if (x.lower === 'whom' || x.lower === 'which') { head = k; k++; break; }
      if (x.pos === 'NOUN' || x.pos === 'PRON' || x.pos === 'PROPN' || (isParticiple(x) && !RELATIVES.has(words[k + 1]?.lower ?? ''))) { head = k; k++; if (x.pos !== 'PRON' && words[k]?.pos === 'NOUN') continue; break; }
      break;
    }
    if (head !== null) { partitive = { start: i, end: k, head }; i = k; }
  }
  const modifiers: number[] = [];
  let head: number | null = null;
  if (!partitive) {
    for (let k = i; k < words.length && k < i + 6; k++) {
      const x = words[k]!;
      const nounish = x.pos === 'NOUN' || (x.pos === 'PROPN' && (isNounish(words[k + 1]) || /s$/.test(x.lower)));
      // "took 18 sailors hostage": a result after the head is not part of the phrase.
      if (head !== null && resultAt(words, k) !== null) break;
      if (nounish) {
        if (head !== null) modifiers.push(head);
        head = k;
        continue;
      }
      // "11 major global humanitarian organisations": a describing word between nouns leads to the head.
      if (head !== null && x.pos === 'ADJ' && words[k + 1]?.pos === 'NOUN' && !TIME_NOUNS.has(words[k + 1]!.lower)) {
        modifiers.push(head, k);
        head = null;
        continue;
      }
      // "14 badly injured miners": an adverb before a modifier belongs to it.
      if (x.pos === 'ADV' && head === null && (words[k + 1]?.pos === 'ADJ' || adjectival(words, k + 1))) continue;
      if ((x.pos === 'ADJ' || adjectival(words, k) || (x.pos === 'PROPN' && isNounish(words[k + 1])) || x.lower === 'other' || x.lower === 'more') && head === null) {
        modifiers.push(k);
        continue;
      }
      break;
    }
  }
  let end = partitive ? partitive.end : head !== null ? head + 1 : n + 1 + modifiers.length;
  // A trailing modifier with no noun is the state ("15 dead"), not part of the phrase.
  if (head === null && modifiers.length > 0) { end = n + 1; modifiers.length = 0; }
  let ofHead: number | null = null;
  if (head !== null && words[end]?.lower === 'of') {
    for (let k = end + 1; k < words.length && k < end + 6; k++) {
      const x = words[k]!;
      if (x.pos === 'DET' || x.pos === 'ADJ' || x.lemma === "'s" || x.pos === 'PROPN') continue;
      if (x.pos === 'NOUN') { ofHead = k; if (words[k + 1]?.pos !== 'NOUN') break; continue; }
      break;
    }
    if (ofHead !== null) end = ofHead + 1;
  }
  let headWord = head !== null ? words[head]!.lower : '';
  let capital = head !== null && words[head]!.capital;
  if (!headWord && partitive?.head !== null && partitive?.head !== undefined) {
    headWord = words[partitive.head]!.lower;
    capital = words[partitive.head]!.capital;
  }
  // "9,200 and 14,500 homes", "between 50 and 60 protesters": the head written once.
  if (!headWord && !partitive) {
    const joiner = words[n + 1];
    if (joiner && (joiner.lower === 'and' || joiner.lower === 'or' || joiner.lower === 'to') && words[n + 2]?.pos === 'NUM') {
      const other = nounPhraseAt(words, n + 2);
      if (other.head !== null) { headWord = other.headWord; capital = words[other.head]!.capital; }
    }
  }
  const headClass = headWord === 'them' || headWord === 'whom' || headWord === 'those' ? 'person' : headClassOf(headWord, capital);
  return { start: n, end, num: n, head, headWord, headClass, modifiers, partitive, ofHead };
}

/** Predicate entries read at word `i`: a phrase ("lost their lives"), a verb lemma, a state, a noun. */
export function predicateAt(words: readonly Word[], i: number): { entries: readonly PredicateEntry[]; length: number } | null {
  const phrase = matchPhrase(PREDICATE_PHRASES, words, i);
  // "are living in tents": where they live says they were displaced.
  if (phrase && phrase.value.category === 'population' && phrase.length > 1) {
    const shelter = predicateAt(words, i + phrase.length - 1);
    if (shelter && shelter.entries.some((e) => e.category === 'displaced')) return { entries: shelter.entries, length: phrase.length - 1 + shelter.length };
  }
  if (phrase) {
    const all = [phrase.value];
    // A phrase may be listed for several categories ("affected": facilities and people).
    return { entries: all, length: phrase.length };
  }
  const w = words[i]!;
  // "in emergency shelters", "at relief camps", "to 9,424 cyclone shelters": where the displaced stay.
  if ((w.lower === 'in' || w.lower === 'at' || w.lower === 'to') && i + 1 < words.length) {
    for (let k = i + 1; k < words.length && k <= i + 5; k++) {
      const x = words[k]!;
      if (x.pos === 'NUM' && !x.mention?.unitKind) continue;
      if (NOT_SHELTER_MODIFIERS.has(x.lower)) break;
      if (SHELTER_NOUNS.has(x.lower) && !SHELTER_NOUNS.has(words[k + 1]?.lower ?? '')) return { entries: [{ category: 'displaced', kind: 'phrase' }], length: k - i + 1 };
      // "to destroy mosquito breeding sites" is a purpose, not a place: a verb ends the search.
      if (!(x.pos === 'DET' || x.pos === 'ADJ' || x.pos === 'NOUN' || x.pos === 'PROPN' || (x.pos === 'VERB' && x.form === 'ed'))) break;
    }
  }
  // "without running water", "no access to clean water": what people go without.
  if (w.lower === 'without' || (w.lower === 'no' && words[i + 1]?.lower !== 'one')) {
    for (let k = i + 1; k < words.length && k <= i + 4; k++) {
      const x = words[k]!;
      if (NEED_NOUNS.has(x.lower)) return { entries: [{ category: 'affected', kind: 'phrase' }], length: k - i + 1 };
      if (!(x.pos === 'ADJ' || x.pos === 'NOUN' || x.pos === 'VERB' || x.lower === 'access' || x.lower === 'to')) break;
    }
  }
  // "admitted to King George Hospital", "taken to nearby clinics": the hurt brought to care.
  if (w.pos === 'VERB' && CARE_VERBS.has(w.lemma) && words[i + 1]?.lower === 'to') {
    for (let k = i + 2; k < words.length && k <= i + 7; k++) {
      const x = words[k]!;
      if (CARE_NOUNS.has(x.lower)) return { entries: [{ category: 'injured', kind: 'phrase' }], length: k - i + 1 };
      if (!(x.pos === 'ADJ' || x.pos === 'NOUN' || x.pos === 'PROPN' || x.pos === 'DET' || x.lemma === "'s")) break;
    }
  }
  // "flood-affected", "conflict-displaced": the last part of a compound says it.
  const dash = w.lower.lastIndexOf('-');
  if (dash > 0 && w.pos !== 'NUM') {
    const states = predicatesOf('s', w.lower.slice(dash + 1));
    if (states.length) return { entries: states, length: 1 };
  }
  if (w.pos === 'VERB') {
    // "require humanitarian assistance", "face severe hunger": the object noun decides.
    for (let k = i + 1; k < words.length && k <= i + 4; k++) {
      const o = words[k]!;
      if (o.pos === 'DET' || o.pos === 'ADJ' || o.pos === 'ADV' || (o.pos === 'NOUN' && words[k + 1]?.pos === 'NOUN') || o.lower === 'on') continue;
      const category = o.pos === 'NOUN' ? verbObjectCategory(w.lemma, o.lower) : null;
      if (category) return { entries: [{ category, kind: 'intransitive' }], length: k - i + 1 };
      break;
    }
    const entries = predicatesOf('v', w.lemma);
    const states = predicatesOf('s', w.lower);
    if (entries.length || states.length) return { entries: [...entries, ...states], length: 1 };
  }
  if (w.pos === 'ADJ' || w.pos === 'NOUN') {
    const states = predicatesOf('s', w.lower);
    if (states.length) return { entries: states, length: 1 };
  }
  if (w.pos === 'NOUN' || w.pos === 'PROPN') {
    const nouns = predicatesOf('n', w.lower);
    if (nouns.length) return { entries: nouns, length: 1 };
  }
  return null;
}

/** A resultative after the object: "shot [N] dead", "hacked [N] to death", "took [N] hostage". */
export function resultAt(words: readonly Word[], i: number): { entries: readonly PredicateEntry[]; length: number } | null {
  const hit = matchPhrase(RESULT_PHRASES, words, i);
  return hit ? { entries: [hit.value], length: hit.length } : null;
}

function negatedBefore(words: readonly Word[], i: number): boolean {
  for (let k = i - 1; k >= 0 && k >= i - 3; k--) {
    const w = words[k]!;
    if (w.lemma === 'not' || w.lower === 'no' || w.lower === 'none' || w.lower === 'without' || w.lower === 'never') return true;
    if (!(w.pos === 'ADV' || w.pos === 'AUX')) break;
  }
  return false;
}

function governor(words: readonly Word[], at: number, entries: readonly PredicateEntry[], start: number, end: number, negated: boolean): Governor {
  return { at, lemma: words[at]!.lemma === '#' ? words[at]!.lower : words[at]!.lemma, entries, negated, start, end };
}

/** Is word `i` a clause boundary (a mark, a subordinator, a dash)? */
export function isBoundary(w: Word | undefined): boolean {
  return w === undefined || BOUNDARY_MARKS.has(w.text) || (w.pos === 'SCONJ' && !RELATIVES.has(w.lower));
}

/**
 * The active verb group whose object the phrase at `np` is, reading left over determiners,
 * adverbs and a coordinated number phrase ("killed 15 civilians and 3 soldiers").
 */
export function objectGovernor(s: Structure, np: NounPhrase): { group: VerbGroup; gap: readonly Word[] } | null {
  const { words } = s;
  const gap: Word[] = [];
  for (let k = np.start - 1; k >= 0 && k >= np.start - 12; k--) {
    const w = words[k]!;
    const g = s.groupAt[k]!;
    if (g >= 0) {
      const group = s.groups[g]!;
      if (group.passive && !group.reduced) return null;
      // "said 4 protesters were shot": a verb of saying takes a clause, not an object.
      // "reached 1,021": a change verb takes a bare value, not an object ("took 18 sailors hostage" has one).
      if (CLAUSE_VERBS.has(group.lemma) || group.copula || (CHANGE_VERBS.has(group.lemma) && !predicatesOf('v', group.lemma).length && np.head === null)) return null;
      return { group, gap };
    }
    if (w.pos === 'DET' || w.pos === 'ADV' || (w.pos === 'ADJ' && (w.lower === 'another' || w.lower === 'further' || w.lower === 'additional'))) { gap.unshift(w); continue; }
    if (w.pos === 'ADP' && CHANGE_PREPOSITIONS.has(w.lower)) { gap.unshift(w); continue; }
    // A coordinated phrase: "killed 15 civilians and [wounded]" is a verb; "and 3 soldiers" is not.
    if (w.pos === 'CCONJ' || w.text === ',') {
      const left = previousNumber(words, k);
      if (left !== null && left >= k - 8) { gap.unshift(w); k = left; continue; }
      return null;
    }
    return phraseCovering(s, k, np.start - gap.length);
  }
  return null;
}

/** "set fire to 21 churches": a verb whose phrase runs up to the number's phrase. */
function phraseCovering(s: Structure, k: number, to: number): { group: VerbGroup; gap: readonly Word[] } | null {
  for (let j = k; j >= 0 && j >= k - 4; j--) {
    const g = s.groupAt[j]!;
    if (g < 0) continue;
    const group = s.groups[g]!;
    const p = predicateAt(s.words, group.head);
    return p && group.head + p.length >= to && group.head + p.length <= to + 2 && !group.passive ? { group, gap: [] } : null;
  }
  return null;
}

function previousNumber(words: readonly Word[], before: number): number | null {
  for (let k = before - 1; k >= 0 && k >= before - 8; k--) {
    const w = words[k]!;
    if (w.pos === 'NUM') return k;
    if (isBoundary(w) || w.pos === 'VERB' || w.pos === 'AUX') return null;
  }
  return null;
}

/** Whether the phrase starting at `start` is the object of a preposition ("in 9 of the country's 18 …"). */
function afterPreposition(words: readonly Word[], start: number): boolean {
  for (let k = start - 1; k >= 0 && k >= start - 8; k--) {
    const w = words[k]!;
    if (w.pos === 'ADP') return true;
    if (!(w.pos === 'DET' || w.pos === 'ADJ' || w.pos === 'NOUN' || w.pos === 'PROPN' || w.pos === 'NUM' || w.lemma === "'s")) return false;
  }
  return false;
}

/**
 * The verb group the phrase is the subject of: the first finite group after it, skipping
 * participle modifiers ("20 people waiting for flour … were killed") and relative clauses
 * ("five people who were being detained were killed").
 */
export function subjectGovernor(s: Structure, np: NounPhrase): VerbGroup | null {
  const { words } = s;
  // "declared an alert in 9 of the country's 18 departments and sent 600 brigades": a verb after
  // "and" shares the clause's subject; a phrase after a preposition is not it.
  if (words[np.end]?.pos === 'CCONJ' && (s.groupAt[np.end + 1] ?? -1) >= 0 && afterPreposition(words, np.start)) return null;
  let inRelative = false;
  for (let k = np.end; k < words.length && k < np.end + 40; k++) {
    const w = words[k]!;
    if (w.text === '(' || w.text === '[') { const close = w.text === '(' ? ')' : ']'; while (k < words.length && words[k]!.text !== close) k++; continue; }
    if (BOUNDARY_MARKS.has(w.text) && w.text !== '"' && w.text !== '“' && w.text !== '”') return null;
    if (w.pos === 'SCONJ' && RELATIVES.has(w.lower)) { inRelative = true; continue; }
    if (w.lower === 'that' && w.pos === 'DET') { inRelative = true; continue; }
    if (w.pos === 'SCONJ') return null;
    // Another number starts another phrase: "63 dead, 212 injured".
    // "left five dead and 12 others wounded": a number after "and" with a predicate of its own starts its own clause.
    if (w.pos === 'NUM' && !inRelative && words[k - 1]?.pos === 'CCONJ') {
      const next = nounPhraseAt(words, k);
      const after = next.end < words.length ? s.groupAt[next.end]! : -1;
      if ((after >= 0 && s.groups[after]!.reduced) || stateWord(words[next.end])) return null;
    }
    if (w.pos === 'NUM' && !inRelative && words[k - 1]?.text === ','){
      // ", nearly a quarter of the population,": an appositive closes with a comma before any verb.
      let j = k + 1;
      while (j < words.length && j < k + 10 && words[j]!.text !== ',' && s.groupAt[j]! < 0 && !isBoundary(words[j])) j++;
      if (words[j]?.text !== ',') return null;
      k = j;
      continue;
    }
    if (w.text === ',' && inRelative) { inRelative = false; continue; }
    const g = s.groupAt[k]!;
    if (g < 0) continue;
    const group = s.groups[g]!;
    k = group.end - 1;
    if (inRelative) { inRelative = false; continue; }
    if (!group.finite && !group.reduced) {
      // "killing 5 and wounding 20": a non-finite group after a comma starts a new clause.
      if (words[group.start - 1]?.text === ',') return null;
      continue;
    }
    if (SAY_VERBS.has(group.lemma) && !group.passive) return null;
    return group;
  }
  return null;
}

/** What follows a copula or a linking verb: "are missing", "remain unaccounted for", "are at risk of". */
export function complementAfter(s: Structure, group: VerbGroup): Governor | null {
  const { words } = s;
  for (let k = group.end; k < words.length && k < group.end + 4; k++) {
    const w = words[k]!;
    if (w.pos === 'ADV' || (w.pos === 'PART' && w.lemma === 'not') || (w.lower === 'as' && k === group.end)) continue;
    const p = predicateAt(words, k);
    if (p) return governor(words, k, p.entries, k, k + p.length, group.negated || negatedBefore(words, k));
    return null;
  }
  return null;
}

/** The noun whose complement the phrase is: "the deaths of 12", "a death toll of 20", "the arrest of 17". */
export function nominalGovernor(s: Structure, np: NounPhrase): Governor | null {
  const { words } = s;
  let k = np.start - 1;
  // "the evacuation of 11 villages and about 3,200 people": the second phrase shares the noun.
  if (words[k]?.pos === 'CCONJ' || words[k]?.text === ',') {
    const left = previousNumber(words, k);
    if (left !== null && left >= k - 6) return nominalGovernor(s, nounPhraseAt(words, left));
  }
  while (k >= 0 && (words[k]!.pos === 'DET' || words[k]!.pos === 'ADV')) k--;
  const link = words[k]?.lower;
  if (link !== 'of' && link !== 'to') return null;
  // "a town of 1,700 people", "home to two million": a phrase that ends in the preposition.
  for (let from = Math.max(0, k - 4); from < k; from++) {
    const p = predicateAt(words, from);
    if (p && from + p.length === k + 1) return governor(words, from, p.entries, from, k + 1, negatedBefore(words, from));
  }
  if (link !== 'of') return null;
  const noun = k - 1;
  const w = words[noun];
  // "the port city of 1.4 million", "a town of about 1,700 people": the people who live there.
  if (w && POPULATION_PLACES.has(w.lower) && np.headClass !== 'facility') return governor(words, noun, [{ category: 'population', kind: 'noun' }], noun, k + 1, false);
  if (!w || !(w.pos === 'NOUN' || w.pos === 'PROPN' || (w.pos === 'VERB' && w.form === 'ing'))) return null;
  const entries = predicatesOf('n', w.lower);
  if (entries.length === 0) return null;
  return governor(words, noun, entries, noun, k + 1, negatedBefore(words, noun));
}

/**
 * What a number measures when it is the value of a change or a copula: "the death toll rose
 * to 308", "fatalities reached 94", "the number of people hurt climbed to 1,340", "bringing to
 * 254 the number of its staff killed", "caseload stands at 20 062". Read from the measured noun
 * phrase: a predicate noun (toll, deaths, cases) or a state inside it (hurt, at risk).
 */
export function measuredGovernor(s: Structure, np: NounPhrase): Governor | null {
  const { words } = s;
  let k = np.start - 1;
  // "increased to 17 824 and 595": a number joined to the value shares its measure.
  if (np.head === null && (words[k]?.pos === 'CCONJ' || words[k]?.text === ',') && words[k - 1]?.pos === 'NUM') return measuredGovernor(s, nounPhraseAt(words, k - 1));
  let preposition = false;
  while (k >= 0 && (words[k]!.pos === 'ADV' || words[k]!.lower === 'up' || words[k]!.lower === 'down' || (words[k]!.pos === 'ADP' && CHANGE_PREPOSITIONS.has(words[k]!.lower)))) {
    if (words[k]!.pos === 'ADP' && CHANGE_PREPOSITIONS.has(words[k]!.lower)) preposition = true;
    k--;
  }
  const g = k >= 0 ? s.groupAt[k]! : -1;
  const group = g >= 0 ? s.groups[g]! : null;
  // "fatalities reached 94", "the toll is 50": a change or a copula right before the number.
  const direct = group !== null && (CHANGE_VERBS.has(group.lemma) || group.copula);
  if (!direct && !preposition) return null;
  // "bringing to 254 the number of its staff killed": the measure after the number.
  const after = measuredIn(words, np.end, Math.min(words.length, np.end + 12));
  if (after && group) return after;
  // Else the measure before, in the clause: "the death toll rose to 308", "revised the death toll … down from 113 to 97".
  const clauseStart = clauseStartBefore(words, k + 1);
  const found = measuredIn(words, clauseStart, k + 1);
  if (!found) return null;
  // A preposition alone links a measure only through a change: "rose to", "revised … from"; not "killed in 2 attacks on 5 villages".
  if (!direct && !changeBetween(s, found.end, k + 1)) return null;
  return found;
}

function changeBetween(s: Structure, from: number, to: number): boolean {
  for (let k = Math.max(0, from - 8); k < to; k++) {
    const g = s.groupAt[k]!;
    if (g >= 0 && (CHANGE_VERBS.has(s.groups[g]!.lemma) || s.groups[g]!.copula)) return true;
  }
  return false;
}

function clauseStartBefore(words: readonly Word[], at: number): number {
  for (let k = at - 1; k >= 0; k--) if (isBoundary(words[k]) || words[k]!.text === ',') return k + 1;
  return 0;
}

/** A predicate noun or state inside words [from, to): the last one wins ("the number of people hurt"). */
function measuredIn(words: readonly Word[], from: number, to: number): Governor | null {
  let found: Governor | null = null;
  for (let k = from; k < to; k++) {
    const w = words[k]!;
    if (w.pos === 'NUM' || isBoundary(w) || (w.pos === 'AUX' && k > from)) break;
    const p = predicateAt(words, k);
    if (p && !(w.pos === 'VERB' && !isParticiple(w) && w.form !== 'ing')) {
      // "flood-affected population": the state says more than the noun "population".
      if (!(found && p.entries.every((e) => e.category === 'population'))) found = governor(words, k, p.entries, k, k + p.length, negatedBefore(words, k));
      k += p.length - 1;
    }
  }
  return found;
}

/** A state right after the phrase: "15 people dead", "12 others wounded", "3 missing". */
export function stateAfter(s: Structure, np: NounPhrase): Governor | null {
  const { words } = s;
  const k = np.end;
  const w = words[k];
  if (!w) return null;
  const g = s.groupAt[k]!;
  if (g >= 0 && !s.groups[g]!.reduced) return null;
  const p = predicateAt(words, k);
  if (!p) return null;
  const next = words[k + p.length];
  // "dead" must end the phrase: "15 dead, 40 injured", "left 15 people dead and …".
  if (next && !(next.pos === 'PUNCT' || next.pos === 'CCONJ' || next.pos === 'ADP' || next.pos === 'SCONJ' || next.pos === 'ADV')) return null;
  // "six people shot and killed": a second participle joined to the first; the gravest counts.
  if (next?.lower === 'and' && isParticiple(words[k + p.length + 1])) {
    const second = predicateAt(words, k + p.length + 1);
    if (second?.entries.some((e) => e.category === 'killed')) return governor(words, k, [...second.entries, ...p.entries], k, k + p.length + 1 + second.length, false);
  }
  return governor(words, k, p.entries, k, k + p.length, false);
}


const stateWord = (w: Word | undefined): boolean => w !== undefined && predicatesOf('s', w.lower).length > 0 && (w.pos === 'ADJ' || w.pos === 'NOUN');
