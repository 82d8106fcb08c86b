/**
 * What a number counts: its category, the counted noun phrase (`subject`), a short card label,
 * and the name of the rule that decided it. Amounts, shares and measures are named by their
 * unit and the phrase they are attached to; counts by the meaning rules (rules/meaning-rules.ts)
 * over the number's frame.
 */
import { categoryLabel, PEOPLE_CATEGORIES, type Category } from '../contract/categories';
import { wordsOf, type Frame } from './frame';
import { MEANING_RULES, type Decision } from './rules/meaning-rules';
import { shortTopic, topicAfter, topicBefore } from './topic';
import { isBoundary } from './structure';
import { FALL_VERBS, MONTHS, plural, RISE_VERBS, SHARE_VERBS, SHARE_WHOLES } from './lexicon';
import { execIn, letterPattern } from '../core/letter-patterns';

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
    const said = phrase.map((w) => (w.capital ? w.text : w.lower));
    // "the 30th facility to be bombed": an ordinal counts the ones so far, named in the plural.
    if (f.mention.ordinal && said.length) said[said.length - 1] = plural(said[said.length - 1]!);
    const text = said.join(' ');
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
const STOP_AFTER: ReadonlySet<string> = new Set(['when', 'while', 'after', 'as', 'because', 'since', 'until', 'and', 'but', 'or', 'including', 'according', 'said']);

/**
 * The words that complete a predicate, for the label: one phrase after it ("in relief camps",
 * "of heat-related causes", "to leave their homes", "without running water", "for gold"), with
 * numbers and articles left out. Stops at a clause break, a new verb or a second phrase.
 */
export function completion(f: Frame, from: number, phrases = 1): string {
  const { words } = f;
  const out: string[] = [];
  let nouns = 0;
  for (let k = from; k < words.length && k < from + 8; k++) {
    const w = words[k]!;
    // "in floods and landslides": nouns joined by 'and' or 'or' are one phrase.
    const joinsNouns = (w.lower === 'and' || w.lower === 'or') && nouns > 0 && words[k - 1]?.pos === 'NOUN' && words[k + 1]?.pos === 'NOUN';
    if (joinsNouns) { out.push(w.lower); continue; }
    if (isBoundary(w) || w.text === ',' || STOP_AFTER.has(w.lower) || (w.pos === 'NUM' && w.mention?.unitKind)) break;
    if (w.pos === 'AUX' || (w.pos === 'VERB' && !(words[k - 1]?.lower === 'to' || k === from))) break;
    if (w.pos === 'ADP' && nouns >= phrases) break;
    if (w.pos === 'NUM' || w.lower === 'a' || w.lower === 'an' || w.lower === 'the') continue;
    if (w.pos === 'NOUN' || w.pos === 'PROPN') nouns++;
    else if (nouns > 0 && w.pos !== 'ADJ' && w.pos !== 'ADP' && w.pos !== 'DET') break;
    out.push(w.capital ? w.text : w.lower);
  }
  // A phrase that is only a preposition or ends on one says nothing.
  while (out.length && /^(?:in|on|at|of|to|for|from|by|with|into)$/.test(out[out.length - 1]!)) out.pop();
  return nouns > 0 ? out.join(' ') : '';
}

