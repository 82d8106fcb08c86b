/**
 * Generalisation tables: phrasings, shapes and units written for these tests (not taken from the
 * development set), one class per block, so a rule fitted to one article's wording fails here.
 */
import { describe, expect, it } from 'vitest';
import { extractFigures } from '../../lambdas/extract';
import type { Figure } from '../../lambdas/extract/types';
import { articleFromText } from './article';

const figuresOf = (body: string): Figure[] => [...extractFigures(articleFromText(`Title\n${body}`), { published: '2026-01-10' }).figures];

// sentence, value, category, words the label/subject/place/unit must hold
const POSITIVES: readonly [string, number, string, string[]][] = [
// harm verbs and nouns: perished, lost their lives, succumbed, shot dead, claimed lives
  ["Eleven miners perished when the shaft flooded.", 11, "killed", ["miners"]],
  ["At least 38 villagers lost their lives in the mudslide.", 38, "killed", ["villagers"]],
  ["Nineteen fishermen drowned after their boat overturned.", 19, "killed", ["fishermen"]],
  ["Six of the wounded later succumbed to their injuries.", 6, "killed", []],
  ["Police said 4 protesters were shot dead near the square.", 4, "killed", ["protesters"]],
  ["Authorities confirmed that 212 people had died in the storm.", 212, "killed", []],
  ["The bodies of 31 migrants were recovered from the desert.", 31, "killed", ["migrants"]],
  ["The heatwave has claimed 58 lives across the region.", 58, "killed", []],
  ["Two hundred and six people were killed in the raids.", 206, "killed", []],
  ["Fatalities rose to 94 on Sunday.", 94, "killed", []],
// hurt, treated for, admitted to hospital, sustained injuries, needed medical treatment
  ["The crash left 27 passengers hurt.", 27, "injured", ["passengers"]],
  ["Some 64 workers were hurt in the explosion.", 64, "injured", ["workers"]],
  ["Doctors treated 210 people for smoke inhalation.", 210, "injured", []],
  ["A further 45 people were admitted to hospital with burns.", 45, "injured", []],
  ["At least 120 pilgrims sustained injuries in the crush.", 120, "injured", ["pilgrims"]],
  ["Some 40 pupils were hurt when the roof caved in.", 40, "injured", ["pupils"]],
  ["The number of people hurt climbed to 1,340.", 1340, "injured", []],
  ["Another 77 needed medical treatment for minor injuries.", 77, "injured", []],
  ["Around 15 firefighters were treated for heat exhaustion.", 15, "injured", ["firefighters"]],
  ["At least 9 people were rushed to nearby clinics.", 9, "injured", []],
// unaccounted for, feared dead, whereabouts unknown, yet to be accounted for
  ["Thirty-two people remain unaccounted for after the blaze.", 32, "missing", []],
  ["Nine crew members are still missing at sea.", 9, "missing", ["crew"]],
  ["Rescuers said 17 climbers were feared dead under the snow.", 17, "missing", ["climbers"]],
  ["Sixty passengers remain missing after the ferry sank.", 60, "missing", ["passengers"]],
  ["The whereabouts of 14 journalists remain unknown.", 14, "missing", ["journalists"]],
  ["Officials said 2,300 people had yet to be accounted for.", 2300, "missing", []],
// uprooted, sought refuge, made homeless, crossed into, relocated, abandoned their villages
  ["More than 80,000 people were uprooted by the fighting.", 80000, "displaced", []],
  ["About 12,500 families sought refuge in schools and churches.", 12500, "displaced", ["families"]],
  ["The floods made 9,000 households homeless.", 9000, "displaced", ["households"]],
  ["Nearly 4,000 people crossed into Chad last week.", 4000, "displaced", []],
  ["Some 23,000 residents took shelter in evacuation centres.", 23000, "displaced", ["shelter"]],
  ["The offensive has driven more than 150,000 people out of their homes.", 150000, "displaced", []],
  ["Some 45,000 people abandoned their villages as the fire approached.", 45000, "displaced", []],
  ["Around 7,800 evacuees are staying in temporary shelters.", 7800, "displaced", ["evacuees"]],
  ["Authorities relocated 3,500 families to safer ground.", 3500, "displaced", ["families"]],
// seized, abducted, carried off, taken hostage, into custody, apprehended
  ["Gunmen seized 45 passengers from a bus on the highway.", 45, "detained", ["passengers"]],
  ["Armed men abducted 73 schoolgirls from their dormitory.", 73, "detained", ["schoolgirls"]],
  ["The militia is holding 12 aid workers hostage.", 12, "detained", ["workers"]],
  ["Pirates took 18 sailors hostage off the coast.", 18, "detained", ["sailors"]],
  ["Police took 230 demonstrators into custody.", 230, "detained", ["demonstrators"]],
  ["The attackers carried off 87 villagers.", 87, "detained", ["villagers"]],
  ["Security forces detained 58 suspected militants.", 58, "detained", ["militants"]],
  ["Kidnappers are still holding 21 pupils.", 21, "detained", ["pupils"]],
  ["A total of 640 people were apprehended at the border.", 640, "detained", []],
// infected, diagnosed, without water, depend on, lost livelihoods, require assistance
  ["The ministry reported 3,120 people infected with dengue.", 3120, "affected", []],
  ["Health workers have diagnosed 540 children with cholera.", 540, "affected", ["children"]],
  ["The drought has left 1.8 million herders without water.", 1800000, "affected", ["herders"]],
  ["Some 2,400 fishers depend on the lagoon for their income.", 2400, "affected", ["fishers"]],
  ["More than 300 fishers have lost their livelihoods.", 300, "affected", ["fishers"]],
  ["The outbreak has sickened 4,100 people in three districts.", 4100, "affected", []],
  ["Officials recorded 287 new infections overnight.", 287, "affected", []],
  ["An estimated 9.2 million people require humanitarian assistance.", 9200000, "affected", []],
  ["Some 650,000 people have no access to clean water.", 650000, "affected", []],
  ["About 1.1 million customers lost power during the storm.", 1100000, "affected", ["customers"]],
// could be forced to flee, exposed to, could face
  ["Up to 600,000 people could be forced to flee if the dam fails.", 600000, "at_risk", []],
  ["About 2 million people are exposed to the flood threat.", 2000000, "at_risk", []],
  ["As many as 3.2 million people could face famine by July.", 3200000, "at_risk", []],
  ["The UN warned that 250,000 children are at risk of starvation.", 250000, "at_risk", ["children"]],
// gutted, torched, reduced to rubble, a list sharing one damage verb
  ["The storm flattened 3,400 homes and damaged 12,000 more.", 3400, "facilities", ["homes"]],
  ["Fires gutted 42 shops in the market.", 42, "facilities", ["shops"]],
  ["Twelve schools were torched by the rebels.", 12, "facilities", ["schools"]],
  ["Nearly 700 houses were reduced to rubble.", 700, "facilities", ["houses"]],
  ["The quake damaged 14 hospitals and 220 schools.", 220, "facilities", ["schools"]],
  ["Three bridges were washed away.", 3, "facilities", ["bridges"]],
// negation (none of, escaped unhurt, were not injured), people on board, and animals: never people
  ["None of the 23 crew members was hurt.", 23, "other", []],
  ["All 140 passengers escaped unhurt.", 140, "other", []],
  ["The 56 people on board were not injured.", 56, "other", []],
  ["The blaze killed 400 sheep and 35 cattle.", 400, "other", ["sheep"]],
  ["Some 2,000 seabirds have died since the spill.", 2000, "other", ["seabirds"]],
  ["Floodwaters drowned 1,200 goats in the valley.", 1200, "other", ["goats"]],
  ["The airline said none of the 180 passengers was injured.", 180, "other", []],
  ["The bus was carrying 48 passengers.", 48, "other", ["passengers"]],
  ["Rescue teams saved 312 people from rooftops.", 312, "other", []],
  ["The shelter now houses 300 dogs.", 300, "other", ["dogs"]],
  ["A virus killed 18,000 chickens at the farm.", 18000, "other", ["chickens"]],
// currencies: R$, R, Rs (by country), ₦, CHF, KSh, ¥, kr, ISO codes, rand, naira, reais, cedis, crore, lakh, trillion
  ["The government set aside R$ 3 billion for reconstruction.", 3000000000, "money", ["brl", "reconstruction"]],
  ["The province approved R120 million for clean-up work.", 120000000, "money", ["zar"]],
  ["The budget allots Rs 2.1 trillion to defence.", 2100000000000, "money", ["defence"]],
  ["Lagos pledged ₦2.5 billion in relief funds.", 2500000000, "money", ["ngn"]],
  ["The fine totals CHF 12 million.", 12000000, "money", ["chf", "fine"]],
  ["Insurers estimate losses at 1.3 billion rand.", 1300000000, "money", ["zar", "loss"]],
  ["Flood damage in Nigeria reached 45 billion naira.", 45000000000, "money", ["ngn"]],
  ["Brazil's government released 800 million reais in aid.", 800000000, "money", ["brl", "aid"]],
  ["Kenya's treasury allocated KSh 4.2 billion to drought relief.", 4200000000, "money", ["kes"]],
  ["The damage was put at ¥120 billion in Japan.", 120000000000, "money", ["jpy"]],
  ["The state will spend Rs 350 crore on new embankments.", 3500000000, "money", ["inr", "embankment"]],
  ["The grant of Rs 5 lakh will go to each family.", 500000, "money", ["inr", "grant"]],
  ["The agreement covers US$ 3.2 billion in loans.", 3200000000, "money", ["usd", "loan"]],
  ["The ministry requested EUR 85 million in emergency funding.", 85000000, "money", ["eur"]],
  ["Ghana will borrow 2 billion cedis to pay contractors.", 2000000000, "money", ["ghs"]],
  ["Damage is estimated at 600 million Swiss francs.", 600000000, "money", ["chf"]],
  ["The contract is worth 4 billion kronor in Sweden.", 4000000000, "money", ["sek"]],
  ["Pakistan's budget sets aside Rs 1.2 trillion for development.", 1200000000000, "money", ["pkr", "development"]],
  ["Nepal announced Rs 50 crore in relief.", 500000000, "money", ["npr"]],
  ["The state allocated INR 2,000 crore for flood relief.", 20000000000, "money", ["inr"]],
// units: m³, m³/s, barrels, litres, hectares, acres, km², mm, metres, °C, mph, knots, magnitude, tonnes
  ["The lake holds 4.5 million cubic metres of water.", 4500000, "quantity", ["m³", "water"]],
  ["The tanker was carrying 300,000 barrels of crude.", 300000, "quantity", ["barrels", "crude"]],
  ["Trucks delivered 80,000 litres of drinking water.", 80000, "quantity", ["water"]],
  ["Fire has burned 12,000 hectares of pine forest.", 12000, "quantity", ["forest"]],
  ["The spill covers 45 km² of coastline.", 45, "quantity", ["km²"]],
  ["Rainfall reached 310 mm in 24 hours.", 310, "quantity", ["mm"]],
  ["Temperatures hit 47.2°C in Seville.", 47.2, "quantity", ["°c"]],
  ["Winds gusted to 140 mph along the coast.", 140, "quantity", ["mph", "wind"]],
  ["Sustained winds of 95 knots were recorded.", 95, "quantity", ["kn", "wind"]],
  ["The river crested at 9.8 metres on Tuesday.", 9.8, "quantity", ["river"]],
  ["Up to 250 millimetres of rain fell in 12 hours.", 250, "quantity", ["rain"]],
  ["Snow depths reached 1.6 metres in the Alps.", 1.6, "quantity", ["snow"]],
  ["A 6.4-magnitude earthquake struck the island.", 6.4, "quantity", ["magnitude"]],
  ["Temperatures fell to minus 31 degrees Celsius.", 31, "quantity", ["°c"]],
  ["The fire has scorched 48,000 acres.", 48000, "quantity", ["acres"]],
  ["The pipeline leaked an estimated 12,000 barrels of oil.", 12000, "quantity", ["oil"]],
  ["The ship was carrying 2,700 tonnes of ammonium nitrate.", 2700, "quantity", ["ammonium"]],
  ["Water flows reached 5,000 cubic metres per second.", 5000, "quantity", ["m³/s"]],
// shares of named things: per cent of cases, % of the appeal funded, % of capacity
  ["About 18 per cent of cases were in children.", 18, "percentage", ["case"]],
  ["Only 31% of the appeal had been funded.", 31, "percentage", ["appeal", "funded"]],
  ["Just 12% of the pledged money has been disbursed.", 12, "percentage", ["disbursed"]],
  ["Turnout was 64 per cent.", 64, "percentage", ["turnout"]],
  ["The bank cut its key rate to 11.25%.", 11.25, "percentage", ["rate"]],
  ["Inflation eased to 6.4 per cent in March.", 6.4, "percentage", ["inflation"]],
  ["Around 60 per cent of the displaced are women and children.", 60, "percentage", ["displaced"]],
  ["Reservoirs are at 23% of capacity.", 23, "percentage", ["reservoir"]],
// shapes: coordinated counts, subsets, adjectives and adverbs before the noun, verbs after an amount
  ["The blast killed at least 15 and injured 40.", 40, "injured", []],
  ["The collapse left 23 dead and 41 wounded.", 41, "injured", []],
  ["The number of injured stood at 312 on Monday.", 312, "injured", []],
  ["Fourteen badly injured miners were pulled out.", 14, "injured", ["miners"]],
  ["The injured numbered about 450.", 450, "injured", []],
  ["A further 12 were hurt when a wall fell.", 12, "injured", []],
  ["Seventy-two people perished in the blaze.", 72, "killed", []],
  ["The confirmed death toll reached 1,021.", 1021, "killed", []],
  ["Among the dead were 11 schoolchildren.", 11, "killed", ["schoolchildren"]],
  ["Officials counted 63 deaths from the heat.", 63, "killed", ["deaths"]],
  ["The storm left 8,000 people homeless.", 8000, "displaced", []],
  ["Nearly 19,000 displaced people are living in tents.", 19000, "displaced", []],
  ["About 2,600 refugees arrived in Uganda last week.", 2600, "displaced", ["refugees"]],
  ["The fighting has forced 40,000 residents to flee.", 40000, "displaced", ["residents"]],
  ["Police rounded up 96 suspected looters.", 96, "detained", ["looters"]],
  ["Insurgents are believed to be holding 300 captives.", 300, "detained", ["captives"]],
  ["The army freed 42 hostages on Friday.", 42, "detained", ["hostages"]],
  ["Some 11,000 people have contracted the disease.", 11000, "affected", []],
  ["The flooding affected 340,000 people in 12 districts.", 340000, "affected", []],
  ["Some 40,000 households are without electricity.", 40000, "affected", ["households"]],
  ["About 76,000 people remain cut off by the floods.", 76000, "affected", []],
  ["Engineers said 4,500 homes were left uninhabitable.", 4500, "facilities", ["homes"]],
  ["The tornado levelled 80 buildings in the town.", 80, "facilities", ["buildings"]],
  ["The fund has received just 18% of what it needs.", 18, "percentage", []],
  ["Unemployment among youths is 32 per cent.", 32, "percentage", ["unemployment"]],
  ["The currency has lost 40% of its value this year.", 40, "percentage", ["value"]],
  ["The IMF approved a $3.1bn loan for Egypt.", 3100000000, "money", ["loan"]],
  ["Aid agencies need $640m to respond.", 640000000, "money", []],
  ["The cost of repairs is put at €2.3 billion.", 2300000000, "money", ["repair"]],
  ["Authorities distributed 2,400 tonnes of maize.", 2400, "quantity", ["maize"]],
  ["The volcano spewed ash 15 km into the air.", 15, "quantity", ["km"]],
  ["Gusts of up to 210 km/h battered the coast.", 210, "quantity", ["gust"]],
  ["The glacier has shrunk by 3.2 square kilometres.", 3.2, "quantity", ["km²"]],
  ["About 500 tonnes of fish have died in the lake.", 500, "quantity", ["fish"]],
  ["The village has 2,300 inhabitants.", 2300, "population", []],
  ["Some 400 pilgrims were on the boat when it capsized.", 400, "other", ["pilgrims"]],
  ["Of the 300 pupils abducted, 120 have been freed.", 300, "detained", ["pupils"]],
  ["Nine people were hurt, none of them seriously.", 9, "injured", []],
  ["The company employs 4,000 workers at the mine.", 4000, "other", ["workers"]],
  ["Over 90 per cent of the town's buildings were damaged.", 90, "percentage", ["building"]],
  ["Emergency crews rescued 1,150 people from floodwaters.", 1150, "other", []],
];

