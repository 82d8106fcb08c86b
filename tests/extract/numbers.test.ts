import { describe, expect, it } from 'vitest';
import { findNumbers, parseWordNumber } from '../../lambdas/extract/numbers';
import { resolveCurrency } from '../../lambdas/extract/currency';

// text → the first number mention in it, as parsed.
const CASES: readonly [string, { value: number; max?: number | null; qualifier?: string; unit?: string | null; vague?: boolean; text?: string }][] = [
  ['2,117 people', { value: 2117, qualifier: 'exact', text: '2,117' }],
  ['17 824 people', { value: 17824 }],
  ['1,12,079 people', { value: 112079 }],
  ['3.5 million people', { value: 3_500_000 }],
  ['three million people', { value: 3_000_000 }],
  ['a dozen people', { value: 12 }],
  ['half a million people', { value: 500_000 }],
  ['Twenty-seven people', { value: 27 }],
  ['one hundred and twenty people', { value: 120 }],
  ['$4.5bn in aid', { value: 4_500_000_000, unit: 'USD', text: '$4.5bn' }],
  ['US$12 million', { value: 12_000_000, unit: 'USD' }],
  ['€300m for roads', { value: 300_000_000, unit: 'EUR' }],
  ['£22 billion', { value: 22_000_000_000, unit: 'GBP' }],
  ['Rs 1,200 crore', { value: 12_000_000_000, unit: 'INR' }],
  ['Rs 4 lakh', { value: 400_000, unit: 'INR' }],
  ['346 billion Kenyan shillings', { value: 346_000_000_000, unit: 'KES' }],
  ['2 million dollars', { value: 2_000_000, unit: 'USD' }],
  ['12%', { value: 12, unit: '%' }],
  ['12 percent', { value: 12, unit: '%' }],
  ['12 per cent', { value: 12, unit: '%' }],
  ['between 3% and 4%', { value: 3, max: 4, unit: '%' }],
  ['from 20% to 24%', { value: 20, max: null, unit: '%' }],
  ['10 to 15 people', { value: 10, max: 15 }],
  ['between 10 and 15 people', { value: 10, max: 15, text: 'between 10 and 15' }],
  ['10-15 people', { value: 10, max: 15 }],
  ['between 1.5 and 2 billion dollars', { value: 1_500_000_000, max: 2_000_000_000, unit: 'USD' }],
  ['at least 544 civilians', { value: 544, qualifier: 'at_least', text: 'at least 544' }],
  ['more than 2,000 people', { value: 2000, qualifier: 'more_than' }],
  ['over 200 people', { value: 200, qualifier: 'more_than' }],
  ['A total of 4,120 people', { value: 4120, qualifier: 'exact', text: 'A total of 4,120' }],
  ['fell to minus 4 degrees Celsius', { value: -4, unit: '°C', text: 'minus 4 degrees Celsius' }],
  ['lows of -12C overnight', { value: -12, unit: '°C', text: '-12C' }],
  ['nearly 24.6 lakh people', { value: 2_460_000, qualifier: 'approximately' }],
  ['almost 90 people', { value: 90, qualifier: 'approximately' }],
  ['about 63 people', { value: 63, qualifier: 'approximately' }],
  ['around 40 people', { value: 40, qualifier: 'approximately' }],
  ['some three million people', { value: 3_000_000, qualifier: 'approximately' }],
  ['an estimated 300,000 people', { value: 300_000, qualifier: 'approximately' }],
  ['roughly 600 homes', { value: 600, qualifier: 'approximately' }],
  ['up to 500 mm of rain', { value: 500, qualifier: 'up_to', unit: 'mm' }],
  ['fewer than 20 people', { value: 20, qualifier: 'fewer_than' }],
  ['less than 5%', { value: 5, qualifier: 'fewer_than', unit: '%' }],
  ['winds of 215 km/h', { value: 215, unit: 'km/h' }],
  ['46.2 degrees Celsius', { value: 46.2, unit: '°C' }],
  ['magnitude 6.1', { value: 6.1, unit: 'magnitude' }],
  ['a 7.8-magnitude quake', { value: 7.8, unit: 'magnitude' }],
  ['hundreds of attacks', { value: 100, vague: true }],
  ['hundreds of thousands of people', { value: 100_000, vague: true }],
  ['dozens of villages', { value: 12, vague: true }],
  ['tens of thousands of people', { value: 10_000, vague: true }],
  // Currencies beyond the first set: symbols, letters glued to an amount, codes after it, words.
  ['R$ 2.5 billion', { value: 2_500_000_000, unit: 'BRL' }],
  ['R450 million', { value: 450_000_000, unit: 'ZAR', text: 'R450 million' }],
  ['R1,200 per family', { value: 1200, unit: 'ZAR' }],
  ['₦5.4 billion', { value: 5_400_000_000, unit: 'NGN' }],
  ['N12bn for schools', { value: 12_000_000_000, unit: 'NGN' }],
  ['KSh 40 million', { value: 40_000_000, unit: 'KES' }],
  ['CHF 30 million', { value: 30_000_000, unit: 'CHF' }],
  ['₹2,000 crore', { value: 20_000_000_000, unit: 'INR' }],
  ['Rs 15.2 trillion', { value: 15_200_000_000_000, unit: 'INR' }],
  ['€1.1bn', { value: 1_100_000_000, unit: 'EUR' }],
  ['40 million CHF', { value: 40_000_000, unit: 'CHF' }],
  ['3 billion ZAR', { value: 3_000_000_000, unit: 'ZAR' }],
  ['5.4 billion naira', { value: 5_400_000_000, unit: 'NGN' }],
  ['800 million reais', { value: 800_000_000, unit: 'BRL' }],
  ['1.3 billion rand', { value: 1_300_000_000, unit: 'ZAR' }],
  ['2 billion cedis', { value: 2_000_000_000, unit: 'GHS' }],
  ['600 million Swiss francs', { value: 600_000_000, unit: 'CHF' }],
  ['4 billion Brazilian reais', { value: 4_000_000_000, unit: 'BRL' }],
  // Units beyond the first set.
  ['11.7 million cubic metres of waste', { value: 11_700_000, unit: 'm³' }],
  ['5,000 cubic metres per second', { value: 5000, unit: 'm³/s' }],
  ['winds of 95 knots', { value: 95, unit: 'kn' }],
  ['a 1,200 square metres site', { value: 1200, unit: 'm²' }],
  ['300,000 barrels of crude', { value: 300_000, unit: 'barrels' }],
  ['80,000 litres of water', { value: 80_000, unit: 'L' }],
  ['45 km² of coastline', { value: 45, unit: 'km²' }],
  ['47.2°C in Seville', { value: 47.2, unit: '°C' }],
  ['104 °F in Phoenix', { value: 104, unit: '°F' }],
  ['140 mph gusts', { value: 140, unit: 'mph' }],
];

