/** How an article is dated: tense, the day it speaks from, years it leaves out, bylines and datelines (sentences written for this test). */
import { describe, expect, it } from 'vitest';
import { extractFigures } from '../../lambdas/extract';
import { articleFromText } from './article';
import { extractionErrors } from '../../schema/validate';
import * as chrono from 'chrono-node';
import { DAY_FIXING_UNITS, LONGER_UNITS, NO_DAY_READINGS, patternOf, readsDaysAgo } from '../../lambdas/extract/dates';

const extract = (body: string, published: string | null, captions: string[] = []) =>
  extractFigures({ ...articleFromText(`T\n${body}`), captions }, { published });

const timeline = (x: ReturnType<typeof extract>) => x.timeline.map((t) => [t.date, t.text.slice(0, 24)]);

describe('relative days follow tense and the day the story speaks from', () => {
  // Wednesday 18 September 2024.
  const WEDNESDAY = '2024-09-18';

  // Each sentence also has a weekday, so it goes through chrono; only the weekday is a day.
  it.each([
    'On Monday the ministry said 40 people had died over the past 3 days.',
    'On Monday officials promised to restore power within 10 days.',
    'On Monday the river rose; the next day 300 people fled.',
    'On Monday the agency said the camp would close by the end of the month.',
    'On Monday the agency said arrivals in 5/2024 had doubled.',
  ])('a span, a deadline or a month is no day: %s', (sentence) => {
    expect(extract(sentence, WEDNESDAY).timeline.map((t) => t.date)).toEqual(['2024-09-16']);
  });

  it.each(NO_DAY_READINGS)('the parser left out for $names is the one chrono reads "$example" with', ({ example, starts }) => {
    const picked = chrono.casual.parsers.filter((p) => patternOf(p)?.source.startsWith(starts));
    expect(picked).toHaveLength(1);
    const whole = (picked[0] as unknown as { pattern: (c: unknown) => RegExp }).pattern({ option: {} });
    expect(new RegExp(whole.source, whole.flags.replace('g', '')).exec(example)?.[0].trim()).toBe(example);
  });

  // The "ago" parser runs only where a reading of it can name a day, or hide one (readsDaysAgo).
  it.each(['the dam burst 3 days ago', 'a week ago', '48 hrs ago', 'posted 5m ago', 'Two weeks and a day ago', '90 seconds ago', 'in May 2 mos ago', 'on May 2 - two months ago', 'a year ago to 2 May'])('"ago" with a count of weeks or less, digits before a unit, or a date it could make a range with, is read: %s', (text) => {
    expect(readsDaysAgo(text)).toBe(true);
  });
  it.each(['the offensive began two months ago', 'years ago', 'three days later', 'a quarter ago', "Russia's offensive began two months ago, the U.S. said"])('"ago" with a count of months or more in words, or no "ago", is not: %s', (text) => {
    expect(readsDaysAgo(text)).toBe(false);
  });
  // chrono's "ago" reading of "2 mos ago" names no day, but it is the longer reading and so keeps "May 2" from being one.
  it.each(['mos', 'mo', 'quarters', 'y', 'years'])('"in May 2 %s ago" names no day of May', (unit) => {
    expect(extract(`On Monday officials said the dam that began to leak in May 2 ${unit} ago had burst.`, WEDNESDAY).timeline.map((t) => t.date)).toEqual(['2024-09-16']);
  });
  // The unit lists readsDaysAgo relies on, checked against chrono itself: its dictionary, and which units fix the day it counts back to.
  it('the unit lists are exactly chrono\'s English units of time', async () => {
    const constants = new URL('../../node_modules/chrono-node/dist/esm/locales/en/constants.js', import.meta.url).href;
    const { TIME_UNIT_DICTIONARY } = (await import(constants)) as { TIME_UNIT_DICTIONARY: Record<string, string> };
    expect([...DAY_FIXING_UNITS, ...LONGER_UNITS].sort()).toEqual(Object.keys(TIME_UNIT_DICTIONARY).sort());
  });
  it.each(DAY_FIXING_UNITS)('chrono fixes the day of "3 %s ago", and readsDaysAgo reads it', (unit) => {
    const [reading] = chrono.casual.parse(`It happened 3 ${unit} ago.`, new Date(2024, 8, 18, 12));
    expect(reading?.start.isCertain('day')).toBe(true);
    expect(readsDaysAgo(`It happened 3 ${unit} ago.`)).toBe(true);
  });
  it.each(LONGER_UNITS)('chrono only implies the day of "3 %s ago"', (unit) => {
    const [reading] = chrono.casual.parse(`It happened 3 ${unit} ago.`, new Date(2024, 8, 18, 12));
    expect(reading).toBeDefined();
    expect(reading!.start.isCertain('day')).toBe(false);
  });

  it('a day counted back from the story stays a day: "3 days ago"', () => {
    expect(extract('Officials said on Monday that the dam burst 3 days ago.', WEDNESDAY).timeline.map((t) => t.date)).toEqual(['2024-09-15', '2024-09-16']);
  });

  it.each([
    ['Meteorologists expect the rain to ease on Thursday.', '2024-09-19'],
    ['Forecasters said the river would peak on Friday.', '2024-09-20'],
    ['The mayor is due to visit the camps on Saturday.', '2024-09-21'],
    ['The embankment gave way on Thursday.', '2024-09-12'],
    ['Officials said on Monday that 400 homes were flooded.', '2024-09-16'],
    ['Rescuers found two more bodies on Wednesday.', '2024-09-18'],
    ['Last Wednesday the first villages were evacuated.', '2024-09-11'],
  ])('%s → %s', (sentence, date) => {
    expect(extract(sentence, WEDNESDAY).timeline.map((t) => t.date)).toEqual([date]);
  });

  it.each([
    ['The camp opened on March 10 and 200 families arrived.', '2024-09-18', ['2024-03-10']],
    ['The storm hit on December 30.', '2025-01-03', ['2024-12-30']],
    ['The summit will open on January 5.', '2024-12-28', ['2025-01-05']],
    ['The dam failed 3 days ago, officials said on Tuesday.', '2024-09-18', ['2024-09-15', '2024-09-17']],
    // Counted from another event, not from the day of the story: no date.
    ['The first cases appeared in March, 10 days before the outbreak was declared.', '2024-09-18', []],
    ['The river would crest 3 days later.', '2024-09-18', []],
    // A time of day names no day of its own: the day it is on is the date.
    ['The dam broke on Monday at 2 a.m., officials said.', '2024-09-18', ['2024-09-16']],
    ['The dam broke at 2 a.m. on 16 September.', '2024-09-18', ['2024-09-16']],
  ])('dates a day without a year on the side of the story its tense says: %s (told %s)', (sentence, published, dates) => {
    expect(extract(sentence, published).timeline.map((t) => t.date)).toEqual(dates);
  });

  it('never makes a byline or a dateline an event, but dates the story from them', () => {
    const x = extract('By Milica Jovanović · 18 September 2024\nBELGRADE, Sept 18 - The Sava rose overnight, officials said on Tuesday.\nMeteorologists expect the rain to ease on Thursday.', null);
    expect(x.article.dateline).toBe('2024-09-18');
    expect(timeline(x)).toEqual([['2024-09-17', 'BELGRADE, Sept 18 - The '], ['2024-09-19', 'Meteorologists expect th']]);
  });

  it('takes the year of a dateline without one from the article’s own full dates, captions included', () => {
    const x = extract('MAPUTO, March 14 - The cyclone killed 38 people, the agency said on Thursday.\nThe storm made landfall late on Tuesday.', null,
      ['In this photo taken on March 12, 2024, residents wade through a flooded street.']);
    expect(x.article.dateline).toBe('2024-03-14');
    expect(x.timeline.map((t) => t.date)).toEqual(['2024-03-12', '2024-03-14']);
    expect(x.figures.find((f) => f.value === 38)?.date).toBe('2024-03-14');
  });
});

