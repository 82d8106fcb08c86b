/**
 * Quotes with speaker and role: `“…,” said X, role of Y` / `“…,” X, role, told Reuters` /
 * `said in a statement` / `X said: “…”`. Curly double, straight double and curly single
 * quotes. A quote with no attribution of its own continues the speaker of the quote before it
 * in the paragraph, or of a quote left open at the end of the previous paragraph; a statement
 * quoted in pieces (`“A” and “B”, they declared`) is one speaker's.
 *
 * Names keep the title the article gives them ("Dr. Sana Qureshi", "Lt. Col. Ali Reza"): the
 * paragraph is read with the full stops of titles and initials masked, so "Dr." never ends a
 * name, and a title alone is never a speaker.
 */
import type { Quote } from './types';
import { attributionIn } from './attribution';
import { asciiLettersOnly, execIn, letterPattern, patternFor, testIn } from '../core/letter-patterns';
import { isHonorific, isTitleAlone, leadingHonorifics, MASKED_DOT, maskAbbreviationDots, splitSentences, unmaskDots } from './sentences';

// Titles and ranks stay part of the name as written; an office before a name is its role.
/** Courtesy titles: dropped once the full name is known ("Ms Okafor" → "Grace Okafor"). */
const COURTESY = /^(?:Mr|Mrs|Ms|Mx|Mme)[.\u2024]?\s+$/;
// "Health Minister K. Sudhakar Rao", "Vice President Ana Ruiz": up to two words naming the office.
const OFFICES = letterPattern(String.raw`^((?:\p{Lu}\p{Ll}+\s+){0,2}(?:President|Prime\s+Minister|Minister|Governor|Senator|Ambassador|Mayor|Chancellor|Secretary|Secretary-General|Commissioner|King|Queen|Prince|Princess))\s+`, 'u');
// Lower-case particles inside names: "Joana Pereira dos Santos", "Ursula von der Leyen", "Ahmed bin Salem".
const PARTICLES = 'al|el|bin|bint|ibn|ben|de|da|das|do|dos|del|della|di|du|la|le|van|von|der|den|ter|ten|abu|ul|y';
const L = `\\p{L}\\p{M}'’.${MASKED_DOT}-`;
const NAME_WORD = `(?:\\p{Lu}[${L}]*|Al|El|Abu|Abdul|${PARTICLES})`;
/** A capitalised word, possibly a title or an initial with its (masked) full stop. */
const CAP = `\\p{Lu}[${L}]*`;
/** The last word of a name: no full stop after it. */
const LAST = `\\p{Lu}[\\p{L}\\p{M}'’-]+`;
const PRONOUN = /^(?:he|she|they|we|it)$/i;
// Capitalised words that start a sentence or name a group, never a speaker.
const NOT_A_NAME = /^(?:The|It|He|She|They|We|I|You|This|That|These|Those|There|Officials|Police|Authorities|Residents|Witnesses|Rescuers|Analysts|Experts|Doctors|Medics|Critics|Others|Survivors|Some|Many|But|And|Then)$/;
// "the health ministry said in a statement": an organisation speaking.
// Its last noun must be a body (BODIES): "the health ministry said", "the UN agency told".
const BODY_SPEAKER = /^(?:the\s+)((?:[\w-]+\s+){0,3}([a-z]+))\s+(?:said|says|added|told|wrote)\b/i;
const BODIES: ReadonlySet<string> = new Set(['ministry', 'agency', 'police', 'army', 'military', 'government', 'group', 'organisation', 'organization', 'office', 'council', 'committee', 'commission', 'authority', 'authorities', 'coalition', 'network', 'charity']);

/** One to five capitalised words that are not a sentence opener: "Khan", "Fadel Abdul Ghany". */
const NAME = letterPattern(`^(?:${NAME_WORD}\\s+){0,4}${LAST}$`, 'u');
const NAME_WORD_ALONE = letterPattern(`^${NAME_WORD}$`, 'u');
const isBareName = (name: string): boolean => testIn(NAME, name) && !NOT_A_NAME.test(name.split(/\s+/)[0]!);

interface Person { readonly name: string; readonly office: string | null }

/**
 * "Dr. Sana Qureshi" → that name; "President Luis Arce" → "Luis Arce" with the office apart;
 * null when what is left after titles is not a name ("Dr", "the ministry").
 */
