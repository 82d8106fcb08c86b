/**
 * The one XML parser pass: saxes turns markup into a plain DocNode tree, checking every element
 * and attribute against the vocabulary. Used twice: on the template itself with its mustaches
 * blanked (so errors carry the template's own line) and on the filled document.
 */
import { SaxesParser } from 'saxes';
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
const collapse = (text: string): string => text.replace(/[\t\n\r ]+/g, ' ');

/**
 * Parses `xml`; returns the root element or the first problem found. `wrapper` names an outer
 * element to accept without vocabulary checks (fragments such as partials are wrapped in one).
 */
export function parseXml(xml: string, wrapper?: string): DocNode | XmlProblem {
  const parser = new SaxesParser<{ xmlns: false; position: true }>({ xmlns: false, position: true });
  const stack: Building[] = [];
  let root: Building | null = null;
  let problem: XmlProblem | null = null;
  const fail = (reason: string): void => {
    problem ??= { line: parser.line, reason };
  };

  parser.on('error', (err) => fail(err.message.replace(/^[^:]*:\d+:\d+: /, '')));
  parser.on('doctype', () => fail('a DOCTYPE is not allowed in a template'));
  parser.on('opentag', (tag) => {
    const isWrapper = wrapper !== undefined && stack.length === 0 && tag.name === wrapper;
    if (!isWrapper) {
      if (!isElement(tag.name)) fail(`unknown element <${tag.name}>`);
      else {
        const allowed = ELEMENTS[tag.name] ?? [];
        for (const attr of Object.keys(tag.attributes)) {
          if (!allowed.includes(attr)) fail(`unknown attribute ${attr}= on <${tag.name}>`);
        }
      }
    }
    const node: Building = { name: tag.name, attrs: { ...tag.attributes }, children: [], line: parser.line };
    const parent = stack.at(-1);
    if (parent) parent.children.push(node);
    else root = node;
    stack.push(node);
  });
  const onText = (text: string): void => {
    const parent = stack.at(-1);
    if (!parent) {
      if (text.trim() !== '') fail('text outside the root element');
      return;
    }
    const last = parent.children.at(-1);
    if (typeof last === 'string') parent.children[parent.children.length - 1] = last + collapse(text);
    else parent.children.push(collapse(text));
  };
  parser.on('text', onText);
  parser.on('cdata', onText);
  parser.on('closetag', () => {
    stack.pop();
  });

  try {
    parser.write(xml).close();
  } catch (error) {
    fail(error instanceof Error ? error.message : String(error));
  }
  if (problem) return problem;
  if (!root) return { line: 1, reason: 'the template produced no root element' };
  return root;
}

export const isProblem = (value: DocNode | XmlProblem): value is XmlProblem => 'reason' in value;
