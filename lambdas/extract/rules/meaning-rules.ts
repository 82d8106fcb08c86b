/**
 * The meaning rules: what a number counts, decided by the predicate that governs its noun
 * phrase, then by the head noun's own meaning. One named record a rule, in priority order: the
 * first rule that matches decides, and its name is kept on the figure (`rule`). Each rule
 * carries its examples (sentences it must decide, with the category) and counter-examples
 * (sentences where it must not decide that number that way); tests run them all.
 */
import { PEOPLE_CATEGORIES, type Category } from '../../contract/categories';
import { CLAUSE_VERBS, DISEASES, NEUTRAL_VERBS, PERSON_NOUNS, UNHARMED, predicatesOf, type PredicateEntry, type PredicateKind } from '../lexicon';
import { frameOf, wordsOf, type Decided, type Frame } from '../frame';
import { isBoundary, predicateAt, type HeadClass } from '../structure';

export interface Decision {
  readonly category: Category;
  /** The words that decided it, as written ("killed", "lost their lives", "deaths"). */
  readonly cue: string;
  /** Subject override (a partitive's or a list's). */
  readonly subject?: string;
  /** Word index where the deciding words end: what follows completes the label ("taken shelter [in relief camps]"). */
  readonly end?: number;
}

export interface RuleExample {
  readonly text: string;
  /** The number of the sentence the example is about. */
  readonly value: number;
  readonly category: Category;
}

export interface MeaningRule {
  readonly name: string;
  /** Why the rule exists, for `--explain` and for a reader of this file. */
  readonly doc: string;
  readonly match: (f: Frame) => Decision | null;
  readonly examples: readonly RuleExample[];
  /** The rule must not decide these numbers as this category. */
  readonly counterExamples: readonly RuleExample[];
}

const LOCATIVE: ReadonlySet<string> = new Set(['in', 'across', 'at', 'on', 'over', 'throughout', 'during', 'inside', 'near', 'around']);
const TRANSITIVE: ReadonlySet<PredicateKind> = new Set(['verb', 'state', 'phrase', 'result']);
const INTRANSITIVE: ReadonlySet<PredicateKind> = new Set(['intransitive', 'phrase', 'state']);
const STATES: ReadonlySet<PredicateKind> = new Set(['state', 'phrase', 'result', 'noun']);

/** The first entry whose category suits what is counted: buildings are damaged, people are harmed. */
export function categoryFor(entries: readonly PredicateEntry[], head: HeadClass, kinds: ReadonlySet<PredicateKind>): Category | null {
  for (const e of entries) {
    if (!kinds.has(e.kind)) continue;
    if (head === 'facility') {
      if (e.category === 'facilities' || e.category === 'at_risk') return e.category;
      if (e.category === 'affected') return 'facilities';
      continue;
    }
    if (head === 'person' || head === 'none' || head === 'unknown') {
      if (PEOPLE_CATEGORIES.has(e.category)) return e.category;
      continue;
    }
  }
  return null;
}

/** "could be submerged", "may be forced to leave": a harm that may come is a risk. */
function maybe(f: Frame, category: Category | null): Category | null {
  const group = f.subject?.group ?? f.object?.group;
  if (!category || !group?.modal) return category;
  return category === 'population' || category === 'at_risk' ? category : 'at_risk';
}

const wordsText = (f: Frame, start: number, end: number): string => wordsOf(f.words, start, end);
const cueOf = (f: Frame, at: number, end = at + 1): string => wordsText(f, at, end);

/** Head classes a harm predicate can apply to. */
const HARMABLE: ReadonlySet<HeadClass> = new Set(['person', 'none', 'unknown', 'facility']);