/** "civilians killed", "people taken shelter in relief camps", "people died of heat-related causes". */
function labelFor(f: Frame, category: Category, subject: string, decision: Decision, rule: string): string {
  const counted = subject || (PEOPLE_CATEGORIES.has(category) ? 'people' : '');
  // "confirmed 1,904 of the cases", "1,038 had been confirmed": a verb that says how the count is known.
  const known = knownBy(f);
  if (rule === 'head-noun' || rule === 'harm-noun' || rule === 'thing-count' || rule === 'animals-are-not-people' || rule === 'agent-of-verb') return [counted, known].filter(Boolean).join(' ');
  // "a town of 50,000 people", "home to two million": the inhabitants.
  if (category === 'population') return counted === 'people' || !counted ? 'inhabitants' : `${counted} (inhabitants)`;
  if ((rule === 'partitive-group' || rule === 'subset-of-total') && known) return `${counted} ${known}`;
  // "11 were in a serious condition": the state reads without its copula.
  const BE = ['were', 'was', 'are', 'is'];
  const whole = decision.cue.trim().split(' ');
  const cueWords = BE.includes(whole[0]!) && whole.length > 2 ? whole.slice(1) : whole;
  const cue = cueWords.join(' ');
  // A participle or a short state reads as written ("lynched", "shot dead", "unaccounted for").
  const readable = cueWords.length <= 6 && (PARTICIPLE.test(cueWords[0]!) || cueWords.length > 1 || ['dead', 'missing', 'homeless', 'injured', 'wounded', 'died', 'fled'].includes(cue) || rule === 'state-no-harm');
  // "sent 600 fumigation brigades": a count of no category is named by its noun alone, never "other".
  const what = !cue ? '' : readable && !BE.includes(cueWords[0]!) ? cue : category === 'other' ? '' : categoryLabel(category);
  let more = decision.end !== undefined ? completion(f, decision.end) : '';
  // "people died of heat-related illness" reads on a card as "people dead from heat-related illness".
  let said = what;
  if (/^(?:died|have died|had died|has died|die|dies|dying)$/.test(said)) { said = 'dead'; more = more.replace(/^of\b/, 'from'); }
  return [counted, said === counted ? '' : said, more].filter(Boolean).join(' ');
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
      // "15 people were pulled alive …, four of them in a serious condition": "them" are the group before, whatever befell it.
      const prev = [...f.before].reverse().find((d) => d.category === decision!.category) ?? (subject === 'them' ? f.before[f.before.length - 1] : undefined);
      if (prev && prev.subject && prev.subject !== 'others') subject = subject === 'others' ? 'others' : prev.subject;
    }
    if (!subject && PEOPLE_CATEGORIES.has(decision.category)) subject = 'people';
    return { category: decision.category, subject, label: labelFor(f, decision.category, subject, decision, rule.name), rule: rule.name };
  }
  const own = subjectOf(f) || measuredPhrase(f);
  const subject = own === 'them' && f.before.length ? f.before[f.before.length - 1]!.subject : own;
  // "100 people were panning for gold": what they were doing says what they are.
  const group = f.subject?.group;
  const doing = group && !group.copula ? `${f.words.slice(group.head, group.end).map((w) => w.lower).join(' ')} ${completion(f, group.end)}`.trim() : '';
  // "leaving hundreds of thousands with no access to health care": with no noun, what follows names the count.
  const named = subject || completion(f, f.np.end, 2) || 'count';
  return { category: 'other', subject: subject || 'count', label: [named, doing].filter(Boolean).join(' '), rule: 'no-predicate' };
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

/** What an amount is part of: "400 tonnes of the ship's 1,100 tonnes of fuel oil" → "fuel oil". */
function wholeOf(f: Frame): string {
  const { words, np, mention } = f;
  if (words[np.num + 1]?.lower !== 'of') return '';
  for (let k = np.num + 2; k < words.length && k < np.num + 8; k++) {
    const w = words[k]!;
    if (w.pos === 'NUM' && w.mention?.unit === mention.unit) return words[k + 1]?.lower === 'of' ? completion(f, k + 2) : '';
    if (isBoundary(w) || w.pos === 'VERB' || w.pos === 'AUX') return '';
  }
  return '';
}

/**
 * "exports fell by 12%", "demand had outstripped supply by about 30%": a share after "by" is a
 * change or a difference, not a level. Named with its direction, or with the comparison as written.
 */
function changeBy(f: Frame, text: string): string {
  const { words, np, s } = f;
  // "cases rose 12%": straight after a verb of going up or down, with no "to", the share is a change too.
  const direct = s.groupAt[np.start - 1] ?? -1;
  if (direct >= 0 && !np.partitive) {
    const lemma = s.groups[direct]!.lemma;
    const direction = RISE_VERBS.has(lemma) ? 'up' : FALL_VERBS.has(lemma) ? 'down' : '';
    const subject = topicBefore(text.slice(words[0]!.start, words[s.groups[direct]!.start]!.start));
    return direction && subject ? `${shortTopic(subject)} ${direction}` : '';
  }
  // "the number of cases is up 64%", "exports were down by 3%".
  const adverb = words[np.start - 1]?.lower === 'by' ? np.start - 2 : np.start - 1;
  if (words[adverb]?.lower === 'up' || words[adverb]?.lower === 'down') {
    const subject = topicBefore(text.slice(words[0]!.start, words[adverb]!.start));
    return subject ? `${shortTopic(subject)} ${words[adverb]!.lower}` : '';
  }
  if (words[np.start - 1]?.lower !== 'by') return '';
  let k = np.start - 2;
  while (k >= 0 && k > np.start - 8 && s.groupAt[k]! < 0 && OBJECT_POS.has(words[k]!.pos)) k--;
  const group = k >= 0 ? s.groups[s.groupAt[k]!] : undefined;
  if (!group || group.copula) return '';
  const named = (from: number, to: number): string => shortTopic(wordsOf(words, from, to));
  const object = group.end < np.start - 1 ? named(group.end, np.start - 1) : '';
  const subjectText = topicBefore(text.slice(words[0]!.start, words[group.start]!.start));
  const subject = subjectText ? shortTopic(subjectText) : '';
  const direction = RISE_VERBS.has(group.lemma) ? 'up' : FALL_VERBS.has(group.lemma) ? 'down' : '';
  if (direction) return (object || subject) ? `${object || subject} ${direction}` : '';
  return subject && object ? `${subject} ${words[group.head]!.lower} ${object}` : '';
}
const OBJECT_POS: ReadonlySet<string> = new Set(['NOUN', 'PROPN', 'ADJ', 'DET', 'PART', 'ADV']);

