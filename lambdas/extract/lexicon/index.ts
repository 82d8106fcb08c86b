/**
 * Lookups built from the lexicon (en.ts): sets for word classes, verb lemmas from inflected
 * forms, and the predicate index that maps a lemma or a phrase to the category it signals.
 * Built once per process from plain arrays; nothing here is a regular expression.
 */
import { PREDICATE_CATEGORIES, type Category } from '../../contract/categories';
import * as en from './en';

const set = (words: readonly string[]): ReadonlySet<string> => new Set(words.map((w) => w.toLowerCase()));

export const DETERMINERS = set(en.DETERMINERS);
export const PRONOUNS = set(en.PRONOUNS);
export const PREPOSITIONS = set(en.PREPOSITIONS);
export const SUBORDINATORS = set(en.SUBORDINATORS);
export const CONJUNCTIONS = set(en.CONJUNCTIONS);
export const ADVERBS = set(en.ADVERBS);
export const ADJECTIVES = set(en.ADJECTIVES);
export const LINKING_VERBS = set(en.LINKING_VERBS);
export const PERSON_NOUNS = set(en.PERSON_NOUNS);
export const NOT_PERSON_NOUNS = set(en.NOT_PERSON_NOUNS);
export const FACILITY_NOUNS = set(en.FACILITY_NOUNS);
export const THING_NOUNS = set(en.THING_NOUNS);
export const ANIMAL_NOUNS = set(en.ANIMAL_NOUNS);
export const TIME_NOUNS = set(en.TIME_NOUNS);
export const OTHER_NOUNS = set(en.OTHER_NOUNS);
export const NOUNS_LIKE_VERBS = set(en.NOUNS_LIKE_VERBS);
export const LY_NOUNS = set(en.LY_NOUNS);
export const RISE_VERBS = set(en.RISE_VERBS);
export const FALL_VERBS = set(en.FALL_VERBS);
export const NEUTRAL_VERBS = set(en.NEUTRAL_VERBS);
export const CHANGE_VERBS = set(en.CHANGE_VERBS);
export const SAY_VERBS = set(en.SAY_VERBS);
export const MONTHS = set(en.MONTHS);
export const TIME_WORDS = set(en.TIME_WORDS);
export const NEED_NOUNS = set(en.NEED_NOUNS);
export const POPULATION_PLACES = set(en.POPULATION_PLACES);
export const DISEASES = set(en.DISEASES);
export const UNHARMED = set(en.UNHARMED);
export const SHARE_VERBS = set(en.SHARE_VERBS);
export const SHARE_WHOLES = set(en.SHARE_WHOLES);
export const CARE_NOUNS = set(en.CARE_NOUNS);
export const CARE_VERBS = set(en.CARE_VERBS);
export const NOT_SHELTER_MODIFIERS = set(en.NOT_SHELTER_MODIFIERS);
export const SHELTER_NOUNS = set(en.SHELTER_NOUNS);
export const RESULTATIVE_VERBS = set(en.RESULTATIVE_VERBS);
/** Verbs that happen to their subject: never passive, so never a reduced participle ("16 prisoners died"). */
export const INTRANSITIVE_LEMMAS: ReadonlySet<string> = new Set(Object.values(en.PREDICATES).flatMap((p) => [...p.intransitive]));
export const CLAUSE_VERBS = set(en.CLAUSE_VERBS);
export const NAME_BEFORE_NUMBER: ReadonlySet<string> = new Set(en.NAME_BEFORE_NUMBER);

