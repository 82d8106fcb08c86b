/**
 * Quotes with speaker and role: `“…,” said X, role of Y` / `“…,” X, role, told Reuters` /
 * `said in a statement` / `X said: “…”`. Curly double, straight double and curly single
 * quotes. A quote with no attribution of its own continues the speaker of the quote before it
 * in the paragraph, or of a quote left open at the end of the previous paragraph.
 */
import type { Quote } from './types';

const TITLES = /^(?:Dr\.?|Mr\.?|Mrs\.?|Ms\.?|Prof\.?|Professor|Gen\.?|General|Col\.?|Colonel|Lt\.?|Capt\.?|Captain|Maj\.?|Major|Sheikh|Sir|Dame|Rev\.?|President|Prime\s+Minister|Minister|Governor|Senator|Ambassador)\s+/;
// Lower-case particles inside names: "Joana Pereira dos Santos", "Ursula von der Leyen", "Ahmed bin Salem".
const PARTICLES = 'al|el|bin|bint|ibn|ben|de|da|das|do|dos|del|della|di|du|la|le|van|von|der|den|ter|ten|abu|ul|y';
const NAME_WORD = `(?:\\p{Lu}[\\p{L}\\p{M}'’.-]*|Al|El|Abu|Abdul|${PARTICLES})`;
const PRONOUN = /^(?:he|she|they|we|it)$/i;
// Capitalised words that start a sentence or name a group, never a speaker.
const NOT_A_NAME = /^(?:The|It|He|She|They|We|I|You|This|That|These|Those|There|Officials|Police|Authorities|Residents|Witnesses|Rescuers|Analysts|Experts|Doctors|Medics|Critics|Others|Survivors|Some|Many|But|And|Then)$/;
// "the health ministry said in a statement": an organisation speaking.
const BODY_SPEAKER = /^(?:the\s+)((?:[\w-]+\s+){0,3}(?:ministry|agency|police|army|military|government|group|organi[sz]ation|office|council|committee|commission|authority|authorities|coalition|network|charity))\s+(?:said|says|added|told|wrote)\b/i;

/** One to five capitalised words that are not a sentence opener: "Khan", "Fadel Abdul Ghany". */
const NAME = new RegExp(`^(?:${NAME_WORD}\\s+){0,4}\\p{Lu}[\\p{L}\\p{M}'’-]+$`, 'u');
const NAME_WORD_ALONE = new RegExp(`^${NAME_WORD}$`, 'u');
const isName = (name: string): boolean => NAME.test(name) && !NOT_A_NAME.test(name.split(/\s+/)[0]!);

interface Speaker { readonly speaker: string | null; readonly role: string | null }

const NONE: Speaker = { speaker: null, role: null };

function splitNameRole(phrase: string): Speaker {
  // "Idlib-based Civil Defence spokesman Ahmad Al Sheikho": the name is the trailing capitalised run.
  const words = phrase.trim().replace(/[,.;:]+$/, '').split(/\s+/);
  let i = words.length;
  while (i > 0 && NAME_WORD_ALONE.test(words[i - 1]!)) i--;
  const nameWords = words.slice(i);
  const role = words.slice(0, i).join(' ').trim() || null;
  const name = nameWords.join(' ').replace(TITLES, '');
  if (nameWords.length === 0 || !isName(name)) return { speaker: phrase.trim() || null, role: null };
  return { speaker: name, role };
}

