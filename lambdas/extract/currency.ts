/**
 * Currencies named by a word ("pesos", "Sudanese pounds", "shillings"): the demonym, or else the
 * country the article is about, decides which ISO code they are.
 */

const BY_DEMONYM: Readonly<Record<string, string>> = {
  'us dollar': 'USD', 'american dollar': 'USD', 'canadian dollar': 'CAD', 'australian dollar': 'AUD',
  'hong kong dollar': 'HKD', 'new zealand dollar': 'NZD', 'singapore dollar': 'SGD', 'zimbabwean dollar': 'ZWL',
  'sudanese pound': 'SDG', 'egyptian pound': 'EGP', 'syrian pound': 'SYP', 'lebanese pound': 'LBP', 'british pound': 'GBP',
  'kenyan shilling': 'KES', 'ugandan shilling': 'UGX', 'tanzanian shilling': 'TZS', 'somali shilling': 'SOS',
  'chilean peso': 'CLP', 'mexican peso': 'MXN', 'argentine peso': 'ARS', 'argentinian peso': 'ARS',
  'colombian peso': 'COP', 'philippine peso': 'PHP', 'cuban peso': 'CUP', 'dominican peso': 'DOP',
  'indian rupee': 'INR', 'nepali rupee': 'NPR', 'nepalese rupee': 'NPR', 'pakistani rupee': 'PKR',
  'sri lankan rupee': 'LKR', 'swiss franc': 'CHF', 'iraqi dinar': 'IQD', 'jordanian dinar': 'JOD',
  'libyan dinar': 'LYD', 'tunisian dinar': 'TND', 'algerian dinar': 'DZD',
  'brazilian real': 'BRL', 'south african rand': 'ZAR', 'nigerian naira': 'NGN', 'ghanaian cedi': 'GHS',
  'zambian kwacha': 'ZMW', 'malawian kwacha': 'MWK', 'ethiopian birr': 'ETB', 'indonesian rupiah': 'IDR',
  'malaysian ringgit': 'MYR', 'thai baht': 'THB', 'south korean won': 'KRW', 'russian rouble': 'RUB',
  'russian ruble': 'RUB', 'ukrainian hryvnia': 'UAH', 'polish zloty': 'PLN', 'turkish lira': 'TRY',
  'swedish krona': 'SEK', 'norwegian krone': 'NOK', 'danish krone': 'DKK', 'japanese yen': 'JPY',
  'chinese yuan': 'CNY', 'congolese franc': 'CDF', 'rwandan franc': 'RWF', 'iranian rial': 'IRR',
  'yemeni rial': 'YER', 'saudi riyal': 'SAR', 'qatari riyal': 'QAR', 'afghan afghani': 'AFN',
  'bangladeshi taka': 'BDT', 'moroccan dirham': 'MAD', 'emirati dirham': 'AED', 'vietnamese dong': 'VND',
};

