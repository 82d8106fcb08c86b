/**
 * Organisations and places from capitalised phrases: an organisation has an organisation word
 * ("Network", "Ministry", "Red Cross") or is known by name; a place is in the gazetteer or is
 * introduced as one ("the village of Mhambil", "Hama province"). Acronyms defined in the text
 * ("Syrian Network for Human Rights … SNHR") map to the full name.
 */
import { COUNTRIES, KNOWN_ORGS, ORG_KEYWORDS } from './gazetteer';
import { asciiLettersOnly, letterPattern } from '../core/letter-patterns';

export interface PlaceHit {
  readonly start: number;
  readonly end: number;
  readonly name: string;
}

export interface Entities {
  readonly organisations: string[];
  readonly places: string[];
  /** Every occurrence of a place, in text order (for the place of a figure). */
  readonly placeHits: PlaceHit[];
  /** Acronym → full organisation name. */
  readonly acronyms: ReadonlyMap<string, string>;
}

// A possessive ends a name: "Haiti's civil protection agency", "Oklahoma's Department of …".
// Unicode letters: "Valparaíso", "Aimée" are one word each (read with ASCII classes where the
// text's letters are all ASCII: letterPattern).
const WORD_TAIL = "[\\p{L}\\p{M}\\d&-]*(?:['’](?!s\\b)[\\p{L}\\p{M}\\d-]+)*";
const WORD = `\\p{Lu}${WORD_TAIL}`;
// The first word of a name: a capital with no letter before it. The capital is tested first and the
// letter before it after (the lookbehind spans both): the other order tests every position of the
// text against both classes, 1.4–1.5× slower over the development set for the same matches.
const FIRST_WORD = `\\p{Lu}(?<![\\p{L}\\p{M}].)${WORD_TAIL}`;
const PHRASE = letterPattern(`${FIRST_WORD}(?:\\s+(?:of|for|and|the|on|de|du|des|al|el|sans)(?=\\s+\\p{Lu})|\\s+${WORD})*`, 'gu');
// "the village of Mhambil": a type of place, then the name (the type is checked against PLACE_TYPES).
const INTRODUCED = letterPattern(`\\b([a-z]+)\\s+of\\s+(${WORD}(?:\\s+${WORD}){0,2})`, 'gu');
// "Hama province", "Kafr Nabl village": the name, then a type of place (checked against TYPES_AFTER).
const TYPED = letterPattern(`(${FIRST_WORD}(?:\\s+${WORD}){0,2})\\s+([a-z]+)\\b`, 'gu');
// "in Valparaíso", "near Barahona": a capitalised name after a preposition of place (checked against LOCATING).
const LOCATED = letterPattern(`\\b(in|near|outside|across|around|from|throughout)\\s+(${WORD}(?:\\s+${WORD}){0,2})`, 'gu');
const PLACE_TYPES: ReadonlySet<string> = new Set(['village', 'town', 'city', 'province', 'district', 'region', 'governorate', 'state', 'county', 'camp', 'municipality', 'area', 'neighbourhood', 'suburb', 'island', 'valley', 'capital'].flatMap((w) => [w, `${w}s`]));
const TYPES_AFTER: ReadonlySet<string> = new Set(['province', 'provinces', 'governorate', 'governorates', 'district', 'districts', 'region', 'regions', 'village', 'town', 'city', 'state', 'county', 'camp', 'municipality', 'hospital', 'airport', 'port']);
const LOCATING: ReadonlySet<string> = new Set(['in', 'near', 'outside', 'across', 'around', 'from', 'throughout']);
const NOT_LOCATED: ReadonlySet<string> = new Set(['Parliament', 'Congress', 'Senate', 'Court', 'English', 'Arabic', 'French', 'Spanish', 'Portuguese', 'Swahili', 'Hindi', 'Urdu', 'Russian', 'Chinese', 'Government', 'God', 'Islam', 'Christianity', 'Twitter', 'Facebook', 'X', 'Telegram', 'WhatsApp', 'Instagram', 'TikTok', 'YouTube', 'Geneva Convention', 'Geneva Conventions']);
const NOT_PLACE: ReadonlySet<string> = new Set(['The', 'A', 'An', 'In', 'On', 'At', 'Last', 'This', 'Resident', 'Residents', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday', 'January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December', 'President', 'Minister', 'Russian', 'Syrian', 'Turkish', 'Western', 'Eastern', 'Northern', 'Southern', 'Central', 'Capital']);
const CONNECTOR = /^(?:of|for|and|the|on|de|du|des|al|el|sans)$/;

const stripLeading = (phrase: string): string =>
  phrase.replace(/^(?:The|A|An|In|On|At|But|And|Last|This|Its|Their|Our)\s+/, '').replace(/^[\w’'-]+-based\s+/, '');

// "Syrian Idlib province" → Idlib; a country name itself stays whole.
const stripDemonym = (name: string): string =>
  COUNTRIES.has(name) ? name : name.replace(/^[A-Z][a-z]+(?:ian|ese|ish|an|i)\s+(?=[A-Z])/, '');

function initials(name: string): string {
  return name.split(/\s+/).filter((w) => !CONNECTOR.test(w)).map((w) => w[0]).join('');
}

function orgParts(phrase: string): string[] {
  // "Human Rights Watch and Amnesty International" are two organisations.
  if (!/\sand\s/.test(phrase)) return [phrase];
  const parts = phrase.split(/\s+and\s+/);
  const allOrgs = parts.length > 1 && parts.every((p) => ORG_KEYWORDS.test(p.split(/\s+/).pop() ?? '') || Object.hasOwn(KNOWN_ORGS, p));
  return allOrgs ? parts : [phrase];
}

export function findEntities(text: string): Entities {
  const orgs = new Map<string, number>();
  const phrases: PlaceHit[] = [];
  const ascii = asciiLettersOnly(text);
  const phrasePattern = PHRASE(ascii);
  phrasePattern.lastIndex = 0;
  for (let m = phrasePattern.exec(text); m; m = phrasePattern.exec(text)) {
    const raw = m[0];
    const phrase = stripLeading(raw);
    const offset = m.index + raw.length - phrase.length;
    if (!phrase) continue;
    phrases.push({ start: offset, end: offset + phrase.length, name: phrase });
    for (const part of orgParts(phrase)) {
      const known = Object.hasOwn(KNOWN_ORGS, part) ? KNOWN_ORGS[part] : undefined;
      if (known) orgs.set(known, orgs.get(known) ?? m.index);
      else if (ORG_KEYWORDS.test(part) && part.split(/\s+/).length >= 2 && !COUNTRIES.has(part)) orgs.set(part, orgs.get(part) ?? m.index);
    }
  }

  // Acronyms: an all-capitals word whose letters are the initials of an organisation found.
  const acronyms = new Map<string, string>();
  const byInitials = new Map<string, string>();
  for (const name of orgs.keys()) if (name.split(/\s+/).length >= 2) byInitials.set(initials(name), name);
  for (const hit of phrases) {
    const full = /^[A-Z]{2,8}$/.test(hit.name) ? byInitials.get(hit.name) : undefined;
    if (full) acronyms.set(hit.name, full);
  }
  for (const acronym of acronyms.keys()) orgs.delete(acronym);

  const placeNames = new Set<string>();
  // Each pattern with the group holding the name and the word list its other group must be in.
  const located = LOCATED(ascii);
  const patterns: readonly [RegExp, number, number, ReadonlySet<string>][] = [[INTRODUCED(ascii), 2, 1, PLACE_TYPES], [TYPED(ascii), 1, 2, TYPES_AFTER], [located, 2, 1, LOCATING]];
  for (const [re, nameGroup, wordGroup, words] of patterns) {
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      if (!words.has(m[wordGroup]!)) {
        // Not a place pattern here: go on past the first word, so a name inside the match is still seen.
        re.lastIndex = m.index + Math.max(1, m[0].search(/\s/));
        continue;
      }
      const name = stripDemonym(stripLeading(m[nameGroup]!));
      if (!name || NOT_PLACE.has(name.split(/\s+/)[0]!) || ORG_KEYWORDS.test(name) || Object.hasOwn(KNOWN_ORGS, name) || orgs.has(name)) continue;
      if (re === located && (NOT_LOCATED.has(name) || acronyms.has(name) || /^[A-Z]{2,}$/.test(name))) continue;
      placeNames.add(name);
    }
  }
  const placeHits: PlaceHit[] = [];
  const places = new Map<string, number>();
  const add = (name: string, at: number): void => {
    placeHits.push({ start: at, end: at + name.length, name });
    if (!places.has(name)) places.set(name, at);
  };
  // "OKLAHOMA CITY, April 29 –": the dateline names where the report was filed.
  const dateline = DATELINE.exec(text);
  if (dateline) add(titleCase(dateline[1]!), -1);
  for (const hit of phrases) {
    if (placeNames.has(hit.name) || COUNTRIES.has(hit.name)) { add(hit.name, hit.start); continue; }
    // "Guinea, Ivory Coast and Mali": each part of a list.
    let offset = 0;
    for (const part of hit.name.split(/(\s+and\s+)/)) {
      const name = /^\s+and\s+$/.test(part) ? null : placeWithin(part, placeNames);
      if (name) add(name, hit.start + offset + part.indexOf(name));
      offset += part.length;
    }
  }
  placeHits.sort((a, b) => a.start - b.start);
  return {
    organisations: [...orgs.keys()].filter((o) => !placeNames.has(o)),
    places: [...places.keys()],
    placeHits,
    acronyms,
  };
}

const DATELINE = /^([A-Z][A-Z'’. -]{2,30}),\s+(?:[A-Z][a-z]+\.?\s+\d{1,2}|\d{1,2}\s+[A-Z][a-z]+)\b/;
const titleCase = (caps: string): string => caps.toLowerCase().replace(/(^|[\s'’-])(\p{Ll})/gu, (_m, sep: string, c: string) => sep + c.toUpperCase());

/** "Idlib province" / "northern Hama" inside a longer phrase: the first known place word in it. */
function placeWithin(phrase: string, known: ReadonlySet<string>): string | null {
  if (ORG_KEYWORDS.test(phrase) && !/\b(?:Province|Governorate|District)\b/.test(phrase)) return null;
  const words = phrase.split(/\s+/);
  for (let len = Math.min(3, words.length); len >= 1; len--) {
    for (let i = 0; i + len <= words.length; i++) {
      const candidate = words.slice(i, i + len).join(' ');
      if (COUNTRIES.has(candidate) || known.has(candidate)) return candidate;
    }
  }
  return null;
}
