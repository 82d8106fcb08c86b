import { describe, expect, it } from 'vitest';
import { clip, compactNumber, figureAmount, formatAmount, formatDate, groupDigits, shortSource } from '../../lambdas/briefing/format';
import { buildBriefingModel, SAME_SENTENCE } from '../../lambdas/briefing/model';
import type { Figure } from '../../lambdas/extract/types';
import { loadExtraction } from '../render/fixtures';

const seed = loadExtraction('idlib-offensive-2019');
const figure = (over: Partial<Figure>): Figure => ({ ...seed.figures[0]!, ...over });

describe('formatting', () => {
  it('writes dates the way a sitrep does', () => {
    expect(formatDate('2019-06-29')).toBe('29 June 2019');
    expect(formatDate('2019-04-01')).toBe('1 April 2019');
    expect(formatDate('not a date')).toBe('not a date');
  });

  it('groups digits without the host locale', () => {
    expect(groupDigits(2117)).toBe('2,117');
    expect(groupDigits(1234567.891)).toBe('1,234,567.89');
    expect(groupDigits(-1200)).toBe('\u22121,200');
    expect(formatAmount(-40, null, '°C')).toBe('\u221240°C');
    expect(compactNumber(3_000_000)).toBe('3 million');
    expect(compactNumber(4_500_000_000)).toBe('4.5 billion');
    expect(compactNumber(300_000)).toBe('300,000');
    expect(compactNumber(1_234_567)).toBe('1,234,567');
  });

  it('writes amounts as a person does: currency before, unit after, compact scales (one formatter for cards, chart and table)', () => {
    expect(formatAmount(544, null, 'people')).toBe('544');
    expect(formatAmount(3e6, null, null)).toBe('3 million');
    expect(formatAmount(2.5e9, null, 'COP')).toBe('COP 2.5 billion');
    expect(formatAmount(4.5e9, null, 'USD')).toBe('$4.5 billion');
    expect(formatAmount(600_000, null, 'USD', { usDollar: true })).toBe('US$600,000');
    expect(formatAmount(1.5e9, 2e9, 'USD')).toBe('$1.5–2 billion');
    expect(formatAmount(140, null, 'mm')).toBe('140 mm');
    expect(formatAmount(8.4, null, 'm')).toBe('8.4 m');
    expect(formatAmount(49.5, null, '°C')).toBe('49.5°C');
    expect(formatAmount(45, 48, '°C')).toBe('45–48°C');
    expect(formatAmount(12, null, '%')).toBe('12%');
    expect(formatAmount(400, null, 't')).toBe('400 tonnes');
    expect(formatAmount(6.4, null, 'magnitude')).toBe('magnitude 6.4');
    expect(formatAmount(10, 20, null)).toBe('10–20');
    expect(figureAmount({ value: 140, max: null, unit: 'mm', qualifier: 'more_than' })).toBe('more than 140 mm');
  });

  it('shortens a source to the acronym only when the article uses it', () => {
    expect(shortSource('Syrian Network for Human Rights', 'chairman of SNHR')).toBe('SNHR');
    expect(shortSource('Syrian Network for Human Rights', 'no acronym here')).toBe('Syrian Network for Human Rights');
    expect(shortSource('Reuters', 'R')).toBe('Reuters');
    // Initials would give "UOCHA"; the article defines its own acronym in brackets.
    expect(shortSource('UN Office for the Coordination of Humanitarian Affairs',
      'According to the UN Office for the Coordination of Humanitarian Affairs (OCHA), 2.1 million')).toBe('OCHA');
  });

  it('clips long text at a word', () => {
    expect(clip('alpha beta gamma delta', 15)).toBe('alpha beta…');
    expect(clip('short', 12)).toBe('short');
  });
});

describe('the briefing model of the seed', () => {
  const model = buildBriefingModel(seed);

  it('leads with 4–8 key figure cards in rank order, with qualifier and source', () => {
    expect(model.cards.length).toBeGreaterThanOrEqual(4);
    expect(model.cards.length).toBeLessThanOrEqual(8);
    expect(model.cards[0]).toEqual({ value: '544', qualifier: 'at least', label: 'Civilians killed', note: '', source: 'SNHR' });
    expect(model.cards[1]!.value).toBe('2,117');
  });

  it('charts comparable counts of people, largest first, and describes them in the alt text', () => {
    expect(model.chart).not.toBeNull();
    const values = model.chart!.bars.map((b) => b.value);
    expect(values).toEqual([...values].sort((a, b) => b - a));
    expect(values).not.toContain(30); // facilities are not people
    expect(model.chart!.alt).toMatch(/Civilians killed, at least 544/);
  });

  it('dates the briefing from the article and says when it cannot', () => {
    expect(model.asOf).toBe('29 June 2019');
    expect(model.dated).toBe('As of 29 June 2019');
    const undated = buildBriefingModel({ ...seed, article: { ...seed.article, published: null } });
    expect(undated.asOf).toBeNull();
    expect(undated.dated).toBe('Undated report · latest date in the text: 28 June 2019');
    expect(buildBriefingModel({ ...seed, article: { ...seed.article, published: null }, timeline: [] }).dated).toBe('Date not stated');
  });

  it('orders the timeline and lists every figure with its sentence', () => {
    expect(model.timeline.map((t) => t.date)).toEqual(['26 April 2019', '28 June 2019']);
    expect(model.figures).toHaveLength(seed.figures.length);
    const atRisk = model.figures.filter((f) => f.what.includes('at risk'));
    expect(atRisk.map((f) => f.sentence)).toEqual([expect.stringMatching(/^The heads of 11/), SAME_SENTENCE]);
    expect(model.footer).toContain('sha256 415521cf3603');
  });

  it('tops a short list of key figures up to four cards and leaves out vague ones', () => {
    const few = seed.figures.map((f, i) => ({ ...f, key: i < 2, vague: i === 7 }));
    const m = buildBriefingModel({ ...seed, figures: few });
    expect(m.cards).toHaveLength(4);
    expect(m.cards.map((c) => c.label)).not.toContain('Killed in Mhambil');
  });

  it('draws no chart from a single count', () => {
    expect(buildBriefingModel({ ...seed, figures: seed.figures.slice(0, 1) }).chart).toBeNull();
  });
});