function personOf(raw: string): Person | null {
  let rest = raw.trim().replace(/[,;:]+$/, '');
  const office = execIn(OFFICES, rest);
  if (office) rest = rest.slice(office[0].length);
  const honorific = leadingHonorifics(rest);
  const bare = rest.slice(honorific.length);
  if (!isBareName(bare)) return null;
  return { name: `${honorific}${bare}`, office: office ? office[1]!.replace(/\s+/g, ' ') : null };
}

const isName = (raw: string): boolean => personOf(raw) !== null;

/** The name part of a phrase ("Dr. Sana Qureshi"), or the phrase unchanged when it is not a name. */
const nameOf = (raw: string): string => personOf(raw)?.name ?? raw.trim();

interface Speaker { readonly speaker: string | null; readonly role: string | null }

const NONE: Speaker = { speaker: null, role: null };

/** A speaker and role from a name phrase: the office before a name is the role when none is given. */
function speakerFrom(raw: string, role: string | null): Speaker {
  const person = personOf(raw);
  return person ? { speaker: person.name, role: role ?? person.office } : NONE;
}

function splitNameRole(phrase: string): Speaker {
  // "Idlib-based Civil Defence spokesman Ahmad Al Sheikho": the name is the trailing capitalised run.
  const words = phrase.trim().replace(/[,.;:]+$/, '').split(/\s+/);
  let i = words.length;
  while (i > 0 && testIn(NAME_WORD_ALONE, words[i - 1]!)) i--;
  const role = words.slice(0, i).join(' ').trim() || null;
  const named = speakerFrom(words.slice(i).join(' '), role);
  return named.speaker ? named : { speaker: phrase.trim() || null, role: null };
}

const SAY = 'said|says|told|added|declared|warned|wrote|stated';
const ROLE_THEN_NAME = new RegExp(`^([^,.;:“”"]{3,80}?)\\s+(?:${SAY})\\b`, 'u');
// "Name, role, said" / "Name of the agency said".
const SAYS_AFTER_NAME = letterPattern(`^((?:${CAP}\\s+)*?${LAST})(?:,\\s*([^]+?)|\\s+((?:of|from|at)\\s+[^,;“”"]{2,80}?))?,?\\s+(?:${SAY})\\b`, 'u');
const ACCORDING_TO_NAME = letterPattern(`^according\\s+to\\s+((?:${CAP}\\s+)*${LAST})(?:,?\\s+([^.;]+))?`, 'u');

/** "Fadel Abdul Ghany, chairman of SNHR, told Reuters" / "said Civil Defence spokesman Ahmad Al Sheikho, saying…" */
function speakerAfter(after: string): Speaker {
  const text = after.replace(/^[\s,]+/, '');
  const verbFirst = /^(said|says|added|adds|declared|warned|stated|explained|insisted|noted)\s+([^,.;]+?)(?=[,.;]|$|\s+(?:in\s+a\s+statement|on\s|at\s|to\s))([^.;]*)/.exec(text);
  if (verbFirst) {
    const who = verbFirst[2]!.trim();
    if (PRONOUN.test(who)) return NONE;
    const split = splitNameRole(who);
    // ", 45, a farmer" / ", the head of the rescue operation, said": the first part that is not an age.
    // "a market trader who spent the night on the roof": the role ends where a relative clause starts.
    const trailingRole = verbFirst[3]!.replace(/\s+(?:who|which|whose|that)\s[^,]*/, '').split(',').map((p) => p.trim())
      .find((p) => p && !/^\d+$/.test(p) && !/^(?:saying|adding|who|which|according|as|when|after|before|in|on|at|outside|inside|near|from|by|during|while|speaking|standing|whose|where)\b/i.test(p)) ?? null;
    return { speaker: split.speaker, role: split.role ?? trailingRole };
  }
  // "the governor, Mark Tan, told local television" / "according to Dr Ana Silva of the ministry"
  // "SANCCOB's rehabilitation manager, Nomvula Khumalo, told reporters", "its chairman, X, said".
  const ascii = asciiLettersOnly(text);
  const roleFirst = ROLE_FIRST(ascii).exec(text);
  if (roleFirst && isName(roleFirst[2]!)) return speakerFrom(roleFirst[2]!, roleFirst[1]!.trim());
  const according = ACCORDING_TO_NAME(ascii).exec(text);
  if (according && isName(according[1]!)) {
    return speakerFrom(according[1]!, according[2]?.replace(/^(?:of|from)\s+/, '').trim() || null);
  }
  // "Dr Khaula Sawah, vice president of the Union …, which provides aid …, said in a statement."
  const opening = text.slice(0, 300);
  const nameFirst = execIn(SAYS_AFTER_NAME, opening);
  if (nameFirst) {
    if (PRONOUN.test(nameFirst[1]!.trim())) return NONE;
    const role = nameFirst[2]?.replace(/,\s*(?:which|who)\b[^]*$/, '').trim() ?? nameFirst[3]?.replace(/^(?:of|from)\s+/, '');
    return speakerFrom(nameFirst[1]!, role || null);
  }
  // "police chief John Smith said", "Red Cross spokeswoman Jane Doe told AFP": role words, then the name.
  const roleThenName = ROLE_THEN_NAME.exec(text);
  if (roleThenName) {
    const split = splitNameRole(roleThenName[1]!.replace(/^(?:and|but)\s+/i, ''));
    if (split.speaker && split.role && isName(split.speaker)) return split;
  }
  const body = BODY_SPEAKER.exec(text);
  return body && BODIES.has(body[2]!.toLowerCase()) ? { speaker: body[1]!.trim(), role: null } : NONE;
}

