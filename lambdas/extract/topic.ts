/**
 * What an amount or a share is about, for money, percentages and measures: the noun phrase
 * the number is attached to ("a relief package of Rs 1,200 crore", "borrowing is forecast at
 * £118.5bn", "vaccination coverage … had fallen to 57%", "40,000 million pesos for
 * reconstruction"). Read backwards from the number over verbs and prepositions.
 */
import { MONTHS } from './lexicon';
import { execIn, letterPattern } from '../core/letter-patterns';

// Trailing words between the topic and the number: prepositions, auxiliaries, verbs of change.
const LINK: ReadonlySet<string> = new Set([
  'stay', 'stays', 'stayed', 'staying', 'remain', 'remains', 'remained', 'hover', 'hovers', 'hovered', 'hovering', 'range',
  'ranged', 'ranging', 'record', 'new', 'high', 'low', 'total', 'paid', 'give', 'gave', 'offer', 'offered',
  'provide', 'provided', 'spend', 'spent', 'allocate', 'allocated', 'pledge', 'pledged', 'approve', 'seek', 'seeks', 'sought',
  'request', 'requested', 'receive', 'received', 'beyond', 'past', 'behind', 'to', 'at', 'of', 'by', 'from',
  'for', 'in', 'on', 'with', 'was', 'were', 'is', 'are', 'be', 'been', 'being', 'would',
  'will', 'could', 'should', 'may', 'might', 'had', 'has', 'have', 'now', 'just', 'stood', 'stands',
  'stand', 'standing', 'fell', 'fallen', 'falling', 'rose', 'risen', 'rising', 'reached', 'reaching', 'climbed', 'climbing',
  'hit', 'hits', 'topped', 'totalled', 'totaled', 'totalling', 'amounted', 'amounting', 'increased', 'decreased', 'dropped', 'jumped',
  'grew', 'grown', 'cut', 'lift', 'lifted', 'raise', 'raised', 'set', 'aside', 'put', 'estimated', 'estimates',
  'forecast', 'forecasts', 'projected', 'expected', 'seen', 'valued', 'worth', 'priced', 'costing', 'cost', 'down', 'up',
  'back', 'further', 'only', 'than', 'more', 'less', 'around', 'about', 'between', 'some', 'nearly', 'almost',
  'the', 'a', 'an', 'which', 'that', 'it', 'its', 'and', 'or', 'still', 'also', 'already',
  'last', 'next', 'this', 'year', 'month', 'week', 'spring', 'summer', 'autumn', 'winter', 'quarter', 'overnight',
  'today', 'yesterday', 'lower', 'higher', 'double', 'doubled', 'halve', 'halved', 'triple', 'tripled', 'lost', 'lose',
  'loses', 'losing', 'gained', 'gain', 'gains', 'shed', 'sheds', 'need', 'needs', 'needed', 'require', 'requires',
  'required', 'released', 'release', 'releases', 'borrow', 'borrows', 'rise', 'rises', 'fall', 'falls', 'climb', 'climbs',
  'reach', 'reaches', 'increase', 'increases', 'decrease', 'decreases', 'drop', 'drops', 'grow', 'grows',
]);
// Words that end the topic going backwards: verbs of saying, conjunctions, possessives.
const STOP: ReadonlySet<string> = new Set([
  'paid', 'give', 'gave', 'offer', 'offered', 'provide', 'provided', 'spend', 'spent', 'allocate', 'allocated', 'pledge',
  'pledged', 'approve', 'seek', 'seeks', 'sought', 'request', 'requested', 'receive', 'received', 'beyond', 'past', 'behind',
  'it', 'they', 'he', 'she', 'we', 'said', 'says', 'say', 'told', 'added', 'announced', 'approved',
  'reported', 'warned', 'that', 'which', 'who', 'whose', 'while', 'and', 'but', 'or', 'as', 'her',
  'his', 'its', 'their', 'our', 'my', 'your', 'would', 'will', 'is', 'was', 'were', 'are',
  'be', 'been', 'has', 'have', 'had', 'put', 'set', 'raise', 'raised', 'cut', 'lift', 'lifted',
  'double', 'doubled', 'to', 'at', 'by', 'when', 'after', 'before', 'because', 'since', 'if', 'than',
  'estimates', 'estimated', 'early', 'late', 'with', 'about', 'around', 'some', 'more', 'less',
]);
// A preposition inside a topic ("coverage in the affected health zones", "losses across Hispaniola").
const INNER: ReadonlySet<string> = new Set(['of', 'in', 'across', 'against', 'for', 'on', 'among', 'under', 'aboard']);
const TIME_WORDS: ReadonlySet<string> = new Set([
  'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'year', 'years', 'month', 'months',
  'week', 'weeks', 'day', 'days', 'spring', 'summer', 'autumn', 'winter', 'next', 'last', 'this', 'current', 'financial', 'fiscal',
]);
const isTime = (w: string): boolean => {
  const lower = w.toLowerCase();
  return TIME_WORDS.has(lower) || MONTHS.has(lower) || lower.startsWith('mid-') || /^\d+$/.test(lower);
};
const MAX_WORDS = 8;
// "the clean-up, which officials put at R450m": a clause with a subject and a verb of valuing.
const VALUING: ReadonlySet<string> = new Set(['put', 'puts', 'estimate', 'estimated', 'estimates', 'value', 'valued', 'values', 'price', 'priced', 'prices', 'costed', 'set', 'sets', 'pegged', 'peg', 'pegs', 'projected', 'project', 'projects', 'expect', 'expects', 'expected', 'forecast', 'forecasts', 'reckon', 'reckons', 'reckoned', 'calculate', 'calculated', 'calculates', 'said', 'says', 'say']);
function clauseWithSubject(clause: string): boolean {
  const w = clause.trim().toLowerCase().split(/\s+/);
  let i = ['the', 'its', 'their', 'some'].includes(w[0] ?? '') ? 1 : 0;
  // Up to three words of subject, an optional auxiliary, then the verb of valuing.
  for (let n = 0; n < 3 && i < w.length; n++, i++) {
    let j = i + 1;
    if (['now', 'have', 'has', 'had'].includes(w[j] ?? '')) j++;
    if (VALUING.has(w[j] ?? '')) return true;
  }
  return false;
}
const FUNDING_VERBS: Readonly<Record<string, string>> = {
  appealed: 'appeal', appealing: 'appeal', pledged: 'pledge', promised: 'pledge', requested: 'request', sought: 'request',
  allocated: 'allocation', earmarked: 'allocation', budgeted: 'budget', donated: 'donation', granted: 'grant',
  loaned: 'loan', lent: 'loan', borrowed: 'borrowing', raised: 'funds raised', disbursed: 'disbursement',
  released: 'funds released', borrow: 'borrowing', borrows: 'borrowing', need: 'funding needed', needs: 'funding needed', needed: 'funding needed',
  require: 'funding needed', requires: 'funding needed', required: 'funding needed',
};

