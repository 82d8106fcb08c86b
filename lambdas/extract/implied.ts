/**
 * Counts the text implies without writing them as one number: a single victim ("gunmen shot
 * dead a retired judge" is 1 killed) and a sum written out ("a judge and seven members of his
 * family were killed" is 8, beside the 7). Each is marked `derived` and keeps the words it was
 * read from as its text and span.
 */
import { PEOPLE_CATEGORIES, type Category } from '../contract/categories';
import type { Draft } from './refiners';
import type { Word } from './tagger';
import { HARM_WORDS, PERSON_NOUNS, knownVerb, personBySuffix, predicatesOf, singular, type PredicateEntry } from './lexicon';
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
const COLLECTIVE: ReadonlySet<string> = new Set(['people', 'police', 'staff', 'crew', 'personnel', 'militia', 'opposition', 'others', 'other', 'dead', 'wounded', 'injured', 'missing', 'displaced', 'homeless', 'hungry', 'elderly', 'youth', 'gang', 'aid', 'humanitarian', 'family', 'couple', 'casualty', 'casualties', 'victim', 'local']);
const STOP_PREPOSITIONS: ReadonlySet<string> = new Set(['in', 'at', 'on', 'near', 'during', 'after', 'before', 'since', 'by', 'across', 'outside', 'inside', 'around', 'throughout', 'amid', 'as', 'while', 'when', 'for', 'over', 'into', 'from', 'following', 'late', 'early']);
const SINGULAR_DETERMINERS: ReadonlySet<string> = new Set(['a', 'an', 'the', 'his', 'her', 'their', 'its', 'another', 'one']);
const NO_SUM: ReadonlySet<string> = new Set(['including', 'among', 'mostly', 'mainly', 'all', 'both', 'most']);

const IMPLIED: readonly Category[] = ['killed', 'injured', 'missing', 'detained', 'displaced', 'affected'];

function peopleCategory(entries: readonly PredicateEntry[], kinds: readonly string[]): Category | null {
  for (const e of entries) if (kinds.includes(e.kind) && IMPLIED.includes(e.category)) return e.category;
  return null;
}

/** The gravest category among the entries: killed before injured before missing… */
function gravest(entries: readonly PredicateEntry[], kinds: readonly string[]): Category | null {
  const found = entries.filter((e) => kinds.includes(e.kind)).map((e) => e.category).filter((c) => IMPLIED.includes(c));
  return found.length ? [...found].sort((a, b) => IMPLIED.indexOf(a) - IMPLIED.indexOf(b))[0]! : null;
}

/** Entries of the verbs coordinated with group `gi`: "was stabbed and then beheaded", "were waylaid and killed". */
function coordinated(s: Structure, gi: number): PredicateEntry[] {
  const out: PredicateEntry[] = [];
  for (let j = gi + 1; j < s.groups.length; j++) {
    const prev = s.groups[j - 1]!;
    const next = s.groups[j]!;
    const between = s.words.slice(prev.end, next.start);
    if (between.length > 3 || !between.some((w) => w.lower === 'and' || w.lower === 'or') || !between.every((w) => w.pos === 'CCONJ' || w.pos === 'ADV' || w.text === ',')) break;
    if (next.finite && !next.passive && next.start > 0 && s.words[next.start]!.pos === 'AUX') break;
    for (const e of predicateAt(s.words, next.head)?.entries ?? []) out.push(e);
    const r = resultAt(s.words, next.end);
    if (r) for (const e of r.entries) out.push(e);
  }
  return out;
}

