/**
 * The one XML parser pass: markup into a plain DocNode tree, every element and attribute checked
 * against the vocabulary. Used twice: on the template itself with its mustaches blanked (so errors
 * carry the template's own line) and on the filled document, once per layout of a briefing.
 *
 * Written for what templates are, well-formed XML 1.0 without a DOCTYPE, rather than taken from a
 * general parser: saxes, used before, checked every character against XML's name and character
 * classes through its event machinery and cost a warm briefing about 1 ms a parse (2.6 parses a
 * briefing) and a cold one its loading and first run. What it accepted and refused, this accepts
 * and refuses, with one exception: an unpaired surrogate, which XML does not allow and saxes let
 * through in text (values never hold one: sanitize.ts). tests/template/xml.test.ts compares the
 * two on every fixture and on broken markup, problems at the line saxes gave for them. It reads
 * elements, attributes in quotes, text, the five predefined entities and character references,
 * CDATA, comments, processing instructions, the XML declaration; a DOCTYPE, an undefined entity,
 * a character XML does not allow, a tag left open or closed out of turn are problems. Every scan
 * moves forward (the next newline and the next "]]>" are found once), so time grows with the size.
 */
import type { DocChild, DocNode } from './types';
import { ELEMENTS, isElement } from './vocabulary';

export interface XmlProblem {
  readonly line: number;
  readonly reason: string;
}

interface Building {
  name: string;
  attrs: Record<string, string>;
  children: DocChild[];
  line: number;
}

/** Whitespace in text is layout-insignificant, as in HTML: runs collapse to one space. */
const collapse = (text: string): string => (COLLAPSIBLE.test(text) ? text.replace(/[\t\n\r ]+/g, ' ') : text);
/** What collapsing would change: most texts of a filled template have single spaces only, and are kept as they are. */
const COLLAPSIBLE = /[\t\n\r]| {2}/;