describe('dates the article gives only in part', () => {
  it('dates a day without a year from another full date in the article', () => {
    const x = extract('Russian jets joined the offensive on April 26.\nThe last ceasefire was signed on 5 March 2019.', null);
    expect(x.timeline.map((t) => t.date)).toEqual(['2019-03-05', '2019-04-26']);
  });

  it('keeps a day and month without any year as --MM-DD, in calendar order', () => {
    const x = extract('MEDELLÍN, Colombia, Nov 4 - The slope gave way after rain.\nThe rainy season began on 12 October.\nRelief flights started on October 2.', null);
    expect(x.article.dateline).toBe('--11-04');
    expect(x.timeline).toEqual([]);
    expect(x.partialTimeline!.map((p) => [p.monthDay, p.weekday])).toEqual([['--10-02', null], ['--10-12', null]]);
  });

  it('keeps weekdays nothing anchors, after the latest stated date, counted back from the day of the lead', () => {
    const x = extract([
      'At least 544 civilians have been killed, rights groups said on Saturday.',
      'Russian jets joined the offensive on April 26.',
      'On Friday, 15 people were killed in the village of Mhambil.',
      'Last Thursday an air strike hit the hospital in Kafranbel.',
    ].join('\n'), null, ['(FILES) In this file photo taken on May 20, 2019, a man gazes at rubble. / AFP']);
    // The caption dates the year, never an event.
    expect(x.timeline.map((t) => t.date)).toEqual(['2019-04-26']);
    expect(x.partialTimeline!.map((p) => [p.weekday, p.after])).toEqual([['Thursday', '2019-04-26'], ['Friday', '2019-04-26'], ['Saturday', '2019-04-26']]);
    expect(extractionErrors(JSON.parse(JSON.stringify(x)))).toEqual([]);
  });

  it('leaves an undated article undated', () => {
    const x = extract('On Friday, 15 people were killed. Vaccinators hope to reach 2.1 million children within 10 days.', null);
    expect(x.article.dateline).toBeNull();
    expect(x.figures.find((f) => f.value === 15)?.date).toBeNull();
    expect(x.timeline).toEqual([]);
    expect(x.partialTimeline!.map((p) => p.weekday)).toEqual(['Friday']);
  });
});