const ROLE_FIRST = letterPattern(`^((?:[Tt]he|[Ii]ts|[Tt]heir|[Hh]is|[Hh]er|(?:\\p{Lu}[\\p{L}\\p{M}.&-]*\\s+){0,3}\\p{Lu}[\\p{L}\\p{M}.&-]*['’]s)\\s+[a-z][^,]{1,60}),\\s+([^,]+?),\\s+(?:said|says|told|added|warned)\\b`, 'u');

const SAYS_BEFORE_QUOTE = letterPattern(`((?:${CAP}\\s+)*?${LAST})(?:,\\s*([^,]+?),?)?\\s+(?:said|says|told\\s+\\w+|added|declared|warned|wrote)\\b[^“”"]*$`, 'u');

/** "X said:" right before an opening quote, or "X said those arrested had been “…”" in the same sentence. */
function speakerBefore(before: string): Speaker {
  const sentence = before.slice(-300).split(/[.!?]["”’]?\s+(?=[A-Z“"])/).pop() ?? '';
  const m = execIn(SAYS_BEFORE_QUOTE, sentence);
  if (!m || PRONOUN.test(m[1]!.trim()) || !isName(m[1]!)) return NONE;
  // "Interior ministry spokesman Daniel Kiprotich said": the words before the name are the role.
  const lead = sentence.slice(0, m.index).trim().split(/\s+/).slice(-5).join(' ');
  const role = m[2]?.trim() || (/\b(?:spokes(?:man|woman|person)|minister|director|chief|head|president|official|secretary|chairman|chairwoman|chair|governor|mayor|commissioner|coordinator|representative|economist|analyst|officer)$/i.test(lead) ? lead : null);
  return speakerFrom(m[1]!, role);
}

// "Its chairman, Musa Danjuma,", "Zamfara's governor, Sani Aliyu Maru,": an owner, a role, then the name.
const OWNER = `(?:[Tt]he|[Ii]ts|[Tt]heir|[Hh]is|[Hh]er|(?:${CAP}\\s+){0,3}\\p{Lu}[\\p{L}\\p{M}.&-]*['’]s)`;
const APPOSITIVE_ROLE = letterPattern(`\\b${OWNER}\\s+[a-z][a-z\\s-]{1,40},\\s+`, 'gu');
const APPOSITIVE_TAIL = letterPattern(`^((?:${NAME_WORD}\\s+){0,4}${LAST}),`, 'u');
const SPOKE = letterPattern(`((?:${CAP}\\s+){0,3}${LAST})\\s+(?:said|says|told|added|warned)\\b`, 'gu');
const INTRODUCED = letterPattern(`((?:${CAP}\\s+){1,3}${LAST}),\\s+\\d{1,3},`, 'gu');

/**
 * "she said" after a quote: the last person who spoke before it ("Whitcombe told parliament …"),
 * or was introduced with an age ("Maria Lopez, 45, lost her home."), in this or the previous paragraph.
 */