/** "Fadel Abdul Ghany, chairman of SNHR, told Reuters" / "said Civil Defence spokesman Ahmad Al Sheikho, saying…" */
function speakerAfter(after: string): Speaker {
  const text = after.replace(/^[\s,]+/, '');
  const verbFirst = /^(said|says|added|adds|declared|warned|stated|explained|insisted|noted)\s+([^,.;]+?)(?=[,.;]|$|\s+(?:in\s+a\s+statement|on\s|at\s|to\s))([^.;]*)/.exec(text);
  if (verbFirst) {
    const who = verbFirst[2]!.trim();
    if (PRONOUN.test(who)) return NONE;
    const split = splitNameRole(who.replace(TITLES, ''));
    // ", 45, a farmer" / ", the head of the rescue operation, said": the first part that is not an age.
    // "a market trader who spent the night on the roof": the role ends where a relative clause starts.
    const trailingRole = verbFirst[3]!.replace(/\s+(?:who|which|whose|that)\s[^,]*/, '').split(',').map((p) => p.trim())
      .find((p) => p && !/^\d+$/.test(p) && !/^(?:saying|adding|who|which|according|as|when|after|before|in|on|at|outside|inside|near|from|by|during|while|speaking|standing|whose|where)\b/i.test(p)) ?? null;
    return { speaker: split.speaker, role: split.role ?? trailingRole };
  }
  // "the governor, Mark Tan, told local television" / "according to Dr Ana Silva of the ministry"
  // "SANCCOB's rehabilitation manager, Nomvula Khumalo, told reporters", "its chairman, X, said".
  const roleFirst = ROLE_FIRST.exec(text);
  if (roleFirst && isName(roleFirst[2]!.replace(TITLES, ''))) return { speaker: roleFirst[2]!.replace(TITLES, ''), role: roleFirst[1]!.trim() };
  const according = /^according\s+to\s+((?:\p{Lu}[\p{L}\p{M}'’.-]*\s+)*\p{Lu}[\p{L}\p{M}'’-]+)(?:,?\s+([^.;]+))?/u.exec(text);
  if (according && isName(according[1]!.replace(TITLES, ''))) {
    return { speaker: according[1]!.replace(TITLES, ''), role: according[2]?.replace(/^(?:of|from)\s+/, '').trim() || null };
  }
  // "Dr Khaula Sawah, vice president of the Union …, which provides aid …, said in a statement."
  const nameFirst = /^((?:\p{Lu}[\p{L}\p{M}'’.-]*\s+)*?\p{Lu}[\p{L}\p{M}'’-]+)(?:,\s*([^]+?))?,?\s+(?:said|says|told|added|declared|warned|wrote|stated)\b/u.exec(text.slice(0, 300));
  if (nameFirst) {
    const name = nameFirst[1]!.replace(TITLES, '').trim();
    if (PRONOUN.test(name) || !isName(name)) return NONE;
    const role = nameFirst[2] ? nameFirst[2].replace(/,\s*(?:which|who)\b[^]*$/, '').trim() : null;
    return { speaker: name, role: role || null };
  }
  // "police chief John Smith said", "Red Cross spokeswoman Jane Doe told AFP": role words, then the name.
  const roleThenName = /^([^,.;:“”"]{3,80}?)\s+(?:said|says|told|added|declared|warned|wrote|stated)\b/u.exec(text);
  if (roleThenName) {
    const split = splitNameRole(roleThenName[1]!.replace(/^(?:and|but)\s+/i, ''));
    if (split.speaker && split.role && isName(split.speaker)) return { speaker: split.speaker.replace(TITLES, ''), role: split.role };
  }
  const body = BODY_SPEAKER.exec(text);
  return body ? { speaker: body[1]!.trim(), role: null } : NONE;
}

const ROLE_FIRST = /^((?:[Tt]he|[Ii]ts|[Tt]heir|[Hh]is|[Hh]er|(?:\p{Lu}[\p{L}\p{M}.&-]*\s+){0,3}\p{Lu}[\p{L}\p{M}.&-]*['’]s)\s+[a-z][^,]{1,60}),\s+([^,]+?),\s+(?:said|says|told|added|warned)\b/u;

/** "X said:" right before an opening quote, or "X said those arrested had been “…”" in the same sentence. */
function speakerBefore(before: string): Speaker {
  const sentence = before.slice(-300).split(/[.!?]["”’]?\s+(?=[A-Z“"])/).pop() ?? '';
  const m = /((?:\p{Lu}[\p{L}\p{M}'’.-]*\s+)*?\p{Lu}[\p{L}\p{M}'’-]+)(?:,\s*([^,]+?),?)?\s+(?:said|says|told\s+\w+|added|declared|warned|wrote)\b[^“”"]*$/u.exec(sentence);
  if (!m) return NONE;
  const name = m[1]!.replace(TITLES, '').trim();
  if (PRONOUN.test(name) || !isName(name)) return NONE;
  // "Interior ministry spokesman Daniel Kiprotich said": the words before the name are the role.
  const lead = sentence.slice(0, m.index).trim().split(/\s+/).slice(-5).join(' ');
  const role = m[2]?.trim() || (/\b(?:spokes(?:man|woman|person)|minister|director|chief|head|president|official|secretary|chairman|chairwoman|chair|governor|mayor|commissioner|coordinator|representative|economist|analyst|officer)$/i.test(lead) ? lead : null);
  return { speaker: name, role };
}

const APPOSITIVE_NAME = new RegExp(`\\b(?:[Tt]he|[Ii]ts|[Tt]heir|[Hh]is|[Hh]er|(?:\\p{Lu}[\\p{L}\\p{M}.&-]*\\s+){0,3}\\p{Lu}[\\p{L}\\p{M}.&-]*['’]s)\\s+[a-z][a-z\\s-]{1,40},\\s+((?:${NAME_WORD}\\s+){0,4}\\p{Lu}[\\p{L}\\p{M}'’-]+),`, 'gu');

/**
 * "she said" after a quote: the last person who spoke before it ("Whitcombe told parliament …"),
 * or was introduced with an age ("Maria Lopez, 45, lost her home."), in this or the previous paragraph.
 */
function speakerFromPronoun(before: string, fallback: Speaker): Speaker {
  const spoke = [...before.matchAll(/((?:\p{Lu}[\p{L}\p{M}'’.-]+\s+){0,3}\p{Lu}[\p{L}\p{M}'’-]+)\s+(?:said|says|told|added|warned)\b/gu)]
    .map((m) => ({ at: m.index, name: m[1]!.replace(TITLES, '') }));
  const introduced = [...before.matchAll(/((?:\p{Lu}[\p{L}\p{M}'’-]+\s+){1,3}\p{Lu}[\p{L}\p{M}'’-]+),\s+\d{1,3},/gu)]
    .map((m) => ({ at: m.index, name: m[1]!.replace(TITLES, '') }));
  // "said Negros Occidental governor Esteban Lizares.": the verb first, the name closing the phrase.
  const saidBy = [...before.matchAll(/\b(?:said|says|added|warned)\s+([^,.;:“”"\n]{3,80}?)(?=[,.;:]|$)/gmu)]
    .map((m) => ({ at: m.index, name: splitNameRole(m[1]!.replace(TITLES, '')).speaker ?? '' }));
  // "Its chairman, Musa Danjuma, said …", "Zamfara's governor, Sani Aliyu Maru, ordered …": a role, then the name.
  const appositive = [...before.matchAll(APPOSITIVE_NAME)].map((m) => ({ at: m.index, name: m[1]!.replace(TITLES, '') }));
  const last = [...spoke, ...introduced, ...saidBy, ...appositive].filter((c) => isName(c.name)).sort((a, b) => a.at - b.at).pop();
  return last ? { speaker: last.name, role: null } : fallback;
}

interface Segment { readonly start: number; readonly end: number; readonly inner: string; readonly open: boolean }

// “…” / "…" / ‘…’ (an apostrophe inside a word, "Let’s", does not close a single quote); a
// double quote still open at the end of the paragraph runs to its end.
const SEGMENT = /“([^“”]*)”|"([^"\n]*)"|(?<=^|[\s(—–])‘((?:[^‘’]|’(?=\p{L}))*)’(?!\p{L})|[“"]([^“”"]*)$/gu;

function segments(paragraph: string): Segment[] {
  const out: Segment[] = [];
  SEGMENT.lastIndex = 0;
  for (let m = SEGMENT.exec(paragraph); m; m = SEGMENT.exec(paragraph)) {
    const inner = (m[1] ?? m[2] ?? m[3] ?? m[4] ?? '').trim();
    out.push({ start: m.index, end: m.index + m[0].length, inner, open: m[4] !== undefined });
  }
  return out;
}

interface Carry { value: string | null; role: string | null; open: boolean; previousParagraph: string }

/** Quotes of one paragraph; `carry` holds the last speaker and whether their quote is still open. */
function quotesOfParagraph(paragraph: string, carry: Carry): Quote[] {
  const out: Quote[] = [];
  const segs = segments(paragraph);
  let previous: Speaker | null = null;
  for (let i = 0; i < segs.length; i++) {
    const seg = segs[i]!;
    // Scare quotes and titles ("‘more than 500’", "“even wars have laws”") are not statements.
    if (seg.inner.split(/\s+/).length < 4) continue;
    const next = segs[i + 1];
    const after = paragraph.slice(seg.end, next ? next.start : paragraph.length);
    const before = paragraph.slice(i > 0 ? segs[i - 1]!.end : 0, seg.start);
    let who = speakerAfter(after);
    if (!who.speaker) who = speakerBefore(before);
    if (!who.speaker && /^[\s,]*(?:he|she)\s+(?:said|says|added|told)/i.test(after)) {
      const context = `${carry.previousParagraph.slice(-600)}\n\n${paragraph.slice(Math.max(0, seg.start - 600), seg.start)}`;
      who = speakerFromPronoun(context, { speaker: carry.value, role: carry.role });
    }
    // “A,” X said. “B.” — B is X's too; so is a paragraph continuing a quote left open.
    if (!who.speaker && previous?.speaker) who = previous;
    if (!who.speaker && i === 0 && seg.start === 0 && carry.open) who = { speaker: carry.value, role: carry.role };
    // "Darlene Whitaker, 58, …": an age is not a role.
    if (who.role && /^\d+$/.test(who.role)) who = { speaker: who.speaker, role: null };
    if (who.speaker) { carry.value = who.speaker; carry.role = who.role; previous = who; }
    out.push({ text: seg.inner.replace(/[,]$/, '').trim(), speaker: who.speaker, role: who.role });
  }
  carry.open = segs.length > 0 && segs[segs.length - 1]!.open;
  carry.previousParagraph = paragraph;
  return out;
}

const FULL_NAME = new RegExp(`(?<![\\p{L}\\p{M}])\\p{Lu}[\\p{L}\\p{M}'’-]+(?:\\s+(?:(?:${PARTICLES})\\s+)?\\p{Lu}[\\p{L}\\p{M}'’-]+)+`, 'gu');

/** Surname → the first full name ending in it ("Whitcombe" → "Eleanor Whitcombe"), in one pass. */
function fullNames(text: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of text.matchAll(FULL_NAME)) {
    const words = m[0].split(/\s+/);
    const surname = words[words.length - 1]!;
    // "Interior Minister Rana Khan": the last two words are the name.
    const name = words.slice(-2).join(' ');
    if (!out.has(surname) && !NOT_A_NAME.test(words[words.length - 2]!) && !TITLES.test(`${words[words.length - 2]} `)) out.set(surname, name);
  }
  return out;
}

/** Quotes of the paragraphs; `text` is them joined by blank lines, when the caller has it already. */
export function findQuotes(paragraphs: readonly string[], text?: string): Quote[] {
  const carry: Carry = { value: null, role: null, open: false, previousParagraph: '' };
  const quotes = paragraphs.flatMap((p) => quotesOfParagraph(p, carry));
  if (!quotes.some((q) => q.speaker && !/\s/.test(q.speaker))) return quotes;
  const names = fullNames(text ?? paragraphs.join('\n\n'));
  return quotes.map((q) => (q.speaker && !/\s/.test(q.speaker) ? { ...q, speaker: names.get(q.speaker) ?? q.speaker } : q));
}
