/** Small word lists: countries and well-known regions, organisations known by name or acronym. */
import { letterPattern, patternFor } from '../core/letter-patterns';

export const COUNTRIES: ReadonlySet<string> = new Set([
  'Afghanistan', 'Albania', 'Algeria', 'Andorra', 'Angola', 'Argentina', 'Armenia', 'Australia', 'Austria',
  'Azerbaijan', 'Bahamas', 'Bahrain', 'Bangladesh', 'Barbados', 'Belarus', 'Belgium', 'Belize', 'Benin',
  'Bhutan', 'Bolivia', 'Bosnia', 'Botswana', 'Brazil', 'Brunei', 'Bulgaria', 'Burkina Faso', 'Burundi',
  'Cambodia', 'Cameroon', 'Canada', 'Cape Verde', 'Central African Republic', 'Chad', 'Chile', 'China',
  'Colombia', 'Comoros', 'Congo', 'Democratic Republic of Congo', 'Democratic Republic of the Congo', 'DR Congo', 'Costa Rica', 'Croatia', 'Cuba', 'Cyprus', 'Czech Republic', 'Denmark',
  'Djibouti', 'Dominica', 'Dominican Republic', 'Ecuador', 'Egypt', 'El Salvador', 'Eritrea', 'Estonia',
  'Eswatini', 'Ethiopia', 'Fiji', 'Finland', 'France', 'Gabon', 'Gambia', 'Georgia', 'Germany', 'Ghana',
  'Greece', 'Grenada', 'Guatemala', 'Guinea', 'Guinea-Bissau', 'Guyana', 'Haiti', 'Honduras', 'Hungary',
  'Iceland', 'India', 'Indonesia', 'Iran', 'Iraq', 'Ireland', 'Israel', 'Italy', 'Ivory Coast', 'Jamaica',
  'Japan', 'Jordan', 'Kazakhstan', 'Kenya', 'Kiribati', 'Kosovo', 'Kuwait', 'Kyrgyzstan', 'Laos', 'Latvia',
  'Lebanon', 'Lesotho', 'Liberia', 'Libya', 'Liechtenstein', 'Lithuania', 'Luxembourg', 'Madagascar',
  'Malawi', 'Malaysia', 'Maldives', 'Mali', 'Malta', 'Mauritania', 'Mauritius', 'Mexico', 'Moldova',
  'Monaco', 'Mongolia', 'Montenegro', 'Morocco', 'Mozambique', 'Myanmar', 'Namibia', 'Nauru', 'Nepal',
  'Netherlands', 'New Zealand', 'Nicaragua', 'Niger', 'Nigeria', 'North Korea', 'North Macedonia', 'Norway',
  'Oman', 'Pakistan', 'Palau', 'Palestine', 'Panama', 'Papua New Guinea', 'Paraguay', 'Peru', 'Philippines',
  'Poland', 'Portugal', 'Qatar', 'Romania', 'Russia', 'Rwanda', 'Samoa', 'Saudi Arabia', 'Senegal', 'Serbia',
  'Seychelles', 'Sierra Leone', 'Singapore', 'Slovakia', 'Slovenia', 'Somalia', 'South Africa',
  'South Korea', 'South Sudan', 'Spain', 'Sri Lanka', 'Sudan', 'Suriname', 'Sweden', 'Switzerland', 'Syria',
  'Taiwan', 'Tajikistan', 'Tanzania', 'Thailand', 'Timor-Leste', 'Togo', 'Tonga', 'Trinidad and Tobago',
  'Tunisia', 'Turkey', 'Türkiye', 'Turkmenistan', 'Tuvalu', 'Uganda', 'Ukraine', 'United Arab Emirates',
  'United Kingdom', 'United States', 'Uruguay', 'Uzbekistan', 'Vanuatu', 'Venezuela', 'Vietnam', 'Yemen',
  'Zambia', 'Zimbabwe', 'Gaza', 'West Bank', 'Kashmir', 'Darfur', 'Tigray', 'Kurdistan', 'Crimea', 'Donbas',
  'Sahel', 'Balochistan', 'Punjab', 'Sindh', 'Kerala', 'Assam', 'Bihar', 'Rakhine', 'Kachin', 'Aleppo',
  'Damascus', 'Idlib', 'Hama', 'Homs', 'Mosul', 'Baghdad', 'Kabul', 'Khartoum', 'Kyiv', 'Kharkiv', 'Mariupol',
  'Beirut', 'Gaza City', 'Rafah', 'Khan Younis', 'Sanaa', 'Aden', 'Hodeidah', 'Tripoli', 'Benghazi',
  'Mogadishu', 'Nairobi', 'Addis Ababa', 'Dhaka', 'Cox’s Bazar', "Cox's Bazar", 'Kathmandu', 'Islamabad',
  'Karachi', 'Lahore', 'New Delhi', 'Delhi', 'Mumbai', 'Chennai', 'Kolkata', 'Manila', 'Jakarta', 'Istanbul',
  'Ankara', 'Antakya', 'Hatay', 'Gaziantep', 'Port-au-Prince', 'Europe', 'Africa', 'Asia', 'Middle East',
  'Latin America', 'Caribbean', 'Mediterranean', 'Horn of Africa', 'Pacific', 'Atlantic', 'Indian Ocean',
  // US states: wire copy names them without "state of".
  'Alabama', 'Alaska', 'Arizona', 'Arkansas', 'California', 'Colorado', 'Connecticut', 'Delaware', 'Florida',
  'Hawaii', 'Idaho', 'Illinois', 'Indiana', 'Iowa', 'Kansas', 'Kentucky', 'Louisiana', 'Maine', 'Maryland',
  'Massachusetts', 'Michigan', 'Minnesota', 'Mississippi', 'Missouri', 'Montana', 'Nebraska', 'Nevada',
  'New Hampshire', 'New Jersey', 'New Mexico', 'New York', 'North Carolina', 'North Dakota', 'Ohio', 'Oklahoma',
  'Oregon', 'Pennsylvania', 'Rhode Island', 'South Carolina', 'South Dakota', 'Tennessee', 'Texas', 'Utah',
  'Vermont', 'Virginia', 'Washington', 'West Virginia', 'Wisconsin', 'Wyoming',
]);