/** Where each verb group's or harm noun's patient is written. */
function patients(s: Structure): Patient[] {
  const { words } = s;
  const out: Patient[] = [];
  for (let gi = 0; gi < s.groups.length; gi++) {
    const g = s.groups[gi]!;
    if (g.negated || g.modal) continue;
    const p = predicateAt(words, g.head);
    const length = p?.length ?? 1;
    let after = length > 1 ? null : resultAt(words, g.end);
    const complement = !p && g.copula ? complementAt(s, g.end) : null;
    const objectStart = Math.max(g.end, g.head + length) + (after?.length ?? 0);
    const object = words[objectStart];
    const hasObject = !g.passive && !g.copula && object !== undefined && (object.pos === 'DET' || object.pos === 'PROPN' || object.pos === 'NUM'
      || (object.pos === 'NOUN' && personBySuffix(object.lower)) || object.pos === 'ADJ');
    const objectStop = hasObject ? objectEnd(s, objectStart) : objectStart;
    // "hacked an elderly Hindu priest to death": the result after the object.
    if (hasObject && !after) after = resultAt(words, objectStop);
    // "was stabbed and then beheaded": coordinated verbs of one subject; the gravest counts.
    const joined = coordinated(s, gi);
    const entries = [...(after?.entries ?? []), ...(p?.entries ?? complement?.entries ?? []), ...joined];
    if (entries.length === 0) continue;
    const cue = words.slice(g.head, Math.max(g.end, g.head + length) + (after && !hasObject ? after.length : 0)).map((w) => w.lower).join(' ');
    if (hasObject && entries.some((e) => e.kind === 'verb' || e.kind === 'phrase' || e.kind === 'result')) {
      // Active: the object after the verb ("shot dead a retired judge", "assassinated a former member").
      const category = gravest(entries, ['verb', 'result', 'state', 'phrase']);
      if (category) out.push({ category, cue, start: objectStart, end: objectStop });
      continue;
    }
    // "in danger of starving": an -ing with no subject of its own names no victim.
    if ((g.finite || g.passive) && (g.passive || g.copula || entries.some((e) => e.kind === 'intransitive' || e.kind === 'phrase'))) {
      // Passive, state or intransitive: the subject before ("a muezzin … was shot dead", "the mayor has died").
      const category = gravest(entries, ['verb', 'intransitive', 'result', 'state', 'phrase']);
      if (!category) continue;
      const span = subjectSpan(s, g);
      if (span) out.push({ category, cue, start: span[0], end: span[1] });
    }
  }
  // "the killing of a local leader", "the body of a lawyer", "the captain's body".
  for (let k = 0; k + 1 < words.length; k++) {
    const w = words[k]!;
    if (!BODY_NOUNS.has(w.lower) || !(w.pos === 'NOUN' || w.pos === 'VERB')) continue;
    const category = peopleCategory(predicatesOf('n', w.lower), ['noun']);
    if (!category) continue;
    if (words[k + 1]!.lower === 'of') out.push({ category, cue: w.lower, start: k + 2, end: objectEnd(s, k + 2) });
    else if (words[k - 1]?.lemma === "'s") {
      let start = k - 2;
      while (start > 0 && (words[start - 1]!.pos === 'DET' || words[start - 1]!.pos === 'ADJ' || words[start - 1]!.pos === 'NOUN')) start--;
      out.push({ category, cue: w.lower, start, end: k - 1 });
    }
  }
  return out;
}

// Singular nouns of a harm done to one person: "the killing of a local leader", "the body of a lawyer".
const BODY_NOUNS: ReadonlySet<string> = new Set(['killing', 'murder', 'death', 'body', 'assassination', 'abduction', 'kidnapping', 'arrest', 'execution', 'lynching', 'beheading', 'remains', 'slaying', 'detention', 'disappearance']);

function complementAt(s: Structure, at: number): { entries: readonly PredicateEntry[] } | null {
  for (let k = at; k < s.words.length && k < at + 3; k++) {
    const w = s.words[k]!;
    if (w.pos === 'ADV' || w.lower === 'as') continue;
    return predicateAt(s.words, k);
  }
  return null;
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
      // "a judge allied with the Houthis and seven members …": skip the participle's phrase when a new phrase follows "and".
      let j = k + 1;
      while (j < words.length && j < k + 10 && words[j]!.lower !== 'and' && !isBoundary(words[j]) && words[j]!.text !== ',') j++;
      const next = words[j + 1];
      if (words[j]?.lower !== 'and' || !next || !(next.pos === 'DET' || next.pos === 'NUM' || next.pos === 'PROPN')) break;
      k = j - 1;
    }
  }
  return k;
}

