/**
 * The English lexicon of the extractor: every word list the rules read, one word (or one
 * multi-word phrase) an entry. Rules never spell a word list of their own; adding a word here
 * is how a new wording is taught. Inflected forms are derived (lexicon/index.ts), so verbs are
 * listed by lemma, with their irregular forms in IRREGULAR_VERBS.
 */

/** Closed classes: the words that build a sentence's frame. */
export const DETERMINERS = [
  'the', 'a', 'an', 'this', 'that', 'these', 'those', 'its', 'their', 'his', 'her', 'our', 'my', 'your',
  'each', 'every', 'another', 'any', 'no', 'all', 'both', 'either', 'neither',
] as const;

export const PRONOUNS = [
  'he', 'she', 'it', 'they', 'we', 'i', 'you', 'him', 'them', 'us', 'me', 'himself', 'herself', 'itself',
  'themselves', 'ourselves', 'someone', 'somebody', 'anyone', 'everyone', 'nobody', 'none', 'one',
] as const;

export const PREPOSITIONS = [
  'of', 'in', 'on', 'at', 'by', 'for', 'from', 'to', 'with', 'without', 'into', 'onto', 'upon', 'over',
  'under', 'below', 'above', 'across', 'along', 'around', 'through', 'throughout', 'between', 'among',
  'amid', 'amidst', 'against', 'toward', 'towards', 'near', 'inside', 'outside', 'beyond', 'behind',
  'within', 'via', 'per', 'despite', 'during', 'off', 'out', 'up', 'down', 'past', 'like', 'than',
  'including', 'excluding', 'aboard', 'about', 'following', 'since', 'until', 'till', 'after', 'before',
] as const;

/** Words that open a new clause inside a sentence. */
export const SUBORDINATORS = [
  'that', 'which', 'who', 'whom', 'whose', 'when', 'while', 'whilst', 'where', 'because', 'although',
  'though', 'if', 'unless', 'whereas', 'as', 'after', 'before', 'since', 'until', 'once',
] as const;

export const CONJUNCTIONS = ['and', 'or', 'but', 'nor', 'plus', 'yet'] as const;

/** Auxiliaries by lemma: every form of be, have, do, get (the get-passive) and the modals. */
export const AUXILIARIES: Readonly<Record<string, readonly string[]>> = {
  be: ['be', 'is', 'are', 'was', 'were', 'been', 'being', 'am', "'s", "'re"],
  have: ['have', 'has', 'had', 'having', "'ve"],
  do: ['do', 'does', 'did'],
  get: ['get', 'gets', 'got', 'gotten', 'getting'],
  modal: ['will', 'would', 'could', 'can', 'may', 'might', 'must', 'should', 'shall'],
};

/** Verbs that link a subject to a state ("remain missing", "are feared dead"). */
export const LINKING_VERBS = ['remain', 'stay', 'lie', 'become', 'seem', 'appear', 'fear', 'believe', 'presume', 'report', 'confirm', 'list', 'declare', 'pronounce', 'find'] as const;

/** Adverbs that may stand inside a verb group ("were later killed", "have reportedly been shot"). */
export const ADVERBS = [
  'also', 'already', 'still', 'now', 'later', 'reportedly', 'allegedly', 'reported', 'so', 'far', 'just',
  'since', 'then', 'subsequently', 'eventually', 'finally', 'initially', 'previously', 'recently',
  'apparently', 'possibly', 'probably', 'believed', 'feared', 'officially', 'critically', 'seriously',
  'severely', 'badly', 'slightly', 'lightly', 'fatally', 'mortally', 'instantly', 'immediately', 'reportedly',
  'overnight', 'yesterday', 'today', 'tonight', 'again', 'ever', 'even', 'only', 'once', 'all', 'both',
  'either', 'each', 'altogether', 'together', 'respectively', 'nearly', 'almost', 'about', 'around',
  'roughly', 'approximately', 'some', 'more', 'less', 'least', 'most', 'very', 'too', 'quickly', 'partly',
  'partially', 'completely', 'totally', 'entirely', 'largely', 'mostly', 'further', 'too', 'yet', 'thus',
] as const;

/** Number words: units and tens (value), scales, and words for vague counts. */
export const NUMBER_WORDS: Readonly<Record<string, number>> = {
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17,
  eighteen: 18, nineteen: 19, twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70,
  eighty: 80, ninety: 90,
};
export const SCALE_WORDS: Readonly<Record<string, number>> = {
  hundred: 100, thousand: 1e3, million: 1e6, billion: 1e9, trillion: 1e12, lakh: 1e5, lakhs: 1e5,
  crore: 1e7, crores: 1e7,
};
/** Scales glued to digits or abbreviated ("3.5m", "$4bn", "10k", "R2 mn"). */
export const SCALE_ABBREVIATIONS: Readonly<Record<string, number>> = { mn: 1e6, m: 1e6, bn: 1e9, b: 1e9, tn: 1e12, k: 1e3 };
/** "Dozens of", "hundreds of thousands": counts without a number (value = the lower bound). */
export const VAGUE_COUNTS: Readonly<Record<string, number>> = {
  dozens: 12, scores: 20, hundreds: 100, thousands: 1e3, millions: 1e6, billions: 1e9,
  'tens of thousands': 1e4, 'hundreds of thousands': 1e5, 'tens of millions': 1e7, 'hundreds of millions': 1e8,
  'several hundred': 100, 'several thousand': 1e3, 'several million': 1e6, 'a few hundred': 100,
  'a few thousand': 1e3, 'many thousands': 1e3,
};
/** Fractions that are shares of something ("a third of", "half the"). */
export const FRACTIONS: Readonly<Record<string, number>> = {
  'a third': 33, 'one third': 33, 'a quarter': 25, 'one quarter': 25, 'a fifth': 20, 'one fifth': 20,
  'two thirds': 67, 'two-thirds': 67, 'three quarters': 75, 'three-quarters': 75, half: 50, 'one half': 50,
};

/** Words before a number that bound it ("a total of" only leads to it: the count is exact). */
export const QUALIFIERS: Readonly<Record<string, 'at_least' | 'more_than' | 'up_to' | 'fewer_than' | 'approximately' | 'exact'>> = {
  'at least': 'at_least', 'no fewer than': 'at_least', 'no less than': 'at_least', 'a minimum of': 'at_least', 'not less than': 'at_least',
  'more than': 'more_than', over: 'more_than', 'upwards of': 'more_than', 'in excess of': 'more_than', above: 'more_than',
  exceeding: 'more_than', 'just over': 'more_than', 'well over': 'more_than', 'over a': 'more_than',
  'up to': 'up_to', 'as many as': 'up_to', 'as much as': 'up_to', 'at most': 'up_to', 'a maximum of': 'up_to',
  'fewer than': 'fewer_than', 'less than': 'fewer_than', under: 'fewer_than', below: 'fewer_than', 'just under': 'fewer_than',
  nearly: 'approximately', almost: 'approximately', about: 'approximately', around: 'approximately',
  approximately: 'approximately', roughly: 'approximately', some: 'approximately', 'an estimated': 'approximately',
  estimated: 'approximately', 'close to': 'approximately', circa: 'approximately', 'an approximate': 'approximately',
  'somewhere between': 'approximately', 'a total of': 'exact',
};