export const MEANING_RULES: readonly MeaningRule[] = [
  {
    name: 'animals-are-not-people',
    doc: 'A count of animals is never a count of people, whatever happened to them.',
    match: (f) => (f.headClass === 'animal' ? { category: 'other', cue: f.np.headWord } : null),
    examples: [
      { text: 'The floods killed 300 goats in the district.', value: 300, category: 'other' },
      { text: 'Some 1,800 penguins were oiled by the spill.', value: 1800, category: 'other' },
    ],
    counterExamples: [{ text: 'The floods killed 300 villagers in the district.', value: 300, category: 'other' }],
  },
  {
    name: 'none-of',
    doc: '"None of the 23 crew members was hurt": the count is of the group, said not to be harmed.',
    match: (f) => {
      const k = f.np.start - 1;
      const w = f.words[k]?.lower === 'of' ? f.words[k - 1] : f.words[k - 1]?.lower === 'of' && f.words[k]?.pos === 'DET' ? f.words[k - 2] : undefined;
      if (!w || !['none', 'neither', 'nobody', 'no'].includes(w.lower)) return null;
      // "None of the 12 hostages has been freed" still counts hostages: only a harm denied makes them "other".
      const harm = [...(f.subject?.entries ?? []), ...(f.subject?.complement?.entries ?? [])].some((e) => PEOPLE_CATEGORIES.has(e.category));
      return harm ? { category: 'other', cue: '' } : null;
    },
    examples: [{ text: 'None of the 23 crew members was hurt.', value: 23, category: 'other' }],
    counterExamples: [{ text: 'Seven of the 23 crew members were hurt.', value: 7, category: 'other' }],
  },
  {
    name: 'unharmed',
    doc: '"All 140 passengers escaped unhurt", "The 30 tourists escaped without being hurt": no harm came to them.',
    match: (f) => {
      const group = f.subject?.group;
      // "escaped unhurt", "survived unharmed"; not "are believed to be alive" (of hostages, still held).
      if (!group || group.copula || f.words[group.start - 1]?.lower === 'to') return null;
      const next = f.words[group.end];
      const unharmed = (next && UNHARMED.has(next.lower)) || (next?.lower === 'without' && f.words.slice(group.end, group.end + 4).some((w) => predicatesOf('s', w.lower).length > 0));
      return unharmed ? { category: 'other', cue: wordsText(f, group.head, group.end + 1), end: group.end + 1 } : null;
    },
    examples: [{ text: 'All 140 passengers escaped unhurt.', value: 140, category: 'other' }],
    counterExamples: [{ text: 'All 140 passengers escaped the fighting.', value: 140, category: 'other' }],
  },
  {
    name: 'passive-agent',
    doc: 'After a passive, "by" names who did it: "was shot dead by two assailants" counts attackers.',
    match: (f) => {
      if (f.words[f.np.start - 1]?.lower !== 'by') return null;
      for (let k = f.np.start - 2; k >= 0 && k >= f.np.start - 10; k--) {
        const g = f.s.groupAt[k]!;
        if (g >= 0) return f.s.groups[g]!.passive ? { category: 'other', cue: 'by' } : null;
      }
      return null;
    },
    examples: [{ text: 'A journalist was shot dead by two assailants on a motorbike.', value: 2, category: 'other' }],
    counterExamples: [{ text: 'Prices rose by 12 per cent.', value: 12, category: 'other' }],
  },
  {
    name: 'object-result',
    doc: 'A verb with a result after its object names what happened: "shot 4 protesters dead", "took 18 sailors hostage", "left 15 people dead", "made 9,000 households homeless".',
    match: (f) => {
      if (!f.object || !f.result || f.result.negated || !HARMABLE.has(f.headClass)) return null;
      const category = categoryFor(f.result.entries, f.headClass, STATES);
      return category ? { category, cue: cueOf(f, f.result.start, f.result.end), end: f.result.end } : null;
    },
    examples: [
      { text: 'Police shot dead 4 protesters near the square.', value: 4, category: 'killed' },
      { text: 'Pirates took 18 sailors hostage off the coast.', value: 18, category: 'detained' },
      { text: 'The clashes left 15 people dead in the north.', value: 15, category: 'killed' },
      { text: 'The floods made 9,000 households homeless.', value: 9000, category: 'displaced' },
      { text: 'Volcanic activity has forced 47,000 people to leave villages on its slopes.', value: 47000, category: 'displaced' },
      { text: 'Authorities evacuated 3,500 families to safer ground.', value: 3500, category: 'displaced' },
    ],
    counterExamples: [{ text: 'The clashes left 15 people stranded.', value: 15, category: 'killed' }],
  },
  {
    name: 'object-infinitive',
    doc: 'A verb that makes its object do something: "forced 41 health facilities to close", "forced 47,000 people to leave".',
    match: (f) => {
      if (!f.object || f.words[f.np.end]?.lower !== 'to' || !HARMABLE.has(f.headClass)) return null;
      const verb = f.words[f.np.end + 1];
      const g = verb ? f.s.groupAt[f.np.end + 1]! : -1;
      if (g < 0) return null;
      const p = predicateAt(f.words, f.s.groups[g]!.head);
      const category = p ? maybe(f, categoryFor(p.entries, f.headClass, new Set<PredicateKind>(['verb', 'intransitive', 'phrase', 'state']))) : null;
      return category ? { category, cue: `${cueOf(f, f.object.group.head)} to ${cueOf(f, f.np.end + 1, f.np.end + 1 + p!.length)}`, end: f.np.end + 1 + p!.length } : null;
    },
    examples: [
      { text: 'The attacks have forced 41 health facilities to close.', value: 41, category: 'facilities' },
      { text: 'The fighting forced 12 schools to shut.', value: 12, category: 'facilities' },
    ],
    counterExamples: [],
  },
  {
    name: 'object-of-verb',
    doc: 'The object of an active verb is what the verb did something to: "killed 12 bandits", "holding 14 nurses", "destroyed 1,300 houses", "evacuated 3,500 families".',
    match: (f) => {
      if (!f.object || f.object.negated || !HARMABLE.has(f.headClass)) return null;
      const category = treatedFor(f, categoryFor(f.object.entries, f.headClass, TRANSITIVE));
      return category ? { category, cue: f.object.cue } : null;
    },
    examples: [
      { text: 'Troops killed 12 bandits in the forest.', value: 12, category: 'killed' },
      { text: 'The rebels are still holding 14 nurses.', value: 14, category: 'detained' },
      { text: 'The quake destroyed 1,300 houses in the valley.', value: 1300, category: 'facilities' },
      { text: 'Authorities evacuated 3,500 families from the coast.', value: 3500, category: 'displaced' },
      { text: 'The blast injured 27 passengers and 3 guards.', value: 3, category: 'injured' },
      { text: 'The wildfire is threatening 3,000 structures in the foothills.', value: 3000, category: 'at_risk' },
    ],
    counterExamples: [
      { text: 'Coastguards rescued 112 people from a sinking boat.', value: 112, category: 'displaced' },
      { text: 'Doctors said 4 men killed the guard.', value: 4, category: 'killed' },
    ],
  },
  {
    name: 'noun-complement',
    doc: 'The number completes a noun that names the harm: "the deaths of 12 people", "a death toll of 20", "the arrest of 17 individuals".',
    match: (f) => {
      // "The lives of 2,500 patients … are at risk": "lives of" holds the people, the predicate says what happens.
      if (!f.nominal || f.nominal.negated || !HARMABLE.has(f.headClass) || f.nominal.lemma === 'lives') return null;
      const category = categoryFor(f.nominal.entries, f.headClass, new Set<PredicateKind>(['noun', 'phrase']));
      return category ? { category, cue: cueOf(f, f.nominal.at) } : null;
    },
    examples: [
      { text: 'The gendarmerie proceeded to the arrest of 17 individuals.', value: 17, category: 'detained' },
      { text: 'The bodies of 31 migrants were recovered from the desert.', value: 31, category: 'killed' },
    ],
    counterExamples: [{ text: 'The reports of 31 migrants were filed.', value: 31, category: 'killed' }],
  },
  {
    name: 'state-after-phrase',
    doc: 'A state right after the phrase, as in lists and headlines: "15 dead", "12 others wounded", "400 homes destroyed".',
    match: (f) => {
      if (!f.state || !HARMABLE.has(f.headClass)) return null;
      const category = categoryFor(f.state.entries, f.headClass, new Set<PredicateKind>(['state', 'phrase', 'verb', 'result']));
      return category ? { category, cue: cueOf(f, f.state.start, f.state.end), end: f.state.end } : null;
    },
    examples: [
      { text: 'Sixty-three dead, 212 injured, 400 homes destroyed: the toll keeps rising.', value: 212, category: 'injured' },
      { text: 'Sixty-three dead, 212 injured, 400 homes destroyed: the toll keeps rising.', value: 400, category: 'facilities' },
    ],
    counterExamples: [],
  },
  {
    name: 'state-as-noun',
    doc: 'A state used as the noun says what happened: "16 missing", "15 dead", "12 wounded".',
    match: (f) => {
      if (f.np.head === null || f.np.modifiers.length > 0) return null;
      const category = categoryFor(predicatesOf('s', f.np.headWord).map((e) => ({ ...e, kind: 'state' as const })), 'none', STATES);
      return category ? { category, cue: f.np.headWord } : null;
    },
    examples: [
      { text: 'The storm left 29 people dead and 16 missing.', value: 16, category: 'missing' },
      { text: 'The raid left five dead and 12 others wounded.', value: 5, category: 'killed' },
    ],
    counterExamples: [],
  },
  {
    name: 'subject-of-result',
    doc: 'A passive with a result names what happened to its subject: "were shot dead", "was found dead", "were taken hostage", "were hacked to death".',
    match: (f) => {
      const c = f.subject?.complement;
      if (!f.subject || !c || c.negated || !HARMABLE.has(f.headClass)) return null;
      if (!(f.subject.group.passive || f.subject.group.copula)) return null;
      const category = maybe(f, categoryFor(c.entries, f.headClass, STATES));
      return category ? { category, cue: `${cueOf(f, f.subject.group.head)} ${cueOf(f, c.start, c.end)}`, end: c.end } : null;
    },
    examples: [
      { text: 'Nine crew members are still missing at sea.', value: 9, category: 'missing' },
      { text: 'Some 7,800 evacuees are homeless after the storm.', value: 7800, category: 'displaced' },
      { text: 'Thirty-two people remain unaccounted for after the blaze.', value: 32, category: 'missing' },
      { text: 'Some 5,000 children at the border were at risk of trafficking.', value: 5000, category: 'at_risk' },
    ],
    counterExamples: [{ text: 'Twelve aid workers were taken to the capital on Monday.', value: 12, category: 'detained' }],
  },
  {
    name: 'subject-of-passive',
    doc: 'The subject of a passive is what the verb did something to: "20 displaced people … were killed", "five alleged kidnappers were lynched", "1,800 businesses were flooded".',
    match: (f) => {
      if (!f.subject || !f.subject.group.passive || f.subject.group.negated || !HARMABLE.has(f.headClass)) return null;
      const category = treatedFor(f, maybe(f, categoryFor(f.subject.entries, f.headClass, TRANSITIVE)));
      return category ? { category, cue: f.subject.cue, end: f.subject.end } : null;
    },
    examples: [
      { text: 'At least 20 displaced people waiting for food were killed in the strike.', value: 20, category: 'killed' },
      { text: 'Five alleged kidnappers were lynched by a mob.', value: 5, category: 'killed' },
      { text: 'Some 1,800 businesses were flooded overnight.', value: 1800, category: 'facilities' },
      { text: 'Five people who were being detained were killed in the fire.', value: 5, category: 'killed' },
      { text: 'More than 80,000 people were uprooted by the fighting.', value: 80000, category: 'displaced' },
      { text: 'At least 16 people were shot dead in the market.', value: 16, category: 'killed' },
    ],
    counterExamples: [{ text: 'Twelve people were not hurt in the crash.', value: 12, category: 'injured' }],
  },
  {
    name: 'subject-of-intransitive',
    doc: 'The subject of a verb that happens to its subject: "40 people died", "19 fishermen drowned", "40,000 fled", "300 people lived in the village".',
    match: (f) => {
      if (!f.subject || f.subject.group.passive || f.subject.group.negated || !HARMABLE.has(f.headClass)) return null;
      const category = maybe(f, categoryFor(f.subject.entries, f.headClass, INTRANSITIVE));
      return category ? { category, cue: f.subject.cue, end: f.subject.end } : null;
    },
    examples: [
      { text: 'Nineteen fishermen drowned after their boat overturned.', value: 19, category: 'killed' },
      { text: 'Nearly 4,000 people fled across the border last week.', value: 4000, category: 'displaced' },
      { text: 'At least 38 villagers lost their lives in the mudslide.', value: 38, category: 'killed' },
      { text: 'About 300 people lived in the village.', value: 300, category: 'population' },
    ],
    counterExamples: [{ text: 'About 300 people gathered in the village.', value: 300, category: 'population' }],
  },
  {
    name: 'modifier-state',
    doc: 'With no predicate at all, a state written before the noun says it: "we received 10 dead children and 28 wounded".',
    match: (f) => {
      for (const m of f.np.modifiers) {
        const category = categoryFor(statesOf(f.words[m]!.lower), f.headClass, STATES);
        if (category) return { category, cue: f.words[m]!.lower };
      }
      return null;
    },
    examples: [{ text: 'The hospital received 10 dead children on Sunday.', value: 10, category: 'killed' }],
    counterExamples: [{ text: 'Shells killed 20 displaced people on Sunday.', value: 20, category: 'displaced' }],
  },
  {
    name: 'neutral-verb',
    doc: 'What was done to the counted is no harm we classify: "rescued 112 people", "11 have been rescued", "1,300 flights were cancelled".',
    match: (f) => {
      const group = f.object?.group ?? (f.subject?.group.passive ? f.subject.group : null);
      // "13 bodies were found", "38,000 cases were recorded": a noun that names the harm outweighs the verb.
      // "Fourteen badly injured miners were pulled out": a harm written before the noun describes them.
      const described = f.np.modifiers.some((m) => statesOf(f.words[m]!.lower).some((e) => PEOPLE_CATEGORIES.has(e.category)));
      if (!group || !NEUTRAL_VERBS.has(group.lemma) || nounEntries(f.np.headWord).length > 0 || described) return null;
      return { category: 'other', cue: cueOf(f, group.head) };
    },
    examples: [
      { text: 'The coastguard rescued 112 people from a sinking boat.', value: 112, category: 'other' },
      { text: 'More than 1,300 flights were cancelled at the airport.', value: 1300, category: 'other' },
    ],
    counterExamples: [{ text: 'More than 1,300 people were evacuated from the airport.', value: 1300, category: 'other' }],
  },
  {
    name: 'agent-of-verb',
    doc: 'The subject of an active harm verb did the harm: "Two gunmen killed 5 villagers" counts attackers, not victims.',
    match: (f) => {
      if (!f.subject || f.subject.group.passive) return null;
      const transitive = f.subject.entries.some((e) => e.kind === 'verb') && !f.subject.entries.some((e) => e.kind === 'intransitive');
      return transitive ? { category: 'other', cue: cueOf(f, f.subject.group.head) } : null;
    },
    examples: [{ text: 'Two gunmen killed 5 villagers in the night.', value: 2, category: 'other' }],
    counterExamples: [{ text: 'Two gunmen killed 5 villagers in the night.', value: 5, category: 'other' }],
  },
  {
    name: 'measured-value',
    doc: 'The number is the value a measure changed to or stands at: "the death toll rose to 308", "fatalities reached 94", "the number of people hurt climbed to 1,340".',
    match: (f) => {
      if (!f.measured || f.measured.negated) return null;
      // "Cases and deaths increased to 17 824 and 595, respectively": each number its own measure, in order.
      const paired = respectively(f);
      const entries = paired ?? f.measured.entries;
      const category = categoryFor(entries, f.headClass === 'facility' ? 'facility' : 'none', new Set<PredicateKind>(['noun', 'state', 'phrase', 'verb']));
      if (!category) return null;
      // "the count of detained protesters": the people the measure counts name the subject.
      const near = f.words.slice(Math.max(0, f.measured.start - 4), f.measured.end + 3);
      const person = [...near].reverse().find((w) => w.pos === 'NOUN' && PERSON_NOUNS.has(w.lower) && !['dead', 'injured', 'wounded', 'missing', 'displaced'].includes(w.lower));
      const measure = f.words[f.measured.at]!;
      // "the number of confirmed cases": the measure with what describes it.
      let from = f.measured.at;
      while (from > 0 && (f.words[from - 1]!.pos === 'ADJ' || f.words[from - 1]!.pos === 'NOUN' || (f.words[from - 1]!.pos === 'VERB' && f.words[from - 1]!.form === 'ed'))) from--;
      const subject = person?.lower ?? (measure.pos === 'NOUN' && !['toll', 'number', 'total', 'dead', 'deaths'].includes(measure.lower) ? wordsText(f, from, f.measured.at + 1) : undefined);
      return { category, cue: cueOf(f, f.measured.start, f.measured.end), ...(subject ? { subject } : {}) };
    },
    examples: [
      { text: 'The death toll rose to 308 on Sunday.', value: 308, category: 'killed' },
      { text: 'The number of people hurt climbed to 1,340.', value: 1340, category: 'injured' },
      { text: 'Fatalities reached 94 by the evening.', value: 94, category: 'killed' },
    ],
    counterExamples: [{ text: 'The price rose to 308 on Sunday.', value: 308, category: 'killed' }],
  },
  {
    name: 'relative-clause',
    doc: 'A relative clause says what happened to the phrase before it: "including 540,000 who are at risk of dying", "20 people who were injured".',
    match: (f) => {
      if (!f.relative || !HARMABLE.has(f.headClass)) return null;
      const category = categoryFor(f.relative.entries, f.headClass, new Set<PredicateKind>(['verb', 'intransitive', 'state', 'phrase', 'result']));
      return category ? { category, cue: f.relative.cue, end: f.relative.end } : null;
    },
    examples: [{ text: 'Some 2.1 million children are malnourished, including 540,000 who are at risk of dying without treatment.', value: 540000, category: 'at_risk' }],
    counterExamples: [{ text: 'The strike killed five people who were being detained.', value: 5, category: 'detained' }],
  },
  {
    name: 'subset-of-total',
    doc: 'A subset takes the category of the total it is part of: "31 people, including 11 children", "among them 5 women".',
    match: (f) => {
      if (!f.subset) return null;
      const total = [...f.before].reverse().find((d) => PEOPLE_CATEGORIES.has(d.category));
      return total ? { category: total.category, cue: predicatePart(total) } : null;
    },
    examples: [{ text: 'The strike killed 31 people, including 11 children.', value: 11, category: 'killed' }],
    counterExamples: [],
  },
  {
    name: 'partitive-group',
    doc: 'A part of a group named by its harm: "seven of the dead were passengers", "14 of the injured", "Of the injured, 11 were children".',
    match: (f) => {
      const p = f.np.partitive ?? frontedPartitive(f);
      if (!p || p.head === null) return null;
      // "seven of the dead were passengers": the noun after the copula names this part.
      const group = f.subject?.group;
      const after = group?.copula ? f.words[group.end] : undefined;
      const named = after?.pos === 'NOUN' && predicatesOf('s', after.lower).length === 0 ? after.lower : undefined;
      const end = group && group.copula && !named ? group.end : undefined;
      const head = f.words[p.head]!;
      // "two of them", "35 of whom": the group counted just before.
      if (head.pos === 'PRON' || head.lower === 'whom' || head.lower === 'which' || head.lower === 'those') {
        const group = [...f.before].reverse().find((d) => PEOPLE_CATEGORIES.has(d.category));
        // "35 of them children": the noun after names this part.
        const named = f.words[p.end]?.pos === 'NOUN' ? f.words[p.end]!.lower : group?.subject;
        return group ? { category: group.category, cue: predicatePart(group), subject: named ?? group.subject } : null;
      }
      const category = categoryFor(statesOf(head.lower), 'none', STATES);
      return category ? { category, cue: head.lower, ...(named ? { subject: named } : {}), ...(end !== undefined ? { end } : {}) } : null;
    },
    examples: [
      { text: 'Of the injured, 11 were children.', value: 11, category: 'injured' },
      { text: 'Seven of the dead were passengers.', value: 7, category: 'killed' },
      { text: 'Nineteen officers were injured, two of them seriously.', value: 2, category: 'injured' },
    ],
    counterExamples: [],
  },
  {
    name: 'group-of-origin',
    doc: 'People counted inside a phrase about other people share their predicate: "478 people from 112 families are sheltering".',
    match: (f) => {
      const link = f.words[f.np.start - 1]?.lower;
      const prev = f.before[f.before.length - 1];
      if (!prev || !(link === 'from' || link === 'of' || link === 'among') || f.headClass !== 'person' || !PEOPLE_CATEGORIES.has(prev.category)) return null;
      return prev.num >= f.np.start - 4 ? { category: prev.category, cue: predicatePart(prev) } : null;
    },
    examples: [{ text: 'A total of 478 people from 112 families are sheltering in the school.', value: 112, category: 'displaced' }],
    counterExamples: [{ text: 'The shelling killed 20 people in 3 villages.', value: 3, category: 'killed' }],
  },
  {
    name: 'harm-noun',
    doc: 'A noun that names the harm itself decides before a list does: "with 740 deaths", "12 casualties", "eight bodies".',
    match: (f) => {
      if (!f.np.headWord) return null;
      const entries = nounEntries(f.np.headWord).filter((e) => e.category === 'killed' || e.category === 'injured' || e.category === 'missing');
      const category = categoryFor(entries, 'none', new Set<PredicateKind>(['noun']));
      return category ? { category, cue: f.np.headWord } : null;
    },
    examples: [
      { text: 'Suspected cases rose to 20,062 and 740 deaths.', value: 740, category: 'killed' },
      { text: 'Zambia has recorded 740 deaths since October.', value: 740, category: 'killed' },
    ],
    counterExamples: [],
  },
  {
    name: 'list-member',
    doc: 'A number listed after another with no predicate of its own shares its predicate: "12 women and 9 children", "a dozen people and 100 soldiers were hurt".',
    match: (f) => {
      const prev = f.listedAfter;
      if (!prev) return null;
      const people = PEOPLE_CATEGORIES.has(prev.category) && (f.headClass === 'person' || f.headClass === 'none' || f.headClass === 'unknown');
      const buildings = prev.category === 'facilities' && (f.headClass === 'facility' || f.headClass === 'none');
      if (!people && !buildings) return null;
      return { category: prev.category, cue: predicatePart(prev) };
    },
    examples: [{ text: 'The shelling killed 31 people, including 12 women and 9 children.', value: 9, category: 'killed' }],
    counterExamples: [],
  },
  {
    name: 'head-noun',
    doc: 'With no predicate, the counted noun may name the harm itself: "97 deaths", "4,216 cases", "500 refugees", "eight bodies", "20 hostages".',
    match: (f) => {
      if (!f.np.headWord) return null;
      const category = categoryFor(nounEntries(f.np.headWord), 'none', new Set<PredicateKind>(['noun']));
      return category ? { category, cue: f.np.headWord } : null;
    },
    examples: [
      { text: 'The ministry reported 1,532 new cases on Monday.', value: 1532, category: 'affected' },
      { text: 'Nearly 40,000 refugees arrived in Chad.', value: 40000, category: 'displaced' },
    ],
    counterExamples: [],
  },
  {
    name: 'thing-count',
    doc: 'A count of weapons, vehicles, events or supplies is a quantity: "40 rockets", "120,000 vehicles".',
    match: (f) => (f.headClass === 'thing' ? { category: 'quantity', cue: f.np.headWord } : null),
    examples: [{ text: 'Militants fired 40 rockets at the town.', value: 40, category: 'quantity' }],
    counterExamples: [],
  },
  {
    name: 'among-total',
    doc: '"Six Britons were among the 19 foreigners held": a part named before its total shares the total\'s meaning.',
    match: (f) => {
      const group = f.subject?.group;
      if (!group?.copula) return null;
      let k = group.end;
      if (f.words[k]?.lower !== 'among') return null;
      k++;
      while (f.words[k]?.pos === 'DET') k++;
      if (f.words[k]?.pos !== 'NUM') return null;
      const total = meaningOfTotal(f, k);
      return total && PEOPLE_CATEGORIES.has(total) ? { category: total, cue: '' } : null;
    },
    examples: [{ text: 'Six Britons were among the 19 foreigners held at a checkpoint.', value: 6, category: 'detained' }],
    counterExamples: [],
  },
  {
    name: 'state-no-harm',
    doc: 'A copula with a state that is no harm: "63 people had been on board", "100 people were panning for gold" count people, not victims.',
    match: (f) => {
      const group = f.subject?.group;
      if (!group || !(group.copula || (!group.passive && f.subject!.entries.length === 0 && !NEUTRAL_VERBS.has(group.lemma))) || f.subject!.complement) return null;
      if (!(f.headClass === 'person' || f.headClass === 'none' || f.headClass === 'unknown')) return null;
      // Only when nothing in the rest of the clause names a harm.
      if (nearestPredicate(f)) return null;
      return { category: 'other', cue: group.copula ? '' : cueOf(f, group.head), end: group.end };
    },
    examples: [{ text: 'About 63 people had been on board the boat.', value: 63, category: 'other' }],
    counterExamples: [{ text: 'About 63 people had been injured.', value: 63, category: 'other' }],
  },
  {
    name: 'place-count',
    doc: 'A number inside a phrase of place or means counts places or events, not victims: "killed in two air raids", "in six communities", "across 29 districts".',
    match: (f) => {
      const link = f.words[f.np.start - 1]?.lower ?? '';
      return LOCATIVE.has(link) && f.headClass !== 'person' && f.headClass !== 'none' ? { category: 'other', cue: '' } : null;
    },
    examples: [{ text: 'Thirty-one people lost their lives in six communities of the area.', value: 6, category: 'other' }],
    counterExamples: [],
  },
  {
    name: 'nearest-predicate',
    doc: 'Last resort for people: the nearest predicate in the same clause, after the phrase first ("12 people in the village, all of them injured").',
    match: (f) => {
      if (!(f.headClass === 'person' || f.headClass === 'none' || f.headClass === 'unknown')) return null;
      const near = nearestPredicate(f);
      return near;
    },
    examples: [{ text: 'More than 700,000 people in the state are at imminent risk of famine.', value: 700000, category: 'at_risk' }],
    counterExamples: [{ text: 'Officials said 45 passengers boarded, and later two drivers were hurt.', value: 45, category: 'injured' }],
  },
];

