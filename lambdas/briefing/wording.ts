/**
 * What a figure is called on a card and in the table, as a person would write it beside the
 * number: "of rain" after "140 mm", "Sava at Šabac, a record" after "8.4 m", "(about
 * US$600,000)" after "COP 2.5 billion". Read off the figure's own fields (label, subject,
 * unit, place, sentence, mentions) and the article's words; nothing is guessed beyond them.
 */
import { categoryLabel } from '../contract/categories';
import type { Figure } from '../extract/types';
import { execIn, letterPattern, testIn } from '../core/letter-patterns';
import { formatAmount, isCurrency, type AmountOptions } from './format';

/** How a unit may be written inside a label the extractor built ("rain mm", "Temperatures °C", "% contained"). */
const UNIT_SPELLINGS: Readonly<Record<string, readonly string[]>> = {
  '%': ['%', 'percent', 'per cent'], '°C': ['°C', 'C'], '°F': ['°F', 'F'], t: ['t', 'tonnes', 'tons'], ha: ['ha', 'hectares'],
  kn: ['kn', 'knots'], nmi: ['nmi', 'nautical miles'], bp: ['bp', 'basis points'], magnitude: ['magnitude'],
};

const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The label without the unit the number already shows ("rain mm" → "rain"). */
export function withoutUnit(label: string, unit: string | null): string {
  if (!unit || unit === 'people' || isCurrency(unit)) return label;
  const spellings = UNIT_SPELLINGS[unit] ?? [unit];
  const pattern = new RegExp(`(?:^|\\s)(?:${spellings.map(escape).join('|')})(?=\\s|$)`, 'gi');
  return label.replace(pattern, ' ').replace(/\s+/g, ' ').trim();
}

// "84 mph", "8.4m": a number with a unit written after it (a mention in another unit).
const NUMBER_THEN_LETTER = letterPattern(String.raw`\d\s*\p{L}`, 'u');

// Words a label can end on when it was cut from a phrase ("rain in", "waste from").
const DANGLING = /\s+(?:in|on|at|of|for|from|to|by|near|across|over|the|a|an)$/i;
// What falls from the sky or flows is counted "of" it: "140 mm of rain".
const SUBSTANCE = /^(?:rain|rainfall|snow|snowfall|hail|ash|oil|fuel oil|water|sludge|waste)$/i;
// "a record level of 8.4 metres", "the water level": the level of what the sentence names.
const LEVEL = /^(?:(?:water|river|flood|peak)\s+)?levels?$/i;
const RIVER = letterPattern(String.raw`\b(?!(?:The|A|An|This|That|Its|Their)\s)(\p{Lu}[\p{L}\p{M}-]+)\s+[Rr]iver\b|\b[Rr]iver\s+(\p{Lu}[\p{L}\p{M}-]+)`, 'u');

/** The river a sentence speaks of, named there or, when it says "the river", elsewhere in the article. */
function riverOf(sentence: string, corpus: string): string | null {
  const m = execIn(RIVER, sentence) ?? (/\bthe\s+river\b/i.test(sentence) ? execIn(RIVER, corpus) : null);
  return m ? (m[1] ?? m[2])! : null;
}

/** True when the words around the figure call it a record ("a record level of 8.4 metres"). */
function isRecord(f: Figure): boolean {
  const at = f.sentence.indexOf(f.text);
  const around = at < 0 ? f.sentence : f.sentence.slice(Math.max(0, at - 40), at + f.text.length + 40);
  return /\brecord(?:-breaking|-high)?\b/i.test(around);
}

// ", and hospitals in Karachi said …": a new clause with a subject of its own.
const CLAUSE_BREAK = /[,;]\s+(?:and|but|while|whereas)\s|;\s/;

/**
 * The figure's place when its sentence puts it in the figure's own clause: "recorded 49.5C on
 * Sunday…, and hospitals in Karachi said" does not place the 49.5C in Karachi.
 */
export function placeOf(f: Figure): string | null {
  if (!f.place) return null;
  const number = f.sentence.indexOf(f.text);
  const place = f.sentence.indexOf(f.place, Math.max(0, number));
  if (number < 0 || place < 0) return f.place;
  return CLAUSE_BREAK.test(f.sentence.slice(number + f.text.length, place)) ? null : f.place;
}

// "at Šabac", "at the Nyakach gauge in Kisumu": "at", then up to two words, right before the place.
const AT_BEFORE = letterPattern(String.raw`\bat\s+(?:the\s+)?(?:[\p{L}\p{M}-]+\s+){0,2}$`, 'u');

/**
 * True when the sentence puts the measure "at" the place rather than "in" it. One pattern tried
 * on the words before each mention of the place, not a pattern built around the place: a pattern
 * of letter classes compiles anew for every new source, and that compile was the costliest step
 * of a briefing's labels.
 */
