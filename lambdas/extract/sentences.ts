/** Sentence splitting with character offsets into `article.text`. */

export interface Sentence {
  readonly index: number;
  /** Which paragraph (0-based) the sentence sits in. */
  readonly paragraph: number;
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

// A full stop after these is not the end of a sentence ("Dr Sawah", "U.S. officials", "Sept. 3").
const ABBREVIATIONS = new Set([
  'mr', 'mrs', 'ms', 'dr', 'prof', 'gen', 'col', 'lt', 'sgt', 'capt', 'maj', 'cmdr', 'adm', 'gov', 'sen',
  'rep', 'rev', 'st', 'jr', 'sr', 'no', 'nos', 'vs', 'etc', 'approx', 'est', 'inc', 'ltd', 'co', 'corp',
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