/** Characters XML 1.0 does not allow anywhere: C0 controls but tab and newlines, U+FFFE/U+FFFF, unpaired surrogates. */
const DISALLOWED = /[\x00-\x08\x0B\x0C\x0E-\x1F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
/** Every character DISALLOWED might match, surrogates paired or not: one class, scanned far faster than its lookarounds. */
const MAYBE_DISALLOWED = /[\x00-\x08\x0B\x0C\x0E-\x1F\uD800-\uDFFF\uFFFE\uFFFF]/;
/** A name: a letter, `_` or `:` (or any character beyond ASCII) first, then those, digits, `-` and `.`. */
const NAME = /[A-Za-z_:\u00C0-\uFFFF][\w:.\-\u00B7\u00C0-\uFFFF]*/y;
const SPACE = /[ \t\n]*/y;
const REFERENCE = /&(?:(lt|gt|amp|quot|apos)|#([0-9]+)|#x([0-9A-Fa-f]+));/y;
/** `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>`, as XML 1.0 allows it. */
const DECLARATION = /^<\?xml[ \t\n]+version[ \t\n]*=[ \t\n]*(["'])1\.[0-9]+\1(?:[ \t\n]+encoding[ \t\n]*=[ \t\n]*(["'])[A-Za-z][\w.-]*\2)?(?:[ \t\n]+standalone[ \t\n]*=[ \t\n]*(["'])(?:yes|no)\3)?[ \t\n]*\?>$/;
const PREDEFINED: Readonly<Record<string, string>> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

class Refused extends Error {
  constructor(readonly at: number, reason: string) {
    super(reason);
  }
}

/** A code point a character reference may name (XML 1.0's Char production). */
const isXmlChar = (code: number): boolean =>
  code === 0x9 || code === 0xa || code === 0xd || (code >= 0x20 && code <= 0xd7ff) || (code >= 0xe000 && code <= 0xfffd) || (code >= 0x10000 && code <= 0x10ffff);

/** `raw` (text, or an attribute's value, found at `offset`) with its references replaced. */
function decode(raw: string, offset: number): string {
  let out = '';
  let at = 0;
  for (let amp = raw.indexOf('&'); amp >= 0; amp = raw.indexOf('&', at)) {
    out += raw.slice(at, amp);
    REFERENCE.lastIndex = amp;
    const ref = REFERENCE.exec(raw);
    if (!ref) throw new Refused(offset + amp, 'undefined entity or a bare "&" (write &amp;)');
    if (ref[1]) out += PREDEFINED[ref[1]];
    else {
      const code = parseInt(ref[2] ?? ref[3]!, ref[2] ? 10 : 16);
      if (!isXmlChar(code)) throw new Refused(offset + amp, `character reference ${ref[0]} names a character XML does not allow`);
      out += String.fromCodePoint(code);
    }
    at = amp + ref[0].length;
  }
  return at === 0 ? raw : out + raw.slice(at);
}

/**
 * Parses `xml`; returns the root element or the first problem found. `wrapper` names an outer
 * element to accept without vocabulary checks (fragments such as partials are wrapped in one).
 */
export function parseXml(source: string, wrapper?: string): DocNode | XmlProblem {
  // XML's end-of-line handling: CR LF and a lone CR read as LF.
  const xml = source.includes('\r') ? source.replace(/\r\n?/g, '\n') : source;
  // A byte-order mark may lead the document.
  const start = xml.charCodeAt(0) === 0xfeff ? 1 : 0;
  const stack: Building[] = [];
  let root: Building | null = null;
  let rootClosed = false;
  // Lines are counted forward only, as the scan goes: each newline is found once.
  let line = 1;
  let nextNewline = xml.indexOf('\n');
  const lineAt = (at: number): number => {
    while (nextNewline >= 0 && nextNewline < at) {
      line++;
      nextNewline = xml.indexOf('\n', nextNewline + 1);
    }
    return line;
  };
  // The next "]]>" at or after the text being read, found once for all the runs before it.
  let nextCdataEnd = -1;
  const cdataEndFrom = (from: number): number => {
    if (nextCdataEnd !== Infinity && nextCdataEnd < from) {
      const found = xml.indexOf(']]>', from);
      nextCdataEnd = found < 0 ? Infinity : found;
    }
    return nextCdataEnd;
  };
  const expect = (at: number, what: string): never => {
    throw new Refused(at, at >= xml.length ? `the document ends inside ${what}` : `unexpected "${xml[at]}" in ${what}`);
  };

  const text = (from: number, to: number, raw: boolean): void => {
    // An empty CDATA section is an (empty) text node, as saxes reported it; empty text is nothing.
    if (from >= to && !raw) return;
    if (!raw) {
      const end = cdataEndFrom(from);
      if (end < to) throw new Refused(end, 'the string "]]>" is not allowed in text');
    }
    const value = raw ? xml.slice(from, to) : decode(xml.slice(from, to), from);
    const parent = stack.at(-1);
    if (!parent) {
      // XML's whitespace only: space, tab and newline (CRs are gone); U+3000 is text.
      if (/[^ \t\n]/.test(xml.slice(from, to))) throw new Refused(to - 1, 'text outside the root element');
      return;
    }
    const last = parent.children.at(-1);
    if (typeof last === 'string') parent.children[parent.children.length - 1] = last + collapse(value);
    else parent.children.push(collapse(value));
  };

  const nameAt = (at: number, what: string): string => {
    NAME.lastIndex = at;
    return NAME.exec(xml)?.[0] ?? expect(at, what);
  };
  const spaceAt = (at: number): number => {
    SPACE.lastIndex = at;
    SPACE.exec(xml);
    return SPACE.lastIndex;
  };

  /** An element's start tag at `lt`; returns where it ends. */
  const openTag = (lt: number): number => {
    const name = nameAt(lt + 1, 'a start tag');
    const attrs: Array<[string, string]> = [];
    let twice: string | undefined;
    let at = lt + 1 + name.length;
    for (;;) {
      const spaced = spaceAt(at);
      const c = xml[spaced];
      if (c === '>' || (c === '/' && xml[spaced + 1] === '>')) {
        at = spaced;
        break;
      }
      if (spaced === at) expect(at, `the start tag <${name}>`);
      const attr = nameAt(spaced, `the start tag <${name}>`);
      at = spaceAt(spaced + attr.length);
      if (xml[at] !== '=') expect(at, `attribute ${attr}=`);
      at = spaceAt(at + 1);
      const quote = xml[at];
      if (quote !== '"' && quote !== "'") expect(at, `attribute ${attr}= (its value goes in quotes)`);
      const close = xml.indexOf(quote, at + 1);
      if (close < 0) expect(xml.length, `attribute ${attr}=`);
      const written = xml.slice(at + 1, close);
      const lessThan = written.indexOf('<');
      if (lessThan >= 0) throw new Refused(at + 1 + lessThan, `"<" in the value of ${attr}= (write &lt;)`);
      // An element has a few attributes: looked through, not hashed.
      if (attrs.some(([seen]) => seen === attr)) twice ??= attr;
      // Attribute-value normalisation: each whitespace character written in the value reads as a
      // space (one written as a character reference stays what it is).
      attrs.push([attr, decode(written.replace(/[\t\n]/g, ' '), at + 1)]);
      at = close + 1;
    }
    const selfClosing = xml[at] === '/';
    const end = at + (selfClosing ? 2 : 1);
    // What is wrong with the tag as a whole is reported where it ends, as saxes reported it.
    if (rootClosed) throw new Refused(end - 1, 'a document has only one root element');
    if (twice !== undefined) throw new Refused(end - 1, `attribute ${twice}= twice on <${name}>`);
    const isWrapper = wrapper !== undefined && stack.length === 0 && name === wrapper;
    if (!isWrapper) {
      if (!isElement(name)) throw new Refused(end - 1, `unknown element <${name}>`);
      const allowed = ELEMENTS[name] ?? [];
      for (const [attr] of attrs) if (!allowed.includes(attr)) throw new Refused(end - 1, `unknown attribute ${attr}= on <${name}>`);
    }
    // Own keys whatever their names (an attribute named __proto__ included), as saxes gave them.
    const node: Building = { name, attrs: Object.fromEntries(attrs), children: [], line: lineAt(end - 1) };
    const parent = stack.at(-1);
    if (parent) parent.children.push(node);
    else root = node;
    if (selfClosing) rootClosed ||= stack.length === 0;
    else stack.push(node);
    return end;
  };

  const closeTag = (lt: number): number => {
    const name = nameAt(lt + 2, 'an end tag');
    const gt = spaceAt(lt + 2 + name.length);
    if (xml[gt] !== '>') expect(gt, `the end tag </${name}>`);
    const open = stack.pop();
    if (!open) throw new Refused(gt, `end tag </${name}> with no element open`);
    if (open.name !== name) throw new Refused(gt, `end tag </${name}> where </${open.name}> was due`);
    rootClosed = stack.length === 0;
    return gt + 1;
  };

  /** What follows `<!` or `<?`: a comment, CDATA, a processing instruction; a DOCTYPE is refused. */
  const markup = (lt: number): number => {
    const until = (end: string, from: number, what: string): number => {
      const at = xml.indexOf(end, from);
      return at < 0 ? expect(xml.length, what) : at;
    };
    if (xml.startsWith('<!--', lt)) {
      const end = until('-->', lt + 4, 'a comment');
      const dashes = xml.indexOf('--', lt + 4);
      if (dashes < end || (end > lt + 4 && xml[end - 1] === '-')) throw new Refused(Math.min(dashes, end - 1), '"--" inside a comment');
      return end + 3;
    }
    if (xml.startsWith('<![CDATA[', lt)) {
      const end = until(']]>', lt + 9, 'a CDATA section');
      if (stack.length === 0) throw new Refused(lt, 'CDATA outside the root element');
      text(lt + 9, end, true);
      return end + 3;
    }
    if (xml.startsWith('<!DOCTYPE', lt)) throw new Refused(lt, 'a DOCTYPE is not allowed in a template');
    if (xml[lt + 1] === '?') {
      const target = nameAt(lt + 2, 'a processing instruction');
      const after = lt + 2 + target.length;
      if (!xml.startsWith('?>', after) && !/[ \t\n]/.test(xml[after] ?? '')) expect(after, `the processing instruction <?${target}`);
      if (target.toLowerCase() === 'xml') {
        if (target !== 'xml' || lt !== start) throw new Refused(lt, 'the XML declaration may stand only at the very start, written <?xml');
        if (!DECLARATION.test(xml.slice(lt, until('?>', after, 'the XML declaration') + 2))) {
          throw new Refused(after, 'the XML declaration must give version="1.x", and may give an encoding and standalone="yes" or "no"');
        }
      }
      return until('?>', after, 'a processing instruction') + 2;
    }
    return expect(lt + 1, 'markup');
  };

  try {
    const bad = MAYBE_DISALLOWED.test(xml) ? DISALLOWED.exec(xml) : null;
    if (bad) throw new Refused(bad.index, 'a character XML does not allow');
    let at = start;
    while (at < xml.length) {
      const lt = xml.indexOf('<', at);
      text(at, lt < 0 ? xml.length : lt, false);
      if (lt < 0) break;
      const next = xml[lt + 1];
      at = next === '/' ? closeTag(lt) : next === '!' || next === '?' ? markup(lt) : openTag(lt);
    }
    const open = stack.at(-1);
    if (open) throw new Refused(xml.length, `<${open.name}> (line ${open.line}) is never closed`);
  } catch (error) {
    if (error instanceof Refused) return { line: lineAt(error.at), reason: error.message };
    throw error;
  }
  if (!root) return { line: lineAt(xml.length), reason: 'the template produced no root element' };
  return root;
}

export const isProblem = (value: DocNode | XmlProblem): value is XmlProblem => 'reason' in value;