/** Currency symbols and abbreviations written before an amount; "?" + word = resolved by country. */
export const CURRENCY_SYMBOLS: Readonly<Record<string, string>> = {
  'US$': 'USD', 'A$': 'AUD', 'C$': 'CAD', 'HK$': 'HKD', 'NZ$': 'NZD', 'S$': 'SGD', 'R$': 'BRL', 'Mex$': 'MXN',
  $: 'USD', '€': 'EUR', '£': 'GBP', '¥': '?¥', '₩': 'KRW', '₺': 'TRY', '₽': 'RUB', '₴': 'UAH', '₦': 'NGN',
  '₱': 'PHP', '₵': 'GHS', '₫': 'VND', '৳': 'BDT', '₹': 'INR', INR: 'INR', '₨': '?rupee', Rs: '?rupee',
  KSh: 'KES', Ksh: 'KES', USh: 'UGX', Ush: 'UGX', TSh: 'TZS', Tsh: 'TZS', Sh: '?shilling', Rp: 'IDR', RM: 'MYR',
  Tk: 'BDT', kr: '?kr', Fr: 'CHF', SFr: 'CHF',
};
/** One capital glued to an amount with a scale or separators: "R450 million", "N5bn". */
export const CURRENCY_LETTERS: Readonly<Record<string, string>> = { R: 'ZAR', N: 'NGN', K: '?kwacha', P: 'PHP', E: 'SZL' };
export const CURRENCY_CODES = [
  'USD', 'EUR', 'GBP', 'JPY', 'CNY', 'RMB', 'CHF', 'INR', 'PKR', 'BDT', 'NPR', 'LKR', 'AFN', 'KES', 'UGX', 'TZS',
  'RWF', 'ETB', 'SOS', 'SDG', 'SSP', 'NGN', 'GHS', 'XOF', 'XAF', 'CDF', 'ZAR', 'ZMW', 'MWK', 'MZN', 'ZWL', 'EGP',
  'MAD', 'DZD', 'TND', 'LYD', 'TRY', 'SYP', 'LBP', 'JOD', 'IQD', 'IRR', 'YER', 'SAR', 'AED', 'QAR', 'KWD', 'OMR',
  'ILS', 'MXN', 'BRL', 'ARS', 'CLP', 'COP', 'PEN', 'VES', 'HTG', 'DOP', 'CUP', 'PHP', 'IDR', 'MYR', 'THB', 'VND',
  'MMK', 'KRW', 'HKD', 'SGD', 'TWD', 'AUD', 'NZD', 'CAD', 'SEK', 'NOK', 'DKK', 'ISK', 'PLN', 'HUF', 'CZK', 'RON',
  'RUB', 'UAH', 'SDR',
] as const;
/** Currency words after an amount, singular and plural, to the word the country table knows. */
export const CURRENCY_WORDS: Readonly<Record<string, string>> = {
  dollar: 'dollar', dollars: 'dollar', euro: 'euro', euros: 'euro', pound: 'pound', pounds: 'pound',
  rupee: 'rupee', rupees: 'rupee', yuan: 'yuan', yen: 'yen', franc: 'franc', francs: 'franc',
  shilling: 'shilling', shillings: 'shilling', naira: 'naira', taka: 'taka', rand: 'rand', rands: 'rand',
  dirham: 'dirham', dirhams: 'dirham', riyal: 'riyal', riyals: 'riyal', rial: 'rial', rials: 'rial', lira: 'lira',
  peso: 'peso', pesos: 'peso', dinar: 'dinar', dinars: 'dinar', reais: 'real', cedi: 'cedi', cedis: 'cedi',
  kwacha: 'kwacha', birr: 'birr', rupiah: 'rupiah', ringgit: 'ringgit', baht: 'baht', rouble: 'rouble',
  roubles: 'rouble', ruble: 'ruble', rubles: 'ruble', hryvnia: 'hryvnia', hryvnias: 'hryvnia', zloty: 'zloty',
  zlotys: 'zloty', zlotych: 'zloty', kronor: 'krona', kronur: 'krona', krona: 'krona', kroner: 'krone',
  krone: 'krone', afghanis: 'afghani', kyat: 'kyat', kyats: 'kyat', leone: 'leone', leones: 'leone',
  meticais: 'metical', metical: 'metical', meticals: 'metical', kwanza: 'kwanza', kwanzas: 'kwanza',
  ariary: 'ariary', soles: 'sol', boliviano: 'boliviano', bolivianos: 'boliviano', guaranies: 'guarani',
  guaraníes: 'guarani', lempira: 'lempira', lempiras: 'lempira', quetzal: 'quetzal', quetzales: 'quetzal',
  quetzals: 'quetzal', cordobas: 'cordoba', córdobas: 'cordoba', colones: 'colon', pula: 'pula', tenge: 'tenge',
  lari: 'lari', dalasi: 'dalasi', dalasis: 'dalasi', kina: 'kina', gourde: 'gourde', gourdes: 'gourde',
};

/** Units after a measure, as written (lower case, multi-word allowed) → the unit shown. */
export const MEASURE_UNITS: Readonly<Record<string, string>> = {
  'km/h': 'km/h', kmph: 'km/h', kph: 'km/h', 'kilometres per hour': 'km/h', 'kilometers per hour': 'km/h',
  mph: 'mph', 'miles per hour': 'mph', knots: 'kn', knot: 'kn', kt: 'kn', kts: 'kn',
  'cubic metres per second': 'm³/s', 'cubic meters per second': 'm³/s', 'm3/s': 'm³/s', 'm³/s': 'm³/s', cumecs: 'm³/s',
  cusecs: 'cusecs', cusec: 'cusecs', 'cubic metres': 'm³', 'cubic meters': 'm³', 'cubic metre': 'm³', m3: 'm³', 'm³': 'm³',
  'cubic feet': 'cu ft', 'square metres': 'm²', 'square meters': 'm²', 'square metre': 'm²', 'sq m': 'm²', m2: 'm²', 'm²': 'm²',
  'square feet': 'sq ft', 'sq ft': 'sq ft', 'nautical miles': 'nmi', 'nautical mile': 'nmi',
  gigatonnes: 'Gt', gigatons: 'Gt', megatonnes: 'Mt', megatons: 'Mt',
  'square kilometres': 'km²', 'square kilometers': 'km²', 'square kilometre': 'km²', 'sq km': 'km²', km2: 'km²', 'km²': 'km²',
  'square miles': 'sq mi', 'square mile': 'sq mi', 'sq miles': 'sq mi',
  km: 'km', kilometres: 'km', kilometers: 'km', kilometre: 'km', kilometer: 'km', miles: 'mi', mile: 'mi',
  mm: 'mm', millimetres: 'mm', millimeters: 'mm', millimetre: 'mm', cm: 'cm', centimetres: 'cm', centimeters: 'cm',
  inches: 'in', inch: 'in', metres: 'm', meters: 'm', metre: 'm', meter: 'm', feet: 'ft', foot: 'ft', ft: 'ft',
  hectares: 'ha', hectare: 'ha', ha: 'ha', acres: 'acres', acre: 'acres', tonnes: 't', tonne: 't', tons: 't', ton: 't',
  'metric tonnes': 't', 'metric tons': 't', kg: 'kg', kilograms: 'kg', kilos: 'kg', kilogram: 'kg', litres: 'L',
  liters: 'L', litre: 'L', liter: 'L', gallons: 'gal', gallon: 'gal', barrels: 'barrels', barrel: 'barrels',
  mw: 'MW', megawatts: 'MW', megawatt: 'MW', gw: 'GW', gigawatts: 'GW', gigawatt: 'GW',
  '°c': '°C', '° c': '°C', 'degrees celsius': '°C', 'degree celsius': '°C', 'degrees centigrade': '°C', 'degrees c': '°C',
  '°f': '°F', '° f': '°F', 'degrees fahrenheit': '°F', degrees: '°', degree: '°', 'basis points': 'bp', 'basis point': 'bp',
  bps: 'bp', bp: 'bp', magnitude: 'magnitude', 'on the richter scale': 'magnitude',
};
/** Units that may be glued to the digits only in capitals ("48.8C", "104F"), never "5c". */
export const GLUED_UNITS: Readonly<Record<string, string>> = { C: '°C', F: '°F' };
export const PERCENT_WORDS = ['%', 'per cent', 'percent', 'pc', 'percentage points', 'percentage point', 'percent points'] as const;

/**
 * Predicates: what happens to the counted. A verb by lemma (its forms are derived), an adjective
 * or participle state, or a noun that names the harm. The category of each class is in
 * categories.ts; here only the words.
 */
