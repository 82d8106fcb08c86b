import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readArticle } from '../../lambdas/intake';
import { repoRoot } from '../support/cli';
import { expectExactOffsets, readText } from './support';

const seedPath = resolve(repoRoot, 'examples/idlib-offensive-2019.txt');

describe('plain text (wire copy)', () => {
  const seed = readArticle(readFileSync(seedPath), { name: 'idlib-offensive-2019.txt' });

  it('takes the headline line as the title and keeps it out of the body', () => {
    expect(seed.title).toBe('Idlib: ‘more than 500 civilians killed’ since Russian-led assault began');
    expect(seed.paragraphs).not.toContain(seed.title);
  });

  it('keeps the (FILES) photo caption apart from the body', () => {
    expect(seed.captions).toHaveLength(1);
    expect(seed.captions[0]).toMatch(/^\(FILES\) In this file photo taken on May 20, 2019/);
    expect(seed.captions[0]).toMatch(/\/ AFP \/ OMAR HAJ KADOUR$/);
    expect(seed.text).not.toContain('three million people');
    expect(seed.text).not.toContain('AFP');
  });

  it('finds every body paragraph, standfirst first, in order', () => {
    expect(seed.paragraphs.length).toBeGreaterThanOrEqual(15);
    expect(seed.paragraphs[0]).toBe('Rights group says that two-month offensive has killed hundreds, including 130 children');
    expect(seed.paragraphs[1]).toMatch(/^At least 544 civilians have been killed/);
    expect(seed.paragraphs.at(-1)).toMatch(/said in a statement\.$/);
    expectExactOffsets(seed);
  });

  it('folds the double space inside the caption and records what it read', () => {
    expect(seed.captions[0]).toContain('Idlib province. Syria');
    expect(seed.format).toBe('txt');
    expect(seed.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(seed.published).toBeNull();
  });

  it('splits wire copy on single line breaks as well as blank lines', () => {
    const article = readText(
      'Quake shakes Lima, no damage reported\nLIMA, Jan 3 – A magnitude 5.8 earthquake shook Lima on Friday, the geophysics institute said.\nNo damage was reported.\n\nSchools stayed open.',
      { name: 'wire.txt' },
    );
    expect(article.title).toBe('Quake shakes Lima, no damage reported');
    expect(article.paragraphs).toEqual([
      'LIMA, Jan 3 – A magnitude 5.8 earthquake shook Lima on Friday, the geophysics institute said.',
      'No damage was reported.',
      'Schools stayed open.',
    ]);
  });

  it('re-joins hard-wrapped paragraphs instead of cutting sentences', () => {
    const article = readText(
      [
        'Rains cut road to the north',
        '',
        'Heavy rain washed away a 40-metre stretch of the main road north of the',
        'city on Sunday, cutting off about 12,000 people, the roads agency said in',
        'a statement.',
        '',
        'Repairs will take at least a week.',
      ].join('\r\n'),
      { name: 'wrapped.txt' },
    );
    expect(article.paragraphs).toEqual([
      'Heavy rain washed away a 40-metre stretch of the main road north of the city on Sunday, cutting off about 12,000 people, the roads agency said in a statement.',
      'Repairs will take at least a week.',
    ]);
  });

  it('does not take a sentence for a headline; the title then comes from the first sentence', () => {
    const article = readText(
      'The river rose by two metres overnight, officials said.\n\nMore rain is expected on Monday.',
      { name: 'nohead.txt' },
    );
    expect(article.paragraphs).toHaveLength(2);
    expect(article.title).toBe('The river rose by two metres overnight, officials said');
  });

  it('finds the headline below a leading photo caption', () => {
    const article = readText(
      '(FILES) Smoke rises over the port on March 3. / AFP / STRINGER\n\nBlast at port kills 9\n\nAn explosion at the port killed nine workers on Sunday, officials said.',
      { name: 'caption-first.txt' },
    );
    expect(article.title).toBe('Blast at port kills 9');
    expect(article.captions).toHaveLength(1);
    expect(article.paragraphs).toEqual(['An explosion at the port killed nine workers on Sunday, officials said.']);
  });

  it('takes a "By …" line as the byline, not as body', () => {
    const article = readText(
      'Drought hits maize harvest\n\nBy Grace Phiri and Tendai Moyo\n\nThe maize harvest will fall by a third this year, the farmers union said.',
      { name: 'byline.txt' },
    );
    expect(article.byline).toBe('Grace Phiri and Tendai Moyo');
    expect(article.paragraphs).toEqual(['The maize harvest will fall by a third this year, the farmers union said.']);
  });

  it('recognises other caption shapes and leaves ordinary sentences alone', () => {
    const article = readText(
      [
        'Fire guts market',
        'Photo: Traders look at the ruins of the market on Monday.',
        'A fire destroyed 300 stalls at the central market overnight, the fire service said.',
        'Firefighters work through the night. (AFP Photo)',
        'Rescuers search the rubble in Antakya on February 8, 2023. REUTERS/Umit Bektas',
        'The fire service said the cause was not yet known, according to AFP.',
      ].join('\n'),
      { name: 'captions.txt' },
    );
    expect(article.captions).toHaveLength(3);
    expect(article.paragraphs).toEqual([
      'A fire destroyed 300 stalls at the central market overnight, the fire service said.',
      'The fire service said the cause was not yet known, according to AFP.',
    ]);
  });
});