function amountMeaning(f: Frame, text: string): Meaning {
  const { mention, np, words } = f;
  const { before } = around(f, text);
  // "R$ 2.5 billion (US$460 million) of the company's assets": the conversion in brackets is skipped.
  const after = around(f, text).after.replace(/^\s*\([^()]{0,60}\)/, '');
  // "$47 billion last year": a word of time is no topic.
  const head = np.head !== null && !PARTICIPLE.test(np.headWord) && np.headClass !== 'time' ? subjectOf(f) : '';
  if (mention.unitKind === 'percent') {
    // "41% funded", "the response was only 14% funded"
    const next = words[np.num + 1];
    const participle = next && next.pos === 'VERB' && (next.form === 'ed' || next.form === 'irregular') ? next.lower : '';
    const of = np.partitive?.head !== null && np.partitive?.head !== undefined ? words[np.partitive.head]!.lower : '';
    const owner = of && !['them', 'it', 'that', 'this', 'those', 'these', 'which'].includes(of) ? of : '';
    // "40% of children … were acutely malnourished", "23% of that sum had been pledged": what the share is.
    const group = f.subject?.group;
    const complement = f.subject?.complement;
    const state = complement ? wordsOf(words, complement.start, complement.end)
      : group && group.passive ? `${words[group.head]!.lower} ${completion(f, group.end)}`.trim() : '';
    // "the tax burden to 37.9% of GDP", "a primary surplus of 2.1% of GDP": the topic before names it first.
    // "accounts for 80% of its exports": the share is of the whole after it.
    const verbBefore = np.start > 0 ? f.s.groupAt[np.start - 1]! : -1;
    const share = (verbBefore >= 0 && SHARE_VERBS.has(f.s.groups[verbBefore]!.lemma)) || words[np.start - 1]?.lower === 'for' && f.s.groupAt[np.start - 2]! >= 0;
    const topic = share && owner ? null : topicBefore(before) && !/\d/.test(topicBefore(before)!) ? topicBefore(before) : topicBeforePrevious(f, text) ?? topicBefore(before);
    // "lost 40% of its value": the topic's own whole joins it ("currency value").
    const possessive = np.partitive && ['its', 'their', 'his', 'her'].includes(words[np.partitive.start + 1]?.lower ?? '');
    const subject = topic || owner || head || 'share';
    const ownerWord = owner ? words[np.partitive!.head!]! : null;
    const whole = ownerWord && SHARE_WHOLES.has(owner) ? ` (of ${ownerWord.capital ? ownerWord.text : owner})` : '';
    const named = topic ? [shortTopic(topic), possessive ? owner : ''].filter(Boolean).join(' ') + whole : owner ? `share of ${owner}` : head;
    const label = changeBy(f, text) || [...new Set([named, participle, state].filter(Boolean))].join(' ') || 'per cent';
    return { category: 'percentage', subject, label, rule: 'amount-percent' };
  }
  const category: Category = mention.unitKind === 'currency' ? 'money' : 'quantity';
  const ofThing = np.ofHead !== null ? words[np.ofHead]!.lower : '';
  // "a relief package of Rs 1,200 crore (…) for rebuilding roads": a noun before "of" owns the amount.
  const owned = words[np.start - 1]?.lower === 'of' && words[np.start - 2]?.pos === 'NOUN' ? nounBefore(f, np.start - 2) : null;
  // "a 28.7 trillion naira ($18.4 billion) budget": the noun after the conversion is the amount's.
  const attributive = words[np.num + 1]?.text === '(' ? nounAfterBrackets(f, np.num + 1) : '';
  // "$85 million from the European Union": who gives it names the amount.
  const donor = mention.unitKind === 'currency' ? donorAfter(after) : null;
  // A topic read back over another amount ("$85 million from … and $60 million") belongs to that amount.
  const back = topicBefore(before);
  const topic = owned || attributive || wholeOf(f) || topicAfter(after) || donor || head || ofThing || (back && !ANOTHER_AMOUNT.test(back) ? back : null);
  const unitLabel = mention.unitKind === 'measure' ? mention.unit ?? '' : '';
  const label = [topic ? shortTopic(topic) : '', unitLabel].filter(Boolean).join(' ');
  const fallback = mention.unitKind === 'currency' ? 'amount' : mention.unit ?? '';
  return { category, subject: topic || fallback, label: label || fallback, rule: mention.unitKind === 'currency' ? 'amount-money' : 'amount-measure' };
}

