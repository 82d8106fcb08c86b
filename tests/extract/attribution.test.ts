/** Who a figure is credited to (sentences written for this test). */
import { describe, expect, it } from 'vitest';
import { extractFigures } from '../../lambdas/extract';
import { articleFromText } from './article';

const sourceOf = (body: string, value: number): string | null | undefined =>
  extractFigures(articleFromText(`T\n${body}`), { published: '2024-05-26' }).figures.find((f) => f.value === value)?.source;

describe('attribution', () => {
  it('credits only the clause a source speaks in', () => {
    const body = 'The province recorded a temperature of 49.5C on Sunday, and hospitals in Karachi said they had treated more than 1,240 people for heatstroke.';
    expect(sourceOf(body, 49.5)).toBeNull();
    expect(sourceOf(body, 1240)).toBe('hospitals in Karachi');
  });

  it('keeps a whole-sentence attribution at its end for every figure', () => {
    expect(sourceOf('At least 23 people were killed and 31 are missing, the disaster unit said.', 23)).toBe('disaster unit');
  });

  it('reads a name with a titled full stop through ("said Dr. Marco Zelaya")', () => {
    expect(sourceOf('“Our ward is at 140 percent of capacity,” said Dr. Marco Zelaya, the head of infectious diseases.', 140)).toBe('Dr. Marco Zelaya');
  });

  it('leaves the dateline a story opens with out of its first source', () => {
    expect(sourceOf("TEHRAN – Iran's crisis management organisation said 300 people were killed.", 300)).toBe("Iran's crisis management organisation");
    expect(sourceOf('NEW DELHI (Reuters) - The health ministry said 40 people died.', 40)).toBe('health ministry');
  });

  it('does not take what a passive verb says was confirmed for its source', () => {
    expect(sourceOf('Of those, 4,210 cases have been confirmed in laboratories.', 4210)).toBeNull();
  });

  it('gives "the agency said" to the agency named before, not to the person quoted last', () => {
    const body = [
      'At least 38 people were killed, the country’s disaster management agency said on Thursday.',
      '“Entire neighbourhoods are under water,” said Luísa Meque, the head of the agency.',
      'The agency said 12,300 houses had been destroyed.',
    ].join('\n');
    expect(sourceOf(body, 12300)).toBe('country’s disaster management agency');
  });
});