/** A singular noun for one person by its ending ("shopkeeper", "conservationist", "informant"), unless listed as not one. */
export function personBySuffix(noun: string): boolean {
  if (PERSON_NOUNS.has(noun)) return true;
  if (NOT_PERSON_NOUNS.has(noun) || FACILITY_NOUNS.has(noun) || THING_NOUNS.has(noun) || TIME_NOUNS.has(noun) || noun.length < 5) return false;
  return PERSON_SUFFIXES.some((s) => noun.endsWith(s));
}
const PERSON_SUFFIXES = ['ist', 'ian', 'man', 'woman', 'keeper', 'maker', 'owner', 'holder', 'worker', 'seller', 'leader', 'ee', 'ant', 'ent', 'er', 'or'];
export const NAME_AFTER_NUMBER: ReadonlySet<string> = new Set(en.NAME_AFTER_NUMBER);
export const PHONE_CUES = set(en.PHONE_CUES);
export const AGE_CUES = set(en.AGE_CUES);
export const AGE_BOUNDS = set(en.AGE_BOUNDS);
export const MODIFIER_NOUNS = set(en.MODIFIER_NOUNS);
export const MULTIPLIER_WORDS = set(en.MULTIPLIER_WORDS);
export const CLOCK_WORDS = set(en.CLOCK_WORDS);
export const CURRENCY_CODES: ReadonlySet<string> = new Set(en.CURRENCY_CODES);
export const { VAGUE_COUNTS, FRACTIONS, QUALIFIERS, MEASURE_UNITS } = en;
// Maps, never plain objects, for words read from the text: "constructor" is no number word.
const map = <T>(record: Readonly<Record<string, T>>): ReadonlyMap<string, T> => new Map(Object.entries(record));
export const NUMBER_WORDS = map(en.NUMBER_WORDS);
export const SCALE_WORDS = map(en.SCALE_WORDS);
export const SCALE_ABBREVIATIONS = map(en.SCALE_ABBREVIATIONS);
export const CURRENCY_SYMBOLS = map(en.CURRENCY_SYMBOLS);
export const CURRENCY_LETTERS = map(en.CURRENCY_LETTERS);
export const CURRENCY_WORDS = map(en.CURRENCY_WORDS);
export const GLUED_UNITS = map(en.GLUED_UNITS);

/** Lower-case auxiliary form → its lemma (be, have, do, get, modal). */
export const AUXILIARIES: ReadonlyMap<string, string> = new Map(
  Object.entries(en.AUXILIARIES).flatMap(([lemma, forms]) => forms.map((form) => [form, lemma] as const)),
);

/** Multi-word entries keyed by their first word, longest first, for greedy matching over tokens. */
export interface PhraseIndex<T> {
  readonly byFirst: ReadonlyMap<string, readonly { readonly words: readonly string[]; readonly value: T }[]>;
}

export function phraseIndex<T>(entries: Iterable<readonly [string, T]>): PhraseIndex<T> {
  const byFirst = new Map<string, { words: string[]; value: T }[]>();
  for (const [phrase, value] of entries) {
    const words = phrase.toLowerCase().split(' ');
    const list = byFirst.get(words[0]!) ?? [];
    list.push({ words, value });
    byFirst.set(words[0]!, list);
  }
  for (const list of byFirst.values()) list.sort((a, b) => b.words.length - a.words.length);
  return { byFirst };
}

/**
 * The longest entry starting at `words[at]`, or null. Words are tokens or tagged words (their
 * `lower`) or plain lower-case strings; nothing is copied, so matching at every word stays cheap.
 */
export function matchPhrase<T>(index: PhraseIndex<T>, words: readonly (string | { readonly lower: string })[], at: number, end = words.length): { value: T; length: number } | null {
  const lower = (k: number): string | undefined => { const w = k < end ? words[k] : undefined; return typeof w === 'string' ? w : w?.lower; };
  const list = index.byFirst.get(lower(at) ?? '');
  if (!list) return null;
  for (const entry of list) {
    // "in a serious condition" is the entry "in serious condition": an article the entry does not write is skipped.
    let at2 = at;
    let ok = true;
    for (let k = 1; k < entry.words.length && ok; k++) {
      at2++;
      const w = lower(at2);
      if ((w === 'a' || w === 'an') && entry.words[k] !== w) at2++;
      ok = lower(at2) === entry.words[k];
    }
    if (ok) return { value: entry.value, length: at2 - at + 1 };
  }
  return null;
}

export const VAGUE_PHRASES = phraseIndex(Object.entries(en.VAGUE_COUNTS));
export const FRACTION_PHRASES = phraseIndex(Object.entries(en.FRACTIONS));
export const MEASURE_PHRASES = phraseIndex(Object.entries(en.MEASURE_UNITS));
export const PERCENT_PHRASES = phraseIndex(en.PERCENT_WORDS.map((w) => [w, '%'] as const));
export const SUBSET_PHRASES = phraseIndex(en.SUBSET_OPENERS.map((w) => [w, true] as const));
export const EARLIER_PHRASES = phraseIndex(en.EARLIER_MARKERS.map((w) => [w, true] as const));