// A capitalised phrase with one of these words names an organisation.
const ORG_WORDS: ReadonlySet<string> = new Set([
  'Network', 'Watch', 'Organisation', 'Organisations', 'Organization', 'Organizations', 'Agency', 'Agencies', 'Ministry',
  'Council', 'Committee', 'Commission', 'Union', 'Programme', 'Program', 'Fund', 'Bank', 'Office', 'Department',
  'Authority', 'Service', 'Services', 'Institute', 'Corps', 'Forces', 'Defence', 'Defense', 'Group', 'Association',
  'Federation', 'Party', 'Court', 'Police', 'Government', 'Coalition', 'Observatory', 'Foundation', 'Society', 'Centre',
  'Center', 'Alliance', 'Front', 'Movement', 'Directorate', 'Board', 'International', 'Nations', 'Relief', 'Rescue',
  'Crisis', 'Doctors', 'Médecins', 'Unicef', 'Company', 'Corporation', 'Inc', 'Ltd', 'Bureau', 'Administration',
  'Secretariat', 'Parliament', 'Assembly', 'Army', 'Navy', 'Guard', 'Brigade', 'Commissioner', 'Red Cross', 'Red Crescent',
]);

const NOT_LETTERS = letterPattern(String.raw`[^\p{L}\p{M}]+`, 'u');

