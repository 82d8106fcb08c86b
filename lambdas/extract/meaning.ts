/**
 * What a number counts: its category (CONTRACT.md's table), the counted noun (`subject`) and a
 * short card label, read from the words between the neighbouring numbers of the same sentence.
 */
import type { Category } from './types';
import type { NumberMention } from './numbers';

interface Cue {
  readonly re: RegExp;
  readonly category: Category;
  readonly label: string;
}

// Order matters only for cues at the same position; otherwise the nearest cue wins.
const CUES: readonly Cue[] = [
  { re: /\bforced\s+(?:to\s+(?:leave|flee)|from|out\s+of)\s+(?:their\s+)?homes?\b/i, category: 'displaced', label: 'forced from homes' },
  { re: /\b(?:lost\s+their\s+lives|lives\s+lost)\b/i, category: 'killed', label: 'dead' },
  { re: /\b(?:at\s+risk|risk\s+of|threatened|in\s+danger|vulnerable|could\s+be\s+(?:forced|displaced|affected|killed)|in\s+the\s+path)\b/i, category: 'at_risk', label: 'at risk' },
  { re: /\b(?:killed|killing|kills?)\b/i, category: 'killed', label: 'killed' },
  { re: /\b(?:died|dead|deaths?|death\s+toll|toll|fatalities|fatality|bodies|perished|drowned|massacred|executed|slain|murdered|dying|die)\b/i, category: 'killed', label: 'dead' },
  { re: /\b(?:injur\w*|wounded|wounding|hurt|hospitali[sz]ed)\b/i, category: 'injured', label: 'injured' },
  { re: /\b(?:missing|unaccounted\s+for|disappeared)\b/i, category: 'missing', label: 'missing' },
  { re: /\b(?:displaced|displacing|displacement|uprooted)\b/i, category: 'displaced', label: 'displaced' },
  { re: /\b(?:evacuated|evacuating|evacuees?|evacuation)\b/i, category: 'displaced', label: 'evacuated' },
  { re: /\b(?:fled|fleeing|flee|refugees?|asylum[-\s]seekers?)\b/i, category: 'displaced', label: 'fled' },
  { re: /\b(?:homeless|lost\s+their\s+homes|(?:living|sheltering)\s+in\s+(?:relief\s+)?(?:camps|shelters|tents))\b/i, category: 'displaced', label: 'homeless' },
  { re: /\b(?:arrested|arrests?|detained|detaining|detention|abducted|kidnapped|jailed|imprisoned|hostages?|in\s+custody|captured|rounded\s+up)\b/i, category: 'detained', label: 'detained' },
  { re: /\b(?:cases|infected|infections?|tested\s+positive|fell\s+ill|sickened)\b/i, category: 'affected', label: 'cases' },
  { re: /\b(?:in\s+need|need(?:s|ing)?\s+(?:of\s+)?(?:urgent\s+)?(?:humanitarian\s+)?(?:aid|assistance|help|support|food)|food[-\s]insecure|hungry|malnourished|starving|without\s+(?:food|water|power|electricity|shelter))\b/i, category: 'affected', label: 'in need' },
  { re: /\b(?:affected|affecting|hit\s+by|impacted)\b/i, category: 'affected', label: 'affected' },
  { re: /\b(?:inhabitants|population)\b/i, category: 'population', label: 'population' },
];

