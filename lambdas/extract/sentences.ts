/** Sentence splitting with character offsets into `article.text`. */
import { hasLetter } from './letters';
import { letterPattern, patternFor, testIn } from '../core/letter-patterns';

export interface Sentence {
  readonly index: number;
  /** Which paragraph (0-based) the sentence sits in. */
  readonly paragraph: number;
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

/** Titles and ranks written before a name, abbreviated with a full stop ("Dr. Sana Qureshi", "Lt. Col. Ali"). */
export const NAME_TITLE_ABBREVIATIONS: readonly string[] = [
  'mr', 'mrs', 'ms', 'mx', 'mme', 'dr', 'prof', 'gen', 'col', 'lt', 'sgt', 'capt', 'maj', 'cmdr', 'cdr', 'adm',
  'brig', 'cpl', 'pvt', 'pte', 'supt', 'insp', 'det', 'gov', 'sen', 'rep', 'rev', 'fr', 'hon', 'st', 'jr', 'sr',
];

// A full stop after these is not the end of a sentence ("Dr Sawah", "U.S. officials", "Sept. 3").
const ABBREVIATIONS = new Set([
  ...NAME_TITLE_ABBREVIATIONS,
  'no', 'nos', 'vs', 'etc', 'approx', 'est', 'inc', 'ltd', 'co', 'corp',
  'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec', 'fig', 'vol',
  'mt', 'ft', 'rs', 'pp', 'para', 'art',
]);

// Bounded runs, starting only at the start of a run: a megabyte of dots stays linear.
const CANDIDATE_END = /(?<![.!?])[.!?]{1,8}["”’)\]]{0,3}(?=\s)/g;

/** True when the full stop at `dot` ends an abbreviation, an initial or a dotted acronym. */
function isAbbreviation(text: string, dot: number): boolean {
  let start = dot;
  // Abbreviations are short; the bound keeps a megabyte of letters linear.
  while (start > 0 && dot - start < 12 && /[A-Za-z.]/.test(text[start - 1]!)) start--;
  const word = text.slice(start, dot);
  if (word.length === 0) return false;
  if (word.includes('.')) return true; // U.S. / a.m. / e.g.
  if (word.length === 1 && /[A-Z]/.test(word)) return true; // an initial: "J. Smith"
  return ABBREVIATIONS.has(word.toLowerCase());
}

/**
 * Stands in for a full stop that does not end anything ("Dr. Sana Qureshi", "K. Rao", "U.S.
 * officials"), so patterns that stop at a full stop read a name through. One character for one,
 * so offsets into the masked text are offsets into the text.
 */
export const MASKED_DOT = '\u2024';

// Module-level: esbuild turns a `\p{…}` literal into a RegExp built where it is written (letters.ts).
const INNER_DOT = letterPattern(String.raw`\.(?=\p{L}|\s+\S)`, 'gu');
const CAPITAL_NEXT = letterPattern(String.raw`^\s+\p{Lu}`, 'u');

/**
 * `text` with the full stops inside a sentence replaced by {@link MASKED_DOT}: after a title or an
 * initial ("Dr. Sana", "K. Rao", always), inside a dotted acronym ("U.S"), and after other
 * abbreviations and acronyms unless a capital follows ("Sept. 3", "U.S. officials", but "in the
 * U.S. The group said" keeps its full stop: that one may end a sentence).
 */
export function maskAbbreviationDots(text: string): string {
  return text.replace(patternFor(text, INNER_DOT), (dot, at: number) => {
    const word = /[A-Za-z.]{0,12}$/.exec(text.slice(Math.max(0, at - 12), at))?.[0].replace(/^\.+/, '') ?? '';
    if (word === '' || !/[A-Za-z]$/.test(word)) return dot;
    if (hasLetter(text[at + 1]!)) return word.length === 1 || word.includes('.') ? MASKED_DOT : dot;
    const bare = word.toLowerCase();
    if (/^[A-Z]$/.test(word) || NAME_TITLE_ABBREVIATIONS.includes(bare)) return MASKED_DOT;
    if (!word.includes('.') && !ABBREVIATIONS.has(bare)) return dot;
    const next = text.slice(at + 1, at + 8);
    return testIn(CAPITAL_NEXT, next) ? dot : MASKED_DOT;
  });
}

/** Undoes {@link maskAbbreviationDots} in a piece of masked text. */
export const unmaskDots = (text: string): string => text.replaceAll(MASKED_DOT, '.');

/** Titles and ranks written before a name, with or without a full stop ("Dr", "Dr.", "Colonel", "Lt. Col."). */
export const HONORIFIC_WORDS: ReadonlySet<string> = new Set([
  'Dr', 'Mr', 'Mrs', 'Ms', 'Mx', 'Mme', 'Prof', 'Professor', 'Gen', 'General', 'Lt', 'Lieutenant', 'Col', 'Colonel', 'Maj',
  'Major', 'Capt', 'Captain', 'Sgt', 'Sergeant', 'Brig', 'Brigadier', 'Cpl', 'Corporal', 'Adm', 'Admiral', 'Cmdr', 'Cdr',
  'Commander', 'Supt', 'Insp', 'Inspector', 'Det', 'Rev', 'Reverend', 'Fr', 'Father', 'Hon', 'Gov', 'Sen', 'Rep', 'St',
  'Sheikh', 'Sir', 'Dame', 'Lord', 'Lady', 'Imam', 'Rabbi', 'Bishop', 'Archbishop', 'Cardinal', 'Judge', 'Justice',
]);
const HONORIFIC_LOWER: ReadonlySet<string> = new Set([...HONORIFIC_WORDS].map((w) => w.toLowerCase()));
const bareWord = (word: string): string => word.replace(new RegExp(`[.${MASKED_DOT}]$`), '');

/** True for a title written before a name: "Dr", "Dr.", "Colonel". `exact` keeps the capitals as listed. */
export const isHonorific = (word: string, exact = true): boolean => (exact ? HONORIFIC_WORDS.has(bareWord(word)) : HONORIFIC_LOWER.has(bareWord(word).toLowerCase()));

/** The titles at the start of `name` with the space after them ("Lt. Col. "), or ''. */
export function leadingHonorifics(name: string): string {
  let at = 0;
  for (const m of name.matchAll(/\S+\s+/g)) {
    if (m.index !== at || !isHonorific(m[0].trim())) break;
    at += m[0].length;
  }
  return name.slice(0, at);
}

const SHORT_ABBREVIATION = letterPattern(`^\\p{L}{1,4}[.${MASKED_DOT}]$`, 'u');

/** A title or an abbreviation standing alone ("Dr", "Gen.", "Lt. Col."): a name cut at its full stop, never a speaker or a source. */
export function isTitleAlone(who: string): boolean {
  const words = who.trim().split(/\s+/);
  if (words.length === 1 && testIn(SHORT_ABBREVIATION, words[0]!)) return true;
  return words[0] !== '' && words.every((w) => isHonorific(w, false));
}

function splitParagraph(text: string, from: number, to: number, paragraph: number, out: Sentence[]): void {
  let start = from;
  CANDIDATE_END.lastIndex = from;
  for (let m = CANDIDATE_END.exec(text); m && m.index < to; m = CANDIDATE_END.exec(text)) {
    const end = m.index + m[0].length;
    if (end >= to) break;
    if (m[0][0] === '.' && m[0].length === 1 && isAbbreviation(text, m.index)) continue;
    // The next sentence starts with a capital, a digit or an opening quote.
    let next = end;
    while (next < to && /\s/.test(text[next]!)) next++;
    if (next >= to || !/[A-Z0-9"“‘'(\u00C0-\u024F]/.test(text[next]!)) continue;
    push(text, start, end, paragraph, out);
    start = next;
  }
  push(text, start, to, paragraph, out);
}

function push(text: string, start: number, end: number, paragraph: number, out: Sentence[]): void {
  while (start < end && /\s/.test(text[start]!)) start++;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  if (end > start) out.push({ index: out.length, paragraph, start, end, text: text.slice(start, end) });
}

/** Paragraphs are separated by blank lines in `article.text`; a sentence never crosses one. */
export function splitSentences(text: string): Sentence[] {
  const out: Sentence[] = [];
  const breaks = /\n\s*\n/g;
  let start = 0;
  let paragraph = 0;
  for (let m = breaks.exec(text); m; m = breaks.exec(text)) {
    splitParagraph(text, start, m.index, paragraph++, out);
    start = m.index + m[0].length;
  }
  splitParagraph(text, start, text.length, paragraph, out);
  return out;
}