// sentence, a value in it that is not a figure: ages and age bounds, years, dates, clock times,
// phone numbers, durations, numbers in names, addresses.
const NOT_FIGURES: readonly [string, number][] = [
  ["Vaccination is recommended for children under 15.", 15],
  ["The victims were girls between 12 and 17.", 12],
  ["The campaign targets children aged 5 to 14.", 5],
  ["Most of the dead were over 65.", 65],
  ["He was born in 1961 in Kano.", 1961],
  ["The meeting starts at 10:30 on Friday.", 30],
  ["The flight left on 14 March.", 14],
  ["Call 0800 123 456 for help.", 123],
  ["The 34-year-old teacher was among the victims.", 34],
  ["Patients over 60 are most at risk.", 60],
  ["The vaccine is for people aged between 18 and 49.", 18],
  ["He spent 12 years in prison.", 12],
  ["The Covid-19 pandemic hit tourism.", 19],
  ["She lives at 45 Baker Street.", 45],
];

describe('generalised phrasings', () => {
  it.each(POSITIVES)('%s', (sentence, value, category, words) => {
    const figures = figuresOf(sentence);
    const f = figures.find((x) => x.value === value);
    expect(f, `${value} in ${JSON.stringify(figures.map((x) => x.value))}`).toBeDefined();
    expect(f!.category).toBe(category);
    const hay = [f!.label, f!.subject, f!.place ?? '', f!.unit ?? ''].join(' ').toLowerCase();
    for (const w of words) expect(hay, `"${w}" in ${hay}`).toContain(w);
  });

  it.each(NOT_FIGURES)('%s', (sentence, value) => {
    expect(figuresOf(sentence).map((f) => f.value)).not.toContain(value);
  });
});
