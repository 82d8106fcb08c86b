import { describe, expect, it } from 'vitest';
import { extractFigures } from '../../lambdas/extract';
import type { Figure } from '../../lambdas/extract/types';
import { articleFromText } from './article';

const figuresOf = (body: string, published: string | null = '2019-06-29'): Figure[] =>
  [...extractFigures(articleFromText(`Title\n${body}`), { published }).figures];
const find = (figures: readonly Figure[], value: number): Figure => {
  const f = figures.find((x) => x.value === value);
  if (!f) throw new Error(`no figure ${value} in ${JSON.stringify(figures.map((x) => x.value))}`);
  return f;
};

// sentence, value, category, words the label/subject/place must hold
const CATEGORIES: readonly [string, number, string, string[]][] = [
  ['At least 544 civilians have been killed since April.', 544, 'killed', ['civilians']],
  ['The death toll rose to 120 on Monday.', 120, 'killed', []],
  ['Floods killed 46 people in the state.', 46, 'killed', []],
  ['Zambia has recorded 97 deaths since January.', 97, 'killed', ['deaths']],
  ['Rescuers recovered eight bodies from the sea.', 8, 'killed', ['bodies']],
  ['Nine people were killed and 61 injured when the jet overshot the runway.', 61, 'injured', ['injured']],
  ['The hospital was treating 47 people for burns.', 47, 'injured', []],
  ['At least 367 people were injured and 31 remain missing.', 31, 'missing', ['missing']],
  ['The United Nations said at least 300,000 people have been forced to leave their homes.', 300000, 'displaced', ['homes']],
  ['The drought has driven 212,000 people from their homes.', 212000, 'displaced', ['homes']],
  ['Some 1,12,079 people had taken shelter in 612 relief camps.', 112079, 'displaced', ['camp']],
  ['About 150,000 people were evacuated from coastal areas.', 150000, 'displaced', ['evacuated']],
  ['The floods have affected 2.4 million people.', 2400000, 'affected', []],
  ['The ministry listed 12,386 suspected cases in three provinces.', 12386, 'affected', ['suspected']],
  ['About 310,000 people in Haiti needed assistance.', 310000, 'affected', ['haiti']],
  ['Idlib stood on the brink, with 3 million civilian lives at risk.', 3000000, 'at_risk', ['civilian']],
  ['Police arrested 312 people during the protests.', 312, 'detained', []],
  ['The region is home to some three million people.', 3000000, 'population', []],
  ['More than 4,800 houses were destroyed.', 4800, 'facilities', ['houses', 'destroyed']],
  ['The storm dumped up to 500 mm of rain on the south.', 500, 'quantity', ['rain']],
  ['The budget sets aside £3.6 billion for the health service.', 3600000000, 'money', ['health']],
  ['Inflation, which stood at 3.8% in September, will fall.', 3.8, 'percentage', ['inflation']],
  ['The heads of 11 humanitarian organisations warned of disaster.', 11, 'other', ['organisations']],
];

describe('what a figure counts', () => {
  it.each(CATEGORIES)('%s', (sentence, value, category, words) => {
    const f = find(figuresOf(sentence), value);
    expect(f.category).toBe(category);
    const hay = [f.label, f.subject, f.place ?? ''].join(' ').toLowerCase();
    for (const w of words) expect(hay, `"${w}" in ${hay}`).toContain(w);
  });

  it('gives a subset the category of its whole', () => {
    const figures = figuresOf('The group said the 544 civilians killed in the attacks include 130 children.');
    expect(find(figures, 130)).toMatchObject({ category: 'killed', subject: 'children' });
    const risk = figuresOf('Idlib stood on the brink, with 3 million civilian lives at risk, including those of 1 million children.');
    expect(find(risk, 1000000)).toMatchObject({ category: 'at_risk', subject: 'children' });
    const dead = figuresOf('The ministry said in a statement that 19 of the dead were children.');
    expect(find(dead, 19)).toMatchObject({ category: 'killed', subject: 'children' });
  });
});

describe('who said it', () => {
  const SOURCES: readonly [string, number, string][] = [
    ['At least 544 civilians have been killed, rights groups and rescuers said on Saturday.', 544, 'rights groups and rescuers'],
    ['The United Nations said at least 300,000 people have fled.', 300000, 'United Nations'],
    ['Floods have killed 46 people, according to the Assam State Disaster Management Authority.', 46, 'Assam State Disaster Management Authority'],
    ['The Syrian Network for Human Rights, which monitors casualties, said 544 civilians were killed.', 544, 'Syrian Network for Human Rights'],
    ['At least 20 people were killed, said the civil defence.', 20, 'civil defence'],
  ];
  it.each(SOURCES)('%s', (sentence, value, source) => {
    expect(find(figuresOf(sentence), value).source).toBe(source);
  });

  it('carries the source to the next sentence of the paragraph', () => {
    const figures = figuresOf('The Syrian Network for Human Rights said 544 civilians were killed. Another 2,117 people have been injured.');
    expect(find(figures, 2117).source).toBe('Syrian Network for Human Rights');
  });

  it('does not carry it into another paragraph', () => {
    const figures = figuresOf('The agency said 544 civilians were killed.\nLater, 30 homes burned.');
    expect(find(figures, 30).source).toBeNull();
  });
});

describe('one quantity stated twice', () => {
  it('keeps the precise value and the other mention', () => {
    const figures = figuresOf('More than 2,000 people were injured in the attacks. The group said another 2,117 people have been injured.');
    const injured = figures.filter((f) => f.category === 'injured');
    expect(injured).toHaveLength(1);
    expect(injured[0]!.value).toBe(2117);
    expect(injured[0]!.mentions?.map((m) => m.text)).toEqual(['More than 2,000']);
  });

  it('keeps different tolls from different sources apart', () => {
    const figures = figuresOf('The ministry said 120 people were killed. The UN said 150 people were killed.');
    expect(figures.filter((f) => f.category === 'killed').map((f) => [f.value, f.source])).toEqual([[120, 'ministry'], [150, 'United Nations']]);
  });
});

describe('dates', () => {
  it('resolves relative days against the published date', () => {
    const x = extractFigures(articleFromText('T\nOn Friday, 15 people were killed in the village of Mhambil.\nRussian jets joined the army on April 26.'), { published: '2019-06-29' });
    expect(find(x.figures, 15)).toMatchObject({ date: '2019-06-28', place: 'Mhambil' });
    expect(x.timeline.map((t) => t.date)).toEqual(['2019-04-26', '2019-06-28']);
  });

  it('points weekdays forward for plans', () => {
    const x = extractFigures(articleFromText('T\nOrganisers have called for further marches on Tuesday.'), { published: '2025-06-02' });
    expect(x.timeline.map((t) => t.date)).toEqual(['2025-06-03']);
  });

  it('leaves relative days unresolved without a published date', () => {
    const x = extractFigures(articleFromText('T\nOn Friday, 15 people were killed.'), { published: null });
    expect(find(x.figures, 15).date).toBeNull();
    expect(x.timeline).toEqual([]);
  });
});