export const PREDICATES = {
  killed: {
    verbs: ['kill', 'murder', 'execute', 'lynch', 'behead', 'slay', 'massacre', 'assassinate', 'slaughter',
      'electrocute', 'decapitate', 'gun', 'butcher', 'exterminate', 'martyr', 'incinerate', 'asphyxiate',
      'strangle', 'suffocate', 'crucify', 'hang'],
    /** Verbs whose subject is the one harmed ("40 died", "19 fishermen drowned"). */
    intransitive: ['die', 'perish', 'drown', 'succumb', 'starve'],
    states: ['dead', 'deceased', 'lifeless'],
    nouns: ['death', 'deaths', 'fatality', 'fatalities', 'body', 'bodies', 'corpse', 'corpses', 'dead', 'toll',
      'killing', 'killings', 'murder', 'murders', 'execution', 'executions', 'victim', 'lives', 'remains', 'massacre',
      'slaying', 'slayings', 'assassination', 'assassinations', 'lynching', 'beheading'],
    /** Resultatives: a verb with one of these after its object ("shot dead", "hacked to death"). */
    results: ['dead', 'to death'],
    phrases: ['lost their lives', 'lost his life', 'lost her life', 'lose their lives', 'lost lives', 'claimed the lives',
      'did not survive', 'fatally wounded', 'fatally injured', 'fatally shot', 'mortally wounded', 'confirmed dead',
      'shot dead', 'gunned down', 'found dead', 'left dead', 'burned alive', 'burnt alive', 'buried alive',
      'declared dead', 'pronounced dead', 'killed in action'],
  },
  injured: {
    verbs: ['injure', 'wound', 'hurt', 'maim', 'burn', 'hospitalise', 'hospitalize', 'treat', 'stab', 'shoot',
      'beat', 'trample', 'cripple', 'scald', 'blind'],
    intransitive: [],
    states: ['injured', 'wounded', 'hurt', 'hospitalised', 'hospitalized', 'maimed'],
    nouns: ['injury', 'injuries', 'casualty', 'casualties', 'wounded', 'injured'],
    results: [],
    phrases: ['sustained injuries', 'suffered injuries', 'sustained serious injuries', 'suffered burns', 'sustained burns',
      'admitted to hospital', 'taken to hospital', 'rushed to hospital', 'needed medical treatment', 'needed treatment',
      'received treatment', 'required treatment', 'in intensive care', 'in critical condition', 'in serious condition',
      'suffered wounds', 'sustained wounds', 'rushed to nearby clinics', 'airlifted to hospital', 'with injuries', 'with wounds',
      'with bullet wounds', 'with gunshot wounds', 'with serious injuries', 'with minor injuries', 'with burns', 'with burn injuries',
      'with stab wounds', 'with fractures'],
  },
  missing: {
    verbs: ['disappear', 'vanish'],
    intransitive: ['disappear', 'vanish'],
    states: ['missing', 'unaccounted', 'buried', 'lost'],
    nouns: ['missing'],
    results: [],
    phrases: ['unaccounted for', 'went missing', 'gone missing', 'feared dead', 'feared drowned', 'feared buried',
      'feared trapped', 'feared lost', 'feared killed', 'lost at sea', 'lost contact', 'yet to be found',
      'yet to be located', 'yet to be accounted for', 'still to be found', 'not been found', 'not yet been found',
      'still being sought', 'whereabouts', 'remain unknown', 'cannot be found', 'could not be found'],
  },
  displaced: {
    verbs: ['displace', 'evacuate', 'uproot', 'relocate', 'resettle', 'rehouse', 'expel', 'deport'],
    intransitive: ['flee', 'escape', 'migrate'],
    states: ['displaced', 'homeless', 'evacuated', 'uprooted', 'sheltering', 'sheltered', 'stranded'],
    nouns: ['refugee', 'refugees', 'evacuee', 'evacuees', 'displaced', 'homeless', 'asylum-seekers', 'asylum seekers',
      'idps', 'displacement', 'evacuation', 'exodus'],
    results: ['homeless', 'out of their homes', 'from their homes', 'out of their villages', 'from their villages', 'from homes', 'out of homes', 'to flee', 'to leave', 'into exile', 'to safety', 'to safer ground'],
    phrases: ['forced from their homes', 'forced to flee', 'forced to leave', 'forced out of their homes', 'driven from their homes',
      'driven out of their homes', 'fled their homes', 'left their homes', 'abandoned their homes', 'abandoned their villages',
      'lost their homes', 'made homeless', 'left homeless', 'took shelter', 'taken shelter', 'sought shelter', 'sought refuge',
      'seeking refuge', 'taking refuge', 'took refuge', 'in relief camps', 'in shelters', 'in evacuation centres',
      'in evacuation centers', 'in camps', 'in temporary shelters', 'crossed into', 'crossed the border', 'to leave villages',
      'to leave their homes', 'told to leave', 'ordered to leave', 'ordered to evacuate', 'forced to evacuate', 'moved to safety',
      'moved to shelters', 'in displacement camps', 'in relief centres', 'in tents'],
  },
  affected: {
    verbs: ['affect', 'infect', 'sicken', 'strand', 'impact', 'diagnose', 'help', 'assist', 'feed', 'support', 'hit'],
    intransitive: [],
    states: ['affected', 'infected', 'sick', 'ill', 'malnourished', 'food-insecure', 'hungry', 'starving', 'impacted'],
    nouns: ['case', 'cases', 'infection', 'infections', 'caseload', 'patients'],
    results: [],
    phrases: ['in need', 'in need of aid', 'in need of assistance', 'in need of humanitarian aid', 'need aid',
      'need humanitarian aid', 'need assistance', 'need food aid', 'need help', 'need support', 'require assistance',
      'requiring assistance', 'food insecure', 'face hunger', 'facing hunger', 'face famine', 'facing famine',
      'without power', 'without electricity', 'without water', 'without food', 'without shelter', 'without clean water',
      'without access to', 'lost power', 'cut off', 'fell ill', 'fell sick', 'tested positive', 'hit by',
      'lacking', 'lack access', 'in acute food insecurity', 'acutely malnourished', 'severely malnourished',
      'to help', 'to assist', 'to reach', 'to feed', 'to support', 'lost their livelihoods', 'lost their crops',
      'depend on', 'rely on', 'dependent on', 'no access to', 'with no access to', 'have no access', 'without access', 'lack access to',
      'have no food', 'have no water', 'have no shelter', 'have no electricity', 'have no power', 'knocked out power to',
      'cut power to', 'cut off power to', 'left without power', 'lost power', 'without electricity'],
  },
  at_risk: {
    verbs: ['threaten', 'endanger', 'imperil'],
    intransitive: [],
    states: ['vulnerable', 'besieged', 'encircled', 'trapped', 'cut-off'],
    nouns: [],
    results: [],
    phrases: ['at risk', 'at risk of', 'in danger', 'in danger of', 'risk of', 'in the path', "in harm's way", 'in harm’s way',
      'exposed to', 'could be forced', 'could be displaced', 'could be affected', 'could be killed', 'could be cut off',
      'could face', 'could need', 'could lose', 'may face', 'may need', 'might face', 'likely to face', 'likely to need',
      'likely to be affected', 'likely to be displaced', 'face the threat', 'under threat', 'threatened by', 'lives at risk'],
  },
  detained: {
    verbs: ['arrest', 'detain', 'abduct', 'kidnap', 'jail', 'imprison', 'capture', 'seize', 'snatch', 'apprehend',
      'remand', 'hold', 'intern', 'incarcerate', 'round'],
    intransitive: [],
    states: ['detained', 'held', 'hostage', 'captive', 'imprisoned', 'jailed', 'abducted', 'kidnapped'],
    nouns: ['hostage', 'hostages', 'captive', 'captives', 'detainee', 'detainees', 'prisoner', 'prisoners', 'abductee',
      'abductees', 'arrest', 'arrests', 'detention', 'abduction', 'abductions', 'kidnapping', 'kidnappings'],
    results: ['hostage', 'captive', 'prisoner', 'into custody', 'in custody'],
    phrases: ['taken hostage', 'held hostage', 'held captive', 'taken captive', 'in custody', 'into custody',
      'in captivity', 'rounded up', 'carried off', 'taken away', 'led away', 'taken prisoner', 'behind bars'],
  },
  facilities: {
    verbs: ['damage', 'destroy', 'flatten', 'raze', 'flood', 'torch', 'bomb', 'demolish', 'shell', 'loot', 'gut',
      'wreck', 'ruin', 'collapse', 'submerge', 'inundate', 'level', 'ransack', 'vandalise', 'vandalize', 'burn',
      'sweep', 'wash', 'hit', 'strike', 'attack', 'target', 'close', 'shut', 'enter', 'overrun', 'bury', 'engulf', 'submerge',
      'crack', 'topple', 'swamp', 'tear', 'rip', 'blow', 'set', 'raid', 'occupy', 'affect', 'cut', 'block'],
    intransitive: ['collapse', 'crumble', 'cave'],
    states: ['damaged', 'destroyed', 'flooded', 'submerged', 'underwater', 'uninhabitable', 'unsafe', 'inundated',
      'razed', 'flattened', 'collapsed', 'ruined', 'gutted', 'impassable', 'closed', 'shut', 'affected', 'blocked'],
    nouns: ['damage', 'destruction'],
    results: ['ablaze', 'alight', 'to rubble', 'away', 'on fire', 'down'],
    phrases: ['under water', 'in ruins', 'out of service', 'reduced to rubble', 'set ablaze', 'set alight', 'swept away',
      'washed away', 'set on fire', 'burned down', 'burnt down', 'set fire to', 'setting fire to', 'sets fire to', 'caused the collapse of',
      'the collapse of', 'collapse of'],
  },
  population: {
    verbs: ['inhabit', 'house'],
    intransitive: ['live', 'reside', 'dwell'],
    states: [],
    nouns: ['inhabitants', 'population'],
    results: [],
    phrases: ['home to', 'population of', 'a town of', 'a city of', 'a village of', 'a country of', 'a nation of', 'a district of',
      'a province of', 'a region of', 'a state of', 'a community of', 'a settlement of', 'a camp of', 'an island of', 'inhabited by', 'population is', 'population was', 'lives in', 'live in',
      'living in', 'lived in', 'living near', 'live near', 'live along', 'living along', 'reside in', 'residing in'],
  },
} as const;

/**
 * A verb and its object noun that together say what the subject suffers: "require humanitarian
 * assistance", "face severe hunger", "lack clean water". The object may have modifiers before it.
 */
export const VERB_OBJECT_PREDICATES = {
  affected: {
    verbs: ['need', 'require', 'lack', 'face', 'receive', 'get', 'depend', 'rely', 'seek', 'contract', 'catch', 'develop', 'show'],
    objects: ['disease', 'virus', 'infection', 'illness', 'symptoms', 'cholera', 'measles', 'malaria', 'dengue', 'mpox', 'ebola',
      'influenza', 'flu', 'typhoid', 'diphtheria', 'meningitis', 'tuberculosis', 'polio', 'hepatitis', 'fever', 'covid-19', 'covid', 'aid', 'assistance', 'help', 'support', 'food', 'relief', 'water', 'shelter', 'hunger', 'famine',
      'starvation', 'malnutrition', 'treatment', 'care', 'healthcare', 'protection', 'services', 'rations', 'handouts',
      'insecurity', 'shortages', 'crisis', 'emergency', 'catastrophe', 'conditions', 'levels'],
  },
} as const;

