import { describe, expect, it } from 'vitest';
import { extractFigures } from '../../lambdas/extract';
import { articleFromText } from './article';

// Each sentence holds a number that is not a figure; the figure it also holds must survive.
const NOT_FIGURES: readonly [string, number[], number | null][] = [
  ['The offensive began in 2019 and 15 people were killed.', [2019], 15],
  ['On April 26, 15 people were killed.', [26], 15],
  ['On 3 March, 15 people were killed.', [3], 15],
  ['The report dated 29/06/2019 said 15 people died.', [29, 6, 2019], 15],
  ['The strike hit at 10:30 am, killing 15 people.', [10, 30], 15],
  ['The strike came at 0800 GMT and killed 15 people.', [800], 15],
  ['A 12-year-old boy was among 15 people killed.', [12], 15],
  ['Fadel Ghany, 45, said 15 people were killed.', [45], 15],
  ['Jorge Muñoz, 52, said his mother, aged 81, was safe.', [52, 81], null],
  ['Covid-19 cases rose to 1,500.', [19], 1500],
  ['The G20 summit pledged $5bn.', [20], 5_000_000_000],
  ['Security Council Resolution 2401 demanded a ceasefire.', [2401], null],
  ['Traffic on Highway 7 was halted after 15 people were killed.', [7], 15],
  ['The Category 4 storm killed 15 people.', [4], 15],
  ['The charity ship Mare Libero 9, which was nearby, rescued 40 people.', [9], 40],
  ['Relatives can call the hotline on +44 20 7946 0958.', [44, 20, 7946, 958], null],
  ['Residents were asked to call 1-800-555-0143.', [1, 800, 555, 143], null],
  ['Call 01-4412345 for details.', [1, 4412345], null],
  ['Report cases to the toll-free hotline 909.', [909], null],
  ['The aid office at 221 Baker Street was closed.', [221], null],
  ['It was the 3rd attack on the market.', [3], null],
  ['The offensive has lasted two months and killed 15 people.', [2], 15],
  ['Fighting in the 1990s displaced thousands.', [1990], null],
  ['The 2019-20 budget raised £12 billion.', [2019, 20], 12_000_000_000],
  ['One of the hospitals was hit.', [1], null],
  ['Prices rose three times in a week.', [3], null],
  ['NAIROBI, June 2 – Police arrested 312 people.', [2], 312],
  ['Most of the 40 victims were aged between 18 and 25.', [18, 25], 40],
  ['Some 800,000 children under five are malnourished.', [5], 800000],
  ['A 500-bed hospital was hit, killing 12 people.', [500], 12],
  ['The 9/11 attacks killed 2,977 people.', [9, 11], 2977],
  ['Fighting resumed at 7:45 pm on Dec. 5, leaving 30 dead.', [7, 45, 5], 30],
  ['Voting on May 5-7 drew 61% of voters.', [5, 7], 61],
  ['Section 144 was imposed after 4 people were killed.', [144], 4],
  ['The 5th Infantry Division lost 20 soldiers.', [5], 20],
  // Age bounds in other shapes (invented for this table): under, between, aged a to b, were over.
  ['Doses went to 4,500 children under 15.', [15], 4500],
  ['The 73 abducted girls were between 12 and 17.', [12, 17], 73],
  ['A campaign for pupils aged 5 to 14 reached 61,000.', [5, 14], 61000],
  ['Most of the 38 dead were over 65 years old.', [65], 38],
  ['Patients younger than 2 made up 300 of the cases.', [2], 300],
  ['The R61 road was closed after 12 people died.', [61], 12],
];

describe('not figures', () => {
  it.each(NOT_FIGURES)('%s', (sentence, notFigures, figure) => {
    const x = extractFigures(articleFromText(`Title\n${sentence}`), { published: '2025-06-02' });
    const values = x.figures.map((f) => f.value);
    for (const n of notFigures) expect(values, `${n} is not a figure`).not.toContain(n);
    if (figure !== null) expect(values).toContain(figure);
  });

  it('reads "a magnitude-7 quake" as a magnitude', () => {
    const x = extractFigures(articleFromText('T\nA magnitude-7 quake struck the coast.'));
    expect(x.figures.map((f) => [f.value, f.unit])).toEqual([[7, 'magnitude']]);
  });

  it('keeps an ordinal that counts things hit so far', () => {
    const x = extractFigures(articleFromText('T\nThe strike made it the 30th facility to be bombed during the campaign.'));
    expect(x.figures.map((f) => [f.value, f.category])).toContainEqual([30, 'facilities']);
  });
});