function nounEntries(word: string): readonly PredicateEntry[] {
  return predicatesOf('n', word);
}

function statesOf(word: string): readonly PredicateEntry[] {
  return [...predicatesOf('s', word), ...predicatesOf('n', word)].map((e) => ({ ...e, kind: 'state' as const }));
}

/** The nearest predicate of a people category in the number's clause, looking after the phrase, then before. */
function nearestPredicate(f: Frame): Decision | null {
  const { words } = f;
  for (let k = f.np.end; k < words.length && k < f.np.end + 12; k++) {
    const w = words[k]!;
    if (w.pos === 'NUM' || isBoundary(w) || w.text === ',' && words[k + 1]?.pos === 'CCONJ') break;
    const p = predicateAt(words, k);
    const category = p ? categoryFor(p.entries, f.headClass, ANY) : null;
    if (category && !negatedAt(words, k)) return { category, cue: cueOf(f, k, k + p!.length) };
  }
  for (let k = f.np.start - 1; k >= 0 && k >= f.np.start - 10; k--) {
    const w = words[k]!;
    // "Survivors told IOM and UN refugee agency staff that about 63 people …": the clause starts after "that".
    if (w.pos === 'NUM' || isBoundary(w) || w.text === ',' || w.lower === 'that' || (f.s.groupAt[k]! >= 0 && CLAUSE_VERBS.has(f.s.groups[f.s.groupAt[k]!]!.lemma))) break;
    const p = predicateAt(words, k);
    const category = p ? categoryFor(p.entries, f.headClass, ANY) : null;
    if (category && !negatedAt(words, k)) return { category, cue: cueOf(f, k, k + p!.length) };
  }
  return null;
}