/** Verbs whose object is counted but harmed in no way we classify: the figure is "other". */
export const NEUTRAL_VERBS = [
  'rescue', 'save', 'vaccinate', 'reach', 'pull', 'free', 'release',
  'recover', 'find', 'locate', 'deploy', 'send', 'hire', 'train', 'employ', 'register', 'count', 'sign',
  'report', 'record', 'test', 'screen', 'treat', 'airlift', 'repatriate', 'return', 'receive', 'serve',
  'cancel', 'ground', 'divert', 'delay', 'suspend', 'operate', 'perform', 'vote', 'elect', 'attend',
] as const;

/** Verbs whose object takes a state after it ("left 15 dead", "made 9,000 homeless", "rendered them homeless"). */
export const RESULTATIVE_VERBS = ['leave', 'make', 'render', 'keep', 'find', 'declare', 'pronounce', 'report', 'list', 'confirm', 'presume', 'fear', 'believe'] as const;

/** Verbs of a count changing ("rose to 308", "revised down from 113 to 97"). */
export const CHANGE_VERBS = [
  'rise', 'climb', 'increase', 'jump', 'soar', 'grow', 'reach', 'hit', 'top', 'surpass', 'exceed', 'pass',
  'double', 'triple', 'fall', 'drop', 'decrease', 'decline', 'revise', 'raise', 'lower', 'push', 'bring',
  'take', 'put', 'stand', 'total', 'mount', 'swell', 'edge', 'creep', 'spike', 'surge', 'update', 'cut', 'reduce',
  'estimate', 'peg', 'place', 'value', 'fix', 'calculate', 'number',
] as const;

/** Words that say a count is an earlier one ("up from", "compared with", "revised down from"). */
export const EARLIER_MARKERS = ['up from', 'down from', 'compared with', 'compared to', 'from', 'previous', 'earlier figure of', 'an earlier figure of', 'previously'] as const;

/** Nouns for people: a count of these is a count of people. Singular and plural are both listed. */
export const PERSON_NOUNS = [
  'people', 'person', 'persons', 'civilian', 'civilians', 'child', 'children', 'kid', 'kids', 'woman', 'women',
  'man', 'men', 'resident', 'residents', 'family', 'families', 'household', 'households', 'villager', 'villagers',
  'troop', 'troops', 'soldier', 'soldiers', 'fighter', 'fighters', 'militant', 'militants', 'rebel', 'rebels',
  'policeman', 'policemen', 'police', 'officer', 'officers', 'refugee', 'refugees', 'migrant', 'migrants',
  'patient', 'patients', 'worker', 'workers', 'student', 'students', 'pupil', 'pupils', 'baby', 'babies',
  'infant', 'infants', 'girl', 'girls', 'boy', 'boys', 'adult', 'adults', 'elderly', 'individual', 'individuals',
  'pilgrim', 'pilgrims', 'passenger', 'passengers', 'miner', 'miners', 'farmer', 'farmers', 'fisherman',
  'fishermen', 'journalist', 'journalists', 'staff', 'volunteer', 'volunteers', 'victim', 'victims', 'survivor',
  'survivors', 'inmate', 'inmates', 'prisoner', 'prisoners', 'detainee', 'detainees', 'protester', 'protesters',
  'protestor', 'protestors', 'demonstrator', 'demonstrators', 'citizen', 'citizens', 'national', 'nationals',
  'inhabitant', 'inhabitants', 'minor', 'minors', 'teenager', 'teenagers', 'youth', 'youths', 'medic', 'medics',
  'doctor', 'doctors', 'nurse', 'nurses', 'teacher', 'teachers', 'evacuee', 'evacuees', 'tourist', 'tourists',
  'climber', 'climbers', 'trekker', 'trekkers', 'crew', 'crewmen', 'sailor', 'sailors', 'mourner', 'mourners',
  'worshipper', 'worshippers', 'worshiper', 'worshipers', 'shopper', 'shoppers', 'commuter', 'commuters',
  'voter', 'voters', 'employee', 'employees', 'official', 'officials', 'guard', 'guards', 'driver', 'drivers',
  'operator', 'operators', 'member', 'members', 'hiker', 'hikers', 'firefighter', 'firefighters', 'rescuer',
  'rescuers', 'relative', 'relatives', 'suspect', 'suspects', 'bandit', 'bandits', 'pirate', 'pirates',
  'gunman', 'gunmen', 'hostage', 'hostages', 'captive', 'captives', 'abductee', 'abductees', 'others', 'other',
  'judge', 'judges', 'priest', 'priests', 'imam', 'imams', 'muezzin', 'cleric', 'clerics', 'pastor', 'pastors',
  'monk', 'monks', 'nun', 'nuns', 'leader', 'leaders', 'chief', 'chiefs', 'head', 'mayor', 'mayors', 'governor',
  'lawyer', 'lawyers', 'activist', 'activists', 'businessman', 'businessmen', 'businesswoman', 'trader', 'traders',
  'politician', 'politicians', 'councillor', 'councillors', 'councilor', 'lawmaker', 'lawmakers', 'legislator',
  'chairman', 'chairperson', 'commander', 'commanders', 'general', 'colonel', 'captain', 'sergeant', 'lieutenant',
  'policewoman', 'constable', 'constables', 'gendarme', 'gendarmes', 'militiaman', 'militiamen', 'militia',
  'jihadist', 'jihadists', 'insurgent', 'insurgents', 'terrorist', 'terrorists', 'attacker', 'attackers',
  'assailant', 'assailants', 'kidnapper', 'kidnappers', 'robber', 'robbers', 'herder', 'herders', 'herdsman',
  'herdsmen', 'shepherd', 'peasant', 'peasants', 'labourer', 'labourers', 'laborer', 'laborers', 'vendor',
  'vendors', 'cameraman', 'cameramen', 'reporter', 'reporters', 'photographer', 'photographers', 'friend', 'friends',
  'son', 'sons', 'daughter', 'daughters', 'wife', 'wives', 'husband', 'husbands', 'mother', 'mothers', 'father',
  'fathers', 'brother', 'brothers', 'sister', 'sisters', 'cousin', 'cousins', 'nephew', 'niece', 'uncle', 'aunt',
  'grandmother', 'grandfather', 'grandson', 'granddaughter', 'parent', 'parents', 'couple', 'toddler', 'toddlers',
  'schoolgirl', 'schoolgirls', 'schoolboy', 'schoolboys', 'schoolchildren', 'teen', 'teens', 'youngster',
  'youngsters', 'adolescent', 'adolescents', 'newborn', 'newborns', 'elder', 'elders', 'pensioner', 'pensioners',
  'resident', 'occupant', 'occupants', 'guest', 'guests', 'customer', 'customers', 'spectator', 'spectators',
  'fan', 'fans', 'player', 'players', 'athlete', 'athletes', 'devotee', 'devotees', 'believer', 'believers',
  'christian', 'christians', 'muslim', 'muslims', 'hindu', 'hindus', 'sikh', 'sikhs', 'jew', 'jews', 'shia',
  'shiite', 'shiites', 'sunni', 'sunnis', 'diplomat', 'diplomats', 'peacekeeper', 'peacekeepers', 'contractor',
  'contractors', 'engineer', 'engineers', 'technician', 'technicians', 'paramedic', 'paramedics', 'midwife',
  'midwives', 'caregiver', 'caregivers', 'seafarer', 'seafarers', 'fisher', 'fishers', 'motorist', 'motorists',
  'pedestrian', 'pedestrians', 'cyclist', 'cyclists', 'rider', 'riders', 'pilot', 'pilots', 'stowaway',
  'stowaways', 'asylum-seeker', 'asylum-seekers', 'deportee', 'deportees', 'returnee', 'returnees', 'idp', 'idps',
  'casualty', 'casualties', 'dead', 'wounded', 'injured', 'missing', 'displaced', 'homeless', 'hungry',
  'traveller', 'travellers', 'traveler', 'travelers', 'visitor', 'visitors', 'holidaymaker', 'holidaymakers',
  'participant', 'participants', 'attendee', 'attendees', 'guest', 'wedding-goers', 'partygoers', 'competitor',
  'recruit', 'recruits', 'conscript', 'conscripts', 'cadet', 'cadets', 'veteran', 'veterans', 'marine', 'marines',
  'serviceman', 'servicemen', 'servicemember', 'servicemembers', 'personnel', 'agent', 'agents', 'informant',
  'informants', 'defector', 'defectors', 'deserter', 'deserters', 'smuggler', 'smugglers', 'trafficker',
  'traffickers', 'dealer', 'dealers', 'gang', 'gangster', 'gangsters', 'thief', 'thieves', 'criminal',
  'criminals', 'convict', 'convicts', 'offender', 'offenders', 'accused', 'defendant', 'defendants',
  'opposition', 'supporter', 'supporters', 'follower', 'followers', 'loyalist', 'loyalists', 'partisan',
  'cultist', 'cultists', 'tribesman', 'tribesmen', 'tribesmen', 'clansman', 'clansmen', 'ranger', 'rangers',
  'warden', 'wardens', 'aid', 'humanitarian', 'humanitarians', 'employee', 'chef', 'cook', 'baker', 'bakers',
  'tailor', 'butcher', 'carpenter', 'mechanic', 'electrician', 'plumber', 'builder', 'builders', 'porter', 'porters',
  'sherpa', 'sherpas', 'guide', 'guides', 'ambassador', 'minister', 'ministers', 'president', 'spokesman', 'spokeswoman',
  'lecturer', 'professor', 'academic', 'academics', 'scholar', 'scholars', 'scientist', 'scientists', 'researcher',
  'researchers', 'physician', 'physicians', 'surgeon', 'surgeons', 'pharmacist', 'dentist', 'vet', 'accountant',
  'banker', 'clerk', 'clerks', 'secretary', 'cashier', 'waiter', 'waiters', 'waitress', 'barber', 'hawker', 'hawkers',
  'rickshaw-puller', 'chauffeur', 'bodyguard', 'bodyguards', 'watchman', 'watchmen', 'villager', 'townspeople',
  'locals', 'local', 'neighbour', 'neighbours', 'neighbor', 'neighbors', 'bystander', 'bystanders', 'onlooker',
  'onlookers', 'mp', 'mps', 'senator', 'senators', 'deputy', 'deputies', 'prosecutor', 'prosecutors', 'magistrate',
  'chieftain', 'chieftains', 'emir', 'sheikh', 'king', 'queen', 'prince', 'princess', 'lord', 'bishop', 'bishops',
  'cardinal', 'rabbi', 'rabbis', 'missionary', 'missionaries', 'catechist', 'seminarian', 'seminarians', 'deacon',
  'preacher', 'preachers', 'evangelist', 'blogger', 'bloggers', 'writer', 'writers', 'poet', 'artist', 'artists',
  'singer', 'musician', 'actor', 'actress', 'editor', 'editors', 'publisher', 'broadcaster', 'presenter', 'anchor',
  'correspondent', 'correspondents', 'freelancer', 'stringer', 'fixer', 'interpreter', 'interpreters', 'translator',
  'passer-by', 'passers-by', 'passerby', 'passersby', 'candidate', 'candidates', 'delegate', 'delegates', 'envoy', 'envoys', 'official', 'mayor', 'chief', 'headman', 'elder',
] as const;