const BY_COUNTRY: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  Chile: { peso: 'CLP' }, Mexico: { peso: 'MXN' }, Argentina: { peso: 'ARS' }, Colombia: { peso: 'COP' },
  Philippines: { peso: 'PHP' }, Cuba: { peso: 'CUP' }, 'Dominican Republic': { peso: 'DOP' },
  Kenya: { shilling: 'KES' }, Uganda: { shilling: 'UGX' }, Tanzania: { shilling: 'TZS' }, Somalia: { shilling: 'SOS' },
  Sudan: { pound: 'SDG' }, Egypt: { pound: 'EGP' }, Syria: { pound: 'SYP' }, Lebanon: { pound: 'LBP' },
  India: { rupee: 'INR' }, Nepal: { rupee: 'NPR' }, Pakistan: { rupee: 'PKR' }, 'Sri Lanka': { rupee: 'LKR' },
  Iraq: { dinar: 'IQD' }, Jordan: { dinar: 'JOD' }, Libya: { dinar: 'LYD' }, Tunisia: { dinar: 'TND' }, Algeria: { dinar: 'DZD' },
  Switzerland: { franc: 'CHF' }, Brazil: { real: 'BRL' }, 'South Africa': { rand: 'ZAR' }, Nigeria: { naira: 'NGN' },
  Zambia: { kwacha: 'ZMW' }, Malawi: { kwacha: 'MWK' }, Sweden: { krona: 'SEK', kr: 'SEK' }, Norway: { krone: 'NOK', kr: 'NOK' },
  Denmark: { krone: 'DKK', kr: 'DKK' }, Iceland: { krona: 'ISK', kr: 'ISK' }, China: { '¥': 'CNY' }, Japan: { '¥': 'JPY' },
  Iran: { rial: 'IRR' }, Yemen: { rial: 'YER' }, Oman: { rial: 'OMR' }, Morocco: { dirham: 'MAD' },
  'Democratic Republic of the Congo': { franc: 'CDF' }, Rwanda: { franc: 'RWF' }, Burundi: { franc: 'BIF' },
  Senegal: { franc: 'XOF' }, Mali: { franc: 'XOF' }, 'Burkina Faso': { franc: 'XOF' }, Niger: { franc: 'XOF' },
  "Côte d'Ivoire": { franc: 'XOF' }, Cameroon: { franc: 'XAF' }, Chad: { franc: 'XAF' },
  'Central African Republic': { franc: 'XAF' },
};

// When nothing says otherwise: the currency most wire copy means by the bare word.
const DEFAULT: Readonly<Record<string, string>> = {
  dollar: 'USD', euro: 'EUR', pound: 'GBP', rupee: 'INR', yuan: 'CNY', yen: 'JPY', franc: 'CHF', rand: 'ZAR',
  naira: 'NGN', taka: 'BDT', dirham: 'AED', riyal: 'SAR', lira: 'TRY', peso: 'MXN', shilling: 'KES', dinar: 'IQD',
  real: 'BRL', cedi: 'GHS', kwacha: 'ZMW', birr: 'ETB', rupiah: 'IDR', ringgit: 'MYR', baht: 'THB',
  rouble: 'RUB', ruble: 'RUB', hryvnia: 'UAH', zloty: 'PLN', krona: 'SEK', krone: 'NOK', kr: 'SEK', '¥': 'JPY',
  rial: 'IRR', afghani: 'AFN', dong: 'VND', kyat: 'MMK', leone: 'SLE',
  metical: 'MZN', kwanza: 'AOA', ariary: 'MGA', sol: 'PEN', boliviano: 'BOB', guarani: 'PYG', lempira: 'HNL',
  quetzal: 'GTQ', cordoba: 'NIO', colon: 'CRC', pula: 'BWP', tenge: 'KZT', lari: 'GEL', dalasi: 'GMD', kina: 'PGK',
  gourde: 'HTG',
};

/** Marker unit for a currency word whose country is still open ("peso" → resolved per article). */
export const OPEN_PREFIX = '?';

/**
 * "Sudanese" + "pound" → SDG; a bare word → an open marker resolved later by {@link resolveCurrency}.
 * `word` is the lexicon's singular ("pound", "real"), `demonym` as written ("Sri Lankan").
 */
export function currencyFromWords(demonym: string | undefined, word: string): string {
  if (demonym) {
    const code = BY_DEMONYM[`${demonym.toLowerCase()} ${word}`];
    if (code) return code;
  }
  return word === 'euro' ? 'EUR' : `${OPEN_PREFIX}${word}`;
}

/** Resolves an open marker with the countries the article names, first first. */
export function resolveCurrency(unit: string, countries: readonly string[]): string {
  if (!unit.startsWith(OPEN_PREFIX)) return unit;
  const word = unit.slice(OPEN_PREFIX.length);
  for (const country of countries) {
    const code = BY_COUNTRY[country]?.[word];
    if (code) return code;
  }
  return DEFAULT[word] ?? word;
}