/**
 * A name that the text says is a person: "Daphne Caruana Galizia, one of Malta's best known
 * investigative journalists, was killed" — two to four capitalised words followed by an
 * appositive headed by a person noun.
 */
function namedPerson(words: readonly Word[], start: number, end: number, limit: number): { head: number; start: number; end: number } | null {
  const name = words.slice(start, end);
  if (name.length < 2 || name.length > 4 || !name.every((w) => w.pos === 'PROPN' || (w.capital && w.pos !== 'NUM'))) return null;
  // "…, a reporter for a news website, has been shot dead" after the name, or "a former member of the cartel, Luis Reyes" before it.
  if (words[end]?.text === ',') {
    for (let k = end + 1; k < words.length && k < end + 12 && k < Math.max(limit, end + 12); k++) {
      const w = words[k]!;
      if (w.text === ',') break;
      if ((w.pos === 'NOUN' || w.pos === 'PROPN') && personBySuffix(w.lower)) return { head: end - 1, start, end };
    }
  }
  if (words[start - 1]?.text === ',') {
    for (let k = start - 2; k >= 0 && k >= start - 12; k--) {
      const w = words[k]!;
      if (w.text === ',' || isBoundary(w)) break;
      if ((w.pos === 'NOUN' || w.pos === 'PROPN') && personBySuffix(w.lower)) return { head: end - 1, start, end };
    }
  }
  return null;
}

const isNounWord = (w: Word | undefined): boolean => w !== undefined && (w.pos === 'NOUN' || w.pos === 'PROPN' || w.pos === 'ADJ' || w.pos === 'DET' || w.lemma === "'s" || w.text === '-' || (w.pos === 'NUM' && w.mention?.words === true));

/** The subject of `g`: the antecedent of "who", the phrase before an appositive, or the clause before the verb. */
function subjectSpan(s: Structure, g: VerbGroup): [number, number] | null {
  const { words } = s;
  // "a pastor who has been missing", "a businessman who was critical of …, was shot dead": the phrase before "who".
  let who = words[g.start - 1]?.lower === 'who' ? g.start - 1 : words[g.start - 2]?.lower === 'who' && words[g.start - 1]!.pos === 'ADV' ? g.start - 2 : -1;
  if (who < 0) {
    for (let j = g.start - 1; j >= 0 && j >= g.start - 25; j--) {
      const w = words[j]!;
      if (w.lower === 'who') { who = -(j + 2); break; }
      if (w.text === ';' || w.text === ':' || (w.pos === 'SCONJ' && w.lower !== 'that')) break;
    }
  }
  // A relative clause that ends right before the verb: its antecedent is the subject.
  if (who < -1) {
    let start = -who - 2;
    const end = start;
    while (start > 0 && (isNounWord(words[start - 1]) || words[start - 1]!.text === ',' || ['of', 'in', 'from', 'at'].includes(words[start - 1]!.lower)) && end - start < 14) start--;
    while (start < end && (words[start]!.text === ',' || words[start]!.pos === 'ADP')) start++;
    if (start < end) return [start, end];
    who = -1;
  }
  if (who > 0) {
    let start = who;
    while (start > 0 && (isNounWord(words[start - 1]) || words[start - 1]!.text === ',' || ['of', 'in', 'from', 'at'].includes(words[start - 1]!.lower)) && who - start < 14) start--;
    while (start < who && (words[start]!.text === ',' || words[start]!.pos === 'ADP')) start++;
    return start < who ? [start, who] : null;
  }
  let end = g.start;
  // "The suspect, a 27-year-old man from Luton, was arrested": the phrase before the appositive.
  if (words[end - 1]?.text === ',') {
    let j = end - 2;
    while (j > 0 && words[j]!.text !== ',' && end - j < 14) j--;
    if (words[j]?.text === ',') end = j;
  }
  let start = 0;
  let dashes = 0;
  for (let j = end - 1; j >= 0; j--) {
    const w = words[j]!;
    if (w.text === ')' || w.text === ']') { const open = w.text === ')' ? '(' : '['; while (j > 0 && words[j]!.text !== open) j--; continue; }
    if (w.text === '-' && (words[j - 1]?.text === '-' || words[j + 1]?.text === '-')) { dashes++; continue; }
    if (w.text === '—' || w.text === '–') { dashes++; continue; }
    const group = s.groupAt[j]! >= 0 ? s.groups[s.groupAt[j]!]! : null;
    const verb = group !== null && !group.reduced && group.finite;
    if (isBoundary(w) || (w.text === ',' && dashes % 2 === 0) || verb || w.lower === 'who' || w.lower === 'that') { start = j + 1; break; }
  }
  // "[Luhansk Region's] Starobelsk mayor …", "with the village chief killed": leading brackets and links are not the subject.
  for (;;) {
    const w = words[start];
    if (!w || start >= end) break;
    if (w.text === '[' || w.text === '(') { const close = w.text === '[' ? ']' : ')'; while (start < end && words[start]!.text !== close) start++; start++; continue; }
    if (w.pos === 'ADP' || w.pos === 'CCONJ' || w.pos === 'ADV' || w.pos === 'PUNCT') { start++; continue; }
    break;
  }
  return start < end ? [start, end] : null;
}