/** Singular nouns that never name one person, though they end like one ("centre", "order"). */
export const NOT_PERSON_NOUNS = [
  'number', 'numbers', 'container', 'containers', 'center', 'centers', 'centre', 'centres', 'tower', 'towers',
  'river', 'rivers', 'letter', 'letters', 'paper', 'papers', 'computer', 'computers', 'meter', 'meters', 'metre',
  'metres', 'liter', 'liters', 'litre', 'litres', 'dollar', 'dollars', 'year', 'years', 'hour', 'hours',
  'quarter', 'quarters', 'headquarters', 'border', 'borders', 'water', 'waters', 'order', 'orders', 'report',
  'reports', 'government', 'governments', 'department', 'departments', 'settlement', 'settlements',
  'parliament', 'incident', 'incidents', 'accident', 'accidents', 'event', 'events', 'payment', 'payments',
  'shipment', 'shipments', 'statement', 'statements', 'document', 'documents', 'element', 'elements',
  'investment', 'investments', 'treatment', 'treatments', 'assessment', 'assessments', 'tent', 'tents',
  'percent', 'cent', 'cents', 'indicator', 'indicators', 'sector', 'sectors', 'factor', 'factors', 'door',
  'doors', 'floor', 'floors', 'district', 'districts', 'region', 'regions', 'province', 'provinces',
  'country', 'countries', 'state', 'states', 'municipality', 'municipalities', 'county', 'counties', 'area',
  'areas', 'zone', 'zones', 'hectare', 'hectares', 'acre', 'acres', 'weather', 'water', 'shelter', 'shelters',
  'helicopter', 'helicopters', 'tractor', 'tractors', 'trailer', 'trailers', 'generator', 'generators',
  'reactor', 'reactors', 'monitor', 'monitors', 'sensor', 'sensors', 'minister', 'chapter', 'chapters', 'matter',
  'winter', 'summer', 'thunder', 'disaster', 'disasters', 'cluster', 'clusters', 'layer', 'layers', 'charter',
  'member states', 'powder', 'ladder', 'barrier', 'barriers', 'carrier', 'carriers', 'tanker', 'tankers',
  'freighter', 'trawler', 'trawlers', 'bulldozer', 'bulldozers', 'excavator', 'excavators', 'poster', 'posters',
  'banner', 'banners', 'counter', 'counters', 'filter', 'filters', 'transfer', 'transfers', 'answer', 'answers',
  'offer', 'offers', 'voucher', 'vouchers', 'corridor', 'corridors', 'elevator', 'escalator', 'motor', 'motors',
  'error', 'errors', 'terror', 'mirror', 'horror', 'vapour', 'labour', 'harbour', 'harbours', 'honour', 'colour',
  'flavour', 'rumour', 'rumours', 'behaviour', 'favour', 'humour', 'armour', 'vehicle', 'vehicles', 'equipment',
  'danger', 'dangers', 'hunger', 'anger', 'fever', 'cancer', 'ulcer', 'power', 'tower', 'shower', 'flower', 'river',
  'corner', 'manner', 'dinner', 'banner', 'cover', 'fire', 'matter', 'letter', 'poster', 'register', 'quarter',
  'chamber', 'theatre', 'centre', 'meter', 'litre', 'calendar', 'bar', 'car', 'star', 'war', 'liquor', 'floor',
  'door', 'error', 'factor', 'sector', 'motor', 'mirror', 'terror', 'horror', 'tremor', 'vapor', 'harbor', 'labor', 'rumor',
  'moment', 'comment', 'agreement', 'government', 'department', 'element', 'movement', 'incident', 'accident',
  'event', 'percent', 'argument', 'environment', 'treatment', 'statement', 'settlement', 'payment', 'shipment', 'document',
  'plant', 'grant', 'warrant', 'restaurant', 'pageant', 'implant', 'coolant', 'pollutant', 'ant',
  'guarantee', 'committee', 'fee', 'coffee', 'degree', 'tree', 'knee', 'decree', 'jubilee', 'marquee', 'toffee',
  'ocean', 'plan', 'van', 'caravan',
] as const;

/** Buildings and places that can be damaged: a count of these is a count of facilities. */
export const FACILITY_NOUNS = [
  'house', 'houses', 'home', 'homes', 'building', 'buildings', 'hospital', 'hospitals', 'school', 'schools',
  'clinic', 'clinics', 'facility', 'facilities', 'centre', 'centres', 'center', 'centers', 'village', 'villages',
  'town', 'towns', 'shelter', 'shelters', 'bridge', 'bridges', 'market', 'markets', 'mosque', 'mosques',
  'church', 'churches', 'chapel', 'chapels', 'temple', 'temples', 'synagogue', 'synagogues', 'monastery',
  'monasteries', 'pagoda', 'pagodas', 'structure', 'structures', 'dwelling', 'dwellings', 'shop', 'shops',
  'business', 'businesses', 'classroom', 'classrooms', 'post', 'posts', 'well', 'wells', 'borehole',
  'boreholes', 'latrine', 'latrines', 'road', 'roads', 'apartment', 'apartments', 'flat', 'flats',
  'homestead', 'homesteads', 'hut', 'huts', 'office', 'offices', 'factory', 'factories', 'plant', 'plants',
  'station', 'stations', 'camp', 'camps', 'property', 'properties', 'warehouse', 'warehouses', 'hotel',
  'hotels', 'residence', 'residences', 'cottage', 'cottages', 'cabin', 'cabins', 'barn', 'barns', 'shed',
  'sheds', 'kiosk', 'kiosks', 'stall', 'stalls', 'college', 'colleges', 'university', 'universities',
  'kindergarten', 'kindergartens', 'prison', 'prisons', 'dam', 'dams', 'tunnel', 'tunnels', 'pylon',
  'pylons', 'tower', 'towers', 'unit', 'units', 'premises', 'mill', 'mills', 'granary', 'granaries', 'store',
  'stores', 'farm', 'farms', 'farmhouse', 'farmhouses', 'hamlet', 'hamlets', 'settlement', 'settlements',
  'neighbourhood', 'neighbourhoods', 'neighborhood', 'neighborhoods', 'block', 'blocks', 'compound',
  'compounds', 'church', 'madrasa', 'madrasas', 'madrassa', 'seminary', 'orphanage', 'orphanages', 'bakery',
  'bakeries', 'pharmacy', 'pharmacies', 'health centres', 'dispensary', 'dispensaries', 'airport', 'airports',
  'port', 'ports', 'terminal', 'terminals', 'substation', 'substations', 'power', 'pipeline', 'pipelines',
  'railway', 'railways', 'highway', 'highways', 'street', 'streets', 'playground', 'stadium', 'stadiums',
  'courthouse', 'courthouses', 'checkpoint', 'checkpoints', 'base', 'bases', 'barracks', 'embassy', 'embassies',
  'consulate', 'library', 'libraries', 'museum', 'museums', 'cemetery', 'cemeteries', 'shrine', 'shrines',
  'cathedral', 'parish', 'restaurant', 'restaurants', 'cafe', 'cafes', 'bank', 'banks', 'garage', 'garages',
  'greenhouse', 'greenhouses', 'plantation', 'plantations', 'field', 'fields', 'orchard', 'orchards',
  'silo', 'silos', 'dyke', 'dykes', 'dike', 'dikes', 'levee', 'levees', 'embankment', 'embankments', 'canal',
  'canals', 'culvert', 'culverts', 'mast', 'masts', 'antenna', 'antennas', 'tent', 'tents', 'shack', 'shacks',
  'shanty', 'shanties', 'slum', 'slums', 'dormitory', 'dormitories', 'hostel', 'hostels', 'ward', 'wards',
] as const;