/** True when a word of `phrase` (or a pair: "Red Cross") is an organisation word. */
export const ORG_KEYWORDS = {
  test(phrase: string): boolean {
    const words = phrase.split(patternFor(phrase, NOT_LETTERS));
    return words.some((w, i) => ORG_WORDS.has(w) || ORG_WORDS.has(`${w} ${words[i + 1] ?? ''}`));
  },
};

export const KNOWN_ORGS: Readonly<Record<string, string>> = {
  UN: 'United Nations', 'United Nations': 'United Nations', Reuters: 'Reuters', AFP: 'AFP', AP: 'Associated Press',
  'Associated Press': 'Associated Press', WHO: 'World Health Organization', UNICEF: 'UNICEF', Unicef: 'UNICEF',
  UNHCR: 'UNHCR', OCHA: 'OCHA', WFP: 'World Food Programme', IOM: 'International Organization for Migration',
  ICRC: 'International Committee of the Red Cross', MSF: 'Médecins Sans Frontières', NATO: 'NATO', EU: 'European Union',
  'European Union': 'European Union', IMF: 'International Monetary Fund', 'World Bank': 'World Bank',
  'Amnesty International': 'Amnesty International', Oxfam: 'Oxfam', 'Save the Children': 'Save the Children',
  UNRWA: 'UNRWA', FAO: 'FAO', UNDP: 'UNDP', BBC: 'BBC', 'Al Jazeera': 'Al Jazeera', Bloomberg: 'Bloomberg',
};

/** Capitals, for "the capital" in a story about a country. */
export const CAPITALS: Readonly<Record<string, string>> = {
  Afghanistan: 'Kabul', Algeria: 'Algiers', Angola: 'Luanda', Argentina: 'Buenos Aires', Bangladesh: 'Dhaka',
  Bolivia: 'La Paz', Brazil: 'Brasília', Burundi: 'Gitega', Cameroon: 'Yaoundé', Chad: "N'Djamena", Chile: 'Santiago',
  China: 'Beijing', Colombia: 'Bogotá', Congo: 'Kinshasa', 'Democratic Republic of Congo': 'Kinshasa', Cuba: 'Havana',
  Ecuador: 'Quito', Egypt: 'Cairo', Ethiopia: 'Addis Ababa', France: 'Paris', Germany: 'Berlin', Ghana: 'Accra',
  Greece: 'Athens', Guatemala: 'Guatemala City', Haiti: 'Port-au-Prince', Honduras: 'Tegucigalpa', India: 'New Delhi',
  Indonesia: 'Jakarta', Iran: 'Tehran', Iraq: 'Baghdad', Israel: 'Jerusalem', Italy: 'Rome', Japan: 'Tokyo', Jordan: 'Amman',
  Kenya: 'Nairobi', Lebanon: 'Beirut', Libya: 'Tripoli', Madagascar: 'Antananarivo', Malawi: 'Lilongwe', Mali: 'Bamako',
  Mexico: 'Mexico City', Morocco: 'Rabat', Mozambique: 'Maputo', Myanmar: 'Naypyitaw', Nepal: 'Kathmandu', Niger: 'Niamey',
  Nigeria: 'Abuja', Pakistan: 'Islamabad', Peru: 'Lima', Philippines: 'Manila', Russia: 'Moscow', Rwanda: 'Kigali',
  Senegal: 'Dakar', Somalia: 'Mogadishu', 'South Africa': 'Pretoria', 'South Sudan': 'Juba', Spain: 'Madrid',
  'Sri Lanka': 'Colombo', Sudan: 'Khartoum', Syria: 'Damascus', Tanzania: 'Dodoma', Thailand: 'Bangkok', Tunisia: 'Tunis',
  Turkey: 'Ankara', Uganda: 'Kampala', Ukraine: 'Kyiv', 'United Kingdom': 'London', 'United States': 'Washington',
  Venezuela: 'Caracas', Vietnam: 'Hanoi', Yemen: "Sanaa", Zambia: 'Lusaka', Zimbabwe: 'Harare',
};
