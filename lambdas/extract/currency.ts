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
};

const BY_COUNTRY: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  Chile: { peso: 'CLP' }, Mexico: { peso: 'MXN' }, Argentina: { peso: 'ARS' }, Colombia: { peso: 'COP' },
  Philippines: { peso: 'PHP' }, Cuba: { peso: 'CUP' }, 'Dominican Republic': { peso: 'DOP' },
  Kenya: { shilling: 'KES' }, Uganda: { shilling: 'UGX' }, Tanzania: { shilling: 'TZS' }, Somalia: { shilling: 'SOS' },
  Sudan: { pound: 'SDG' }, Egypt: { pound: 'EGP' }, Syria: { pound: 'SYP' }, Lebanon: { pound: 'LBP' },
  India: { rupee: 'INR' }, Nepal: { rupee: 'NPR' }, Pakistan: { rupee: 'PKR' }, 'Sri Lanka': { rupee: 'LKR' },
  Iraq: { dinar: 'IQD' }, Jordan: { dinar: 'JOD' }, Libya: { dinar: 'LYD' }, Tunisia: { dinar: 'TND' }, Algeria: { dinar: 'DZD' },
  Switzerland: { franc: 'CHF' },
};

// When nothing says otherwise: the currency most wire copy means by the bare word.
const DEFAULT: Readonly<Record<string, string>> = {
  dollar: 'USD', euro: 'EUR', pound: 'GBP', rupee: 'INR', yuan: 'CNY', yen: 'JPY', franc: 'CHF', rand: 'ZAR',
  naira: 'NGN', taka: 'BDT', dirham: 'AED', riyal: 'SAR', lira: 'TRY', peso: 'MXN', shilling: 'KES', dinar: 'IQD',
};

export const CURRENCY_WORD = /(dollars?|euros?|pounds?(?:\s+sterling)?|rupees?|yuan|yen|francs?|shillings?|naira|taka|rands?|dirhams?|riyals?|lira|pesos?|dinars?)/;

/** Marker unit for a currency word whose country is still open ("peso" → resolved per article). */
export const OPEN_PREFIX = '?';

/** "Sudanese" + "pounds" → SDG; a bare word → an open marker resolved later by {@link resolveCurrency}. */
export function currencyFromWords(demonym: string | undefined, word: string): string {
  const base = word.toLowerCase().replace(/\s+sterling$/, '').replace(/s$/, '');
  if (/sterling/i.test(word)) return 'GBP';
  if (demonym) {
    const code = BY_DEMONYM[`${demonym.toLowerCase().replace(/\s+/g, ' ')} ${base}`];
    if (code) return code;
  }
  return base === 'euro' ? 'EUR' : `${OPEN_PREFIX}${base}`;
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
