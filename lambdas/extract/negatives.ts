/**
 * Numbers that are not figures: years, days of the month, clock times, ages, durations, list
 * positions, numbers inside names, addresses, phone numbers, scores. One named rule a reason,
 * each a test over the number's neighbouring words, with the examples and counter-examples
 * that are its tests (tests/extract/negatives.test.ts runs them).
 */
import type { NumberMention } from './numbers';
import type { Word } from './tagger';
import {
  AGE_BOUNDS, AGE_CUES, CLOCK_WORDS, MONTHS, MODIFIER_NOUNS, MULTIPLIER_WORDS, NAME_AFTER_NUMBER, NAME_BEFORE_NUMBER, PERSON_NOUNS,
  PHONE_CUES, TIME_NOUNS,
} from './lexicon';
import { endsWithLetter, startsUpper, startsWithLetter } from './letters';
import { execIn, letterPattern } from '../core/letter-patterns';

export type NotFigureReason =
  | 'year' | 'day_of_month' | 'date' | 'clock' | 'age' | 'duration' | 'ordinal' | 'list_position'
  | 'name' | 'address' | 'phone' | 'multiplier' | 'score';

export interface NotFigureContext {
  readonly text: string;
  readonly words: readonly Word[];
  /** Index of the NUM word. */
  readonly n: number;
  readonly m: NumberMention;
  /** Character ranges of phone numbers and numeric dates in the article. */
  readonly phones: readonly (readonly [number, number])[];
}

export interface NotFigureRule {
  readonly name: string;
  readonly reason: NotFigureReason;
  readonly test: (c: NotFigureContext) => boolean;
  /** Sentences and the value in them that is not a figure. */
  readonly examples: readonly { readonly text: string; readonly value: number }[];
  /** Sentences where that value is a figure. */
  readonly counterExamples: readonly { readonly text: string; readonly value: number }[];
}

const PHONE = /(?:\+\d{1,3}[\s.-]?)?(?:\(\d{1,5}\)[\s.-]?)?\d{1,5}(?:[\s.-]\d{2,8})+/g;
const NUMERIC_DATE = /\b(?:\d{4}-\d{2}-\d{2}|\d{1,2}\/\d{1,2}\/\d{2,4}|\d{1,2}\.\d{1,2}\.\d{4})\b/g;
const THOUSANDS_GROUPS = /^\d{1,3}(?:[ \u00a0\u202f\u2009]\d{3})+$/;

/** Character ranges that hold phone numbers or numeric dates; a mention inside one is not a figure. */
export function phoneAndDateRanges(text: string): [number, number][] {
  const out: [number, number][] = [];
  PHONE.lastIndex = 0;
  for (let m = PHONE.exec(text); m; m = PHONE.exec(text)) {
    const raw = m[0];
    const digits = raw.replace(/\D/g, '').length;
    if (THOUSANDS_GROUPS.test(raw) || digits < 7) continue;
    // A phone has a prefix, a leading zero, three or more groups, or a long group; "1990-2000" has none.
    const groups = raw.split(/[\s.-]+/);
    if (!/[+(]/.test(raw) && !/^0/.test(raw) && groups.length < 3 && !groups.some((g) => g.length >= 6)) continue;
    out.push([m.index, m.index + raw.length]);
  }
  NUMERIC_DATE.lastIndex = 0;
  for (let m = NUMERIC_DATE.exec(text); m; m = NUMERIC_DATE.exec(text)) out.push([m.index, m.index + m[0].length]);
  return out.sort((a, b) => a[0] - b[0]);
}

function inRanges(ranges: readonly (readonly [number, number])[], at: number): boolean {
  let lo = 0;
  let hi = ranges.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const [s, e] = ranges[mid]!;
    if (at < s) hi = mid - 1;
    else if (at >= e) lo = mid + 1;
    else return true;
  }
  return false;
}

const lowerAt = (c: NotFigureContext, k: number): string => c.words[k]?.lower ?? '';
const textAt = (c: NotFigureContext, k: number): string => c.words[k]?.text ?? '';
const plain = (m: NumberMention): boolean => !m.words && !m.formatted && m.unitKind === null && Number.isInteger(m.value);
/** The raw characters right around the bare number. */
const charBefore = (c: NotFigureContext): string => c.text[c.m.coreStart - 1] ?? '';
const charsAfter = (c: NotFigureContext, n: number): string => c.text.slice(c.m.coreEnd, c.m.coreEnd + n);
// Module-level: esbuild turns a `\p{…}` literal into a RegExp built where it is written (letters.ts).
const HYPHEN_WORD = letterPattern(String.raw`^-(\p{L}{3,})`, 'u');
const HYPHEN_WORD_HYPHEN = letterPattern(String.raw`^-\p{L}+-`, 'u');
const isMonth = (w: string): boolean => MONTHS.has(w.toLowerCase()) && startsUpper(w);