function words(text: string): string[] {
  return text.replace(/[“”"()]/g, ' ').split(/\s+/).filter(Boolean);
}

/** The topic phrase ending just before the number, or null. `before` is the clause text before it. */
export function topicBefore(before: string): string | null {
  // A relative clause between topic and number: "the quake, which struck at a depth of 33 km"
  // names it inside the clause; "inflation, which stood at 3.8%" before it.
  const relative = /,\s*(?:which|that|who)\s+([^,]*)$/i.exec(before);
  // "the clean-up, which officials put at R450m": the clause has its own subject, so the
  // amount belongs to what the clause is about, before the comma.
  if (relative && clauseWithSubject(relative[1]!)) return topicOf(before.slice(0, relative.index)) ?? topicOf(relative[1]!);
  if (relative) return topicOf(relative[1]!) ?? topicOf(before.slice(0, relative.index));
  return topicOf(before);
}

// "asked donors for $9.6 million", "called on governments for $2bn": an appeal.
const ASKED_FOR = /\b(?:asked|asking|asks|ask|called\s+on|calling\s+on|appealed\s+to|urged)\s+(?:[\w-]+\s+){0,3}?for\s+$/i;

const APPOSITIVE_VALUE = /,\s*(?:worth|valued\s+at|estimated\s+at|priced\s+at|costing|totall?ing|amounting\s+to)\s*$/i;

function topicOf(before: string): string | null {
  if (ASKED_FOR.test(before)) return 'appeal';
  const clause = before.replace(/,\s*(?:at|to|of)?\s*$/i, ' ');
  const parts = clause.split(/[;:–—]|,(?=[^,]*$)/);
  // "its exports, worth $47 billion": an appositive of value points back past the comma.
  const appositive = parts.length > 1 && APPOSITIVE_VALUE.test(clause);
  const last = appositive ? parts[parts.length - 2]! : parts[parts.length - 1]!;
  const tokens = words(last ?? clause);
  let i = tokens.length - 1;
  const clean = (w: string): string => w.replace(/[,.;:!?]+$/, '');
  // "releasing 750,000 francs": a verb right before the amount.
  if (i >= 0 && /ing$/i.test(clean(tokens[i]!))) i--;
  // Skip the verb group and any time words: "It recorded", "storm dumped", "had fallen to".
  // A verb of funding names the amount itself: "appealed for $4.5bn" is an appeal.
  let funding: string | null = null;
  while (i >= 0 && (LINK.has(clean(tokens[i]!).toLowerCase()) || isTime(clean(tokens[i]!)) || /^(?:in|on)$/i.test(tokens[i]!) || /ed$/i.test(clean(tokens[i]!)) && !/^(?:insured|uninsured)$/i.test(clean(tokens[i]!)))) {
    funding ??= FUNDING_VERBS[clean(tokens[i]!).toLowerCase()] ?? null;
    i--;
  }
  if (funding) return funding;
  const out: string[] = [];
  for (; i >= 0 && out.length < MAX_WORDS; i--) {
    const w = clean(tokens[i]!);
    if (/[,.;]$/.test(tokens[i]!) && out.length > 0) break;
    const previous = tokens[i - 1]?.toLowerCase();
    // "the affected health zones": a participle after a determiner is an adjective.
    const adjective = /ed$/i.test(w) && (previous === 'the' || previous === 'a' || out.length > 0 && /^(?:insured|uninsured|sustained|estimated|expected|projected)$/i.test(w));
    if (!adjective && (STOP.has(w.toLowerCase()) || (/ed$/i.test(w) && out.length > 0 && !/^(?:need|speed|seed|feed)$/i.test(w)))) break;
    // "to plug the deficit": a word right after "to" is a verb, not part of the topic.
    if (out.length > 0 && previous === 'to' && !/^(?:the|a|an)$/i.test(w)) break;
    if (/^[A-Z]/.test(w) && out.length === 0 && i === 0) { out.unshift(w); break; }
    out.unshift(w);
  }
  while (out.length && (INNER.has(out[0]!.toLowerCase()) || /^(?:the|a|an)$/i.test(out[0]!))) out.shift();
  while (out.length && (INNER.has(out[out.length - 1]!.toLowerCase()) || /^(?:the|a|an)$/i.test(out[out.length - 1]!))) out.pop();
  const topic = out.join(' ').trim();
  return topic && /[a-z]/i.test(topic) ? topic : null;
}

// "to" names a recipient ("Rs 2.1 trillion to defence"), unless a verb of purpose follows ("to support").
// "to" names a recipient ("Rs 2.1 trillion to defence"), unless a verb of purpose follows ("to support").
const PURPOSE_VERBS: ReadonlySet<string> = new Set([
  'support', 'help', 'fund', 'pay', 'cover', 'build', 'rebuild', 'assist', 'feed', 'provide', 'buy', 'reach',
  'repair', 'finance', 'meet', 'restore', 'keep', 'protect', 'shore', 'boost', 'ease', 'compensate', 'house', 'shelter',
  'vaccinate', 'treat', 'prevent', 'tackle', 'combat', 'respond', 'deliver', 'supply', 'bring', 'make', 'be', 'take',
  'get', 'give', 'replace', 'expand', 'improve', 'strengthen', 'upgrade', 'construct', 'clear', 'clean', 'remove', 'save',
  'relocate', 'resettle', 'avert', 'address', 'fill', 'bridge', 'offset', 'reduce', 'cut', 'raise', 'hire', 'train',
  'reconstruct', 'cushion', 'subsidise', 'subsidize', 'stabilise', 'stabilize', 'settle', 'service', 'refinance', 'recapitalise', 'recapitalize',
]);
const TOPIC_LINK = /^\s*(?:a\s+year\s+|a\s+month\s+|annually\s+)?(for|in|of|on|to\s+fund|to\s+pay\s+for|to|towards)\s+/;
const TOPIC_WORDS = letterPattern(String.raw`^(?:each\s+(?:of\s+)?|every\s+)?(?:the\s+)?(?:[\p{L}-]+['’]s?\s+)?((?:the\s+|new\s+|additional\s+|extra\s+|emergency\s+)?[a-z][a-z-]+(?:\s+[a-z][a-z-]+)?)(?![\p{L}'’-])`, 'u');
const DETERMINED = /^[a-z]+\s+(?:the|a|an|its|their|his|her|our|some|more|up|out|off)\b/;

/** The topic right after an amount: the preposition, then at most two words. */
function topicMatch(after: string): string | null {
  const link = TOPIC_LINK.exec(after);
  if (!link) return null;
  const rest = after.slice(link[0].length);
  // "to support …", "to rebuild the …": a purpose, not a recipient.
  if ((link[1] === 'to' || link[1] === 'towards') && (PURPOSE_VERBS.has(rest.split(/\s+/)[0] ?? '') || DETERMINED.test(rest))) return null;
  return execIn(TOPIC_WORDS, rest)?.[1] ?? null;
}

/** "… for reconstruction", "… in new revenue", "… in aid": what an amount is for, right after it. */
export function topicAfter(after: string): string | null {
  // "of the company's assets": the possessor is skipped, the possessed named.
  const m = topicMatch(after);
  if (!m) return null;
  const phrase = m.replace(/^the\s+/, '').split(/\s+/).filter((w) => !/^(?:and|or|the|a|to|from|by|with|which|that|each|every|per|in|on|at|of|for|after|before|during|across)$/.test(w));
  // "300 mm of rain battered Beira", "85,000 hectares of crops were": a verb ends the phrase.
  while (phrase.length > 1 && /^(?:were|was|are|is|be|been|have|has|had|will|would|could|may|might|can|must|did|do|does|fell|hit|rose|[a-z]+ed)$/.test(phrase[phrase.length - 1]!)) phrase.pop();
  // "for at least five more days": a qualifier of another number, not a topic.
  if (/^(?:less|more|than|about|around|under|over|at|least|most|nearly|almost|some|up|roughly)$/.test(phrase[0] ?? '')) return null;
  // "in the current financial year" says when, not what.
  if (phrase.some((w) => isTime(w) || /^(?:time|period|total|parts?|areas?)$/.test(w))) return null;
  return phrase.join(' ') || null;
}

const COUNT_WORDS: ReadonlySet<string> = new Set(['number', 'total', 'count', 'tally']);

/** Short form for a card label: the phrase before any inner preposition, at most 4 words. */
export function shortTopic(topic: string): string {
  let parts = topic.split(/\s+/);
  // "the number of cases": the counted thing, not "number".
  if (parts.length > 2 && COUNT_WORDS.has(parts[0]!.toLowerCase()) && parts[1]!.toLowerCase() === 'of') parts = parts.slice(2);
  const cut = parts.findIndex((w) => INNER.has(w.toLowerCase()));
  const head = cut > 0 ? parts.slice(0, cut) : parts;
  return head.slice(-4).join(' ');
}
