/**
 * Who said it: "X said", "said X", "according to X", "X told Reuters", "X, which monitors …,
 * said". A sentence with no attribution of its own continues the previous sentence of the same
 * paragraph ("Another 2,117 people have been injured."); a pronoun ("it added") points back too.
 */
import { isTitleAlone, maskAbbreviationDots, unmaskDots, type Sentence } from './sentences';
import { letterPattern, patternFor } from '../core/letter-patterns';

// Verbs of saying first; "Zambia has recorded 97 deaths …, the health ministry said" names the ministry.
const SPEECH = 'said|says|say|told|tells|estimated|estimates|added|adds|announced|announces|warned|warns|confirmed|confirms|stated|states|declared|declares';
const RECORD = 'reported|reports|recorded|counted|documented|put\\s+the\\s+(?:death\\s+)?toll|puts\\s+the\\s+(?:death\\s+)?toll';
const VERBS = [new RegExp(`\\b(?:${SPEECH})\\b`, 'gi'), new RegExp(`\\b(?:${RECORD})\\b`, 'gi')];
const ACCORDING = /\baccording\s+to\s+(?:figures\s+(?:from|by)\s+|data\s+(?:from|by)\s+|a\s+statement\s+(?:from|by)\s+)?([^,.;:"“”]+?)(?=\s*(?:[,.;:"“”]|$|\s+(?:on|in|at|as|which|who)\s))/i;
// "the minister said" after "Environment Minister Lwazi Mabaso said": the minister named before.
// "it", "the agency", "the UN agency": words that point back to a source named before.
const PRONOUNS: ReadonlySet<string> = new Set(['it', 'he', 'she', 'they', 'we']);
const POINTING_NOUNS: ReadonlySet<string> = new Set([
  'group', 'agency', 'organisation', 'organization', 'ministry', 'monitor', 'statement', 'report', 'official', 'spokesman',
  'spokeswoman', 'spokesperson', 'body', 'network', 'office', 'charity', 'authority', 'authorities', 'un agency', 'minister',
  'governor', 'mayor', 'president', 'chairman', 'chairwoman', 'director', 'commissioner', 'secretary',
]);
const PRONOUN = {
  test(raw: string): boolean {
    const words = raw.trim().toLowerCase().replace(/\s+/g, ' ');
    return PRONOUNS.has(words) || (words.startsWith('the ') && POINTING_NOUNS.has(words.slice(4)));
  },
};
const MAX_WORDS = 9;
// A sentence that continues the one before: "Another 2,117 …", "Of them …", "The agency …".
const CONTINUATION = /^(?:Another|A\s+further|It|They|He|She|Of\s+(?:the|them|those)|Among\s+(?:them|the)|(?:Most|Some|Many)\s+of|In\s+addition|Also|Those)\b/;
const CONTINUING_NOUNS: ReadonlySet<string> = new Set(['group', 'agency', 'organisation', 'organization', 'ministry', 'monitor', 'report', 'toll', 'dead', 'injured', 'victims']);
const continuesBefore = (text: string): boolean => CONTINUATION.test(text) || (/^The\s/.test(text) && CONTINUING_NOUNS.has(text.slice(4).split(/[^A-Za-z]/)[0]!.toLowerCase()));
// Verbs of saying looked at per sentence; real sentences have one or two.
const MAX_TRIES = 12;

// Module-level: esbuild turns a `\p{…}` literal into a RegExp built where it is written (letters.ts).
const DATELINE_OPENING = letterPattern(String.raw`^\p{Lu}[\p{Lu}\p{M}'’. ]{1,40}[–—-]\s+`, 'u');

