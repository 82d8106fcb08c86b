/**
 * What a number counts: its category (CONTRACT.md's table), the counted noun (`subject`) and a
 * short card label, read from the words between the neighbouring numbers of the same sentence.
 */
import type { Category } from './types';
import type { NumberMention } from './numbers';
import { shortTopic, topicAfter, topicBefore } from './topic';

interface Cue {
  readonly re: RegExp;
  readonly category: Category;
  /** Label word; `null` uses the words as matched ("malnourished", "taken shelter"). */
  readonly label: string | null;
}

// The nearest cue wins; at the same position the earlier entry does.
// "treated for acute watery diarrhoea": treatment for a disease counts cases, not injuries.
const DISEASE = String.raw`(?:for|with)\s+(?:suspected\s+|severe\s+|acute\s+|watery\s+|bloody\s+|probable\s+){0,3}(?:cholera|measles|malaria|dengue|mpox|ebola|covid|influenza|flu|typhoid|diphtheria|meningitis|diarrh\w+|symptoms|fever|infections?|the\s+(?:disease|virus|infection))\b`;
const DISEASE_AFTER = new RegExp(String.raw`^[^.;]{0,40}?\b${DISEASE}`, 'i');

const CUES: readonly Cue[] = [
  { re: /\b(?:forced|driven|chased|pushed)\s+(?:to\s+(?:leave|flee|abandon)|from|out\s+of)\s+(?:their\s+)?homes?\b|\b(?:from|out\s+of|left|leave|fled|flee|abandoned|abandon)\s+their\s+(?:homes?|villages?|towns?)\b/i, category: 'displaced', label: 'forced from homes' },
  { re: /\b(?:lost\s+their\s+lives|lives\s+(?:were\s+)?lost|claimed\s+(?:the\s+)?lives|confirmed\s+dead|left\s+dead|(?:crushed|burned|burnt|stabbed|beaten|trampled|hacked|starved)\s+to\s+death|(?:shot|found|declared|pronounced|presumed)\s+dead|succumbed|did\s+not\s+survive|burned\s+alive|buried\s+alive|fatally)\b/i, category: 'killed', label: 'dead' },
  { re: /\b(?:feared\s+(?:dead|drowned|buried|trapped|lost)|lost\s+at\s+sea|whereabouts|(?:yet|still)\s+to\s+be\s+(?:found|located|traced|accounted\s+for)|not\s+(?:yet\s+)?(?:been\s+)?(?:found|located|traced|accounted\s+for)|still\s+being\s+sought)\b/i, category: 'missing', label: 'missing' },
  { re: /\b(?:at\s+risk|risk\s+of|threatened|in\s+danger|vulnerable|could\s+be\s+(?:forced|displaced|affected|killed|cut\s+off)|in\s+the\s+path|in\s+harm['’]s\s+way|exposed\s+to|trapped|besieged|encircled|(?:could|may|might)\s+(?:soon\s+)?(?:face|need|lose)|likely\s+to\s+(?:face|need|be\s+(?:affected|displaced|hit)))\b/i, category: 'at_risk', label: 'at risk' },
  { re: /\b(?:killed|killing|kills?)\b/i, category: 'killed', label: 'killed' },
  { re: /\b(?:died|dead|deaths?|death\s+toll|toll|fatalities|fatality|bodies|corpses|remains\s+of|perished|drowned|massacred|executed|slain|murdered|dying|die|deceased|lynched|beheaded)\b/i, category: 'killed', label: 'dead' },
  { re: new RegExp(String.raw`\b(?:(?:sought|seeking|received|receiving|needed|needing|required|requiring)\s+(?:medical\s+)?)?(?:treated|treating|treatment|admitted|hospitali[sz]ed)\s+(?:[a-z]+\s+){0,3}?${DISEASE}`, 'i'), category: 'affected', label: 'cases' },
  { re: /\b(?:injur\w*|wounded|wounding|hurt|maimed|treat(?:ed|ing)|burns|in\s+intensive\s+care|(?:sustained|suffered)\s+(?:\w+\s+)?(?:injuries|wounds|fractures|burns)|(?:needed|needing|received|receiving|required|requiring|sought)\s+(?:\w+\s+)?(?:medical\s+)?(?:treatment|attention|care))\b/i, category: 'injured', label: 'injured' },
  { re: /\b(?:hospitali[sz]\w*|(?:admitted|rushed|taken|airlifted|flown|brought|ferried)\s+to\s+(?:(?:a|the|local|nearby)\s+)?(?:[a-z][\w'’.-]*\s+){0,3}?(?:hospitals?|clinics?|infirmar(?:y|ies)))\b/i, category: 'injured', label: 'hospitalised' },
  { re: /\b(?:missing|unaccounted\s+for|disappeared|vanished)\b/i, category: 'missing', label: 'missing' },
  { re: /\b(?:displaced|displacing|displacement|uprooted|made\s+homeless|left\s+homeless|relocated|resettled|rehoused|(?:told|ordered|forced|made)\s+to\s+(?:leave|evacuate|flee|move\s+out))\b/i, category: 'displaced', label: 'displaced' },
  { re: /\b(?:evacuated|evacuating|evacuees?|evacuations?)\b/i, category: 'displaced', label: 'evacuated' },
  { re: /\b(?:fled|fleeing|flee|refugees?|asylum[-\s]seekers?|crossed\s+(?:the\s+border\s+)?into|crossed\s+the\s+border)\b/i, category: 'displaced', label: 'fled' },
  { re: /\b(?:homeless|lost\s+their\s+homes|(?:taken|took|taking|take|sought|seeking|seek|found|finding)\s+(?:shelter|refuge)|sheltering|sheltered|(?:moved|relocated|resettled)\s+to\s*(?:safety|shelters?|camps?|safer)?|in\s+(?:relief\s+|evacuation\s+|displacement\s+|temporary\s+|emergency\s+)?(?:camps|shelters|tents|centres|centers|sites))\b/i, category: 'displaced', label: null },
  { re: /\b(?:arrested|arrests?|detained|detaining|detention|abduct\w*|kidnap\w*|jailed|imprisoned|hostages?|in\s+custody|into\s+custody|captured|rounded\s+up|taken\s+captive|held\s+captive|captives?|in\s+captivity|seized|snatched|carried\s+off|taken\s+away|led\s+away|apprehended|remanded)\b/i, category: 'detained', label: 'detained' },
  { re: /\b(?:cases|infected|infections?|tested\s+positive|fell\s+(?:ill|sick)|sickened|diagnosed|contracted|showing\s+symptoms)\b/i, category: 'affected', label: 'cases' },
  { re: /\b(?:in\s+need|(?:need(?:s|ed|ing)?|requir(?:e|es|ed|ing))\s+(?:of\s+)?(?:urgent\s+)?(?:humanitarian\s+|food\s+|emergency\s+)?(?:aid|assistance|help|support|food|relief)|food[-\s]insecur(?:e|ity)|hunger|famine|(?:acutely\s+)?malnourished|malnutrition|hungry|starving|stranded|(?:without|lacking|lack|lacks|no)\s+(?:access\s+to\s+)?(?:running\s+|clean\s+|safe\s+|drinking\s+|piped\s+)?(?:food|water|power|electricity|shelter|healthcare|health\s+care|sanitation))\b/i, category: 'affected', label: null },
  { re: /\b(?:affected|affecting|hit\s+by|have\s+hit|has\s+hit|impacted|(?:depend|depends|rely|relies|dependent)\s+on)\b/i, category: 'affected', label: 'affected' },
  { re: /\b(?:lost|losing|lose)\s+(?:their\s+|all\s+their\s+)?(?:livelihoods?|jobs|income|incomes|crops|harvests?|livestock|herds|businesses)\b/i, category: 'affected', label: null },
  { re: /\b(?:(?:without|lost|losing|cut\s+off)\s+(?:power|electricity|water)|power\s+(?:to|for)|power\s+outages?|blackouts?)\b/i, category: 'affected', label: 'without power' },
  { re: /\bcut\s+off\b|\bisolated\b/i, category: 'affected', label: 'cut off' },
  { re: /\b(?:to\s+)?(?:help|assist|reach|feed|support)\b/i, category: 'affected', label: 'in need' },
  { re: /\b(?:live|lives|living|reside|residing)\s+(?:in|on|along|near|around|across)\b(?!\s+(?:\w+\s+)?(?:camps|shelters|tents))/i, category: 'population', label: 'inhabitants' },
];
// All cues in one alternation (one group each): one scan per window instead of one per cue.
const ANY_CUE = new RegExp(CUES.map((cue) => `(${cue.re.source})`).join('|'), 'gi');

// A cue right before the number governs it: "killing at least 20", "death toll rose to 120".
const FILLER_GAP = /^(?:\s|,|:|\(|\b(?:at|least|more|than|some|about|nearly|almost|to|of|rose|risen|has|had|have|climbed|reached|stood|stands|is|was|were|are|now|an|a|estimated|over|around|up|the|by|jumped|increased|hit|another|further|total|totalled|totaling|totalling|be|been|included|including|treating|treated)\b)*$/i;
const CLAUSE_BREAK = /[,;:()]|\b(?:that|which|who|when|while|after|before|because|as|but)\b/i;
const POPULATION_BEFORE = /\b(?:home\s+to|population\s+(?:is\s+|was\s+|now\s+)?(?:estimated\s+|put\s+|thought\s+)?(?:at|of|to\s+be)|(?:city|town|country|nation|province|region|state|district)\s+of|inhabited\s+by|houses)\s+(?:(?:about|around|some|nearly|almost|more\s+than|over|an\s+estimated)\s+)?$/i;
const LIST_MEMBER_BEFORE = /^\s*[a-z]+(?:\s+[a-z]+)?(?:,\s+|,?\s+(?:and|or)\s+)$/i;
const SUBSET_BEFORE = /\b(?:including|includ(?:e|es|ed)|among\s+(?:them|whom|those|the\s+dead|the\s+victims)|of\s+whom|of\s+which|of\s+them|of\s+those)\b(?:\s+(?:those\s+of|at\s+least|some|more\s+than|about|nearly|an\s+estimated))*\s*$/i;
// "and another 9,300 damaged": a count coordinated with the previous one, of the same thing.
const COORDINATED_BEFORE = /^\s*(?:\w+\s+){0,3}?(?:and|but|with|while)\s+(?:another|a\s+further|an\s+additional|some|at\s+least)?\s*$/i;
// "seven of the dead were passengers", "14 of the injured were in a serious condition".
const OF_GROUP_AFTER = /^\s+of\s+(?:the|them|those)\s+([a-z]+)(?:\s+(?:were|was|are|is|had\s+been|have\s+been)\s+(?:(?:in\s+(?:a\s+)?)?([a-z]+)))?/i;
const OF_TOTAL = /^\s+(?:of|out\s+of)\s+(?:the\s+)?(?:[\p{L}-]+['’]s\s+)?(?:its\s+|their\s+)?(?:\d[\d,.]*|(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|hundred)[a-z-]*)\s+([a-z]+)/u;
const CONDITION_AFTER = /^[^.;]{0,40}?\b(?:were|was|are|is|remain(?:ed)?)\s+in\s+(?:a\s+)?(serious|critical|stable|grave)\s+condition/i;
const LIVES_CLAIMED = /\bclaim(?:ed|ing|s)?\s+(?:the\s+)?(?:at\s+least\s+|more\s+than\s+|some\s+|nearly\s+)?$/i;
const DAMAGE_BEFORE = /\b(damaged|destroyed|flattened|razed|flooded|burned|burnt|levelled|leveled|swept\s+away)\s+(?:(?:at\s+least|more\s+than|some|nearly|another|a\s+further)\s+)?$/i;
const CASE_KIND = /\b(confirmed|suspected|probable|new)\b/i;

const PERSON_NOUNS = /^(?:people|persons?|civilians?|children|child|kids|women|men|man|woman|residents?|families|family|households?|villagers|troops|soldiers|fighters|militants|rebels|police(?:men)?|officers|refugees|migrants|patients|workers|students|pupils|babies|infants|girls|boys|adults|elderly|individuals|pilgrims|passengers|miners|farmers|fishermen|journalists|staff|volunteers|victims|survivors|inmates|prisoners|detainees|protesters|demonstrators|lives|dead|others|more|citizens|nationals|inhabitants|minors|teenagers|youths|medics|doctors|nurses|teachers|evacuees|tourists|climbers|trekkers|crew|sailors|mourners|worshippers|shoppers|commuters|voters|employees|officials|guards|drivers|operators|members|hikers|firefighters|rescuers|relatives|suspects|bandits|pirates|gunmen|hostages|captives|abductees|sudanese|syrians|afghans|rohingya|bodies|casualties|deaths|cases|fatalities)$/i;
// Plural nouns for people not in the list ("devotees", "labourers", "motorists", "seafarers").
const PERSON_SUFFIX = /(?:ers|ees|ists|ians|ors|ants|ents|men|women|girls|boys|children)$/i;
const NOT_PERSON = /^(?:numbers|containers|centers|towers|rivers|letters|papers|computers|meters|metres|litres|liters|dollars|members?hips|years|hours|quarters|headquarters|borders|waters|orders|reports|agents|governments|departments|settlements|parliaments|incidents|accidents|events|payments|shipments|instruments|segments|statements|documents|elements|investments|treatments|assessments|tents|percents|cents|ministers|indicators|sectors|factors|doors|floors|districts|regions|provinces|countries|states|municipalities|counties|areas|zones|hectares|acres)$/i;
const BUILDING_NOUNS = /^(?:houses?|homes?|buildings?|hospitals?|schools?|clinics?|facilit(?:y|ies)|centres?|centers?|villages?|towns?|shelters?|bridges?|markets?|mosques?|churches?|chapels?|temples?|synagogues?|monasteries|pagodas?|structures?|dwellings?|shops?|businesses|classrooms?|posts?|wells?|boreholes?|latrines?|roads?|apartments?|flats?|homesteads?|huts?|offices?|factories|plants?|stations?|camps?|carriages?|properties|hectares|warehouses?|hotels?|residences?|cottages?|cabins?|barns?|sheds?|kiosks?|stalls?|colleges?|universities|kindergartens?|prisons?|dams?|tunnels?|pylons?|towers?|units|premises|mills?|granaries|stores?|farms?|farmhouses?)$/i;
const THING_NOUNS = /^(?:rockets?|missiles?|shells?|drones?|bombs?|tanks?|vehicles?|trucks?|lorries|aircraft|jets?|helicopters?|boats?|ships?|airstrikes?|strikes?|attacks?|raids?|explosions?|mortars?|rounds?|aftershocks?|tremors?|tents?|kits?|meals?|rations?|doses?|vaccines?|parcels?|containers?|trees|flights?|trains?|wildfires?|fires?|blazes?|tornadoes|tornados|landslides?|earthquakes?|quakes?)$/i;
const DAMAGE = /\b(damaged|destroyed|flattened|collapsed|razed|bombed|hit|attacked|struck|flooded|submerged|under\s+water|underwater|inundated|buried|marooned|cut\s+off|burned|burnt|looted|levelled|leveled|shelled|targeted|closed|swept\s+away|washed\s+away|in\s+ruins|out\s+of\s+service|affected|derailed|overturned|gutted|torched|set\s+ablaze|set\s+alight|reduced\s+to\s+rubble|wrecked|demolished|ruined|cracked|uninhabitable|unsafe|shut|vandali[sz]ed|ransacked|blocked|impassable|to\s+(?:close|shut)|shut\s+down)\b/i;
// Animals are never people: "1,800 penguins were oiled", "300 goats were killed" are counts of them.
const ANIMAL_NOUNS = /^(?:animals|cattle|livestock|cows|calves|bulls|oxen|goats|sheep|camels|donkeys|horses|mules|pigs|hogs|poultry|chickens|hens|ducks|geese|birds|seabirds|penguins|pelicans|gulls|flamingos|fish|dolphins|porpoises|whales|seals|turtles|tortoises|dogs|cats|elephants|rhinos|lions|giraffes|zebras|deer|antelopes|bees|pets|wildlife|creatures|mammals|reptiles|crocodiles|monkeys|gorillas|chimpanzees)$/i;
// "None of its 23 crew members was hurt": the count is of the group, not of the harmed.
const NONE_OF_BEFORE = /\b(?:none|neither|nobody|no\s*one|not\s+(?:one|a\s+single)(?:\s+person)?)\s+(?:of|among)\s+(?:the\s+|its\s+|their\s+|those\s+|all\s+)?$/i;
// "were not hurt", "none of whom was injured", "escaped without being hurt": a cue said not to apply.
// Only auxiliaries and degree words may stand between: "had not been vaccinated died" is not negated.
const NEGATED_BEFORE_CUE = /\b(?:not|never|no|none|nobody|without|n['’]t)\b(?:\s+(?:been|being|be|yet|seriously|badly|critically|fatally|immediately|physically|reported|one|of\s+(?:them|whom|the\s+\w+)|was|were|is|are|had|has|have))*\s*$/i;
const PART_OF_WHOLE = /^\s+(?:of|out\s+of)\s+(?:the\s+)?(?:[\p{L}-]+['’]s?\s+)?(?:its\s+|their\s+|an?\s+|some\s+|about\s+)?[\d.,]+(?:\s*(?:million|billion|m|bn))?\s*[\p{L}³²/]+(\s+of\s.*)$/su;
const SHARE_VERB_BEFORE = /\b(?:accounts?|accounted|accounting|represents?|represented|makes?\s+up|made\s+up|comprises?|comprised|constitutes?|constituted)\s+(?:for\s+)?$/i;
const COMPARED_BEFORE = /\b(?:down|up|compared\s+(?:with|to)|against|versus|vs\.?|from)\s+(?:from\s+)?(?:a\s+|an\s+)?$/i;
const OF_PEOPLE_GROUP = /^\s+of\s+(?:the|them|those|its|their)\s+([a-z]+)\b/i;
const CUE_WORD = new RegExp(`^(?:${CUES.map((cue) => cue.re.source).join('|')})$`, 'i');
const OF_FRAME = /\b(?:of|among)\s+(?:the|those)\s+(?:[a-z]+\s+){0,2}?[a-z]+,\s*$/i;
// "23% of that sum had been pledged": the share named by its noun and participle.
const SHARE_OF = /^\s+of\s+(?:the\s+|that\s+|this\s+|its\s+|their\s+|those\s+|these\s+)?((?:[a-z-]+\s+){0,2}?[a-z-]+)\s+(?:(?:had|has|have)\s+been|was|were|is|are|be)\s+((?:already\s+|so\s+far\s+)?[a-z]+(?:ed|en))\b/i;
// Words that end the counted noun phrase: auxiliaries, prepositions, verbs of the cues.
const PHRASE_STOP = /^(?:have|has|had|were|was|are|is|be|been|being|will|would|could|can|may|might|must|who|whom|which|that|in|on|at|from|since|during|after|before|by|with|and|or|but|to|for|as|across|into|including|said|says|say|this|these|those|their|its|his|her|per|than|while|when|where|because|killed|died|dead|injured|wounded|missing|displaced|evacuated|fled|arrested|detained|destroyed|damaged|affected|remain|remained|left|lost|still|now|also|already|last|each|every|a|an|the|under|over|about|through|without|within|near|between|against|among|amid|out|off|up|down|so|did|do|does|not|no|more|less|whose|like|such|overnight|yesterday|today|tonight|daily|annually|alone|aboard|there|here|of|live|living|reside|residing|lacks|has|hold|holds|need|needs|face|faces|facing|lack|lacking|require|requiring|die|got|get|went|go|fled|flee|were|rely|depend|sought|took|taken|found|sent|kept|held|caught|brought|made|gave|saw|became|stayed|spent|ran|fell|came|began|lay|stood|perished|drowned|hurt|survived|escaped|crossed|sheltered|succumbed|vanished|seized|abducted|kidnapped|carried|taking|seeking|remains|along|around|beyond|toward|towards|past|inside|outside|throughout|onto|upon|via|despite|following|near|amid|later|then|ago|earlier|them|us|him|it|they|we|you|needed|required|received|reported|recorded|remained|returned|stayed|arrived|attended|gathered|joined|require|requires|receive|receives)$/i;

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
  const all = m[1]!.trim().split(/\s+/);
  for (const [i, word] of all.entries()) {
    // "14 badly injured miners": an adverb and a harm participle before the noun leave it counted.
    const nextNoun = /^[a-z][a-z-]*s$/.test(all[i + 1] ?? '') && !PHRASE_STOP.test(all[i + 1]!);
    if (words.length === 0 && /^[a-z]+ly$/.test(word) && HARM_PARTICIPLE.test(all[i + 1] ?? '')) continue;
    if (words.length === 0 && HARM_PARTICIPLE.test(word) && nextNoun) continue;
    if (PHRASE_STOP.test(word)) break;
    // A capitalised word starts a name, not the counted noun, unless it is a people ("Palestinians")
    // or modifies a plain plural after it ("African penguins", "Ferrovale engineers").
    const modifier = words.length === 0 && /^\p{Lu}[\p{L}-]*$/u.test(word) && /^[a-z][a-z-]*s$/.test(all[i + 1] ?? '') && !PHRASE_STOP.test(all[i + 1]!);
    if (!/^[a-z]/.test(word) && !(words.length === 0 && DEMONYM_PLURAL.test(word)) && !modifier) break;
    if (words.length > 0 && /ed$/.test(word)) break; // "attacks carried out": a participle ends the noun
    words.push(word.toLowerCase());
    if (words.length === 4) break;
  }
  return words.slice(-2).join(' ');
}

const HARM_PARTICIPLE = /^(?:injured|wounded|displaced|missing|detained|evacuated|affected|abducted|kidnapped|arrested|stranded|trapped|rescued|infected)$/;
const DEMONYM_PLURAL = /^\p{Lu}\p{Ll}+(?:ians|ans|ese|is|ites|ers)$/u;

const headOf = (subject: string): string => subject.split(' ').pop() ?? '';

function nearestCue(window: string, fromEnd: boolean): { cue: Cue; at: number; end: number; text: string } | null {
  let best: { cue: Cue; at: number; end: number; text: string } | null = null;
  ANY_CUE.lastIndex = 0;
  for (let m = ANY_CUE.exec(window); m; m = ANY_CUE.exec(window)) {
    const index = m.findIndex((group, i) => i > 0 && group !== undefined);
    best = { cue: CUES[index - 1]!, at: m.index, end: m.index + m[0].length, text: m[0] };
    if (!fromEnd) break;
  }
  return best;
}

const cueLabel = (found: { cue: Cue; text: string }): string => found.cue.label ?? found.text.toLowerCase().replace(/\s+/g, ' ');

const CAUSE_AFTER = /^\s+(?:of|from)\s+((?:[a-z][a-z-]*\s*){1,3})/;
const SHELTER_KIND = /\b(camps?|shelters?|tents|schools|evacuation\s+centres)\b/i;

/** The cue label plus what the words right after it add: "dead from heat-related causes", "taken shelter in camps". */
function detailed(found: { cue: Cue; text: string; end: number }, window: string): string {
  const label = cueLabel(found);
  const next = window.slice(found.end, found.end + 60);
  if (found.cue.category === 'killed') {
    const cause = CAUSE_AFTER.exec(next);
    const words = cause ? cause[1]!.trim().split(/\s+/).filter((w) => !/^(?:since|in|on|at|after|the|and|a)$/.test(w)) : [];
    return words.length ? `${label} from ${words.join(' ')}` : label;
  }
  if (found.cue.label === null && found.cue.category === 'displaced') {
    const kind = SHELTER_KIND.exec(next.slice(0, 50));
    if (!kind || label.includes(kind[1]!.toLowerCase())) return label;
    return /\bto$/.test(label) ? `${label} ${kind[1]!.toLowerCase()}` : `${label} in ${kind[1]!.toLowerCase()}`;
  }
  return label;
}

export interface MeaningContext {
  readonly mention: NumberMention;
  /** Words between the previous number of the sentence (or its start) and this mention. */
  readonly before: string;
  /** Words from the start of the sentence (at most a window) to this mention. */
  readonly sentenceBefore: string;
  /** Words of the sentence before the previous number (empty when there is none). */
  readonly beforePrevious: string;
  /** Words between this mention and the next number of the sentence (or its end). */
  readonly after: string;
  /** Words from this mention to the end of the sentence, for "20 people, including 5 children, were killed". */
  readonly rest: string;
  /** The meaning of the previous count of people in the sentence, for subsets ("including 130 children"). */
  readonly previous: Meaning | null;
  /** The meaning of the previous figure of the sentence, for "and another 9,300 damaged". */
  readonly previousMeaning: Meaning | null;
}

const PEOPLE: ReadonlySet<Category> = new Set(['killed', 'injured', 'missing', 'displaced', 'affected', 'at_risk', 'detained', 'population']);

function withSubject(category: Category, subject: string, label: string, after = '', before = ''): Meaning {
  const counted = subject || (PEOPLE.has(category) ? 'people' : '');
  let text = `${counted} ${label}`.trim();
  if (label === 'cases') {
    const kind = CASE_KIND.exec(counted) ? null : CASE_KIND.exec(after.slice(0, 60)) ?? CASE_KIND.exec(before.slice(-40));
    text = counted.includes('case') ? counted : `${kind ? `${kind[1]!.toLowerCase()} ` : ''}${counted === 'people' ? '' : `${counted} `}cases`.trim();
  }
  const condition = CONDITION_AFTER.exec(after);
  if (condition) text += ` in ${condition[1]!.toLowerCase()} condition`;
  return { category, subject: counted, label: text };
}

const AMOUNT_VERB = /^(?:hit|hits|struck|strikes|swept|sweeps|fell|falls|rose|rises|cost|costs|left|leaves|made|makes|caused|causes|brought|brings|poured|pours|lashed|lashes|battered|batters|pounded|pounds|reached|reaches|fell|covered|covers|spread|spreads|came|comes|went|goes)$/;

/** An amount, share or measure: named by the phrase it is attached to. */
function amountMeaning(ctx: MeaningContext, counted: string): Meaning {
  // "grew 2.9% …, down from 3.5%": the earlier value of the same measure.
  const kind: Category = ctx.mention.unitKind === 'currency' ? 'money' : ctx.mention.unitKind === 'percent' ? 'percentage' : 'quantity';
  const p = ctx.previousMeaning;
  if (p && p.category === kind && COMPARED_BEFORE.test(ctx.before)) return { category: kind, subject: p.subject, label: `${p.label} earlier` };
  // "210 km/h battered the coast": a past tense right after an amount is its verb, not its noun.
  let subject = /^[a-z]+ed$/.test(counted) || AMOUNT_VERB.test(counted.split(' ')[0]!) ? '' : counted;
  const { mention, before, after } = ctx;
  if (mention.unitKind === 'percent') {
    // "raised its key rate by 50 basis points to 6.5%": the topic sits before the first number.
    const topic = topicBefore(before) ?? (/^[\s\w]{0,25}$/.test(before) ? topicBefore(ctx.beforePrevious) : null);
    // "the response was only 14% funded"
    const participle = /^\s+(?:(?:has|have|had)\s+been\s+|(?:was|were|is|are)\s+(?:only\s+)?)?([a-z]+ed)\b/.exec(after)?.[1];
    // "the currency has lost 40% of its value"
    const whose = /^\s+of\s+(?:its|their|his|her)\s+([a-z]+)/.exec(after)?.[1];
    // "accounts for more than 80% of its exports": the share is of the noun after it.
    const whole = SHARE_VERB_BEFORE.test(before) ? /^\s+of\s+(?:its|their|his|her|the|all)\s+((?:[a-z-]+\s+)?[a-z-]+)/.exec(after)?.[1] : undefined;
    if (whole) return { category: 'percentage', subject: whole, label: `share of ${whole}` };
    if (topic) return { category: 'percentage', subject: topic, label: [shortTopic(topic), whose, participle].filter(Boolean).join(' ') };
    const share = SHARE_OF.exec(after);
    // "only 9% of that had been secured": a pronoun names nothing, the participle still does.
    const owner = share && !/^(?:that|this|it|them|these|those|which)$/i.test(share[1]!) ? share[1]!.toLowerCase() : null;
    if (share) return { category: 'percentage', subject: owner ?? 'share', label: ['%', owner, share[2]!.toLowerCase()].filter(Boolean).join(' ') };
    // "40% of children under five … were acutely malnourished", "40% of the population"
    if (!subject) subject = countedNoun(after.replace(/^\s+of\s+(?:the|its|their)\s+/i, ' '));
    const cue = nearestCue(ctx.rest.slice(0, 120), false);
    const label = [subject, cue ? cueLabel(cue) : ''].filter(Boolean).join(' ');
    return { category: 'percentage', subject, label: label ? `% ${label}` : participle ? `% ${participle}` : 'percent' };
  }
  // "$250 million in emergency aid", "a $7 billion loan", "a relief package of Rs 1,200 crore";
  // "R$ 2.5 billion (US$460 million) of the company's assets": past a conversion in parentheses;
  // "400 tonnes of the ship's 1,100 tonnes of fuel oil": what the whole counts.
  // "a 28.7 trillion naira ($18.4 billion) budget": the noun after the conversion is the amount's.
  const paren = /^\s*\([^()]{1,60}\)(.*)$/s.exec(ctx.rest)?.[1];
  // "release 2,500 million pesos (about $600,000) for emergency aid": what it is for, past the
  // conversion, unless a noun before already owns the amount ("a relief package of Rs 1,200 crore").
  const purposeAfterParen = paren !== undefined && /^\s+(?:for|in)\s/.test(paren) && !/\bof\s*$/.test(before);
  const later = PART_OF_WHOLE.exec(ctx.rest)?.[1] ?? (paren !== undefined && (/^\s+of\s/.test(paren) || purposeAfterParen) ? paren : undefined);
  const attributive = paren !== undefined ? countedNoun(paren) : '';
  const topic = topicAfter(after) ?? (later !== undefined ? topicAfter(later) : null)
    ?? (subject || attributive || topicBefore(before) || (/^[\s\w]{0,25}$/.test(before) ? topicBefore(ctx.beforePrevious) : null));
  const category: Category = mention.unitKind === 'currency' ? 'money' : 'quantity';
  const named = topic || subject;
  const label = [named ? shortTopic(named) : '', mention.unitKind === 'measure' ? mention.unit : ''].filter(Boolean).join(' ');
  const fallback = mention.unitKind === 'currency' ? 'amount' : mention.unit ?? '';
  return { category, subject: named || fallback, label: label || fallback };
}

/** Category, subject and label of one number mention. */
export function meaningOf(ctx: MeaningContext): Meaning {
  const { mention, before, after } = ctx;
  const counted = countedNoun(after);
  if (mention.unitKind !== null) return amountMeaning(ctx, counted);
  // "rescued 12 of the farmers": a group of people with no cue of its own is what is counted.
  const group = counted ? null : OF_PEOPLE_GROUP.exec(after)?.[1]?.toLowerCase() ?? null;
  const subject = group && PERSON_NOUNS.test(group) && !CUE_WORD.test(group) ? group : counted;
  const head = headOf(subject);
  if (ANIMAL_NOUNS.test(head) || /^head$/.test(head) && /^\s*head\s+of\s+[a-z]+/i.test(after)) return otherMeaning(subject, after, 'other');
  // Only when a cue after the counted noun is negated: "none of the 12 hostages has been freed" still counts hostages.
  const afterNoun = head ? after.slice(Math.max(0, after.toLowerCase().indexOf(head) + head.length)) : after;
  if (NONE_OF_BEFORE.test(before) && nearestCue(afterNoun.slice(0, 80), false)) return { category: 'other', subject: subject || 'people', label: subject || 'people' };

  // "29 of the state's 35 districts": the noun after the second number is what both count.
  const ofTotal = !subject ? OF_TOTAL.exec(ctx.rest) : null;
  if (ofTotal && !PERSON_NOUNS.test(ofTotal[1]!)) return { category: 'other', subject: ofTotal[1]!.toLowerCase(), label: ofTotal[1]!.toLowerCase() };
  const ofGroup = OF_GROUP_AFTER.exec(after);
  if (!subject || ofGroup) {
    const group = ofGroup ? nearestCue(ofGroup[1]!, false) : null;
    if (group && ofGroup) {
      // "19 of the dead were children" counts children; "19 of the hostages" counts hostages.
      const part = ofGroup[2] && PERSON_NOUNS.test(ofGroup[2]) ? ofGroup[2].toLowerCase()
        : PERSON_NOUNS.test(ofGroup[1]!) && !/^(?:dead|deaths|bodies|casualties|cases)$/i.test(ofGroup[1]!) ? ofGroup[1]!.toLowerCase() : '';
      // "six of the wounded later died": the subset moved to another category.
      const rest = after.slice(ofGroup.index + ofGroup[0].length - (ofGroup[2]?.length ?? 0));
      const moved = nearestCue(rest.slice(0, 60), false);
      if (moved && !CLAUSE_BREAK.test(rest.slice(0, moved.at)) && moved.cue.category !== group.cue.category && !negated(rest, moved.at)) {
        return withSubject(moved.cue.category, part, cueLabel(moved), after, before);
      }
      return withSubject(group.cue.category, part, cueLabel(group), after, before);
    }
  }
  const immediate = nearestCue(after.slice(0, 40), false);
  const immediateOk = immediate !== null && !CLAUSE_BREAK.test(after.slice(0, immediate.at));
  if (!subject && ctx.previousMeaning && COORDINATED_BEFORE.test(before) && !immediateOk) {
    const damage = DAMAGE.exec(after);
    const p = ctx.previousMeaning;
    return p.category === 'facilities' && damage
      ? { category: 'facilities', subject: p.subject, label: `${p.subject} ${damage[1]!.toLowerCase()}` }
      : { ...p };
  }
  // Buildings count as facilities when something happened to them ("taken to 5 hospitals" is not).
  // "damaged 14 hospitals and 220 schools": the second member of the list shares the verb.
  const sharedDamage = ctx.previousMeaning?.category === 'facilities' && /^\s*(?:[a-z-]+\s+){0,2}?(?:,|and|or|as\s+well\s+as)\s*$/i.test(before) ? DAMAGE.exec(ctx.previousMeaning.label) : null;
  const damage = head && BUILDING_NOUNS.test(head) ? DAMAGE.exec(after.slice(0, 80)) ?? DAMAGE.exec(before.slice(-60)) ?? sharedDamage : null;
  if (damage) return { category: 'facilities', subject, label: `${subject} ${damage[1]!.toLowerCase()}` };
  if (head && BUILDING_NOUNS.test(head)) return { category: 'other', subject, label: subject };
  // The counted noun may itself say what happened: "97 deaths", "4,216 suspected cases", "eight bodies".
  const own = head ? nearestCue(head, false) : null;
  if (own && !/^(?:dead|more|others)$/.test(head)) {
    return withSubject(own.cue.category, subject, own.cue.label === 'cases' ? 'cases' : '', after);
  }
  if (head && THING_NOUNS.test(head)) {
    // "1.4 million doses of oral cholera vaccine"
    const of = new RegExp(`\\b${head}\\s+of\\s+((?:[a-z][a-z-]*\\s*){1,4})`).exec(after);
    const full = of ? `${subject} of ${of[1]!.trim().split(/\s+/).filter((w) => !PHRASE_STOP.test(w)).join(' ')}` : subject;
    return { category: 'quantity', subject: full, label: full };
  }
  if (POPULATION_BEFORE.test(before) || /^(?:inhabitants|population)$/.test(head)) return withSubject('population', subject, 'inhabitants');
  const personOrNone = !head || PERSON_NOUNS.test(head) || PERSON_NOUNS.test(subject)
    || (PERSON_SUFFIX.test(head) && !NOT_PERSON.test(head)) || /(?:ians|ans|ese|is)$/.test(head) && DEMONYM_PLURAL.test(head[0]!.toUpperCase() + head.slice(1));

  // "including 12 women and 9 children": the next member of the same list.
  const listed = ctx.previousMeaning !== null && PEOPLE.has(ctx.previousMeaning.category) && LIST_MEMBER_BEFORE.test(before);
  if (ctx.previous && personOrNone && (SUBSET_BEFORE.test(before) || (listed && subject !== ''))) {
    const { category, label } = ctx.previous;
    return withSubject(category, subject, label.includes('cases') ? 'cases' : labelFor(category), after, before);
  }
  if (!personOrNone) return { category: 'other', subject, label: subject };

  // "claimed 34 lives", "destroyed 300 homes and damaged 1,200 more"
  if (/^lives$/.test(subject) && LIVES_CLAIMED.test(before)) return withSubject('killed', 'lives', 'lost');
  const damaged = DAMAGE_BEFORE.exec(before);
  if (!subject && damaged) {
    const things = ctx.previousMeaning?.category === 'facilities' ? ctx.previousMeaning.subject : 'buildings';
    return { category: 'facilities', subject: things, label: `${things} ${damaged[1]!.toLowerCase()}` };
  }
  const governing = nearestCue(before, true);
  if (governing && FILLER_GAP.test(before.slice(governing.end)) && !negated(before, governing.at)) {
    // "Of the injured, 14 were admitted to hospital": the subset is named by its own cue.
    const own = OF_FRAME.test(before) ? nearestCue(after.slice(0, 80), false) : null;
    const label = own && own.cue.category === governing.cue.category ? cueLabel(own) : cueLabel(governing);
    if (governing.cue.category === 'injured' && DISEASE_AFTER.test(after)) return withSubject('affected', subject, 'cases', after, before);
    return withSubject(governing.cue.category, subject, label, after, before);
  }
  // "20 people, including 5 children, were killed"; "a dozen people and 100 soldiers were hurt".
  const parenthetical = /\b(?:including|among\s+them|of\s+whom)\b|(?:,|\band|\bor)\s*$/i.test(after);
  const window = parenthetical && !nearestCue(after.slice(0, 160), false) ? ctx.rest.slice(0, 200) : after.slice(0, 160);
  const following = nearestCue(window, false);
  if (following && negated(window, following.at)) return otherMeaning(subject, '', 'other');
  if (following) return withSubject(following.cue.category, subject, detailed(following, ctx.rest), after);
  // "forced the evacuation of 11 villages and about 3,200 people": a cue earlier in the same clause.
  const wide = nearestCue(ctx.sentenceBefore, true);
  if (wide && !CLAUSE_BREAK.test(ctx.sentenceBefore.slice(wide.end)) && !negated(ctx.sentenceBefore, wide.at)) return withSubject(wide.cue.category, subject, cueLabel(wide), after);
  const topic = subject ? null : topicBefore(before);
  return topic ? { category: 'other', subject: topic, label: shortTopic(topic) } : otherMeaning(subject, after);
}

const negated = (window: string, cueAt: number): boolean => NEGATED_BEFORE_CUE.test(window.slice(Math.max(0, cueAt - 30), cueAt));

// "about 63 people had been on board", "100 people were panning for gold": what they were doing.
function otherMeaning(subject: string, after: string, category: Category = 'other'): Meaning {
  const counted = subject || 'people';
  const rest = after.slice(after.toLowerCase().indexOf(counted) >= 0 ? after.toLowerCase().indexOf(counted) + counted.length : 0);
  const m = /^\s+(?:(?:had|have|has)\s+been|were|was|are|is)\s+((?:[a-z]+\s*){1,3})/.exec(rest);
  const predicate = m ? m[1]!.trim().split(/\s+/).filter((w, i, all) => !(i === all.length - 1 && /^(?:when|while|in|at|the|a|and|as)$/.test(w))).join(' ') : '';
  return { category, subject: counted, label: predicate ? `${counted} ${predicate}` : counted };
}

const CATEGORY_LABEL: Partial<Record<Category, string>> = { at_risk: 'at risk', population: 'inhabitants', affected: 'affected' };

function labelFor(category: Category): string {
  return CATEGORY_LABEL[category] ?? category;
}