/** Things counted as a quantity: weapons, vehicles, events, hazards, supplies. */
export const THING_NOUNS = [
  'rocket', 'rockets', 'missile', 'missiles', 'shell', 'shells', 'drone', 'drones', 'bomb', 'bombs', 'tank',
  'tanks', 'vehicle', 'vehicles', 'truck', 'trucks', 'lorry', 'lorries', 'aircraft', 'jet', 'jets',
  'helicopter', 'helicopters', 'boat', 'boats', 'ship', 'ships', 'airstrike', 'airstrikes', 'air strikes',
  'strike', 'strikes', 'attack', 'attacks', 'raid', 'raids', 'explosion', 'explosions', 'mortar', 'mortars',
  'round', 'rounds', 'aftershock', 'aftershocks', 'tremor', 'tremors', 'kit', 'kits', 'meal', 'meals',
  'ration', 'rations', 'dose', 'doses', 'vaccine', 'vaccines', 'parcel', 'parcels', 'container', 'containers',
  'tree', 'trees', 'flight', 'flights', 'train', 'trains', 'wildfire', 'wildfires', 'fire', 'fires', 'blaze',
  'blazes', 'tornado', 'tornadoes', 'tornados', 'landslide', 'landslides', 'earthquake', 'earthquakes',
  'quake', 'quakes', 'car', 'cars', 'bus', 'buses', 'coach', 'coaches', 'wagon', 'wagons', 'carriage',
  'carriages', 'engine', 'engines', 'fire engines', 'ambulance', 'ambulances', 'tent', 'tents', 'blanket',
  'blankets', 'tarpaulin', 'tarpaulins', 'sack', 'sacks', 'bag', 'bags', 'bottle', 'bottles', 'litre',
  'shot', 'shots', 'bullet', 'bullets', 'grenade', 'grenades', 'mine', 'mines', 'landmine', 'landmines',
  'weapon', 'weapons', 'gun', 'guns', 'rifle', 'rifles', 'vessel', 'vessels', 'plane', 'planes', 'warplane',
  'warplanes', 'motorcycle', 'motorcycles', 'bicycle', 'bicycles', 'cyclone', 'cyclones', 'storm', 'storms',
  'flood', 'floods', 'outbreak', 'outbreaks', 'incident', 'incidents', 'clash', 'clashes', 'protest', 'protests',
  'eruption', 'eruptions', 'avalanche', 'avalanches', 'mudslide', 'mudslides', 'sinkhole', 'sinkholes',
  'lightning', 'bolt', 'bolts', 'fishing', 'trawler', 'trawlers', 'canoe', 'canoes', 'ferry', 'ferries',
  'bombing', 'bombings', 'blast', 'blasts', 'shooting', 'shootings', 'ambush', 'ambushes', 'assault', 'assaults',
  'skirmish', 'skirmishes', 'battle', 'battles', 'shelling', 'barrage', 'barrages', 'salvo', 'salvos', 'volley',
] as const;

/** Animals: never people, whatever happens to them. */
export const ANIMAL_NOUNS = [
  'animal', 'animals', 'cattle', 'livestock', 'cow', 'cows', 'calf', 'calves', 'bull', 'bulls', 'oxen', 'goat',
  'goats', 'sheep', 'camel', 'camels', 'donkey', 'donkeys', 'horse', 'horses', 'mule', 'mules', 'pig', 'pigs',
  'hog', 'hogs', 'poultry', 'chicken', 'chickens', 'hen', 'hens', 'duck', 'ducks', 'goose', 'geese', 'bird',
  'birds', 'seabird', 'seabirds', 'penguin', 'penguins', 'pelican', 'pelicans', 'gull', 'gulls', 'flamingo',
  'flamingos', 'fish', 'dolphin', 'dolphins', 'porpoise', 'porpoises', 'whale', 'whales', 'seal', 'seals',
  'turtle', 'turtles', 'tortoise', 'tortoises', 'dog', 'dogs', 'cat', 'cats', 'elephant', 'elephants', 'rhino',
  'rhinos', 'lion', 'lions', 'giraffe', 'giraffes', 'zebra', 'zebras', 'deer', 'antelope', 'antelopes', 'bee',
  'bees', 'pet', 'pets', 'wildlife', 'creature', 'creatures', 'mammal', 'mammals', 'reptile', 'reptiles',
  'crocodile', 'crocodiles', 'monkey', 'monkeys', 'gorilla', 'gorillas', 'chimpanzee', 'chimpanzees', 'herd',
  'herds', 'flock', 'flocks', 'head',
] as const;

/** Units of time: a number before one is a duration, not a figure. */
export const TIME_NOUNS = [
  'second', 'seconds', 'minute', 'minutes', 'hour', 'hours', 'day', 'days', 'week', 'weeks', 'month', 'months',
  'year', 'years', 'decade', 'decades', 'century', 'centuries', 'night', 'nights', 'weekend', 'weekends',
  'fortnight', 'fortnights', 'season', 'seasons',
] as const;

/** Countable abstract nouns whose count is "other" ("18 countries", "43 survivors"). */
export const OTHER_NOUNS = [
  'country', 'countries', 'nation', 'nations', 'district', 'districts', 'province', 'provinces', 'state',
  'states', 'region', 'regions', 'county', 'counties', 'municipality', 'municipalities', 'city', 'cities',
  'agency', 'agencies', 'organisation', 'organisations', 'organization', 'organizations', 'team', 'teams',
  'survivor', 'survivors', 'operation', 'operations', 'species', 'project', 'projects', 'event', 'events',
] as const;

/** Words after which a capitalised name ends in a number: "Highway 7", "Resolution 2401". */
export const NAME_BEFORE_NUMBER = [
  'Category', 'Highway', 'Route', 'Road', 'Resolution', 'Article', 'Section', 'Chapter', 'Flight', 'Gate',
  'Terminal', 'Platform', 'Room', 'Block', 'Sector', 'Phase', 'Stage', 'Level', 'Grade', 'Unit', 'Ward', 'Zone',
  'Apartment', 'Suite', 'No', 'No.', 'Number', 'Vol', 'Vol.', 'Volume', 'Page', 'Paragraph', 'Clause', 'Rule', 'Act',
  'Decree', 'Order', 'Protocol', 'Annex', 'Amendment', 'Division', 'Brigade', 'Battalion', 'Regiment', 'Fleet',
  'Apollo', 'Windows', 'Agenda', 'Vision', 'Building', 'Tower', 'Pier', 'Exit', 'Channel', 'COP', 'Formula',
  'Boeing', 'Airbus', 'Model', 'Type', 'Mark', 'Mk', 'Gen', 'Generation', 'Day', 'Year', 'Season', 'Episode',
  'Part', 'Book', 'Track', 'Lot', 'Plot', 'Box', 'Kilometre', 'Km', 'Mile', 'Bus', 'Train', 'Line', 'Camp', 'Hall',
  'Team', 'Squad', 'Class', 'Series', 'Version', 'v', 'Galaxy', 'iPhone', 'Pixel', 'Alert', 'Storm', 'Cell',
  'Corps', 'Army', 'Infantry', 'Sub', 'District', 'Zone', 'Precinct', 'Station', 'Hangar', 'Dock', 'Berth', 'Lane',
  'Goal', 'Goals', 'Target', 'Objective', 'Pillar', 'Principle', 'Step', 'Priority', 'Scenario', 'Option', 'Plan',
  'page', 'pages', 'chapter', 'paragraph', 'section', 'clause', 'article', 'item', 'line', 'row', 'column', 'room',
  'platform', 'gate', 'flight', 'route', 'highway', 'exit', 'channel', 'no.', 'number', 'grade', 'level', 'phase', 'category',
  'Street', 'Avenue', 'Ward', 'Bed', 'Cabin', 'Deck', 'Bay', 'Wing', 'Floor', 'Sheet', 'Form', 'Schedule', 'Item',
] as const;
/** Words after a number that make it part of a name ("1 Division", "3 Commando Brigade"). */
export const NAME_AFTER_NUMBER = ['Division', 'Brigade', 'Battalion', 'Regiment', 'Corps', 'Squadron', 'Commando', 'Infantry', 'Armoured', 'Mechanised', 'Mechanized', 'Street', 'Avenue', 'Road'] as const;