/** "from the European Union", "from Japan": a named giver right after an amount. */
function donorAfter(after: string): string | null {
  const m = execIn(DONOR, after);
  if (!m || MONTHS.has(m[2]!.split(' ')[0]!.toLowerCase())) return null;
  return `from ${m[1] ?? ''}${m[2]!}`;
}
const ANOTHER_AMOUNT = /[$€£¥]\s?\d|\d\s*(?:million|billion|trillion|bn|crore|lakh)\b/i;
const DONOR = letterPattern(String.raw`^\s*from\s+((?:the|its|their)\s+)?(\p{Lu}[\p{L}-]*(?:\s+\p{Lu}[\p{L}-]*){0,4})`, 'u');

/** Category, subject, label and deciding rule of the number in `f`. */
export function meaningOf(f: Frame, text: string, failures: RuleFailure[]): Meaning {
  if (f.mention.unitKind !== null) return amountMeaning(f, text);
  return countMeaning(f, failures);
}

/** "put the number of people on board at between 50 and 55": the measure the number is the value of. */
function measuredPhrase(f: Frame): string {
  const { words } = f;
  for (let k = f.np.start - 1; k >= 0 && k >= f.np.start - 14; k--) {
    if (words[k]!.lower !== 'number' && words[k]!.lower !== 'total') continue;
    if (words[k + 1]?.lower !== 'of') return '';
    return completion(f, k + 2, 2);
  }
  return '';
}

const KNOWING: ReadonlySet<string> = new Set(['confirm', 'record', 'report', 'register', 'verify', 'document', 'detect', 'identify', 'count', 'treat', 'admit', 'test']);

/** "confirmed", "recorded": the verb that says how a count is known, right before or after its phrase. */
function knownBy(f: Frame): string {
  const before = f.np.start > 0 ? f.s.groupAt[f.np.start - 1]! : -1;
  const group = before >= 0 ? f.s.groups[before]! : f.subject?.group;
  if (!group || !KNOWING.has(group.lemma)) return '';
  return f.words[group.head]!.lower;
}

function nounAfterBrackets(f: Frame, open: number): string {
  const { words } = f;
  let k = open;
  while (k < words.length && k < open + 12 && words[k]!.text !== ')') k++;
  const next = words[k + 1];
  return next && next.pos === 'NOUN' ? next.lower : '';
}

/** "raised its key rate by 50 basis points to 6.5%": past a number and a link, the topic before it. */
function topicBeforePrevious(f: Frame, text: string): string | null {
  const { words, np } = f;
  let k = np.start - 1;
  while (k >= 0 && words[k]!.pos === 'ADP') k--;
  if (k < 0 || words[k]!.pos !== 'NUM' || k === np.start - 1) return null;
  let from = k - 1;
  while (from >= 0 && !isBoundary(words[from]) && words[from]!.text !== ',') from--;
  return topicBefore(text.slice(from >= 0 ? words[from]!.end : words[0]!.start, words[k]!.start));
}

/** The noun phrase ending at word `end`: "a relief package" → "relief package", "a gap" → "gap". */
function nounBefore(f: Frame, end: number): string {
  let from = end;
  while (from > 0 && (f.words[from - 1]!.pos === 'NOUN' || f.words[from - 1]!.pos === 'ADJ' || f.words[from - 1]!.pos === 'PROPN')) from--;
  return wordsOf(f.words, from, end + 1);
}