/** A single person: "a retired judge", "the mayor", "his friend", "an elderly Hindu priest". */
function singlePerson(words: readonly Word[], start: number, end: number, bare = false): { head: number; start: number; end: number } | null {
  const first = words[start];
  // "killed five … and wounded another": "another" alone is one more person.
  if (first?.lower === 'another' && (end === start + 1 || isBoundary(words[start + 1]) || words[start + 1]!.pos === 'ADP' || words[start + 1]!.text === ',')) return { head: start, start, end: start + 1 };
  // A bare noun phrase ("senior local government official was killed") only where a determiner may be dropped.
  if (!first || !(SINGULAR_DETERMINERS.has(first.lower) || first.pos === 'PROPN' || (bare && (first.pos === 'ADJ' || first.pos === 'NOUN')))) return null;
  for (let k = start + (SINGULAR_DETERMINERS.has(first.lower) ? 1 : 0); k < end && k < start + 9; k++) {
    const w = words[k]!;
    if (w.text === '(') { while (k < end && words[k]!.text !== ')') k++; continue; }
    if (w.text === '.' && k > start && words[k - 1]!.end === w.start) continue;
    // "a 62-year-old shopkeeper", "a nine-year-old boy": an age is a modifier.
    if (w.pos === 'NUM' && !(words[k + 1]?.text === '-' || w.text.includes('-'))) return null;
    if (w.pos === 'VERB' && !(w.form === 'ed' || w.form === 'ing')) return null;
    const lower = w.lower;
    if ((w.pos === 'NOUN' || w.pos === 'PROPN' || w.pos === 'ADJ') && (PERSON_NOUNS.has(lower) || (w.pos === 'NOUN' && personBySuffix(lower) && !isNounWordAfter(words, k, end))) && !COLLECTIVE.has(lower) && singular(lower) === lower && !lower.endsWith('s')) {
      // The head is the last noun of a compound: "an aid worker", "a village head".
      let head = k;
      while (head + 1 < end && words[head + 1]!.pos === 'NOUN' && PERSON_NOUNS.has(words[head + 1]!.lower) && !words[head + 1]!.lower.endsWith('s')) head++;
      if (words[head + 1]?.pos === 'NOUN' && words[head + 1]!.lower.endsWith('s')) return null;
      return { head, start, end: head + 1 };
    }
    if (!(w.pos === 'ADJ' || w.pos === 'NOUN' || w.pos === 'PROPN' || w.pos === 'VERB' || w.pos === 'NUM' || w.text === '-' || w.lemma === "'s")) return null;
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

/** True when a word of the tokens may say harm to people ("shot", "killing", "dead"): only then can a victim be implied. */
export function mayImply(tokens: readonly { readonly lower: string; readonly shape: string }[]): boolean {
  return tokens.some((t) => t.shape === 'word' && (HARM_WORDS.has(t.lower) || HARM_WORDS.has(knownVerb(t.lower)?.lemma ?? '')));
}

/** The figures implied by the sentence's structure, given the drafts already read from its numbers. */
export function impliedFigures(s: Structure, drafts: readonly Draft[], text: string, c: Context): Draft[] {
  const { words } = s;
  const out: Draft[] = [];
  // Most sentences name no harm to people: nothing to imply, nothing to scan.
  const mine = drafts.filter((d) => d.sentenceIndex === c.sentence.index);
  if (!words.some((w) => HARM_WORDS.has(w.lemma) || HARM_WORDS.has(w.lower)) && !mine.some((d) => PEOPLE_CATEGORIES.has(d.category))) return out;
  const draftAt = new Map<number, Draft>();
  for (const d of drafts) if (d.sentenceIndex === c.sentence.index) draftAt.set(d.span[0], d);
  const used = new Set<number>();
  const make = (category: Category, cue: string, from: number, to: number, value: number, rule: string, parts: Draft[], subject: string, subset = false): Draft => {
    const span: [number, number] = [words[from]!.start, words[to - 1]!.end];
    const qualified = parts.find((d) => d.qualifier !== 'exact');
    return {
      value, max: null, text: text.slice(span[0], span[1]), qualifier: qualified?.qualifier ?? 'exact', unit: 'people', unitKind: null,
      category, subject, label: `${subject} ${cue}`.trim(), place: parts[0]?.place ?? null, date: parts[0]?.date ?? null,
      source: parts[0]?.source ?? null, sentence: c.sentence.text, span, vague: false, mentions: [], background: parts.some((d) => d.background),
      sentenceIndex: c.sentence.index, rule, derived: true, earlier: false, subset, additional: false, previousOf: null, parts,
    };
  };
  const personWords = (p: { head: number; start: number; end: number }): string =>
    words.slice(p.start, p.end).filter((w) => !SINGULAR_DETERMINERS.has(w.lower) && w.pos !== 'NUM' && w.text !== '-' && !w.lower.endsWith('-old') && w.lemma !== "'s").map((w) => (w.capital ? w.text : w.lower)).join(' ');
  const found = patients(s);
  for (const p of found) {
    if (p.end <= p.start || used.has(p.start)) continue;
    const including = words.slice(p.start, p.end).findIndex((w) => w.lower === 'including' || w.lower === 'among');
    const end = including >= 0 ? p.start + including : p.end;
    if (words.slice(p.start, end).some((w) => NO_SUM.has(w.lower))) continue;
    // "2,600 and 1,800 families were displaced in Kurram and Bajaur respectively": parallel counts, no sum.
    if (words.some((w) => w.lower === 'respectively')) continue;
    const parts = conjuncts(words, p.start, end);
    let total = 0;
    const numbered: Draft[] = [];
    const singles: { head: number; start: number; end: number }[] = [];
    let ok = parts.length > 0;
    for (const [a, b] of parts) {
      const num = words.slice(a, b).findIndex((w) => w.pos === 'NUM' && !(w.text.includes('-') || words[a + (words.slice(a, b).indexOf(w)) + 1]?.text === '-'));
      if (num >= 0) {
        const w = words[a + num]!;
        const d = draftAt.get(w.mention!.start);
        // Every numbered part must be a figure of the same kind: "10 dead children and 28 wounded" is no sum;
        // "2,600 and 1,800 families": a number with no noun of its own shares the next one's, a parallel count.
        const ownNoun = words.slice(a + num + 1, b).some((x) => x.pos === 'NOUN' || x.pos === 'PROPN');
        if (!d || d.category !== p.category || w.mention!.vague || w.mention!.unitKind !== null || !ownNoun) { ok = false; break; }
        total += w.mention!.value;
        if (d) numbered.push(d);
        continue;
      }
      // Only the first part may drop its determiner: "a lawyer … and relative of …" is one person.
      const person = singlePerson(words, a, b, a === p.start) ?? namedPerson(words, a, b, p.end);
      if (!person && a > p.start && singles.length > 0 && words[a] && (words[a]!.pos === 'NOUN' || words[a]!.pos === 'ADJ')) continue;
      if (!person) { ok = false; break; }
      singles.push(person);
      total += 1;
    }
    if (!ok || total === 0) continue;
    used.add(p.start);
    // Each single person is a figure of 1; two or more parts add up to a sum beside them.
    for (const one of singles) out.push(make(p.category, p.cue, one.start, one.end, 1, 'single-victim', [], personWords(one)));
    if (parts.length > 1) out.push(make(p.category, p.cue, p.start, end, total, 'written-out-sum', numbered, 'people'));
    // "eight people, including the owner of the nightclub": a single person within a total.
    if (including >= 0) {
      const inside = singlePerson(words, p.start + including + 1, p.end);
      if (inside) out.push(make(p.category, p.cue, inside.start, inside.end, 1, 'single-victim', [], personWords(inside), true));
    }
  }
  // "A wounded soldier was taken to hospital", "Another injured person …": a state before the noun says it.
  for (let k = 0; k + 2 < words.length; k++) {
    if (!SINGULAR_DETERMINERS.has(words[k]!.lower) || words[k]!.lower === 'the') continue;
    const state = predicatesOf('s', words[k + 1]!.lower).find((e) => IMPLIED.includes(e.category));
    const noun = words[k + 2]!;
    if (!state || !(noun.pos === 'NOUN' && personBySuffix(noun.lower) && !noun.lower.endsWith('s')) || words[k + 3]?.pos === 'NOUN') continue;
    if (out.some((d) => d.span[0] <= words[k]!.start && d.span[1] >= noun.end) || found.some((p) => p.start <= k && p.end > k)) continue;
    out.push(make(state.category, words[k + 1]!.lower, k, k + 3, 1, 'single-victim', [], noun.lower));
  }
  // "Eight people, including the owner …, have been taken into custody": a single inside a numbered total.
  for (let k = 0; k < words.length; k++) {
    if (words[k]!.lower !== 'including' || used.has(k)) continue;
    const total = [...drafts].reverse().find((d) => d.sentenceIndex === c.sentence.index && d.span[1] <= words[k]!.start && PEOPLE_CATEGORIES.has(d.category) && !d.derived);
    const inside = total ? singlePerson(words, k + 1, Math.min(words.length, k + 9)) : null;
    if (total && inside && !out.some((d) => d.span[0] === words[inside.start]!.start)) {
      out.push(make(total.category, total.label.split(' ').slice(1).join(' ') || total.category, inside.start, inside.end, 1, 'single-victim', [], personWords(inside), true));
    }
  }
  // "A firefighter was injured and 12 others suffered minor injuries": others are in addition; the total is a sum.
  const here = [...drafts.filter((d) => d.sentenceIndex === c.sentence.index), ...out].sort((a, b) => a.span[0] - b.span[0]);
  for (const d of here) {
    if (!d.additional || d.derived || !PEOPLE_CATEGORIES.has(d.category)) continue;
    const before = [...here].reverse().find((b) => b.span[1] <= d.span[0] && b.category === d.category && !b.subset && !b.earlier && b.rule !== 'written-out-sum');
    if (!before || here.some((x) => x.rule === 'written-out-sum' && x.parts.includes(d))) continue;
    const from = words.findIndex((w) => w.start >= before.span[0]);
    const to = words.findIndex((w) => w.end >= d.span[1]);
    if (from < 0 || to < 0) continue;
    out.push(make(d.category, d.label.split(' ').slice(1).join(' ') || d.category, from, to + 1, before.value + d.value, 'written-out-sum', [before, d], 'people'));
  }
  return out;
}

/** Another noun follows inside the phrase ("a computer engineer" is headed by "engineer"). */
function isNounWordAfter(words: readonly Word[], k: number, end: number): boolean {
  return k + 1 < end && words[k + 1]!.pos === 'NOUN';
}