/** Words before a phone number. */
export const PHONE_CUES = ['hotline', 'helpline', 'phone', 'telephone', 'tel', 'call', 'dial', 'sms', 'text', 'whatsapp', 'fax'] as const;
/** Words that open an age bound ("children under 5", "aged 5 to 14"). */
export const AGE_CUES = ['aged', 'age', 'ages'] as const;
export const AGE_BOUNDS = ['under', 'below', 'over', 'above', 'younger', 'older', 'between', 'from'] as const;
/** Clock words after a time ("9 am", "2200 GMT"). */
export const CLOCK_WORDS = ['am', 'pm', 'a.m.', 'p.m.', 'hrs', 'gmt', 'utc', "o'clock", 'h', 'hours gmt', 'local time'] as const;
/** Hyphenated modifiers after a number that make it part of an adjective ("a 500-bed hospital"). */
export const MODIFIER_NOUNS = ['bed', 'storey', 'story', 'seat', 'page', 'lane', 'room', 'point', 'member', 'car', 'door', 'hole', 'strong', 'man', 'woman', 'person', 'year', 'month', 'week', 'day', 'hour', 'minute', 'mile', 'kilometre', 'km', 'metre', 'foot', 'inch', 'tonne', 'ton', 'acre', 'hectare', 'floor'] as const;
/** Multipliers ("three times", "10-fold"). */
export const MULTIPLIER_WORDS = ['times', 'fold'] as const;

/** Nouns of places where the displaced stay: "in emergency shelters", "at relief camps". */
export const SHELTER_NOUNS = ['shelter', 'shelters', 'camp', 'camps', 'tent', 'tents', 'centre', 'centres', 'center', 'centers', 'settlements', 'schools', 'churches', 'mosques', 'stadium', 'stadiums', 'evacuation'] as const;

/** Words of time that read like nouns but say when ("wounded Thursday", "killed overnight"). */
export const TIME_WORDS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'yesterday', 'today', 'tonight', 'overnight', 'tomorrow'] as const;

/** Modifiers of a place that make it no shelter ("the detention center", "a health centre"). */
export const NOT_SHELTER_MODIFIERS = ['detention', 'health', 'medical', 'shopping', 'commercial', 'trade', 'call', 'data', 'research', 'training', 'business', 'police', 'military', 'army', 'prison', 'city', 'town', 'treatment', 'operations', 'command', 'control', 'convention', 'conference', 'cultural', 'sports', 'trauma', 'cancer', 'dialysis', 'cholera', 'vaccination', 'distribution', 'registration', 'reception', 'transit'] as const;

/** What people go without: "without running water", "no access to clean water", "lack of food". */
export const NEED_NOUNS = ['water', 'power', 'electricity', 'food', 'shelter', 'healthcare', 'sanitation', 'medicine', 'medicines', 'aid', 'fuel', 'heating', 'homes'] as const;

/** Places of care: "admitted to King George Hospital", "taken to nearby clinics". */
export const CARE_NOUNS = ['hospital', 'hospitals', 'clinic', 'clinics', 'infirmary', 'infirmaries', 'ward', 'icu'] as const;
/** Verbs that bring the hurt to care. */
export const CARE_VERBS = ['admit', 'take', 'rush', 'airlift', 'fly', 'bring', 'ferry', 'transfer', 'shift', 'move', 'carry', 'hospitalise', 'hospitalize', 'treat', 'send'] as const;

/** Places whose size in people is their population: "the port city of 1.4 million". */
export const POPULATION_PLACES = ['city', 'town', 'village', 'country', 'nation', 'district', 'region', 'province', 'community', 'island', 'metropolis', 'capital', 'municipality', 'settlement', 'enclave', 'territory'] as const;

/** Diseases: treated for one, a count of cases ("treated 56 people for acute watery diarrhoea"). */
export const DISEASES = ['cholera', 'measles', 'malaria', 'dengue', 'mpox', 'ebola', 'covid', 'covid-19', 'influenza', 'flu', 'typhoid', 'diphtheria', 'meningitis', 'diarrhoea', 'diarrhea', 'tuberculosis', 'polio', 'hepatitis', 'fever', 'lassa', 'infection', 'infections', 'disease', 'virus', 'illness', 'symptoms'] as const;

/** States that say no harm came: "escaped unhurt". */
export const UNHARMED = ['unhurt', 'unharmed', 'unscathed', 'uninjured', 'safe', 'safely', 'alive'] as const;

/** Verbs that give a share of a whole: "accounts for 80% of its exports". */
export const SHARE_VERBS = ['account', 'make', 'represent', 'comprise', 'constitute', 'form'] as const;

/** Wholes a share is measured against, kept on the label ("at 140 percent of capacity", "5.8% of GDP"). */
export const SHARE_WHOLES = ['capacity', 'gdp', 'target', 'normal', 'average', 'requirement', 'requirements', 'budget', 'quota'] as const;

/** Month names and their abbreviations (capitalised in text: "May" is a month, "may" is not). */
export const MONTHS = [
  'january', 'jan', 'february', 'feb', 'march', 'mar', 'april', 'apr', 'may', 'june', 'jun', 'july', 'jul',
  'august', 'aug', 'september', 'sep', 'sept', 'october', 'oct', 'november', 'nov', 'december', 'dec',
] as const;

/** Verbs that take a clause ("said 4 people were killed"): the number after them is that clause's subject. */
export const CLAUSE_VERBS = ['say', 'tell', 'report', 'announce', 'add', 'state', 'confirm', 'claim', 'estimate', 'warn', 'note', 'explain', 'write', 'believe', 'fear', 'show', 'indicate', 'suggest', 'think', 'know', 'learn', 'hear', 'understand', 'insist', 'deny', 'allege', 'acknowledge', 'admit', 'reveal', 'predict', 'expect', 'hope', 'worry', 'mean', 'find'] as const;

/** Words of saying, for attribution and for the end of a reported clause. */
export const SAY_VERBS = ['say', 'tell', 'report', 'announce', 'add', 'state', 'confirm', 'claim', 'estimate', 'warn', 'note', 'explain', 'write', 'tweet', 'post'] as const;

/** Subset openers: "including 11 children", "among them 5 women", "of whom 4". */
export const SUBSET_OPENERS = ['including', 'includes', 'included', 'include', 'among them', 'among whom', 'among those', 'among the dead', 'among the victims', 'of whom', 'of which', 'of them', 'of those', 'amongst them', 'mostly', 'mainly', 'most of them', 'all of them', 'many of them'] as const;
/** Irregular verbs: every form → lemma (regular forms are derived by suffix rules). */
export const IRREGULAR_VERBS: Readonly<Record<string, string>> = {
  died: 'die', dying: 'die', dies: 'die', fled: 'flee', fleeing: 'flee', flees: 'flee', held: 'hold',
  took: 'take', taken: 'take', taking: 'take', left: 'leave', leaving: 'leave', shot: 'shoot', struck: 'strike',
  stricken: 'strike', brought: 'bring', sought: 'seek', found: 'find', lost: 'lose', losing: 'lose', drove: 'drive',
  driven: 'drive', driving: 'drive', hit: 'hit', hitting: 'hit', beaten: 'beat', beat: 'beat', burnt: 'burn',
  slain: 'slay', slew: 'slay', fell: 'fall', fallen: 'fall', rose: 'rise', risen: 'rise', rising: 'rise', grew: 'grow',
  grown: 'grow', swept: 'sweep', stood: 'stand', put: 'put', putting: 'put', set: 'set', setting: 'set', cut: 'cut',
  cutting: 'cut', came: 'come', come: 'come', went: 'go', gone: 'go', going: 'go', made: 'make', making: 'make',
  gave: 'give', given: 'give', giving: 'give', saw: 'see', seen: 'see', said: 'say', told: 'tell', kept: 'keep',
  caught: 'catch', spent: 'spend', ran: 'run', running: 'run', lay: 'lie', lain: 'lie', lying: 'lie', began: 'begin',
  begun: 'begin', beginning: 'begin', became: 'become', become: 'become', thought: 'think', bought: 'buy', sold: 'sell',
  sent: 'send', built: 'build', fought: 'fight', got: 'get', gotten: 'get', knew: 'know', known: 'know', led: 'lead',
  met: 'meet', paid: 'pay', read: 'read', meant: 'mean', stole: 'steal', stolen: 'steal', tore: 'tear', torn: 'tear',
  woke: 'wake', blew: 'blow', blown: 'blow', threw: 'throw', thrown: 'throw', wrote: 'write', written: 'write',
  overran: 'overrun', overrun: 'overrun', flew: 'fly', flown: 'fly', underwent: 'undergo', undergone: 'undergo',
  swam: 'swim', sank: 'sink', sunk: 'sink', bled: 'bleed', fed: 'feed', hung: 'hang', hanged: 'hang', froze: 'freeze',
  frozen: 'freeze', shook: 'shake', shaken: 'shake', withdrew: 'withdraw', withdrawn: 'withdraw', forbade: 'forbid',
  strove: 'strive', arose: 'arise', arisen: 'arise', spread: 'spread', quit: 'quit', let: 'let', shut: 'shut',
  shutting: 'shut', bore: 'bear', borne: 'bear', born: 'bear', wore: 'wear', worn: 'wear', dug: 'dig', rang: 'ring',
  rung: 'ring', sped: 'speed', slid: 'slide', spun: 'spin', struck_: 'strike', lit: 'light', mistook: 'mistake',
  mistaken: 'mistake', rebuilt: 'rebuild', sunk_: 'sink', overtook: 'overtake', overtaken: 'overtake',
  stabbed: 'stab', stabbing: 'stab', trapped: 'trap', trapping: 'trap', shelled: 'shell', shelling: 'shell',
  kidnapped: 'kidnap', kidnapping: 'kidnap', kidnaped: 'kidnap', gunned: 'gun', gunning: 'gun', dropped: 'drop',
  dropping: 'drop', topped: 'top', topping: 'top', planned: 'plan', stopped: 'stop', stopping: 'stop',
  occurred: 'occur', occurring: 'occur', admitted: 'admit', admitting: 'admit', committed: 'commit',
  submitted: 'submit', transferred: 'transfer', referred: 'refer', controlled: 'control', patrolled: 'patrol',
  totalled: 'total', totalling: 'total', totaled: 'total', totaling: 'total', levelled: 'level', leveled: 'level',
  travelled: 'travel', traveled: 'travel', labelled: 'label', cancelled: 'cancel', canceled: 'cancel',
  fuelled: 'fuel', compelled: 'compel', expelled: 'expel', propelled: 'propel', repelled: 'repel', quelled: 'quell',
  barred: 'bar', scarred: 'scar', starred: 'star', slipped: 'slip', shipped: 'ship', equipped: 'equip',
  strapped: 'strap', wrapped: 'wrap', ripped: 'rip', tipped: 'tip', skipped: 'skip', grabbed: 'grab', robbed: 'rob',
  mobbed: 'mob', bombed: 'bomb', jammed: 'jam', rammed: 'ram', crammed: 'cram', slammed: 'slam', spotted: 'spot',
  plotted: 'plot', rotted: 'rot', knitted: 'knit', fitted: 'fit', netted: 'net', vetted: 'vet', petted: 'pet',
  battered: 'batter', lashed: 'lash', pounded: 'pound', evacuated: 'evacuate', displaced: 'displace',
  hurt: 'hurt', burst: 'burst', cast: 'cast', cost: 'cost', split: 'split', upset: 'upset', broadcast: 'broadcast',
  waylaid: 'waylay', waylay: 'waylay', slew_: 'slay', forecast: 'forecast', bid: 'bid', rid: 'rid', thrust: 'thrust', wed: 'wed', bet: 'bet',
};