/** How a predicate word relates to the counted: its object/patient, its subject, a state, a noun. */
export type PredicateKind = 'verb' | 'intransitive' | 'state' | 'noun' | 'result' | 'phrase';

export interface PredicateEntry {
  readonly category: Category;
  readonly kind: PredicateKind;
}

const verbLemmas = new Set<string>();
type PredicateKey = 'v' | 's' | 'n';
// One map per kind, keyed by the word itself: a key built per lookup ("v:kill") cost a string
// concatenation and its hash on every tagged word.
const predicateByLemma: Readonly<Record<PredicateKey, Map<string, PredicateEntry[]>>> = { v: new Map(), s: new Map(), n: new Map() };
const predicatePhrases: [string, PredicateEntry][] = [];

function addPredicate(kind: PredicateKey, word: string, entry: PredicateEntry): void {
  const list = predicateByLemma[kind].get(word) ?? [];
  if (!list.some((e) => e.category === entry.category && e.kind === entry.kind)) list.push(entry);
  predicateByLemma[kind].set(word, list);
}

const predicates = en.PREDICATES as Readonly<Record<string, {
  readonly verbs: readonly string[]; readonly intransitive: readonly string[]; readonly states: readonly string[];
  readonly nouns: readonly string[]; readonly results: readonly string[]; readonly phrases: readonly string[];
}>>;
for (const category of PREDICATE_CATEGORIES) {
  const words = predicates[category];
  if (!words) continue;
  for (const v of words.verbs) { verbLemmas.add(v); addPredicate('v', v, { category, kind: 'verb' }); }
  for (const v of words.intransitive) { verbLemmas.add(v); addPredicate('v', v, { category, kind: 'intransitive' }); }
  for (const s of words.states) addPredicate('s', s, { category, kind: 'state' });
  for (const n of words.nouns) addPredicate('n', n, { category, kind: 'noun' });
  for (const r of words.results) predicatePhrases.push([`=${r}`, { category, kind: 'result' }]);
  for (const p of words.phrases) predicatePhrases.push([p, { category, kind: 'phrase' }]);
}
for (const v of [...en.NEUTRAL_VERBS, ...en.CHANGE_VERBS, ...en.SAY_VERBS, ...en.LINKING_VERBS, ...en.CLAUSE_VERBS, ...en.GENERAL_VERBS]) verbLemmas.add(v);
for (const lemma of Object.values(en.IRREGULAR_VERBS)) verbLemmas.add(lemma);

const verbObjects = new Map<string, { category: Category; objects: ReadonlySet<string> }[]>();
for (const [category, { verbs, objects }] of Object.entries(en.VERB_OBJECT_PREDICATES)) {
  for (const v of verbs) {
    const list = verbObjects.get(v) ?? [];
    list.push({ category: category as Category, objects: new Set(objects) });
    verbObjects.set(v, list);
  }
}

/** "require … assistance": the category a verb and its object noun give together, or null. */
export function verbObjectCategory(lemma: string, object: string): Category | null {
  for (const entry of verbObjects.get(lemma) ?? []) if (entry.objects.has(object)) return entry.category;
  return null;
}

/** Lemmas and words that can signal harm to people: a sentence with none implies no victim. */
export const HARM_WORDS: ReadonlySet<string> = new Set(PREDICATE_CATEGORIES.filter((c) => c !== 'population').flatMap((c) => {
  const w = predicates[c];
  return w ? [...w.verbs, ...w.intransitive, ...w.states, ...w.nouns, ...[...w.results, ...w.phrases].map((p) => p.split(' ')[0]!)] : [];
}));

/** Predicate entries of a verb lemma ("kill"), a state ("dead"), a noun ("deaths"). */
const NO_PREDICATES: readonly PredicateEntry[] = [];
export function predicatesOf(kind: PredicateKey, word: string): readonly PredicateEntry[] {
  return predicateByLemma[kind].get(word) ?? NO_PREDICATES;
}

/** Multi-word predicates ("lost their lives", "at risk") and resultatives ("=dead", "=to death"). */
export const PREDICATE_PHRASES = phraseIndex(predicatePhrases.filter(([p]) => !p.startsWith('=')));
export const RESULT_PHRASES = phraseIndex(predicatePhrases.filter(([p]) => p.startsWith('=')).map(([p, e]) => [p.slice(1), e] as const));