// A cue right before the number governs it: "killing at least 20", "death toll rose to 120".
const FILLER_GAP = /^(?:\s|,|:|\(|\b(?:at|least|more|than|some|about|nearly|almost|to|of|rose|risen|has|had|have|climbed|reached|stood|stands|is|was|were|are|now|an|a|estimated|over|around|up|the|by|jumped|increased|hit|another|further|total|totalled|totaling|totalling|be|been|included|including)\b)*$/i;
const POPULATION_BEFORE = /\b(?:home\s+to|population\s+of|(?:city|town|country|nation|province|region|state|district)\s+of|inhabited\s+by|houses)\s+(?:(?:about|around|some|nearly|almost|more\s+than|over|an\s+estimated)\s+)?$/i;
const SUBSET_BEFORE = /\b(?:including|includ(?:e|es|ed)|among\s+(?:them|whom|those|the\s+dead|the\s+victims)|of\s+whom|of\s+them|of\s+those)\b(?:\s+(?:those\s+of|at\s+least|some|more\s+than|about|nearly|an\s+estimated))*\s*$/i;

const PERSON_NOUNS = /^(?:people|persons?|civilians?|children|child|kids|women|men|man|woman|residents?|families|family|households?|villagers|troops|soldiers|fighters|militants|rebels|police(?:men)?|officers|refugees|migrants|patients|workers|students|pupils|babies|infants|girls|boys|adults|elderly|individuals|pilgrims|passengers|miners|farmers|fishermen|journalists|staff|volunteers|victims|survivors|inmates|prisoners|detainees|protesters|demonstrators|lives|dead|others|more|citizens|nationals|inhabitants|minors|teenagers|youths|aid\s+workers|health\s+workers|medics|doctors|nurses|teachers|asylum\s+seekers|evacuees|tourists|climbers|trekkers|crew|sailors|mourners|worshippers|shoppers|commuters|voters)$/i;
const BUILDING_NOUNS = /^(?:houses?|homes?|buildings?|hospitals?|schools?|clinics?|facilit(?:y|ies)|centres?|centers?|villages?|towns?|shelters?|bridges?|markets?|mosques?|churches?|temples?|structures?|dwellings?|shops?|businesses|classrooms?|posts?|points?|wells?|roads?|apartments?|flats?|homesteads?|huts?|offices?|factories|plants?|stations?|camps?)$/i;
const THING_NOUNS = /^(?:rockets?|missiles?|shells?|drones?|bombs?|tanks?|vehicles?|trucks?|lorries|aircraft|jets?|helicopters?|boats?|ships?|airstrikes?|strikes?|attacks?|raids?|explosions?|mortars?|rounds?|aftershocks?|tremors?|tents?|kits?|meals?|rations?|doses?|vaccines?|parcels?|containers?|cattle|livestock|animals|trees|flights?|trains?)$/i;
const DAMAGE = /\b(damaged|destroyed|flattened|collapsed|razed|bombed|hit|attacked|struck|flooded|submerged|burned|burnt|looted|levelled|leveled|shelled|targeted|closed|swept\s+away|washed\s+away|in\s+ruins|out\s+of\s+service|affected)\b/i;
// Words that end the counted noun phrase: auxiliaries, prepositions, verbs of the cues.
const PHRASE_STOP = /^(?:have|has|had|were|was|are|is|be|been|being|will|would|could|can|may|might|must|who|whom|which|that|in|on|at|from|since|during|after|before|by|with|and|or|but|to|for|as|across|into|including|said|says|say|this|these|those|their|its|his|her|per|than|while|when|where|because|killed|died|dead|injured|wounded|missing|displaced|evacuated|fled|arrested|detained|destroyed|damaged|affected|remain|remained|left|lost|still|now|also|already|last|each|every|a|an|the|under|over|about|through|without|within|near|between|against|among|amid|out|off|up|down|so|did|do|does|not|no|more|less|whose|like|such)$/i;

export interface Meaning {
  readonly category: Category;
  readonly subject: string;
  readonly label: string;
}

/** The counted noun phrase right after the number: "civilian lives", "humanitarian organisations". */
export function countedNoun(after: string): string {
  const m = /^\s*(?:of\s+)?((?:[A-Za-z][A-Za-z'’-]*\s*){1,5})/.exec(after);
  if (!m) return '';
  const words: string[] = [];
  for (const word of m[1]!.trim().split(/\s+/)) {
    if (PHRASE_STOP.test(word) || !/^[a-z]/.test(word) && words.length > 0) break;
    if (!/^[a-z]/.test(word)) break; // a capitalised word starts a name, not the counted noun
    if (words.length > 0 && /ed$/.test(word)) break; // "attacks carried out": a participle ends the noun
    words.push(word.toLowerCase());
    if (words.length === 4) break;
  }
  return words.slice(-2).join(' ');
}

const headOf = (subject: string): string => subject.split(' ').pop() ?? '';

const GLOBAL_CUES = CUES.map((cue) => ({ cue, re: new RegExp(cue.re.source, 'gi') }));

function nearestCue(window: string, fromEnd: boolean): { cue: Cue; at: number; end: number } | null {
  let best: { cue: Cue; at: number; end: number } | null = null;
  for (const { cue, re } of GLOBAL_CUES) {
    re.lastIndex = 0;
    for (let m = re.exec(window); m; m = re.exec(window)) {
      const better = best === null || (fromEnd ? m.index > best.at : m.index < best.at);
      if (better) best = { cue, at: m.index, end: m.index + m[0].length };
      if (!fromEnd) break;
    }
  }
  return best;
}

export interface MeaningContext {
  readonly mention: NumberMention;
  /** Words between the previous number of the sentence (or its start) and this mention. */
  readonly before: string;
  /** Words between this mention and the next number of the sentence (or its end). */
  readonly after: string;
  /** Words from this mention to the end of the sentence, for "20 people, including 5 children, were killed". */
  readonly rest: string;
  /** The category of the previous count of people in the sentence, for subsets ("including 130 children"). */
  readonly previous: Category | null;
}

const PEOPLE: ReadonlySet<Category> = new Set(['killed', 'injured', 'missing', 'displaced', 'affected', 'at_risk', 'detained', 'population']);

function withSubject(category: Category, subject: string, cueLabel: string): Meaning {
  const counted = subject || (PEOPLE.has(category) ? 'people' : '');
  return { category, subject: counted, label: `${counted} ${cueLabel}`.trim() };
}

/** Category, subject and label of one number mention. */
export function meaningOf(ctx: MeaningContext): Meaning {
  const { mention, before, after } = ctx;
  const subject = countedNoun(after);
  const head = headOf(subject);
  if (mention.unitKind === 'currency') return { category: 'money', subject, label: subject ? `${mention.unit} ${subject}` : `${mention.unit}` };
  if (mention.unitKind === 'percent') return { category: 'percentage', subject, label: subject ? `% ${subject}` : 'percent' };
  if (mention.unitKind === 'measure') return { category: 'quantity', subject: subject || (mention.unit ?? ''), label: [mention.unit, subject].filter(Boolean).join(' ') };

  if (head && BUILDING_NOUNS.test(head)) {
    const damage = DAMAGE.exec(after) ?? DAMAGE.exec(before);
    return { category: 'facilities', subject, label: `${subject} ${damage ? damage[1]!.toLowerCase() : 'damaged'}` };
  }
  if (head && THING_NOUNS.test(head)) return { category: 'quantity', subject, label: subject };
  if (POPULATION_BEFORE.test(before)) return withSubject('population', subject, 'inhabitants');
  const personOrNone = !head || PERSON_NOUNS.test(head) || PERSON_NOUNS.test(subject);

  if (ctx.previous && PEOPLE.has(ctx.previous) && SUBSET_BEFORE.test(before) && personOrNone) {
    return withSubject(ctx.previous, subject, labelFor(ctx.previous));
  }
  if (!personOrNone) return { category: 'other', subject, label: subject };

  const governing = nearestCue(before, true);
  if (governing && FILLER_GAP.test(before.slice(governing.end))) return withSubject(governing.cue.category, subject, governing.cue.label);
  const parenthetical = /\b(?:including|among\s+them|of\s+whom)\b/i.test(after);
  const following = nearestCue(after.slice(0, 160), false) ?? (parenthetical ? nearestCue(ctx.rest.slice(0, 200), false) : null);
  if (following) return withSubject(following.cue.category, subject, following.cue.label);
  if (governing) return withSubject(governing.cue.category, subject, governing.cue.label);
  return { category: 'other', subject: subject || 'people', label: subject || 'people' };
}

const CATEGORY_LABEL: Partial<Record<Category, string>> = { at_risk: 'at risk', population: 'inhabitants' };

function labelFor(category: Category): string {
  return CATEGORY_LABEL[category] ?? category;
}