/** Common verbs that are no harm but must be read as verbs ("77 needed treatment", "fishers depend on"). */
export const GENERAL_VERBS = [
  'need', 'require', 'face', 'receive', 'suffer', 'sustain', 'undergo', 'include', 'see', 'make', 'take', 'give',
  'get', 'go', 'come', 'begin', 'continue', 'start', 'stop', 'try', 'use', 'work', 'call', 'ask', 'seek', 'provide',
  'offer', 'show', 'leave', 'keep', 'bring', 'run', 'move', 'wait', 'cross', 'enter', 'arrive', 'attend', 'join',
  'gather', 'board', 'carry', 'transport', 'depend', 'rely', 'lack', 'contract', 'diagnose', 'escape', 'survive',
  'remain', 'stay', 'lie', 'sleep', 'eat', 'drink', 'walk', 'travel', 'fly', 'sail', 'drive', 'ride', 'plan', 'aim',
  'want', 'decide', 'agree', 'refuse', 'fail', 'manage', 'allow', 'force', 'order', 'cause', 'prompt', 'spark',
  'trigger', 'lead', 'result', 'follow', 'happen', 'occur', 'break', 'spread', 'fight', 'clash', 'protest', 'march',
  'approve', 'allocate', 'pledge', 'spend', 'pay', 'cost', 'borrow', 'lend', 'owe', 'earn', 'lose', 'win', 'gain',
  'sell', 'buy', 'build', 'rebuild', 'repair', 'restore', 'open', 'close', 'fill', 'empty', 'grow', 'shrink',
  'expand', 'contract', 'account', 'represent', 'comprise', 'constitute', 'hold', 'host', 'welcome', 'shelter',
  'accommodate', 'put', 'set', 'place', 'mark', 'name', 'list', 'count', 'number', 'rank', 'top', 'pour', 'fall',
  'batter', 'lash', 'pound', 'dump', 'cover', 'reach', 'affect', 'hit', 'strike', 'sweep', 'surge', 'swell',
  'plunge', 'soar', 'climb', 'rise', 'drop', 'release', 'free', 'pull', 'lift', 'airlift', 'bus', 'ship',
];

/** Nouns ending in -ly, which are not adverbs ("demand outstripped supply", "a rally in the capital"). */
export const LY_NOUNS = [
  'supply', 'assembly', 'anomaly', 'monopoly', 'rally', 'ally', 'reply', 'belly', 'jelly', 'lily', 'homily', 'folly',
  'bully', 'butterfly', 'dragonfly', 'firefly',
] as const;

/** Verbs of a value going up or down, by which a share after "by" is a change ("prices rose by 40%"). */
export const RISE_VERBS = ['rise', 'climb', 'increase', 'jump', 'soar', 'grow', 'double', 'triple', 'mount', 'swell', 'surge', 'spike', 'raise', 'gain', 'boost', 'widen', 'expand'] as const;
export const FALL_VERBS = ['fall', 'drop', 'decrease', 'decline', 'lower', 'cut', 'reduce', 'shrink', 'plunge', 'slump', 'lose', 'slide', 'tumble', 'dip', 'sink', 'narrow', 'contract', 'halve'] as const;

/** Nouns ending in -ing or -ed that are not verb forms ("building", "wedding", "hundred"). */
export const NOUNS_LIKE_VERBS = [
  'building', 'buildings', 'wedding', 'weddings', 'morning', 'mornings', 'evening', 'evenings', 'clothing',
  'housing', 'funding', 'meeting', 'meetings', 'shooting', 'shootings', 'bombing', 'bombings', 'killing',
  'killings', 'flooding', 'fighting', 'shelling', 'looting', 'spending', 'warning', 'warnings', 'ceiling',
  'landing', 'training', 'planning', 'nothing', 'something', 'anything', 'everything', 'king', 'ring', 'string',
  'spring', 'thing', 'things', 'wing', 'wings', 'beijing', 'hundred', 'hundreds', 'bed', 'shed', 'sled', 'seed',
  'need', 'creed', 'breed', 'steed', 'weed', 'reed', 'feed', 'speed', 'greed', 'deed', 'red',
  'opening', 'hearing', 'briefing', 'gathering', 'uprising', 'rating', 'reading', 'boarding', 'crossing',
  'crossings', 'offering', 'offerings', 'belongings', 'earnings', 'savings', 'findings', 'surroundings',
  'outing', 'evening', 'hiking', 'lightning', 'pudding', 'stuffing', 'scaffolding', 'bedding', 'heating',
  'cooking', 'farming', 'fishing', 'mining', 'logging', 'shipping', 'shopping', 'marketing', 'banking',
  'ceasefire', 'caseload', 'hospitalisation', 'hospitalization', 'kidnapping', 'kidnappings', 'stabbing',
  'stabbings', 'beating', 'beatings', 'lynching', 'lynchings', 'hanging', 'hangings', 'crackdown', 'standing',
] as const;

/** Adjectives often met between a number and its noun. */
export const ADJECTIVES = [
  'dead', 'alive', 'missing', 'homeless', 'hungry', 'sick', 'ill', 'vulnerable', 'critical', 'serious', 'stable',
  'grave', 'new', 'more', 'other', 'special', 'extra', 'additional', 'further', 'additional', 'extra', 'confirmed', 'suspected', 'probable',
  'possible', 'unaccompanied', 'separated', 'local', 'foreign', 'civilian', 'military', 'armed', 'unarmed',
  'innocent', 'young', 'old', 'elderly', 'pregnant', 'disabled', 'severe', 'acute', 'moderate', 'mild', 'minor',
  'major', 'total', 'whole', 'entire', 'full', 'many', 'several', 'few', 'various', 'numerous', 'countless',
  'unknown', 'unidentified', 'alleged', 'suspected', 'presumed', 'retired', 'former', 'senior', 'junior', 'top',
  'high-ranking', 'ranking', 'prominent', 'female', 'male', 'little', 'small', 'large', 'big', 'huge', 'massive',
  'heavy', 'light', 'long', 'short', 'high', 'low', 'deep', 'wide', 'recent', 'previous', 'latest', 'earlier',
  'initial', 'final', 'official', 'unofficial', 'estimated', 'registered', 'undocumented', 'internally',
  'same', 'different', 'separate', 'individual', 'humanitarian', 'food-insecure', 'malnourished', 'stranded',
  'trapped', 'besieged', 'affected', 'injured', 'wounded', 'displaced', 'evacuated', 'detained', 'held',
  'global', 'regional', 'international', 'deadly', 'costly', 'likely', 'unlikely', 'friendly', 'lonely', 'holy',
  'timely', 'orderly',
] as const;