describe('number mentions', () => {
  it('reads a dash between two numbers as a range, never as a minus sign', () => {
    expect(findNumbers('2-4C in the south').map((m) => m.value)).not.toContain(-4);
  });

  it.each(CASES)('%s', (text, expected) => {
    const [first] = findNumbers(text);
    expect(first, text).toBeDefined();
    expect(first!.value).toBeCloseTo(expected.value, 6);
    if (expected.max !== undefined) expect(first!.max).toBe(expected.max);
    if (expected.qualifier) expect(first!.qualifier).toBe(expected.qualifier);
    // Bare currency words ("dollars") stay open until the article's country is known.
    if (expected.unit !== undefined) expect(first!.unit && resolveCurrency(first!.unit, [])).toBe(expected.unit);
    expect(first!.vague).toBe(expected.vague ?? false);
    if (expected.text) expect(text.slice(first!.start, first!.end)).toBe(expected.text);
  });

  it('reads number words and rejects words that are not numbers', () => {
    expect(parseWordNumber('three million')).toBe(3_000_000);
    expect(parseWordNumber('half a million')).toBe(500_000);
    expect(parseWordNumber('ninety-nine')).toBe(99);
    expect(Number.isNaN(parseWordNumber('a lot'))).toBe(true);
  });

  it('resolves a currency word by the country of the article', () => {
    const [pesos] = findNumbers('40,000 million pesos');
    expect(resolveCurrency(pesos!.unit!, ['Chile'])).toBe('CLP');
    expect(resolveCurrency(pesos!.unit!, ['Mexico'])).toBe('MXN');
    expect(findNumbers('250,000 Sudanese pounds')[0]!.unit).toBe('SDG');
    // "Rs" is the rupee of the country the article is about; "kr" and "¥" likewise.
    const [rs] = findNumbers('Rs 640 billion');
    expect(resolveCurrency(rs!.unit!, ['Pakistan'])).toBe('PKR');
    expect(resolveCurrency(rs!.unit!, ['India'])).toBe('INR');
    expect(resolveCurrency(findNumbers('kr 500 million')[0]!.unit!, ['Norway'])).toBe('NOK');
    expect(resolveCurrency(findNumbers('¥3 billion')[0]!.unit!, ['China'])).toBe('CNY');
    expect(resolveCurrency(findNumbers('¥3 billion')[0]!.unit!, [])).toBe('JPY');
  });

  it('leaves letters before a small bare number alone ("the R61 road") and lower-case codes ("50 cup")', () => {
    expect(findNumbers('the R61 road')[0]!.unit).toBeNull();
    expect(findNumbers('50 cup cakes')[0]!.unit).toBeNull();
  });

  it('does not take "a" or "an" alone for one', () => {
    expect(findNumbers('a man and an aid worker')).toEqual([]);
  });
});
