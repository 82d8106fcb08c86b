/**
 * Every rule's examples and counter-examples, run through the whole extractor: an example must
 * be decided by its rule with its category; a counter-example must not be. The rule tables are
 * the data; this file only runs them.
 */
import { describe, expect, it } from 'vitest';
import { extractFigures } from '../../lambdas/extract';
import { MEANING_RULES } from '../../lambdas/extract/rules/meaning-rules';
import { NOT_FIGURE_RULES } from '../../lambdas/extract/negatives';
import type { Figure } from '../../lambdas/extract/types';
import { articleFromText } from './article';

const figuresOf = (sentence: string): Figure[] => [...extractFigures(articleFromText(`Title\n${sentence}`), { published: '2026-01-10' }).figures];
const withValue = (figures: readonly Figure[], value: number): Figure[] => figures.filter((f) => f.value === value && !f.derived);

describe('meaning rules', () => {
  const examples = MEANING_RULES.flatMap((rule) => rule.examples.map((e) => [rule.name, e.text, e.value, e.category] as const));
  it.each(examples)('%s decides: %s → %s %s', (name, text, value, category) => {
    const found = withValue(figuresOf(text), value);
    expect(found.map((f) => `${f.category} by ${f.rule}`), text).toContain(`${category} by ${name}`);
  });

  const counters = MEANING_RULES.flatMap((rule) => rule.counterExamples.map((e) => [rule.name, e.text, e.value, e.category] as const));
  it.each(counters)('%s does not decide: %s → %s as %s', (name, text, value, category) => {
    const found = withValue(figuresOf(text), value);
    expect(found.some((f) => f.rule === name && f.category === category), text).toBe(false);
  });

  it('have unique names, a reason and at least one example each', () => {
    const names = MEANING_RULES.map((r) => r.name);
    expect(new Set(names).size).toBe(names.length);
    for (const rule of MEANING_RULES) {
      expect(rule.doc.length, rule.name).toBeGreaterThan(20);
      expect(rule.examples.length, rule.name).toBeGreaterThan(0);
    }
  });
});

describe('not-figure rules', () => {
  const examples = NOT_FIGURE_RULES.flatMap((rule) => rule.examples.map((e) => [rule.name, e.text, e.value] as const));
  it.each(examples)('%s: %s → %s is no figure', (_name, text, value) => {
    expect(figuresOf(text).map((f) => f.value)).not.toContain(value);
  });

  const counters = NOT_FIGURE_RULES.flatMap((rule) => rule.counterExamples.map((e) => [rule.name, e.text, e.value] as const));
  it.each(counters)('%s: %s → %s is a figure', (_name, text, value) => {
    expect(figuresOf(text).map((f) => f.value)).toContain(value);
  });
});

describe('briefing extract --explain', () => {
  it('names the rule that decided each figure, with its reason', async () => {
    const { explainExtraction } = await import('../../lambdas/extract/explain');
    const x = extractFigures(articleFromText('Title\nFive alleged kidnappers were lynched by a mob. Gunmen shot dead a retired judge.'), { published: '2026-01-10' });
    const text = explainExtraction(x);
    expect(text).toContain('rule: subject-of-passive — The subject of a passive');
    expect(text).toContain('rule: single-victim — One person named');
    expect(text).toContain('(key #1');
    // Every rule name the extractor puts on a figure has a reason to show.
    const { ruleReason } = await import('../../lambdas/extract/explain');
    expect(x.figures.every((f) => ruleReason(f.rule!) !== null)).toBe(true);
  });
});
