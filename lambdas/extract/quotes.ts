/**
 * Quotes with speaker and role: `“…,” said X, role of Y` / `“…,” X, role, told Reuters` /
 * `said in a statement` / `X said: “…”`. Curly and straight double quotes; a quote left open
 * at the end of a paragraph is dropped, never carried into the next one.
 */
import type { Quote } from './types';

const TITLES = /^(?:Dr\.?|Mr\.?|Mrs\.?|Ms\.?|Prof\.?|Professor|Gen\.?|General|Col\.?|Colonel|Lt\.?|Capt\.?|Captain|Maj\.?|Major|Sheikh|Sir|Dame|Rev\.?|President|Prime\s+Minister|Minister|Governor|Senator|Ambassador)\s+/;
const NAME_WORD = "(?:[A-Z][\\w'’.-]*|al|Al|el|El|bin|ibn|de|da|van|von|der|abu|Abu|Abdul|ul)";
// A person's name: two to five capitalised words (particles allowed inside).
const NAME = new RegExp(`(?:${NAME_WORD}\\s+){1,4}[A-Z][\\w'’-]+`);
const PRONOUN = /^(?:he|she|they|we|it)$/i;

interface Speaker { readonly speaker: string | null; readonly role: string | null }

const NONE: Speaker = { speaker: null, role: null };

function splitNameRole(phrase: string): Speaker {
  // "Idlib-based Civil Defence spokesman Ahmad Al Sheikho": the name is the trailing capitalised run.
  const words = phrase.trim().replace(/[,.;:]+$/, '').split(/\s+/);
  let i = words.length;
  while (i > 0 && new RegExp(`^${NAME_WORD}$`).test(words[i - 1]!)) i--;
  const nameWords = words.slice(i);
  const role = words.slice(0, i).join(' ').trim() || null;
  const name = nameWords.join(' ').replace(TITLES, '');
  if (nameWords.length === 0 || !NAME.test(name)) return { speaker: phrase.trim() || null, role: null };
  return { speaker: name, role };
}

