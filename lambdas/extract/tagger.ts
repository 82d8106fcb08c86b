/**
 * Part of speech and lemma for the tokens of one sentence, from the lexicon and a few context
 * rules, with each number mention folded into one NUM word. No statistical model: the domain
 * needs a few hundred verbs and nouns, and a lexicon loads in a millisecond where a tagger
 * model costs ~135 ms of cold start (measured: docs/extraction.md).
 */
import type { NumberMention } from './numbers';
import type { Pos, Token } from './tokens';
import {
  ADJECTIVES, ADVERBS, ANIMAL_NOUNS, AUXILIARIES, CONJUNCTIONS, DETERMINERS, FACILITY_NOUNS, LY_NOUNS, NOUNS_LIKE_VERBS,
  OTHER_NOUNS, PERSON_NOUNS, TIME_WORDS, PREPOSITIONS, PRONOUNS, SUBORDINATORS, THING_NOUNS, TIME_NOUNS, guessLemma, knownVerb,
  predicatesOf, type VerbForm,
} from './lexicon';
import { startsUpper } from './letters';

export interface Word {
  readonly text: string;
  readonly lower: string;
  readonly start: number;
  readonly end: number;
  pos: Pos;
  lemma: string;
  /** Verbs: the form as written (-ed covers past and participle). */
  form: VerbForm | null;
  /** A capital letter not at the start of the sentence (a name). */
  readonly capital: boolean;
  /** NUM words: the mention they stand for. */
  readonly mention: NumberMention | null;
  /** Index of the token this word starts at (for going back to the token stream). */
  readonly token: number;
}

// Relative pronouns and true subordinators open a clause; "as", "after"… are prepositions too.
const CLAUSE_ONLY: ReadonlySet<string> = new Set(['who', 'whom', 'whose', 'which', 'when', 'while', 'whilst', 'where', 'because', 'although', 'though', 'if', 'unless', 'whereas']);

function isKnownNoun(lower: string): boolean {
  return PERSON_NOUNS.has(lower) || FACILITY_NOUNS.has(lower) || THING_NOUNS.has(lower) || ANIMAL_NOUNS.has(lower)
    || TIME_NOUNS.has(lower) || OTHER_NOUNS.has(lower) || NOUNS_LIKE_VERBS.has(lower) || LY_NOUNS.has(lower) || predicatesOf('n', lower).length > 0;
}

function word(t: Token, index: number, pos: Pos, lemma: string, form: VerbForm | null, capital: boolean, mention: NumberMention | null = null): Word {
  return { text: t.text, lower: t.lower, start: t.start, end: t.end, pos, lemma, form, capital, mention, token: index };
}

/** Tags the tokens of one sentence; `mentions` (in token order) become one NUM word each. */
export function tagSentence(tokens: readonly Token[], text: string, mentions: readonly NumberMention[]): Word[] {
  const words: Word[] = [];
  let m = 0;
  for (let i = 0; i < tokens.length; i++) {
    const mention = mentions[m];
    if (mention && mention.tokenStart === i) {
      const t = tokens[i]!;
      words.push({ text: text.slice(mention.start, mention.end), lower: text.slice(mention.start, mention.end).toLowerCase(), start: mention.start, end: mention.end, pos: 'NUM', lemma: '#', form: null, capital: false, mention, token: i });
      i = mention.tokenEnd - 1;
      m++;
      void t;
      continue;
    }
    const t = tokens[i]!;
    const capital = i > 0 && startsUpper(t.text) && tokens[i - 1]!.text !== '"' && tokens[i - 1]!.text !== '“';
    words.push(capital || t.shape !== 'word' ? firstPass(t, i, capital) : cachedPass(t, i));
  }
  contextPass(words);
  return words;
}

// The first pass of a lower-case word depends on the word alone: remembered per word, bounded.
const passCache = new Map<string, { pos: Pos; lemma: string; form: VerbForm | null }>();

