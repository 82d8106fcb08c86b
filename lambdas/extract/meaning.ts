/**
 * What a number counts: its category, the counted noun phrase (`subject`), a short card label,
 * and the name of the rule that decided it. Amounts, shares and measures are named by their
 * unit and the phrase they are attached to; counts by the meaning rules (rules/meaning-rules.ts)
 * over the number's frame.
 */
import { categoryLabel, PEOPLE_CATEGORIES, type Category } from '../contract/categories';
import type { Frame } from './frame';
import { MEANING_RULES, type Decision } from './rules/meaning-rules';
import { shortTopic, topicAfter, topicBefore } from './topic';
import { isBoundary } from './structure';

export interface Meaning {
  readonly category: Category;
  readonly subject: string;
  readonly label: string;
  /** The rule that decided the category (rules/meaning-rules.ts, or an `amount-…` rule here). */
  readonly rule: string;
}

/** A rule that threw: reported as a problem, the number falls through to the next rule. */
export interface RuleFailure {
  readonly rule: string;
  readonly error: unknown;
}

/** The counted noun phrase as written: modifiers and head ("alleged kidnappers", "UN staff members"). */
export function subjectOf(f: Frame): string {
  const { np, words } = f;
  if (np.head !== null) {
    const from = np.modifiers.length ? Math.min(...np.modifiers.slice(0, 3)) : np.head;
    const phrase = words.slice(from, np.head + 1).filter((w) => w.lower !== 'other' && w.lower !== 'more');
    const text = phrase.map((w) => (w.capital ? w.text : w.lower)).join(' ');
    if (np.ofHead === null || !['members', 'member', 'doses', 'dose', 'tonnes', 'units'].includes(words[np.head]!.lower)) return text;
    // "members of the security forces": the whole compound after "of".
    let from2 = np.ofHead;
    while (from2 > np.head + 2 && (words[from2 - 1]!.pos === 'NOUN' || words[from2 - 1]!.pos === 'ADJ' || words[from2 - 1]!.pos === 'PROPN')) from2--;
    return `${text} of ${words.slice(from2, np.ofHead + 1).map((w) => (w.capital ? w.text : w.lower)).join(' ')}`;
  }
  if (np.partitive?.head !== null && np.partitive?.head !== undefined) {
    const head = words[np.partitive.head]!.lower;
    if (!['them', 'whom', 'those', 'dead', 'injured', 'wounded', 'victims'].includes(head)) return head;
  }
  return np.headWord;
}

const PARTICIPLE = /^[a-z]+(?:ed|en)$|^(?:held|shot|hurt|lost|fled|left|slain|struck|taken)$/;

/** "civilians killed", "people lost their lives", "new cases". */
function labelFor(category: Category, subject: string, decision: Decision, rule: string): string {
  const counted = subject || (PEOPLE_CATEGORIES.has(category) ? 'people' : '');
  if (rule === 'head-noun') return counted;
  const cue = decision.cue.trim();
  const cueWords = cue.split(' ');
  // A participle or a short state reads as written ("lynched", "shot dead", "unaccounted for").
  const readable = cueWords.length <= 3 && (PARTICIPLE.test(cueWords[0]!) || cueWords.length > 1 || ['dead', 'missing', 'homeless', 'injured', 'wounded'].includes(cue));
  const what = readable && !['were', 'was', 'are', 'is'].includes(cueWords[0]!) ? cue : categoryLabel(category);
  return `${counted} ${what}`.trim();
}

function countMeaning(f: Frame, failures: RuleFailure[]): Meaning {
  for (const rule of MEANING_RULES) {
    let decision: Decision | null;
    try {
      decision = rule.match(f);
    } catch (error) {
      failures.push({ rule: rule.name, error });
      continue;
    }
    if (!decision) continue;
    let subject = decision.subject ?? subjectOf(f);
    // "six of them", "14 others": the group is the one counted before.
    if ((!subject || subject === 'others' || subject === 'them') && f.before.length) {
      const prev = [...f.before].reverse().find((d) => d.category === decision!.category);
      if (prev && prev.subject && prev.subject !== 'others') subject = subject === 'others' ? 'others' : prev.subject;
    }
    if (!subject && PEOPLE_CATEGORIES.has(decision.category)) subject = 'people';
    return { category: decision.category, subject, label: labelFor(decision.category, subject, decision, rule.name), rule: rule.name };
  }
  const subject = subjectOf(f);
  return { category: 'other', subject: subject || 'count', label: subject || 'count', rule: 'no-predicate' };
}

/** Text of the sentence's clause before the number, and after it, for naming an amount. */
function around(f: Frame, text: string): { before: string; after: string } {
  const { words, np } = f;
  let from = np.start - 1;
  while (from >= 0 && !(isBoundary(words[from]) && words[from]!.text !== '"')) from--;
  const start = from >= 0 ? words[from]!.end : words[0]!.start;
  const end = words[words.length - 1]!.end;
  return { before: text.slice(start, f.mention.start), after: text.slice(f.mention.end, end) };
}

function amountMeaning(f: Frame, text: string): Meaning {
  const { mention, np, words } = f;
  const { before, after } = around(f, text);
  const head = np.head !== null && !PARTICIPLE.test(np.headWord) ? subjectOf(f) : '';
  if (mention.unitKind === 'percent') {
    // "41% funded", "the response was only 14% funded"
    const next = words[np.num + 1];
    const participle = next && next.pos === 'VERB' && (next.form === 'ed' || next.form === 'irregular') ? next.lower : '';
    const of = np.partitive?.head !== null && np.partitive?.head !== undefined ? words[np.partitive.head]!.lower : '';
    const topic = topicBefore(before);
    const owner = of && !['them', 'it', 'that', 'this', 'those', 'these', 'which'].includes(of) ? of : '';
    const subject = owner || topic || head || 'share';
    const label = [owner ? `share of ${owner}` : topic ? shortTopic(topic) : head, participle].filter(Boolean).join(' ') || 'per cent';
    return { category: 'percentage', subject, label, rule: 'amount-percent' };
  }
  const category: Category = mention.unitKind === 'currency' ? 'money' : 'quantity';
  const ofThing = np.ofHead !== null ? words[np.ofHead]!.lower : '';
  const topic = topicAfter(after) ?? (head || ofThing || topicBefore(before));
  const unitLabel = mention.unitKind === 'measure' ? mention.unit ?? '' : '';
  const label = [topic ? shortTopic(topic) : '', unitLabel].filter(Boolean).join(' ');
  const fallback = mention.unitKind === 'currency' ? 'amount' : mention.unit ?? '';
  return { category, subject: topic || fallback, label: label || fallback, rule: mention.unitKind === 'currency' ? 'amount-money' : 'amount-measure' };
}

/** Category, subject, label and deciding rule of the number in `f`. */
export function meaningOf(f: Frame, text: string, failures: RuleFailure[]): Meaning {
  if (f.mention.unitKind !== null) return amountMeaning(f, text);
  return countMeaning(f, failures);
}