const IRREGULAR: ReadonlyMap<string, string> = new Map(Object.entries(en.IRREGULAR_VERBS));

export function isVerbLemma(word: string): boolean {
  return verbLemmas.has(word);
}

export type VerbForm = 'base' | 's' | 'ed' | 'ing' | 'irregular';

/**
 * The lemma of a verb form when the lemma is a verb the lexicon knows ("killed" → kill,
 * "fleeing" → flee, "carried" → carry, "stopped" → stop), else null.
 */
const verbCache = new Map<string, { lemma: string; form: VerbForm } | null>();

export function knownVerb(lower: string): { lemma: string; form: VerbForm } | null {
  const cached = verbCache.get(lower);
  if (cached !== undefined) return cached;
  const found = lookupVerb(lower);
  // Bounded: a text of a million distinct words must not grow the cache without end.
  if (verbCache.size < 20_000) verbCache.set(lower, found);
  return found;
}

function lookupVerb(lower: string): { lemma: string; form: VerbForm } | null {
  const irregular = IRREGULAR.get(lower);
  if (irregular) return { lemma: irregular, form: lower.endsWith('ing') ? 'ing' : 'irregular' };
  if (verbLemmas.has(lower)) return { lemma: lower, form: 'base' };
  for (const [form, candidates] of inflections(lower)) {
    for (const c of candidates) if (verbLemmas.has(c)) return { lemma: c, form };
  }
  return null;
}

/** A best-guess lemma for an unknown -ed/-ing/-s word ("ambushed" → ambush). */
export function guessLemma(lower: string): string {
  for (const [, candidates] of inflections(lower)) if (candidates.length) return candidates[0]!;
  return lower;
}

function inflections(w: string): [VerbForm, string[]][] {
  const out: [VerbForm, string[]][] = [];
  const undouble = (stem: string): string[] => (stem.length > 2 && stem.at(-1) === stem.at(-2) ? [stem.slice(0, -1)] : []);
  if (w.endsWith('ied')) out.push(['ed', [`${w.slice(0, -3)}y`]]);
  else if (w.endsWith('ed')) { const stem = w.slice(0, -2); out.push(['ed', [stem, `${stem}e`, ...undouble(stem)]]); }
  if (w.endsWith('ing')) { const stem = w.slice(0, -3); out.push(['ing', [stem, `${stem}e`, ...undouble(stem)]]); }
  if (w.endsWith('ies')) out.push(['s', [`${w.slice(0, -3)}y`]]);
  else if (w.endsWith('es')) out.push(['s', [w.slice(0, -2), w.slice(0, -1)]]);
  else if (w.endsWith('s') && !w.endsWith('ss')) out.push(['s', [w.slice(0, -1)]]);
  return out;
}

/** The plural of a singular noun, for naming a count read from an ordinal ("the 30th facility" → facilities). */
export function plural(noun: string): string {
  const irregular: Readonly<Record<string, string>> = { child: 'children', person: 'people', man: 'men', woman: 'women', life: 'lives', wife: 'wives' };
  if (irregular[noun]) return irregular[noun];
  if (singular(noun) !== noun) return noun;
  if (/[^aeiou]y$/.test(noun)) return `${noun.slice(0, -1)}ies`;
  if (/(?:ch|sh|ss|x|z)$/.test(noun)) return `${noun}es`;
  return `${noun}s`;
}

/** The singular of a plural noun, for comparing heads ("families" → family, "children" → child). */
export function singular(noun: string): string {
  const irregular: Readonly<Record<string, string>> = { children: 'child', people: 'person', men: 'man', women: 'woman', police: 'police', staff: 'staff', lives: 'life', wives: 'wife', calves: 'calf' };
  if (irregular[noun]) return irregular[noun];
  if (noun.endsWith('men')) return `${noun.slice(0, -3)}man`;
  if (noun.endsWith('ies') && noun.length > 4) return `${noun.slice(0, -3)}y`;
  if (/(?:ches|shes|sses|xes)$/.test(noun)) return noun.slice(0, -2);
  if (noun.endsWith('s') && !noun.endsWith('ss') && !noun.endsWith('us')) return noun.slice(0, -1);
  return noun;
}