const ANY: ReadonlySet<PredicateKind> = new Set(['verb', 'intransitive', 'state', 'phrase', 'result', 'noun']);

function negatedAt(words: Frame['words'], at: number): boolean {
  for (let k = at - 1; k >= 0 && k >= at - 3; k--) {
    const w = words[k]!;
    if (w.lemma === 'not' || w.lower === 'no' || w.lower === 'without' || w.lower === 'never') return true;
    if (!(w.pos === 'ADV' || w.pos === 'AUX')) return false;
  }
  return false;
}

/** "Of the injured, 11 were …": a partitive put before the number, at the start of its clause. */
function frontedPartitive(f: Frame): { start: number; end: number; head: number | null } | null {
  const { words } = f;
  if (words[f.np.start - 1]?.text !== ',') return null;
  let k = f.np.start - 2;
  const end = k + 1;
  while (k >= 0 && (words[k]!.pos === 'NOUN' || words[k]!.pos === 'ADJ' || words[k]!.pos === 'DET')) k--;
  if (words[k]?.lower !== 'of' || (k > 0 && !isBoundary(words[k - 1]) && words[k - 1]!.text !== ',')) return null;
  return { start: k, end, head: end - 1 };
}

/** "treated 56 people for acute watery diarrhoea": care for a disease counts cases, not injuries. */
function treatedFor(f: Frame, category: Category | null): Category | null {
  if (category !== 'injured') return category;
  for (let k = f.np.end; k < f.words.length && k < f.np.end + 10; k++) {
    const w = f.words[k]!;
    if (isBoundary(w)) break;
    if ((w.lower === 'for' || w.lower === 'with') && f.words.slice(k + 1, k + 6).some((x) => DISEASES.has(x.lower))) return 'affected';
  }
  return category;
}

