import { describe, expect, it } from 'vitest';
import { BriefingError } from '../../lambdas/core/errors';
import { fillTemplate } from '../../lambdas/template/fill';
import { bundledTemplates } from '../../lambdas/template/load';
import { stripIllegalChars } from '../../lambdas/template/sanitize';
import type { DocChild, DocNode } from '../../lambdas/template/types';

const fill = (source: string, model: unknown = {}, name = 'mine.hbs'): DocNode =>
  fillTemplate({ name, source }, bundledTemplates().partials, model);

function failure(source: string): BriefingError {
  try {
    fill(source);
  } catch (error) {
    if (error instanceof BriefingError) return error;
    throw error;
  }
  throw new Error('the template was accepted');
}

const names = (n: DocNode): string[] => [n.name, ...n.children.flatMap((c: DocChild) => (typeof c === 'string' ? [] : names(c)))];
const text = (n: DocNode): string => n.children.map((c) => (typeof c === 'string' ? c : text(c))).join('');

describe('filling a template', () => {
  it('turns values with markup into text, never into elements', () => {
    const hostile = '<heading>x</heading> ]]> {{constructor}} &amp; </paragraph><card value="9"/>';
    const tree = fill('<document title="{{t}}"><paragraph>{{t}}</paragraph><panel>{{> card}}</panel></document>', {
      t: hostile, value: hostile, label: '"/><card value="1"/>',
    });
    expect(names(tree)).toEqual(['document', 'paragraph', 'panel', 'card']);
    expect(tree.attrs.title).toBe(hostile);
    expect(text(tree).trim()).toBe(hostile);
    const card = (tree.children.find((c) => typeof c !== 'string' && c.name === 'panel') as DocNode).children.find((c) => typeof c !== 'string') as DocNode;
    expect(card.attrs.value).toBe(hostile);
    expect(card.attrs.label).toBe('"/><card value="1"/>');
  });

  it('does not evaluate template syntax found in values, nor reach prototypes', () => {
    const tree = fill('<document><paragraph>{{a}} {{constructor}} {{a.constructor}}</paragraph></document>', { a: '{{b}}', b: 'evaluated' });
    expect(text(tree).trim()).toBe('{{b}}');
  });

  it('drops XML-illegal characters from values', () => {
    const tree = fill('<document><paragraph>{{a}}</paragraph></document>', { a: 'a\u0000b\u0007c\u001bd\ud800e\u0085f\ttab' });
    expect(text(tree)).toBe('abcdef tab');
    expect(stripIllegalChars('emoji 😀 stays')).toBe('emoji 😀 stays');
  });

  it('collapses whitespace in text', () => {
    expect(text(fill('<document><paragraph>\n  one\n   two  </paragraph></document>'))).toBe(' one two ');
  });
});

describe('template errors name the line', () => {
  it('bad Handlebars', () => {
    const e = failure('<document>\n<paragraph>\n{{#if x}}\n</paragraph>\n</document>');
    expect(e.stage).toBe('template');
    expect(e.context).toMatchObject({ file: 'mine.hbs' });
    expect(e.message).toMatch(/^line \d+: Handlebars syntax/);
  });

  it('bad XML, at its own line in the template', () => {
    const e = failure('<document>\n<paragraph>ok</paragraph>\n<paragraph>{{x}}\n</document>');
    expect(e.message).toMatch(/^line 4: /);
  });

  it('an unknown element or attribute', () => {
    expect(failure('<document>\n\n<blink>{{x}}</blink>\n</document>').message).toBe('line 3: unknown element <blink>');
    expect(failure('<document>\n<card value="1" onclick="x"/>\n</document>').message).toBe('line 2: unknown attribute onclick= on <card>');
  });

  it('unescaped output, which would let an article inject markup', () => {
    expect(failure('<document>\n\n<paragraph>{{{raw}}}</paragraph></document>').message).toMatch(/^line 3: unescaped output/);
    expect(failure('<document><paragraph>{{& raw}}</paragraph></document>').message).toMatch(/^line 1: unescaped output/);
  });

  it('a root other than <document>', () => {
    expect(failure('<paragraph>x</paragraph>').message).toMatch(/root element must be <document>/);
  });

  it('a DOCTYPE (no entity tricks)', () => {
    expect(failure('<!DOCTYPE document [<!ENTITY x "y">]>\n<document/>').message).toMatch(/doctype/i);
  });

  it('accepts the bundled template', () => {
    const t = bundledTemplates();
    expect(fillTemplate(t.main, t.partials, { cards: [], highlights: [] }).name).toBe('document');
  });
});