function saysAt(sentence: string, place: string): boolean {
  for (let i = sentence.indexOf(place); i >= 0; i = sentence.indexOf(place, i + 1)) {
    const before = sentence.slice(0, i);
    if (testIn(AT_BEFORE, before)) return true;
  }
  return false;
}

/**
 * The label of a measure: "of rain in Sofala" (after "220 mm"), "Sava at Šabac, a record"
 * (after "8.4 m"), "Temperature in Karachi" (after "49.5°C").
 */
function measureLabel(f: Figure, base: string, corpus: string): string {
  const record = isRecord(f);
  let thing = base.replace(/\brecord\b\s*/i, '').trim();
  if (LEVEL.test(thing)) thing = riverOf(f.sentence, corpus) ?? thing;
  // "magnitude 6.2": the number says what it is; the label keeps the word ("Magnitude").
  if (thing === '') thing = (f.subject || f.label).split(/\s+/)[0]!;
  const place = placeOf(f);
  const where = place && !thing.includes(place) ? `${saysAt(f.sentence, place) ? 'at' : 'in'} ${place}` : '';
  const of = SUBSTANCE.test(thing);
  const words = [of ? `of ${thing.toLowerCase()}` : thing, where].filter(Boolean).join(' ');
  return `${words}${record ? ', a record' : ''}`;
}

/** The card and table label of a figure; `corpus` is the article's text the extraction carries. */
export function figureLabel(f: Figure, corpus: string): string {
  let base = withoutUnit(f.label || f.subject || categoryLabel(f.category), f.unit);
  while (DANGLING.test(base)) base = base.replace(DANGLING, '');
  const measure = f.category === 'quantity' && f.unit !== null && f.unit !== 'people' && !isCurrency(f.unit);
  const label = measure ? measureLabel(f, base, corpus) : base;
  // "of rain" continues the number; anything else starts a phrase.
  return /^of\s/.test(label) ? label : label.charAt(0).toLocaleUpperCase('en') + label.slice(1);
}

const CURRENCY_MARK: readonly [RegExp, string][] = [
  [/^US\$/, 'USD'], [/^R\$/, 'BRL'], [/^\$/, 'USD'], [/^€/, 'EUR'], [/^£/, 'GBP'], [/^¥/, 'JPY'], [/^([A-Z]{3})\s?(?=\d)/, ''],
];
const SCALE_WORD: Readonly<Record<string, number>> = { thousand: 1e3, k: 1e3, million: 1e6, m: 1e6, mn: 1e6, billion: 1e9, bn: 1e9, trillion: 1e12 };
const APPROXIMATE = /^(?:about|around|roughly|approximately|some|nearly|almost|or|equivalent\s+to|worth)\s+/i;

/** "about $600,000" → the amount in US dollars it states, with its qualifier; null when it is not money. */
function moneyIn(text: string): { approximate: string; currency: string; value: number } | null {
  let rest = text.trim().replace(/^\(|\)$/g, '');
  const approximate = APPROXIMATE.exec(rest)?.[0].trim().toLowerCase() ?? '';
  rest = rest.slice(APPROXIMATE.exec(rest)?.[0].length ?? 0);
  for (const [mark, code] of CURRENCY_MARK) {
    const m = mark.exec(rest);
    if (!m) continue;
    const amount = /^(\d[\d,]*(?:\.\d+)?)\s*(thousand|million|billion|trillion|bn|mn|m|k)?\b/i.exec(rest.slice(m[0].length));
    if (!amount) return null;
    const value = Number(amount[1]!.replace(/,/g, '')) * (amount[2] ? SCALE_WORD[amount[2].toLowerCase()]! : 1);
    return { approximate: approximate === 'or' || approximate === 'equivalent to' || approximate === 'worth' ? '' : approximate, currency: code || m[1]!, value };
  }
  return null;
}

/**
 * The same amount in another currency or unit, when the article gives it beside the figure
 * ("2,500 million Colombian pesos (about $600,000)" → "about US$600,000"); null otherwise.
 */
export function conversionNote(f: Figure): string | null {
  for (const mention of f.mentions ?? []) {
    if (isCurrency(f.unit)) {
      const money = moneyIn(mention.text);
      if (money && money.currency !== f.unit) {
        const options: AmountOptions = { usDollar: true };
        return [money.approximate, formatAmount(money.value, null, money.currency, options)].filter(Boolean).join(' ');
      }
    } else if (f.category === 'quantity' && f.unit && f.unit !== '%' && testIn(NUMBER_THEN_LETTER, mention.text) && !mention.text.includes(f.unit)) {
      // "135 km/h (84 mph)": another unit, as the article wrote it.
      return mention.text.replace(/^\(|\)$/g, '').trim();
    }
  }
  return null;
}
