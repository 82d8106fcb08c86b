/**
 * A pattern's long lists of words, left out where the text holds none of their words. chrono's
 * ordinal words ("(?:twenty seventh|twenty-seventh|…|first)", 451 characters) stand twice in its
 * "20 May" and "May 20" patterns, and V8 compiles a list in proportion to its length: the "20 May"
 * pattern took 6.8 of the 21.7 ms a cold briefing of the seed spent on the first run of its
 * patterns, 2 ms without the lists. Few sentences with a date spell a day as a word.
 *
 * On a text that holds none of a list's words, the list fails at every position, so the pattern
 * with `(?!)` (which matches nothing) in its place finds the same matches, groups and indices:
 * a list here is a group of plain words (letters, spaces, hyphens, escaped dots), so it has no
 * captures or look-arounds whose failure could differ. Whether the text holds a word is asked of
 * its lower case, by a few words every word of the list contains ("first" for "twenty-first"):
 * an ASCII letter of a pattern matches only its own two cases, with or without the `i` flag
 * (case-pairs.ts), and lower-casing keeps every ASCII letter in place. Lower-casing a character
 * beyond ASCII can add an ASCII letter ("İ" → "i̇"): that only makes a list count as present.
 */

/** A list this long or longer is worth leaving out: shorter ones compile in microseconds. */
export const MIN_LIST_CHARS = 300;

/** A group of two or more plain words: `(?:september|sept\.|…)`. */
const WORD_LIST = /\(\?:((?:[A-Za-z]+(?:[ -][A-Za-z]+)*(?:\\\.)?\|)+[A-Za-z]+(?:[ -][A-Za-z]+)*(?:\\\.)?)\)/g;

export interface WordList {
  /** The group as the pattern writes it. */
  readonly group: string;
  /** Lower-case words, one of which every word of the list contains. */
  readonly cover: readonly string[];
}

/** The fewest words (shortest first) such that every word contains one of them. */
function coverOf(words: readonly string[]): string[] {
  const cover: string[] = [];
  for (const word of [...words].sort((a, b) => a.length - b.length)) {
    if (!cover.some((c) => word.includes(c))) cover.push(word);
  }
  return cover;
}

/** Where the pattern opens a group: a `(` neither escaped nor inside a character class. */
function groupStarts(source: string): Set<number> {
  const starts = new Set<number>();
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === '\\') i++;
    else if (inClass) inClass = c !== ']';
    else if (c === '[') inClass = true;
    else if (c === '(') starts.add(i);
  }
  return starts;
}

/** Every index at which `part` stands in `source`. */
function indicesOf(source: string, part: string): number[] {
  const found: number[] = [];
  for (let at = source.indexOf(part); at >= 0; at = source.indexOf(part, at + 1)) found.push(at);
  return found;
}

/**
 * The pattern's lists of at least MIN_LIST_CHARS characters, each once; a list also written
 * where it is no group (escaped, or in a character class) is not one the rewrite may replace.
 */
export function longWordLists(source: string): WordList[] {
  const starts = groupStarts(source);
  const groups = new Set([...source.matchAll(WORD_LIST)].map((m) => m[0])
    .filter((group) => group.length >= MIN_LIST_CHARS && indicesOf(source, group).every((at) => starts.has(at))));
  return [...groups].map((group) => ({
    group,
    cover: coverOf(group.slice(3, -1).split('|').map((word) => word.replace(/\\\./g, '.').toLowerCase())),
  }));
}

/** True when the lower-cased text holds some word of the list. */
export const holdsListWord = (lowerText: string, list: WordList): boolean => list.cover.some((word) => lowerText.includes(word));

/** The pattern with each of `absent` lists replaced by `(?!)`. */
export function withoutLists(pattern: RegExp, absent: readonly WordList[]): RegExp {
  if (absent.length === 0) return pattern;
  let source = pattern.source;
  for (const list of absent) source = source.split(list.group).join('(?!)');
  return new RegExp(source, pattern.flags);
}

interface Variants {
  readonly lists: readonly WordList[];
  /** By the bit mask of the lists left out (0: none, the pattern whole), each made on first need. */
  readonly byAbsent: Map<number, RegExp>;
}

/**
 * Reads patterns for texts: each pattern with the long lists the text holds no word of left out,
 * then passed through `prepare` (case pairs); each variant is made once, on first need.
 */
export function patternsForText(prepare: (pattern: RegExp) => RegExp): (pattern: RegExp, text: string) => RegExp {
  const variants = new Map<RegExp, Variants>();
  // chrono's parsers ask in turn about the same text, and two of them hold the same list: the
  // text is lower-cased once, and each list looked for once, per text.
  let lastText = '';
  let lastLower: string | null = null;
  const holds = new Map<string, boolean>();
  const present = (list: WordList): boolean => {
    let found = holds.get(list.group);
    if (found === undefined) holds.set(list.group, (found = holdsListWord((lastLower ??= lastText.toLowerCase()), list)));
    return found;
  };
  return (pattern, text) => {
    let known = variants.get(pattern);
    // Only the variants read are made: building a RegExp parses it, and the whole "20 May"
    // pattern is costly to parse even where it is never run.
    if (!known) variants.set(pattern, (known = { lists: longWordLists(pattern.source), byAbsent: new Map() }));
    let mask = 0;
    if (known.lists.length > 0) {
      if (text !== lastText) {
        [lastText, lastLower] = [text, null];
        holds.clear();
      }
      known.lists.forEach((list, i) => {
        if (!present(list)) mask |= 1 << i;
      });
    }
    let variant = known.byAbsent.get(mask);
    if (!variant) {
      variant = prepare(withoutLists(pattern, known.lists.filter((_, i) => mask & (1 << i))));
      known.byAbsent.set(mask, variant);
    }
    return variant;
  };
}
