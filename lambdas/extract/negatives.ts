/**
 * Numbers that are not figures: years, days of the month, clock times, ages, durations, list
 * positions, numbers inside names, addresses and phone numbers. Each rule looks only at a short
 * window around the mention, so the filter stays linear in the text.
 */
import type { NumberMention } from './numbers';
import { MONTH_NAMES } from '../intake/dates';

export type NotFigureReason =
  | 'year' | 'day_of_month' | 'date' | 'clock' | 'age' | 'duration' | 'ordinal' | 'list_position'
  | 'name' | 'address' | 'phone' | 'multiplier';

const MONTH = `(?:${MONTH_NAMES})`;
const MONTH_BEFORE = new RegExp(`\\b${MONTH}\\.?\\s+(?:the\\s+)?$`);
const MONTH_AFTER = new RegExp(`^(?:st|nd|rd|th)?(?:\\s+of)?\\s+${MONTH}\\b`);
const DAY_RANGE_AFTER_MONTH = new RegExp(`\\b${MONTH}\\.?\\s+\\d{1,2}\\s*(?:-|–|to|and)\\s*$`);

// Capitalised words that name a thing by number: "Highway 7", "Resolution 2401", "Flight 17".
const PHONE_BEFORE = /\b(?:hotline|helpline|phone|telephone|tel\.?|call|dial|SMS|text|WhatsApp|fax)\s+(?:number\s+)?(?:on\s+|at\s+)?$/i;
const NAME_BEFORE = /\b(?:Category|Highway|Route|Road|Resolution|Article|Section|Chapter|Flight|Gate|Terminal|Platform|Room|Block|Sector|Phase|Stage|Level|Grade|Unit|Ward|Zone|Apartment|Suite|No\.?|Number|Vol\.?|Volume|Page|Paragraph|Clause|Rule|Act|Decree|Order|Protocol|Annex|Amendment|Division|Brigade|Battalion|Regiment|Fleet|Apollo|Windows|Agenda|Vision|Building|Tower|Pier|Exit|Channel|COP|Group\s+of|Formula|Boeing|Airbus|Model|Type|Mark|Mk|Gen|Generation|Day|Year|Season|Episode|Part|Book|Track|Lot|Plot|Box|Kilometre|Km|Mile|Bus|Train|Line|Camp|Hall|Team|Squad|Class|Series|Version|v)\s+$/;
const ADDRESS_AFTER = /^[A-Za-z]?\s+(?:[A-Z][a-z]+\s+){1,3}(?:Street|St|Road|Rd|Avenue|Ave|Boulevard|Blvd|Lane|Drive|Dr|Square|Place|Way|Close|Crescent|Terrace)\b/;
const CLOCK_AFTER = /^(?:[:.]\d{2}\b(?!\s*(?:%|per|million|billion))|\s*(?:a\.m\.|p\.m\.|am\b|pm\b|hrs\b|GMT\b|UTC\b|local time\b|o'clock\b|hours?\s+(?:GMT|UTC|local))|\s*h\d{2}\b)/i;
const AGE_AFTER = /^(?:[\s-]+(?:year|month|week|day)s?[\s-]+old\b|[\s-]+(?:year|month|week|day)-olds?\b)/i;
// "aged 5 to 14", "children under 15", "girls between 12 and 17", "most of the dead were over 65".
const AGE_BEFORE = /\b(?:aged|age|ages|ages of|age of)\s+(?:between\s+|from\s+)?$|\b(?:children|child|kids|infants|babies|boys|girls|pupils|students|schoolchildren|teenagers|adolescents|youths|youngsters|minors|people|persons|those|anyone|adults|women|men|patients|victims|residents)\s+(?:aged\s+)?(?:under|below|over|above|younger\s+than|older\s+than|between|from)\s+(?:the\s+age\s+of\s+)?$/i;
const AGE_PREDICATE_BEFORE = /\b(?:dead|victims|patients|children|people|those|them|most|many|half|majority|all|pupils|students|passengers|residents|women|men|survivors|girls|boys|schoolgirls|schoolboys|teenagers|hostages|abductees|captives|workers|miners|soldiers|migrants)\s+(?:were|was|are|is|being)\s+(?:aged\s+)?(?:under|below|over|above|younger\s+than|older\s+than|between)\s+$/i;
const AGE_PREDICATE_AFTER = /^(?:\s+(?:and|to|-|–)\s+\d{1,3})?(?:\s+years?(?:\s+old|\s+of\s+age)?)?\s*(?:[.;,)]|$)/;
const DURATION_AFTER = /^(?:[\s-]+(?:and\s+a\s+half\s+|more\s+|other\s+|consecutive\s+|straight\s+|full\s+|successive\s+|long\s+)?(?:seconds?|minutes?|hours?|days?|weeks?|months?|years?|decades?|centuries|century|nights?|weekends?)\b)/i;
const MULTIPLIER_AFTER = /^(?:[\s-]+(?:times|fold)\b|-fold\b)/i;
// "the 30th facility to be bombed": an ordinal that counts things hit so far is a figure.
const COUNTING_ORDINAL_AFTER = /^\s+(?:[a-z-]+\s+){0,2}?[a-z-]+\s+(?:to\s+(?:be|have\s+been)|(?:so\s+far|this\s+year)\s+to)\b/i;
const PHONE = /(?:\+\d{1,3}[\s.-]?)?(?:\(\d{1,5}\)[\s.-]?)?\d{1,5}(?:[\s.-]\d{2,8})+/g;
const THOUSANDS_GROUPS = /^\d{1,3}(?:[ \u00a0\u202f\u2009]\d{3})+$/;

/** Character ranges that hold phone numbers or numeric dates; a mention inside one is not a figure. */
export function phoneAndDateRanges(text: string): [number, number][] {
  const out: [number, number][] = [];
  PHONE.lastIndex = 0;
  for (let m = PHONE.exec(text); m; m = PHONE.exec(text)) {
    const raw = m[0];
    const digits = raw.replace(/\D/g, '').length;
    if (THOUSANDS_GROUPS.test(raw) || digits < 7) continue;
    // A phone has a prefix, a leading zero, three or more groups, or a long group; "1990-2000" has none.
    const groups = raw.split(/[\s.-]+/);
    if (!/[+(]/.test(raw) && !/^0/.test(raw) && groups.length < 3 && !groups.some((g) => g.length >= 6)) continue;
    out.push([m.index, m.index + raw.length]);
  }
  const numericDate = /\b(?:\d{4}-\d{2}-\d{2}|\d{1,2}\/\d{1,2}\/\d{2,4}|\d{1,2}\.\d{1,2}\.\d{4})\b/g;
  for (let m = numericDate.exec(text); m; m = numericDate.exec(text)) out.push([m.index, m.index + m[0].length]);
  return out.sort((a, b) => a[0] - b[0]);
}

function inRanges(ranges: readonly [number, number][], at: number): boolean {
  let lo = 0;
  let hi = ranges.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const [s, e] = ranges[mid]!;
    if (at < s) hi = mid - 1;
    else if (at >= e) lo = mid + 1;
    else return true;
  }
  return false;
}

const PERSON_NOUN_AFTER = /^\s+(?:[a-z]+\s+)?(?:people|persons|civilians|children|residents|families|households|troops|soldiers|refugees|migrants|patients|workers|students|homes|houses|cases)\b/i;

/** Why `m` is not a figure, or null when it may be one. */
export function notFigureReason(text: string, m: NumberMention, phones: readonly [number, number][]): NotFigureReason | null {
  if (m.vague) return null;
  const before = text.slice(Math.max(0, m.coreStart - 40), m.coreStart);
  const after = text.slice(m.coreEnd, m.coreEnd + 60);
  const afterMention = text.slice(m.end, m.end + 60);
  const plain = !m.words && !m.formatted && m.unitKind === null && Number.isInteger(m.value);

  if (inRanges(phones, m.coreStart) || (!m.words && PHONE_BEFORE.test(before))) return 'phone';
  if (!m.words && m.unitKind !== 'currency' && /[A-Za-z]-?$/.test(before) && !/magnitude-$/i.test(before)) return 'name'; // G20, Covid-19, F-16
  // "a 500-bed hospital", "a 10-storey block": a number inside a modifier.
  if (!m.words && m.unitKind === null && /^-(?:bed|storey|story|seat|page|lane|room|point|member|car|door|hole)\b/i.test(after)) return 'name';
  if (!m.words && /^[\/]\d/.test(after)) return 'date'; // 9/11, 24/7
  if (!m.words && /\d\/$/.test(before)) return 'date';
  if (!m.words && m.ordinal === false && /^[A-Za-z]/.test(text.slice(m.end, m.end + 1)) && m.unit === null) return 'name'; // 5G, 3D
  if (CLOCK_AFTER.test(after) || (!m.words && /\d:$/.test(before))) return 'clock';
  if (AGE_AFTER.test(after) || AGE_AFTER.test(afterMention) || AGE_BEFORE.test(before) && m.value <= 120 && m.unitKind === null && !m.formatted) return 'age';
  if (plain && m.value <= 120 && AGE_PREDICATE_BEFORE.test(before) && AGE_PREDICATE_AFTER.test(afterMention)) return 'age';
  // "a seven-storey factory", "a 100-strong crowd", "two-thirds": a number inside a modifier or fraction.
  if (m.unitKind === null && /^-\p{L}{3,}/u.test(afterMention) && !/^-(?:and|or|to|odd)\b/i.test(afterMention)) return 'name';
  // "Fadel Ghany, 45, said": a small number between commas right after a name.
  if (plain && m.value <= 120 && /\p{Lu}\p{Ll}+,\s$/u.test(before) && /^,/.test(after)) return 'age';
  // "the rescue ship Mare Libero 9, which …": a number closing a capitalised name.
  if (plain && m.value < 1000 && /\p{Lu}\p{Ll}+\s\p{Lu}\p{Ll}+\s$/u.test(before) && /^(?:[,;)]|\s+(?:which|that|who)\b)/.test(after)) return 'name';
  if (/^s\b/.test(after) || /^'s\b/.test(after) && m.value >= 1900) return 'year'; // the 1990s, his 60s
  if (plain && m.value >= 1000 && m.value <= 2100 && text.slice(m.coreStart, m.coreEnd).length === 4
    && m.qualifier === 'exact' && !PERSON_NOUN_AFTER.test(after)) return 'year';
  if (plain && /^\s*[-–\/]\s*\d{2}\b/.test(after) && m.value >= 1900 && m.value <= 2100) return 'year'; // 2019-20, 2019/20
  if (plain && m.value < 100 && /\b(?:19|20)\d{2}\s*[-–\/]\s*$/.test(before)) return 'year'; // the "20" of 2019-20
  if (!m.words && m.value >= 1 && m.value <= 31 && Number.isInteger(m.value) && !m.formatted
    && (MONTH_BEFORE.test(before) || MONTH_AFTER.test(after) || DAY_RANGE_AFTER_MONTH.test(before))) return 'day_of_month';
  if (m.unitKind === null && DURATION_AFTER.test(afterMention)) return 'duration';
  if (m.unitKind === null && MULTIPLIER_AFTER.test(afterMention)) return 'multiplier';
  if (m.ordinal && !COUNTING_ORDINAL_AFTER.test(afterMention)) return 'ordinal';
  if (!m.words && NAME_BEFORE.test(before)) return 'name';
  if (!m.words && /(?:\bP\.?O\.?\s+Box|\bBox)\s+$/i.test(before)) return 'address';
  if (!m.words && ADDRESS_AFTER.test(after)) return 'address';
  // List markers: "1." / "(2)" / "3)" opening a paragraph or sentence.
  if (plain && m.value < 100 && (/(?:^|\n)\s*\(?$/.test(before) && /^[.)]\s/.test(after))) return 'list_position';
  if (plain && m.value < 100 && /\(\s*$/.test(before) && /^\s*\)/.test(after)) return 'list_position';
  // "one of the", "one another", "no one": pronoun uses of a number word.
  if (m.words && m.value === 1 && /^\s+(?:of|another|other|day|side|hand|way|time|by\s+one|after)\b/i.test(after)) return 'name';
  if (m.words && m.value === 1 && /\b(?:no|any|every|some|the|this|that|which|each)\s+$/i.test(before)) return 'name';
  return null;
}