function speakerFromPronoun(before: string, fallback: Speaker): Speaker {
  const ascii = asciiLettersOnly(before);
  const spoke = [...before.matchAll(SPOKE(ascii))].map((m) => ({ at: m.index, name: m[1]! }));
  const introduced = [...before.matchAll(INTRODUCED(ascii))].map((m) => ({ at: m.index, name: m[1]! }));
  // "said Negros Occidental governor Esteban Lizares.": the verb first, the name closing the phrase.
  const saidBy = [...before.matchAll(/\b(?:said|says|added|warned)\s+([^,.;:“”"\n]{3,80}?)(?=[,.;:]|$)/gmu)]
    .map((m) => ({ at: m.index, name: splitNameRole(m[1]!).speaker ?? '' }));
  // "Its chairman, Musa Danjuma, said …", "Zamfara's governor, Sani Aliyu Maru, ordered …": a role, then the name.
  const appositive = [...before.matchAll(APPOSITIVE_ROLE(ascii))].flatMap((m) => {
    const tail = before.slice(m.index + m[0].length);
    const name = execIn(APPOSITIVE_TAIL, tail)?.[1];
    return name ? [{ at: m.index, name }] : [];
  });
  const last = [...spoke, ...introduced, ...saidBy, ...appositive].filter((c) => isName(c.name)).sort((a, b) => a.at - b.at).pop();
  return last ? { speaker: nameOf(last.name), role: null } : fallback;
}

/**
 * "they declared" after a quote: the group that last spoke in the sentences before it ("The heads
 * of 11 humanitarian organisations warned …"), as the attribution of those sentences names it.
 */
function groupFromPronoun(before: string): Speaker {
  const sentences = splitSentences(before.replace(/\n\n/g, ' \n\n')).slice(-3).reverse();
  for (const sentence of sentences) {
    const source = attributionIn(unmaskDots(sentence.text)).source;
    if (source) return { speaker: source, role: null };
  }
  return NONE;
}

interface Segment { readonly start: number; readonly end: number; readonly inner: string; readonly open: boolean }

// “…” / "…" / ‘…’ (an apostrophe inside a word, "Let’s", does not close a single quote); a
// double quote still open at the end of the paragraph runs to its end.
const SEGMENT = letterPattern(String.raw`“([^“”]*)”|"([^"\n]*)"|(?<=^|[\s(—–])‘((?:[^‘’]|’(?=\p{L}))*)’(?!\p{L})|[“"]([^“”"]*)$`, 'gu');

function segments(paragraph: string): Segment[] {
  const out: Segment[] = [];
  const segment = patternFor(paragraph, SEGMENT);
  segment.lastIndex = 0;
  for (let m = segment.exec(paragraph); m; m = segment.exec(paragraph)) {
    const inner = (m[1] ?? m[2] ?? m[3] ?? m[4] ?? '').trim();
    out.push({ start: m.index, end: m.index + m[0].length, inner, open: m[4] !== undefined });
  }
  return out;
}

interface Carry { value: string | null; role: string | null; open: boolean; previousParagraph: string }

// “A” and “B”, they declared: the words between two pieces of one statement.
const JOINS_PIECES = /^[\s,;:]*(?:(?:and|or|but|then|adding|—|–|-)[\s,]*)?$/i;
const PRONOUN_SAYS = /^[\s,]*(he|she|they)\s+(?:said|says|added|told|declared|warned|wrote|stated)\b/i;

/** Quotes of one paragraph; `carry` holds the last speaker and whether their quote is still open. */
function quotesOfParagraph(original: string, carry: Carry): Quote[] {
  // Speakers are read on the masked paragraph ("Dr. Sana" stays one name); quote text on the original.
  const paragraph = maskAbbreviationDots(original);
  const out: { quote: Quote; joinsNext: boolean }[] = [];
  const segs = segments(paragraph);
  let previous: Speaker | null = null;
  for (let i = 0; i < segs.length; i++) {
    const seg = segs[i]!;
    // Scare quotes and titles ("‘more than 500’", "“even wars”") are not statements.
    if (seg.inner.split(/\s+/).length < 4) continue;
    const next = segs[i + 1];
    const after = paragraph.slice(seg.end, next ? next.start : paragraph.length);
    const before = paragraph.slice(i > 0 ? segs[i - 1]!.end : 0, seg.start);
    let who = speakerAfter(after);
    if (!who.speaker) who = speakerBefore(before);
    const pronoun = who.speaker ? null : PRONOUN_SAYS.exec(after)?.[1]?.toLowerCase();
    if (pronoun) {
      const context = `${maskAbbreviationDots(carry.previousParagraph.slice(-600))}\n\n${paragraph.slice(Math.max(0, seg.start - 600), seg.start)}`;
      who = pronoun === 'they' ? groupFromPronoun(context) : speakerFromPronoun(context, { speaker: carry.value, role: carry.role });
    }
    // “A,” X said. “B.” — B is X's too; so is a paragraph continuing a quote left open.
    if (!who.speaker && previous?.speaker) who = previous;
    if (!who.speaker && i === 0 && seg.start === 0 && carry.open) who = { speaker: carry.value, role: carry.role };
    // "Darlene Whitaker, 58, …": an age is not a role.
    if (who.role && /^\d+$/.test(who.role)) who = { speaker: who.speaker, role: null };
    if (who.speaker && isTitleAlone(who.speaker)) who = NONE;
    if (who.speaker) { carry.value = who.speaker; carry.role = who.role; previous = who; }
    const text = original.slice(seg.start, seg.end).replace(/^[“"‘]|[”"’]$/g, '').trim().replace(/[,]$/, '').trim();
    out.push({ quote: { text, speaker: who.speaker, role: who.role }, joinsNext: next !== undefined && JOINS_PIECES.test(after) });
  }
  // A statement quoted in pieces: each piece is the speaker's named after the last one.
  for (let i = out.length - 2; i >= 0; i--) {
    const piece = out[i]!;
    const rest = out[i + 1]!.quote;
    if (piece.joinsNext && piece.quote.speaker === null && rest.speaker) piece.quote = { ...piece.quote, speaker: rest.speaker, role: rest.role };
  }
  carry.open = segs.length > 0 && segs[segs.length - 1]!.open;
  carry.previousParagraph = original;
  return out.map((o) => o.quote);
}

const FULL_NAME = letterPattern(`(?<![\\p{L}\\p{M}])\\p{Lu}[\\p{L}\\p{M}'’-]+(?:\\s+(?:(?:${PARTICLES})\\s+)?\\p{Lu}[\\p{L}\\p{M}'’-]+)+`, 'gu');

/** Surname → the first full name ending in it ("Whitcombe" → "Eleanor Whitcombe"), in one pass. */
function fullNames(text: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of text.matchAll(patternFor(text, FULL_NAME))) {
    const words = m[0].split(/\s+/);
    const surname = words[words.length - 1]!;
    // "Interior Minister Rana Khan": the last two words are the name.
    const name = words.slice(-2).join(' ');
    const first = words[words.length - 2]!;
    if (!out.has(surname) && !NOT_A_NAME.test(first) && !isHonorific(first) && !testIn(OFFICES, `${first} `)) out.set(surname, name);
  }
  return out;
}

/** "Khan" → "Rana Khan", "Dr Okafor" → "Dr Grace Okafor", "Ms Okafor" → "Grace Okafor", when the article names them in full. */
function withFullName(speaker: string, names: ReadonlyMap<string, string>): string {
  const honorific = leadingHonorifics(speaker);
  const full = names.get(speaker.slice(honorific.length));
  if (!full) return speaker;
  return COURTESY.test(honorific) ? full : `${honorific}${full}`;
}

/** One word after any title: a surname that a full name elsewhere may complete. */
const isSurnameOnly = (speaker: string): boolean => !/\s/.test(speaker.slice(leadingHonorifics(speaker).length));

/** Quotes of the paragraphs; `text` is them joined by blank lines, when the caller has it already. */
export function findQuotes(paragraphs: readonly string[], text?: string): Quote[] {
  const carry: Carry = { value: null, role: null, open: false, previousParagraph: '' };
  const quotes = paragraphs.flatMap((p) => quotesOfParagraph(p, carry)).map((q) => ({
    text: q.text,
    speaker: q.speaker === null ? null : unmaskDots(q.speaker),
    role: q.role === null ? null : unmaskDots(q.role),
  }));
  if (!quotes.some((q) => q.speaker && isSurnameOnly(q.speaker))) return quotes;
  const names = fullNames(text ?? paragraphs.join('\n\n'));
  return quotes.map((q) => (q.speaker && isSurnameOnly(q.speaker) ? { ...q, speaker: withFullName(q.speaker, names) } : q));
}