export const NOT_FIGURE_RULES: readonly NotFigureRule[] = [
  {
    name: 'phone-number', reason: 'phone',
    test: (c) => inRanges(c.phones, c.m.coreStart) || (!c.m.words && (PHONE_CUES.has(lowerAt(c, c.n - 1))
      || (['on', 'at', 'number'].includes(lowerAt(c, c.n - 1)) && PHONE_CUES.has(lowerAt(c, c.n - 2))))),
    examples: [{ text: 'For help, call the hotline on 0800 555 0199.', value: 555 }, { text: 'Call 119 for an ambulance.', value: 119 }],
    counterExamples: [{ text: 'The call centre took 119 reports.', value: 119 }],
  },
  {
    name: 'letters-glued-before', reason: 'name',
    // G20, Covid-19, F-16, Mi-17, AK-47: digits glued to letters (a hyphen between counts as glue).
    test: (c) => !c.m.words && c.m.unitKind !== 'currency' && (endsWithLetter(charBefore(c))
      || (charBefore(c) === '-' && endsWithLetter(c.text[c.m.coreStart - 2] ?? '') && !/magnitude-$/i.test(c.text.slice(c.m.coreStart - 10, c.m.coreStart)))),
    examples: [{ text: 'The Covid-19 cases rose.', value: 19 }, { text: 'An AK-47 was found.', value: 47 }, { text: 'The G20 met.', value: 20 }],
    counterExamples: [{ text: 'The magnitude-7 quake killed 12.', value: 12 }],
  },
  {
    name: 'number-in-modifier', reason: 'name',
    // "a 500-bed hospital", "a seven-storey block", "a 100-strong crowd".
    test: (c) => c.m.unitKind === null && execIn(HYPHEN_WORD, charsAfter(c, 12)) !== null && !/^-(?:and|or|to|odd)\b/i.test(charsAfter(c, 5))
      && (c.m.words || MODIFIER_NOUNS.has(execIn(HYPHEN_WORD, charsAfter(c, 14))![1]!.toLowerCase()) || execIn(HYPHEN_WORD_HYPHEN, charsAfter(c, 20)) !== null),
    examples: [{ text: 'A 500-bed hospital opened.', value: 500 }, { text: 'A seven-storey block fell.', value: 7 }],
    counterExamples: [{ text: 'Some 12-15 people were hurt.', value: 12 }],
  },
  {
    name: 'slash-date', reason: 'date',
    test: (c) => !c.m.words && (/^\/\d/.test(charsAfter(c, 2)) || /\d\/$/.test(c.text.slice(c.m.coreStart - 2, c.m.coreStart))),
    examples: [{ text: 'Since 9/11 the rules changed.', value: 9 }, { text: 'It runs 24/7.', value: 7 }],
    counterExamples: [],
  },
  {
    name: 'letters-glued-after', reason: 'name',
    // 5G, 3D, S24 (the S is before): letters glued after digits with no unit read.
    test: (c) => !c.m.words && !c.m.ordinal && c.m.unit === null && startsWithLetter(c.text[c.m.end] ?? '') && c.m.end === c.m.coreEnd,
    examples: [{ text: 'The 5G network failed.', value: 5 }],
    counterExamples: [],
  },
  {
    name: 'clock-time', reason: 'clock',
    test: (c) => /^[:.]\d{2}\b/.test(charsAfter(c, 3)) && !/^[:.]\d{2}\s*(?:%|per|million|billion)/.test(charsAfter(c, 12))
      || /\d:$/.test(c.text.slice(c.m.coreStart - 2, c.m.coreStart))
      || CLOCK_WORDS.has(lowerAt(c, c.n + 1)) && (lowerAt(c, c.n + 1) !== 'h' || c.words[c.n + 1]!.start === c.m.end)
      || (lowerAt(c, c.n + 1) === 'local' && lowerAt(c, c.n + 2) === 'time')
      // "2 a.m.": the dotted form is split into letters and stops by the tokenizer.
      || /^\s*[ap]\.\s?m\b/i.test(charsAfter(c, 7)),
    examples: [{ text: 'The blast came at 9 am.', value: 9 }, { text: 'The slope gave way at around 2 a.m. on Monday.', value: 2 }, { text: 'It landed at 2.15pm.', value: 2.15 }, { text: 'Curfew starts at 2200 GMT.', value: 2200 }],
    counterExamples: [{ text: 'At 9, the toll was 40.', value: 40 }],
  },
  {
    name: 'age', reason: 'age',
    test: (c) => {
      const after = charsAfter(c, 24);
      if (/^(?:[\s-]+(?:year|month|week|day)s?[\s-]+old\b|[\s-]+(?:year|month|week|day)-olds?\b)/i.test(c.text.slice(c.m.end, c.m.end + 24)) || /^[\s-]+(?:year|month)s?[\s-]+old/i.test(after)) return true;
      if (c.m.value > 120 || c.m.unitKind !== null || c.m.formatted) return false;
      // "children under five": the bound was read as the number's qualifier.
      const bound = /(?:^|\s)(under|below|over|above|between)\s+$/i.exec(c.text.slice(Math.max(0, c.m.coreStart - 12), c.m.coreStart));
      const prev = bound && c.m.start < c.m.coreStart ? bound[1]!.toLowerCase() : lowerAt(c, c.n - 1);
      const prev2 = bound && c.m.start < c.m.coreStart ? lowerAt(c, c.n - 1) : lowerAt(c, c.n - 2);
      // "aged 5 to 14", "children under five", "the age of 18".
      // "people from 112 families" is no age: after a person noun only a bound of age counts (under, over, between).
      if (AGE_CUES.has(prev) || (prev === 'of' && prev2 === 'age') || (AGE_BOUNDS.has(prev) && (AGE_CUES.has(prev2) || (PERSON_NOUNS.has(prev2) && prev !== 'from')))) return true;
      if ((prev === 'than' && (prev2 === 'younger' || prev2 === 'older'))) return true;
      // "a boy of 14", "a woman of 60": one person's age.
      if (prev === 'of' && ['boy', 'girl', 'man', 'woman', 'child', 'baby', 'teenager', 'youth', 'son', 'daughter'].includes(prev2) && plain(c.m)) return true;
      // "most of the dead were over 65."
      if (AGE_BOUNDS.has(prev) && (prev2 === 'were' || prev2 === 'was' || prev2 === 'are') && plain(c.m) && /^(?:\s+years?(?:\s+old)?)?\s*[.;,)]/.test(c.text.slice(c.m.end, c.m.end + 16))) return true;
      // "Fadel Ghany, 45, said": a small number between commas right after a name.
      return plain(c.m) && textAt(c, c.n - 1) === ',' && textAt(c, c.n + 1) === ',' && (c.words[c.n - 2]?.capital === true || c.words[c.n - 2]?.pos === 'PROPN');
    },
    examples: [
      { text: 'A 45-year-old man died.', value: 45 }, { text: 'Children under five are most at risk.', value: 5 },
      { text: 'Fadel Ghany, 45, said the shelling had stopped.', value: 45 }, { text: 'Girls aged 12 were taken.', value: 12 },
    ],
    counterExamples: [{ text: 'Officials said 45 people, 12 of them children, died.', value: 45 }],
  },
  {
    name: 'decade-or-year', reason: 'year',
    test: (c) => {
      const after = charsAfter(c, 3);
      if (/^s\b/.test(after) || (/^['’]s\b/.test(after) && c.m.value >= 1900)) return true;
      if (!plain(c.m)) return false;
      if (/^\s*[-–/]\s*\d{2}\b/.test(charsAfter(c, 6)) && c.m.value >= 1900 && c.m.value <= 2100) return true;
      if (c.m.value < 100 && /\b(?:19|20)\d{2}\s*[-–/]\s*$/.test(c.text.slice(c.m.coreStart - 8, c.m.coreStart))) return true;
      const raw = c.text.slice(c.m.coreStart, c.m.coreEnd);
      if (raw.length !== 4 || c.m.value < 1000 || c.m.value > 2100 || c.m.qualifier !== 'exact') return false;
      // "In 2021 gunmen abducted 279 schoolgirls": after a preposition of time it is the year.
      if (['in', 'since', 'during', 'until', 'by', 'before', 'after', 'from', 'of'].includes(lowerAt(c, c.n - 1))) return true;
      const next = c.words[c.n + 1];
      return !(next && (PERSON_NOUNS.has(next.lower) || PERSON_NOUNS.has(lowerAt(c, c.n + 2)) && next.pos === 'ADJ'));
    },
    examples: [{ text: 'The war began in 2015.', value: 2015 }, { text: 'In the 1990s the town grew.', value: 1990 }],
    counterExamples: [{ text: 'Some 2015 people were evacuated.', value: 2015 }],
  },
  {
    name: 'day-of-month', reason: 'day_of_month',
    test: (c) => {
      if (c.m.words || c.m.formatted || !Number.isInteger(c.m.value) || c.m.value < 1 || c.m.value > 31) return false;
      const prev = c.words[c.n - 1];
      const next = c.words[c.n + 1];
      const afterNext = next?.lower === 'of' ? c.words[c.n + 2] : next;
      if (prev && isMonth(prev.text.replace(/\.$/, ''))) return true;
      if (prev?.text === '.' && isMonth(textAt(c, c.n - 2))) return true;
      if (afterNext && isMonth(afterNext.text)) return true;
      // "on 22 and 23 November": the first day of a pair.
      if ((next?.lower === 'and' || next?.lower === 'to' || next?.text === '-' || next?.text === '–') && c.words[c.n + 2]?.pos === 'NUM' && isMonth(textAt(c, c.n + 3))) return true;
      // "April 26 and 27", "June 2-4"; not a dateline's dash before a count ("Nov 4 - At least 23 people").
      const back = c.words[c.n - 2];
      const counted = c.m.qualifier !== 'exact' || next?.pos === 'NOUN';
      return !counted && (prev?.lower === 'and' || prev?.lower === 'to' || prev?.text === '-' || prev?.text === '–') && back?.pos === 'NUM' && isMonth(textAt(c, c.n - 3));
    },
    examples: [{ text: 'The strike came on April 26.', value: 26 }, { text: 'On 4 April 1949 it was signed.', value: 4 }, { text: 'Talks ran on June 2-4 in Geneva.', value: 4 }],
    counterExamples: [{ text: 'Since April, 26 people have died.', value: 26 }, { text: 'MEDELLIN, Nov 4 - At least 23 people were killed.', value: 23 }],
  },
  {
    name: 'duration', reason: 'duration',
    test: (c) => {
      if (c.m.unitKind !== null) return false;
      let k = c.n + 1;
      if (['more', 'other', 'consecutive', 'straight', 'full', 'successive', 'long'].includes(lowerAt(c, k))) k++;
      if (lowerAt(c, k) === 'and' && lowerAt(c, k + 1) === 'a' && lowerAt(c, k + 2) === 'half') k += 3;
      return TIME_NOUNS.has(lowerAt(c, k)) || /^-(?:year|month|week|day|hour|minute)s?\b/i.test(charsAfter(c, 8));
    },
    examples: [{ text: 'In the past 24 hours 12 people died.', value: 24 }, { text: 'The siege lasted two weeks.', value: 2 }],
    counterExamples: [{ text: 'In the past day 12 people died.', value: 12 }],
  },
  {
    name: 'multiplier', reason: 'multiplier',
    test: (c) => c.m.unitKind === null && (MULTIPLIER_WORDS.has(lowerAt(c, c.n + 1)) || /^-fold\b/i.test(charsAfter(c, 6))),
    examples: [{ text: 'Cases rose three times faster.', value: 3 }],
    counterExamples: [],
  },
  {
    name: 'ordinal', reason: 'ordinal',
    // "the 30th facility to be bombed" counts facilities hit so far.
    test: (c) => c.m.ordinal && !/^\s+(?:[a-z-]+\s+){0,2}?[a-z-]+\s+(?:to\s+(?:be|have\s+been)|(?:so\s+far|this\s+year)\s+to)\b/i.test(c.text.slice(c.m.end, c.m.end + 60)),
    examples: [{ text: 'It was the 25th attack this year.', value: 25 }],
    counterExamples: [{ text: 'It was the 30th hospital to be bombed.', value: 30 }],
  },
  {
    name: 'name-before', reason: 'name',
    // "Highway 7", "Resolution 2254", "Apollo 11", "Category 4", "iPhone 15".
    test: (c) => !c.m.words && (NAME_BEFORE_NUMBER.has(textAt(c, c.n - 1)) || (NAME_BEFORE_NUMBER.has(lowerAt(c, c.n - 1)) && /^[a-z]/.test(textAt(c, c.n - 1)) && c.m.unitKind === null) || (textAt(c, c.n - 1) === '.' && NAME_BEFORE_NUMBER.has(`${textAt(c, c.n - 2)}.`))
      || (c.words[c.n - 1]?.capital === true && /^[A-Z][a-z]*[A-Z]/.test(textAt(c, c.n - 1)))),
    examples: [{ text: 'The Security Council adopted Resolution 2254.', value: 2254 }, { text: 'Apollo 11 landed.', value: 11 }],
    counterExamples: [{ text: 'In Gaza 11 people died.', value: 11 }],
  },
  {
    name: 'name-closing', reason: 'name',
    // "the rescue ship Mare Libero 9, which …": a number closing a capitalised name.
    test: (c) => plain(c.m) && c.m.value < 1000 && c.words[c.n - 1]?.pos === 'PROPN' && c.words[c.n - 2]?.pos === 'PROPN'
      && (/^\s*[,;)]/.test(c.text.slice(c.m.end, c.m.end + 3)) || ['which', 'that', 'who'].includes(lowerAt(c, c.n + 1))) && !['in', 'at', 'of'].includes(lowerAt(c, c.n - 3)),
    examples: [{ text: 'The charity rescue ship Mare Libero 9, which was nearby, stood by.', value: 9 }],
    counterExamples: [{ text: 'In Gaza City 9 people died.', value: 9 }],
  },
  {
    name: 'name-after', reason: 'name',
    // "Troops from 1 Division", "3 Commando Brigade".
    test: (c) => !c.m.words && c.m.value < 1000 && NAME_AFTER_NUMBER.has(textAt(c, c.n + 1)),
    examples: [{ text: 'Troops from 1 Division killed 12 bandits.', value: 1 }],
    counterExamples: [{ text: 'Troops from the division killed 12 bandits.', value: 12 }],
  },
  {
    name: 'address', reason: 'address',
    test: (c) => !c.m.words && (lowerAt(c, c.n - 1) === 'box' || /^[A-Za-z]?\s+(?:[A-Z][a-z]+\s+){1,3}(?:Street|St|Road|Rd|Avenue|Ave|Boulevard|Blvd|Lane|Drive|Dr|Square|Place|Way|Close|Crescent|Terrace)\b/.test(c.text.slice(c.m.end, c.m.end + 60))),
    examples: [{ text: 'The office at 12 Main Street closed.', value: 12 }],
    counterExamples: [],
  },
  {
    name: 'list-position', reason: 'list_position',
    test: (c) => plain(c.m) && c.m.value < 100 && ((/(?:^|\n)\s*\(?$/.test(c.text.slice(Math.max(0, c.m.coreStart - 3), c.m.coreStart)) && /^[.)]\s/.test(charsAfter(c, 2)))
      || (/\(\s*$/.test(c.text.slice(c.m.coreStart - 2, c.m.coreStart)) && /^\s*\)/.test(charsAfter(c, 2)))),
    examples: [{ text: '1. Stay indoors during the storm.', value: 1 }],
    counterExamples: [],
  },
  {
    name: 'pronoun-one', reason: 'name',
    // "one of the worst", "no one", "one another".
    test: (c) => c.m.words && c.m.value === 1 && (['of', 'another', 'other', 'day', 'side', 'hand', 'way', 'time', 'after'].includes(lowerAt(c, c.n + 1))
      || ['no', 'any', 'every', 'some', 'the', 'this', 'that', 'which', 'each'].includes(lowerAt(c, c.n - 1))),
    examples: [{ text: 'It was one of the worst floods.', value: 1 }],
    counterExamples: [],
  },
  {
    name: 'score', reason: 'score',
    // "lost 112-108 to the Celtics": two numbers joined by a dash, the second not larger.
    test: (c) => !c.m.words && plain(c.m) && c.m.max === null && /^[-–]\d+/.test(charsAfter(c, 6)) && Number(/^[-–](\d+)/.exec(charsAfter(c, 8))![1]) <= c.m.value
      || /\d[-–]$/.test(c.text.slice(c.m.coreStart - 2, c.m.coreStart)) && !c.m.words && Number(/(\d+)[-–]$/.exec(c.text.slice(Math.max(0, c.m.coreStart - 8), c.m.coreStart))?.[1] ?? NaN) >= c.m.value,
    examples: [{ text: 'The Lakers lost 112-108 to the Celtics.', value: 112 }, { text: 'The Lakers lost 112-108 to the Celtics.', value: 108 }],
    counterExamples: [],
  },
];

/** Why the number at word `n` is not a figure, or null when it may be one. */
export function notFigureReason(c: NotFigureContext): { reason: NotFigureReason; rule: string } | null {
  if (c.m.vague) return null;
  for (const rule of NOT_FIGURE_RULES) if (rule.test(c)) return { reason: rule.reason, rule: rule.name };
  return null;
}
