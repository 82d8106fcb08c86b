/**
 * Bundles written in ASCII alone. esbuild escapes every character beyond ASCII in strings and
 * names, but leaves regular-expression literals (`/[“”]/`) and tagged templates (`String.raw`)
 * as written, and a file with a single such character is read by V8 as UTF-16: twice the memory,
 * decoded and then scanned as two-byte text whenever a function not in the code cache is
 * compiled. The cold whole path on the seed takes 3% less time with the same bundle in ASCII
 * (31 interleaved runs each: 258.5 → 250.7 ms; callgrind about 20 M fewer instructions).
 *
 * Each character beyond ASCII is rewritten where acorn's parse of the file finds it: in a string,
 * a regular expression, a template without a tag or a name as `\uXXXX` (the same character
 * there); in a template tagged `String.raw` as `${"\uXXXX"}` (String.raw puts a substitution's
 * value where it stands, so the raw string is the same); in a comment as `\uXXXX` too. A template
 * with another tag would see different strings, so a file with one is left as it is. What
 * changes is only how a pattern's `source` spells the character (`\u2019` for "’"), which reads
 * the same in a pattern built from it. The 590 articles of the benchmarks and the tests' fixtures
 * get byte-identical JSON and PDFs from the command line built either way.
 */
import { parse, type Comment, type Token } from 'acorn';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const NON_ASCII = /[^\x00-\x7F]/;
/** Each UTF-16 unit as `\uXXXX`: a pair stands for its character in strings and patterns alike. */
const escapeUnits = (c: string): string => c.split('').map((unit) => `\\u${unit.charCodeAt(0).toString(16).padStart(4, '0')}`).join('');
/** A character beyond ASCII (a surrogate pair whole), with the backslashes before it. */
const ESCAPABLE = /(\\*)([\uD800-\uDBFF][\uDC00-\uDFFF]|[^\x00-\x7F])/g;

/**
 * The text of a string, pattern, template or name in ASCII. A backslash before the character
 * (`\’`, which stands for the character itself) is dropped with it. In a `String.raw` template the
 * character becomes a substitution of it, and there a backslash before it cannot be kept (it would
 * escape the substitution): null.
 */
function rewritten(text: string, rawTemplate: boolean): string | null {
  let refused = false;
  const out = text.replace(ESCAPABLE, (_, slashes: string, c: string) => {
    const odd = slashes.length % 2 === 1;
    if (!rawTemplate) return (odd ? slashes.slice(1) : slashes) + escapeUnits(c);
    refused ||= odd;
    return `${slashes}\${"${escapeUnits(c)}"}`;
  });
  return refused ? null : out;
}

interface Tagged {
  readonly start: number;
  readonly end: number;
  readonly stringRaw: boolean;
}

type Node = { readonly type: string; readonly start: number; readonly end: number } & Record<string, unknown>;

/** The templates with a tag, and whether that tag is `String.raw`. */
function taggedTemplates(root: Node): Tagged[] {
  const found: Tagged[] = [];
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) {
      for (const child of node) visit(child);
      return;
    }
    if (node === null || typeof node !== 'object' || typeof (node as Node).type !== 'string') return;
    const n = node as Node;
    if (n.type === 'TaggedTemplateExpression') {
      const tag = n.tag as Node;
      const stringRaw = tag.type === 'MemberExpression' && !tag.computed && (tag.object as Node).type === 'Identifier'
        && (tag.object as unknown as { name: string }).name === 'String' && (tag.property as unknown as { name: string }).name === 'raw';
      const quasi = n.quasi as Node;
      found.push({ start: quasi.start, end: quasi.end, stringRaw });
    }
    for (const [key, value] of Object.entries(n)) if (key !== 'type' && value !== null && typeof value === 'object') visit(value);
  };
  visit(root);
  return found;
}

/**
 * The same script in ASCII, or null when it cannot be written so (a template with a tag other
 * than `String.raw` holds a character beyond ASCII, or a name holds one outside the Basic
 * Multilingual Plane). Text already ASCII is returned as it is.
 */
export function asciiSource(code: string): string | null {
  if (!NON_ASCII.test(code)) return code;
  const tokens: Token[] = [];
  const comments: Comment[] = [];
  const root = parse(code, { ecmaVersion: 'latest', sourceType: 'script', allowReturnOutsideFunction: true, allowHashBang: true, onToken: tokens, onComment: comments }) as unknown as Node;
  const tagged = taggedTemplates(root);
  // Pieces of the file holding characters beyond ASCII, each with its rewrite; in file order.
  const pieces: Array<{ start: number; end: number; text: string }> = [];
  for (const piece of [...tokens, ...comments]) {
    const text = code.slice(piece.start, piece.end);
    if (!NON_ASCII.test(text)) continue;
    const label = 'type' in piece && typeof piece.type === 'object' ? piece.type.label : 'comment';
    // Only a template's own text is read through its tag (the innermost); a string or pattern inside a substitution is not.
    const tag = label === 'template' || label === 'invalidTemplate'
      ? tagged.filter((t) => piece.start >= t.start && piece.end <= t.end).sort((a, b) => b.start - a.start)[0]
      : undefined;
    if ((tag && !tag.stringRaw) || (label === 'name' && /[\uD800-\uDFFF]/.test(text))) return null;
    const ascii = rewritten(text, tag !== undefined);
    if (ascii === null) return null;
    pieces.push({ start: piece.start, end: piece.end, text: ascii });
  }
  pieces.sort((a, b) => a.start - b.start);
  let out = '';
  let at = 0;
  for (const piece of pieces) {
    out += code.slice(at, piece.start) + piece.text;
    at = piece.end;
  }
  out += code.slice(at);
  return NON_ASCII.test(out) ? null : out;
}

/**
 * Rewrites each `.cjs` file of `dir` in ASCII where it can be; returns the names of those that
 * keep characters beyond ASCII (they run as before, read as UTF-16).
 */
export function writeAsciiSources(dir: string): string[] {
  const kept: string[] = [];
  for (const name of readdirSync(dir).filter((f) => f.endsWith('.cjs')).sort()) {
    const file = join(dir, name);
    const code = readFileSync(file, 'utf8');
    const ascii = asciiSource(code);
    if (ascii === null) kept.push(name);
    else if (ascii !== code) writeFileSync(file, ascii);
  }
  return kept;
}