/** Strips "The", "US-based", "a spokesman for" so the source reads as a name. */
export function cleanSource(raw: string): string | null {
  const spaced = raw.replace(/\s*\([^()]*\)?/g, ' ').replace(/\s+/g, ' ').trim();
  // "TEHRAN – Iran's crisis management organisation": a dateline opens the story, not the name.
  let s = spaced.replace(patternFor(spaced, DATELINE_OPENING), '')
    .replace(/^(?:and|but|while|as|that|however|meanwhile)\s+/i, '')
    // "…, of which it said", "saying it", "where the ministry said": a relative clause's subject.
    .replace(/^(?:of\s+which|in\s+which|saying|adding|where|which|who|whom|whose|when)\s+/, '')
    .replace(/^(?:a\s+|the\s+)?(?:spokes(?:man|woman|person)|official|statement|report|director|head|chief)\s+(?:for|of|from)\s+/i, '')
    .replace(/^(?:the|a|an)\s+/i, '')
    .replace(/^[\w’'-]+-based\s+/i, '')
    .replace(/^(?:the|a|an)\s+/i, '')
    .replace(/[,;:]+$/, '').trim();
  if (!s || s.split(' ').length > MAX_WORDS || /^[^A-Za-z]*$/.test(s)) return null;
  // "firefighters battled dozens of wildfires and health officials": a clause, not a name.
  if (s.split(' ').some((w) => /^[a-z]+ed$/.test(w))) return null;
  if (/^(?:it|he|she|they|we|i|you|who|which|this|that|there)$/i.test(s)) return null;
  // "Dr", "Gen.": a title cut from its name is no source.
  if (isTitleAlone(s)) return null;
  s = s.replace(/\s+(?:on|in|late|early)\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)$/i, '');
  return s;
}

// "following reported air strikes": a participle after these is not a verb of saying; nor is a
// passive one ("4,210 cases have been confirmed"): what was confirmed is not who confirmed it.
const NOT_A_SUBJECT_END = /\b(?:following|after|of|by|in|on|at|the|a|an|with|from|to|and|or|than|as|for|widely|first|previously|officially|newly|been|being|be|is|are|was|were)\s*$/i;

function subjectBefore(text: string, verbAt: number): string | null {
  if (NOT_A_SUBJECT_END.test(text.slice(Math.max(0, verbAt - 20), verbAt))) return null;
  // A subject is short; the bound keeps a long run-on sentence linear.
  let before = text.slice(Math.max(0, verbAt - 300), verbAt).replace(/\s*\([^()]*\)/g, '');
  for (let i = 0; i < 3; i++) before = before.replace(/\s+(?:also|had|has|have|later|previously|earlier|on\s+\w+)\s*$/i, ' ');
  // "X, which monitors casualties …, said": skip the relative clause.
  const relative = /^(.*?[^,]),\s+(?:which|who)\s+[^]*,\s*$/.exec(before);
  if (relative) before = relative[1]!;
  // Start of the subject: after the last clause break.
  const cut = Math.max(before.lastIndexOf(','), before.lastIndexOf(';'), before.lastIndexOf(':'), before.lastIndexOf('”'), before.lastIndexOf('"'), before.lastIndexOf('('));
  const clause = before.slice(cut + 1).replace(/^\s*(?:that|and|but|as)\s+/i, '');
  const words = clause.trim().split(/\s+/);
  if (words.length > MAX_WORDS || words.length === 0) return null;
  return clause.trim() || null;
}

function subjectAfter(text: string, verbEnd: number): string | null {
  // Inverted: ", said the United Nations." / "said Civil Defence spokesman Ahmad Al Sheikho, adding"
  const m = /^\s+([^,.;:"“”\d]+?)(?:\s+(?:in\s+a\s+statement|on\s+\w+day))?\s*(?:[,.;:]|$)/i.exec(text.slice(verbEnd, verbEnd + 120));
  return m ? m[1]!.trim() || null : null;
}

export interface Attribution {
  readonly source: string | null;
  /** True when the sentence names its source itself (not inherited). */
  readonly own: boolean;
  /**
   * Where in the sentence the attributed words begin, when they are only its last clause
   * ("… recorded 49.5C on Sunday, and hospitals in Karachi said they treated 1,240"): figures
   * before it are not the source's. 0 (or absent) for the whole sentence.
   */
  readonly from?: number;
}

/** The source of a figure `at` characters into its sentence. */
export const sourceAt = (attribution: Attribution | undefined, at: number): string | null =>
  attribution && at >= (attribution.from ?? 0) ? attribution.source : null;

interface Found {
  readonly source: string | null;
  /** "it said", "the agency said": the sentence goes on with a source named before. */
  readonly pronoun: boolean;
  /** The noun of "the agency said" ("agency"), to find which earlier source it means. */
  readonly noun: string | null;
  readonly fallback: string | null;
  /** Offset where the attributed clause starts, 0 for the whole sentence. */
  readonly from: number;
}

/** The attribution of one sentence on its own, or null; `pronoun` when it says "it said". */
export function attributionIn(sentence: string): Found {
  // "said Dr. Marco Zelaya": read with the full stops of titles and initials masked.
  const found = attributionInMasked(maskAbbreviationDots(sentence));
  return {
    ...found,
    source: found.source === null ? null : unmaskDots(found.source),
    fallback: found.fallback === null ? null : unmaskDots(found.fallback),
  };
}

// "…, and hospitals in Karachi said they had treated …": a clause of its own, after a comma and a conjunction.
const CLAUSE_JOIN = /(?:[,;]\s*(?:and|but|while|whereas)|;)\s*$/;

/** Where the subject `raw` of a verb at `verbAt` starts, when it opens a clause of its own with words reported after the verb. */
function clauseStart(text: string, raw: string, verbAt: number, verbEnd: number): number {
  const at = text.lastIndexOf(raw.trim(), verbAt);
  if (at <= 0 || !CLAUSE_JOIN.test(text.slice(Math.max(0, at - 12), at))) return 0;
  return text.slice(verbEnd).trim().split(/\s+/).length >= 3 ? at : 0;
}

function attributionInMasked(text: string): Found {
  const according = ACCORDING.exec(text);
  if (according) return { source: cleanSource(according[1]!), pronoun: false, noun: null, fallback: null, from: 0 };
  let pronoun = false;
  let noun: string | null = null;
  // "The ministry said": the ministry named before, or else just "ministry".
  let fallback: string | null = null;
  for (const verb of VERBS) {
    verb.lastIndex = 0;
    let tries = 0;
    for (let m = verb.exec(text); m && tries < MAX_TRIES; m = verb.exec(text), tries++) {
      // An inverted attribution follows a quote or a comma: "…,” said X" / ", said X."
      const inverted = /[,”"]\s*$/.test(text.slice(Math.max(0, m.index - 3), m.index)) && !/^tol/i.test(m[0]);
      const after = inverted ? subjectAfter(text, m.index + m[0].length) : null;
      const fromAfter = after !== null && /^(?:[A-Z]|the\s)/.test(after);
      const raw = fromAfter ? after : subjectBefore(text, m.index);
      if (!raw) continue;
      if (PRONOUN.test(raw.trim())) {
        pronoun = true;
        noun ??= /^the\s+(?:un\s+)?(\w+)$/i.exec(raw.trim())?.[1]?.toLowerCase() ?? null;
        fallback ??= /^the\s/i.test(raw.trim()) ? cleanSource(raw) : null;
        continue;
      }
      const source = cleanSource(raw);
      if (source) return { source, pronoun: false, noun: null, fallback: null, from: fromAfter ? 0 : clauseStart(text, raw, m.index, m.index + m[0].length) };
    }
  }
  return { source: null, pronoun, noun, fallback, from: 0 };
}

/** One attribution per sentence, inheriting within a paragraph. */
export function attributeSentences(sentences: readonly Sentence[]): Attribution[] {
  const out: Attribution[] = [];
  let previous: { source: string | null; paragraph: number } = { source: null, paragraph: -1 };
  // Sources named so far, latest last: "the agency said" is the latest one that is an agency.
  const named: string[] = [];
  for (const sentence of sentences) {
    const found = attributionIn(sentence.text);
    if (found.source) {
      out.push({ source: found.source, own: true, ...(found.from > 0 ? { from: found.from } : {}) });
      previous = { source: found.source, paragraph: sentence.paragraph };
      named.push(found.source);
      continue;
    }
    // "Another 2,117 people have been injured." / "It added …": reported speech going on.
    const continues = found.pronoun || (previous.paragraph === sentence.paragraph && continuesBefore(sentence.text));
    const meant = found.noun ? named.findLast((s) => new RegExp(`\\b${found.noun}\\b`, 'i').test(s)) : undefined;
    const inherited = (continues ? meant ?? previous.source : null) ?? found.fallback;
    out.push({ source: inherited, own: false });
    // "…, the agency said. Another 15 people were pulled alive …": the agency goes on speaking.
    if (found.pronoun && inherited) previous = { source: inherited, paragraph: sentence.paragraph };
    else if (!found.pronoun && previous.paragraph !== sentence.paragraph) previous = { source: null, paragraph: sentence.paragraph };
  }
  return out;
}