function cachedPass(t: Token, i: number): Word {
  const hit = passCache.get(t.lower);
  if (hit) return word(t, i, hit.pos, hit.lemma, hit.form, false);
  const w = firstPass(t, i, false);
  if (passCache.size < 20_000) passCache.set(t.lower, { pos: w.pos, lemma: w.lemma, form: w.form });
  return w;
}

function firstPass(t: Token, i: number, capital: boolean): Word {
  const lower = t.lower;
  if (t.shape === 'mark') return word(t, i, /^[$€£¥₹%&@#+=<>|/\\°]$/.test(t.text) ? 'SYM' : 'PUNCT', t.text, null, false);
  if (t.shape === 'digits') return word(t, i, 'NUM', '#', null, false);
  if (lower === "'s" || lower === '’s') return word(t, i, 'PART', "'s", null, false);
  if (lower === "n't" || lower === 'n’t') return word(t, i, 'PART', 'not', null, false);
  if (lower === 'not' || lower === 'never') return word(t, i, 'PART', 'not', null, false);
  const aux = AUXILIARIES.get(lower);
  if (aux) return word(t, i, 'AUX', aux === 'modal' ? lower : aux, null, false);
  if (CONJUNCTIONS.has(lower)) return word(t, i, 'CCONJ', lower, null, false);
  if (CLAUSE_ONLY.has(lower) || lower === 'that') return word(t, i, 'SCONJ', lower, null, false);
  if (PRONOUNS.has(lower) && lower !== 'one') return word(t, i, 'PRON', lower, null, false);
  if (DETERMINERS.has(lower)) return word(t, i, 'DET', lower, null, false);
  if (PREPOSITIONS.has(lower)) return word(t, i, 'ADP', lower, null, false);
  if (SUBORDINATORS.has(lower)) return word(t, i, 'SCONJ', lower, null, false);
  // "wounded Thursday", "killed overnight": words of time are adverbs, never objects.
  if (TIME_WORDS.has(lower)) return word(t, i, 'ADV', lower, null, capital);
  // A capital inside a sentence starts a name ("Kogi State", "Roll Back Malaria"), never a verb.
  if (capital && !PERSON_NOUNS.has(lower)) return word(t, i, 'PROPN', t.text, null, true);
  const verb = knownVerb(lower);
  if (verb) return word(t, i, 'VERB', verb.lemma, verb.form, capital);
  if (ADJECTIVES.has(lower)) return word(t, i, 'ADJ', lower, null, capital);
  // "wounded Thursday", "killed overnight": words of time are adverbs, never objects.
  if (TIME_WORDS.has(lower)) return word(t, i, 'ADV', lower, null, capital);
  if (isKnownNoun(lower)) return word(t, i, 'NOUN', lower, null, capital);
  if (ADVERBS.has(lower)) return word(t, i, 'ADV', lower, null, capital);
  if (capital) return word(t, i, 'PROPN', t.text, null, true);
  if (lower.endsWith('ly') && lower.length > 4) return word(t, i, 'ADV', lower, null, false);
  // "heat-related", "rain-soaked", "well-known": a hyphenated participle describes.
  if (lower.includes('-') && (lower.endsWith('ed') || lower.endsWith('ing') || lower.endsWith('known'))) return word(t, i, 'ADJ', lower, null, capital);
  if ((lower.endsWith('ed') || lower.endsWith('ing')) && lower.length > 4) {
    return word(t, i, 'VERB', guessLemma(lower), lower.endsWith('ing') ? 'ing' : 'ed', false);
  }
  return word(t, i, 'NOUN', lower, null, false);
}

/** Context: a verb form after a determiner is a noun ("the killing"), "that" before a noun is a determiner. */
function contextPass(words: Word[]): void {
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    const prev = words[i - 1];
    const next = words[i + 1];
    if (w.pos === 'VERB' && prev && (prev.pos === 'DET' || prev.lemma === "'s") && w.form !== 'ed' && w.form !== 'irregular') {
      w.pos = 'NOUN';
      w.lemma = w.lower;
      w.form = null;
    } else if (w.pos === 'VERB' && (w.form === 'base' || w.form === 's') && prev && (((isKnownNoun(w.lower) || w.form === 's') && (prev.pos === 'ADJ' || prev.pos === 'NUM')) || (prev.pos === 'ADP' && prev.lower !== 'to'))) {
      // "heat-related causes", "58 lives", "on board": after an adjective, a number or a preposition, a noun.
      w.pos = 'NOUN';
      w.lemma = w.lower;
      w.form = null;
    } else if (w.pos === 'ADJ' && isKnownNoun(w.lower) && prev && !(next && (next.pos === 'NOUN' || next.pos === 'ADJ' || next.pos === 'PROPN'))
      && (prev.pos === 'DET' || prev.pos === 'NUM' || (predicatesOf('s', w.lower).length === 0 && (prev.pos === 'ADJ' || prev.pos === 'NOUN' || prev.pos === 'PROPN')))) {
      // "a government official", "the dead", "15 dead": an adjective that ends its phrase is its noun.
      w.pos = 'NOUN';
    } else if (w.pos === 'VERB' && w.form === 's' && numberBefore(words, i)) {
      // "two air raids", "three suicide bombings": the noun a number counts.
      w.pos = 'NOUN';
      w.lemma = w.lower;
      w.form = null;
    } else if (w.pos === 'VERB' && (w.form === 'base' || (w.form === 's' && prev?.lower.endsWith('s'))) && prev && (prev.pos === 'NOUN' || prev.pos === 'ADJ') && determinerBefore(words, i) && !(next && (next.pos === 'DET' || next.pos === 'NUM' || next.pos === 'PRON'))) {
      // "the Muslim call to prayer", "an unexploded mortar round": a base form inside a determiner's phrase.
      w.pos = 'NOUN';
      w.lemma = w.lower;
      w.form = null;
    } else if (w.pos === 'VERB' && (w.form === 'ed' || w.form === 'irregular') && prev?.pos === 'DET' && prev.lower === 'the' && !(next && (next.pos === 'NOUN' || next.pos === 'ADJ' || next.pos === 'PROPN' || next.pos === 'ADP'))) {
      // "the injured", "the dead were": a participle after "the" that ends its phrase is a noun.
      w.pos = 'NOUN';
      w.lemma = w.lower;
    } else if (w.lower === 'that' && prev?.lower === 'of' && !(next && next.pos === 'NOUN')) {
      // "9% of that had been secured": a pronoun.
      w.pos = 'PRON';
    } else if (w.lower === 'that' && w.pos === 'SCONJ' && next && next.pos === 'NOUN' && (prev?.pos === 'ADP' || !(words[i + 2]?.pos === 'VERB' || words[i + 2]?.pos === 'AUX'))) {
      w.pos = 'DET';
    } else if (w.pos === 'NOUN' && w.lower.endsWith('s') && prev && (prev.pos === 'PRON' || (prev.pos === 'NOUN' && prev.capital)) && knownVerb(w.lower)) {
      // "it kills", "UNICEF estimates": a third-person verb after a subject.
      const verb = knownVerb(w.lower)!;
      w.pos = 'VERB';
      w.lemma = verb.lemma;
      w.form = verb.form;
    }
  }
}

/** A determiner opens the phrase this word is in: "the [Muslim call]", "an [unexploded mortar round]". */
function determinerBefore(words: readonly Word[], i: number): boolean {
  for (let k = i - 1; k >= 0 && k >= i - 4; k--) {
    const w = words[k]!;
    if (w.pos === 'DET' || (w.pos === 'ADP' && k < i - 1 && isKnownNoun(words[i]!.lower))) return true;
    if (!(w.pos === 'NOUN' || w.pos === 'ADJ' || w.pos === 'PROPN' || (w.pos === 'VERB' && (w.form === 'ed' || w.form === 'ing')))) return false;
  }
  return false;
}

/** A number opens the phrase this word is in: "two [air raids]". */
function numberBefore(words: readonly Word[], i: number): boolean {
  for (let k = i - 1; k >= 0 && k >= i - 3; k--) {
    const w = words[k]!;
    if (w.pos === 'NUM') return true;
    if (!(w.pos === 'NOUN' || w.pos === 'ADJ')) return false;
  }
  return false;
}
