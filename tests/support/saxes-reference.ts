/**
 * The template parser as it was, over saxes (a general XML parser, now a dev dependency): the
 * reference lambdas/template/xml.ts is compared with in tests/template/xml.test.ts.
 */
import { SaxesParser } from 'saxes';
import type { XmlProblem } from '../../lambdas/template/xml';
import type { DocChild, DocNode } from '../../lambdas/template/types';
import { ELEMENTS, isElement } from '../../lambdas/template/vocabulary';

interface Building {
  name: string;
  attrs: Record<string, string>;
  children: DocChild[];
  line: number;
}

/** Whitespace in text is layout-insignificant, as in HTML: runs collapse to one space. */
const collapse = (text: string): string => text.replace(/[\t\n\r ]+/g, ' ');

export function parseWithSaxes(xml: string, wrapper?: string): DocNode | XmlProblem {
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