/** "Fadel Abdul Ghany, chairman of SNHR, told Reuters" / "said Civil Defence spokesman Ahmad Al Sheikho, saying…" */
function speakerAfter(after: string): Speaker {
  const text = after.replace(/^[\s,]+/, '');
  const verbFirst = /^(said|says|added|adds|declared|warned|stated|explained|insisted|noted)\s+([^,.;]+?)(?:,\s*([^,.;]+?))?(?=[,.;]|$|\s+(?:in\s+a\s+statement|on\s|at\s|to\s))/.exec(text);
  if (verbFirst) {
    const who = verbFirst[2]!.trim();
    if (PRONOUN.test(who)) return NONE;
    const split = splitNameRole(who.replace(TITLES, ''));
    const trailingRole = verbFirst[3] && !/^(?:saying|adding|who|which|according)\b/i.test(verbFirst[3]) ? verbFirst[3].trim() : null;
    return { speaker: split.speaker, role: split.role ?? trailingRole };
  }
  // "Dr Khaula Sawah, vice president of the Union …, which provides aid …, said in a statement."
  const nameFirst = /^((?:[A-Z][\w'’.-]*\s+)*?[A-Z][\w'’-]+)(?:,\s*([^]+?))?,?\s+(?:said|says|told|added|declared|warned|wrote|stated)\b/.exec(text.slice(0, 300));
  if (nameFirst) {
    const name = nameFirst[1]!.replace(TITLES, '').trim();
    if (PRONOUN.test(name) || !NAME.test(name)) return NONE;
    const role = nameFirst[2] ? nameFirst[2].replace(/,\s*(?:which|who)\b[^]*$/, '').trim() : null;
    return { speaker: name, role: role || null };
  }
  return NONE;
}

/** "X said:" right before an opening quote, or "X said those arrested had been “…”" in the same sentence. */
function speakerBefore(before: string): Speaker {
  const sentence = before.slice(-300).split(/[.!?]["”’]?\s+(?=[A-Z“"])/).pop() ?? '';
  const m = /((?:[A-Z][\w'’.-]*\s+)*?[A-Z][\w'’-]+)(?:,\s*([^,]+?),?)?\s+(?:said|says|told\s+\w+|added|declared|warned|wrote)\b[^“”"]*$/.exec(sentence);
  if (!m) return NONE;
  const name = m[1]!.replace(TITLES, '').trim();
  if (PRONOUN.test(name) || !NAME.test(name)) return NONE;
  // "Interior ministry spokesman Daniel Kiprotich said": the words before the name are the role.
  const lead = sentence.slice(0, m.index).trim().split(/\s+/).slice(-5).join(' ');
  const role = m[2]?.trim() || (/\b(?:spokes(?:man|woman|person)|minister|director|chief|head|president|official|secretary|chairman|chairwoman|chair|governor|mayor|commissioner|coordinator|representative|economist|analyst|officer)$/i.test(lead) ? lead : null);
  return { speaker: name, role };
}

/** "she said" after a quote: the last person the paragraph had speaking ("Whitcombe told parliament …"). */
function speakerFromPronoun(before: string, fallback: Speaker): Speaker {
  const names = [...before.matchAll(/((?:[A-Z][\w'’-]+\s+){0,3}[A-Z][\w'’-]+)\s+(?:said|says|told|added|warned)\b/g)];
  const last = names.pop()?.[1];
  return last && !PRONOUN.test(last) ? { speaker: last.replace(TITLES, ''), role: null } : fallback;
}

interface Segment { readonly start: number; readonly end: number; readonly inner: string }

function segments(paragraph: string): Segment[] {
  const out: Segment[] = [];
  const re = /“([^“”]*)”|"([^"\n]*)"/g;
  for (let m = re.exec(paragraph); m; m = re.exec(paragraph)) {
    out.push({ start: m.index, end: m.index + m[0].length, inner: (m[1] ?? m[2] ?? '').trim() });
  }
  return out;
}

/** Quotes of one paragraph; `lastSpeaker` resolves "he said" to the person named before. */
function quotesOfParagraph(paragraph: string, lastSpeaker: { value: string | null; role: string | null }): Quote[] {
  const out: Quote[] = [];
  const segs = segments(paragraph);
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
      who = speakerFromPronoun(paragraph.slice(0, seg.start), { speaker: lastSpeaker.value, role: lastSpeaker.role });
    }
    // "Darlene Whitaker, 58, …": an age is not a role.
    if (who.role && /^\d+$/.test(who.role)) who = { speaker: who.speaker, role: null };
    if (who.speaker) { lastSpeaker.value = who.speaker; lastSpeaker.role = who.role; }
    const text = seg.inner.replace(/[,]$/, '').trim();
    out.push({ text, speaker: who.speaker, role: who.role });
  }
  return out;
}

/** "Whitcombe" → "Eleanor Whitcombe" when the article gave the full name somewhere. */
function fullName(text: string, speaker: string): string {
  if (/\s/.test(speaker)) return speaker;
  const escaped = speaker.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const m = new RegExp(`\\b((?:[A-Z][\\w'’-]+\\s+){1,2})${escaped}\\b`).exec(text);
  return m && !/^(?:The|A|An|In|On|Mr|Mrs|Ms|Dr|Minister|President)\s*$/.test(m[1]!.trim()) ? `${m[1]!.trim().replace(TITLES, '')} ${speaker}` : speaker;
}

export function findQuotes(paragraphs: readonly string[]): Quote[] {
  const last = { value: null as string | null, role: null as string | null };
  const text = paragraphs.join('\n\n');
  return paragraphs.flatMap((p) => quotesOfParagraph(p, last))
    .map((q) => (q.speaker ? { ...q, speaker: fullName(text, q.speaker) } : q));
}