/** The category the rules give the number at word `n` (for a part named before its total). */
function meaningOfTotal(f: Frame, n: number): Category | null {
  const total = frameOf(f.s, n, f.before);
  for (const rule of MEANING_RULES) {
    if (rule.name === 'among-total' || rule.name === 'state-no-harm') continue;
    const d = rule.match(total);
    if (d) return d.category;
  }
  return null;
}

/** What a decided figure's label says beyond its subject: "people killed" → "killed". */
function predicatePart(d: Decided): string {
  return d.label.startsWith(`${d.subject} `) ? d.label.slice(d.subject.length + 1) : d.label;
}

/** With "respectively", the number's place in its list picks the measure at the same place. */
function respectively(f: Frame): readonly PredicateEntry[] | null {
  const { words } = f;
  if (!f.measured || !words.some((w) => w.lower === 'respectively')) return null;
  // The numbers of the list: this one and those joined to it by "and" or commas.
  let first = f.np.start;
  while (first >= 2 && (words[first - 1]!.lower === 'and' || words[first - 1]!.text === ',') && words[first - 2]!.pos === 'NUM') first -= 2;
  const place = (f.np.start - first) / 2;
  // The measures, in order: predicate nouns of the measured phrase's clause.
  const measures: (readonly PredicateEntry[])[] = [];
  for (let k = Math.max(0, f.measured.start - 8); k <= f.measured.at; k++) {
    const w = words[k]!;
    if (w.pos !== 'NOUN') continue;
    const entries = predicatesOf('n', w.lower);
    if (entries.length) measures.push(entries);
  }
  return measures.length > place && measures.length > 1 ? measures[place]! : null;
}
