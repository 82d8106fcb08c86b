import { describe, expect, it } from 'vitest';
import { fuseEvent } from '../../lambdas/event/fuse';
import type { EventDocument, Measure } from '../../lambdas/event/types';
import { article } from './support';

const measure = (doc: EventDocument, category: string, place: string | null = null, subject = 'people'): Measure => {
  const found = doc.measures.find((m) => m.category === category && m.place === place && m.subject === subject);
  if (!found) throw new Error(`no ${category}/${place}/${subject} measure in ${doc.measures.map((m) => `${m.category}/${m.place}/${m.subject}`).join(', ')}`);
  return found;
};
const values = (m: Measure): number[] => m.reports.map((r) => r.value);

describe('one quantity followed over time', () => {
  const doc = fuseEvent([
    article('c.txt', '2023-02-08', 'Outlet C', [{ value: 11000, qualifier: 'more_than', text: 'more than 11,000' }]),
    article('a.txt', '2023-02-06', 'Outlet A', [{ value: 3000, qualifier: 'more_than', text: 'more than 3,000' }]),
    article('d.txt', '2023-02-09', 'Gulf Times', [{ value: 16035 }]),
    article('b.txt', '2023-02-07', 'Outlet B', [{ value: 5000, qualifier: 'approximately', text: 'nearly 5,000' }]),
  ]);

  it('puts the reports in date order whatever order the articles came in', () => {
    const killed = measure(doc, 'killed');
    expect(values(killed)).toEqual([3000, 5000, 11000, 16035]);
    expect(killed.reports.map((r) => r.outlet)).toEqual(['Outlet A', 'Outlet B', 'Outlet C', 'Gulf Times']);
    expect(doc.articles.map((a) => a.file)).toEqual(['a.txt', 'b.txt', 'c.txt', 'd.txt']);
  });

  it('takes the last report as the latest, with its outlet and date, and sees no dispute', () => {
    const killed = measure(doc, 'killed');
    expect(killed.latest).toMatchObject({ value: 16035, source: 'Gulf Times', article: 'd.txt', date: '2023-02-09', note: null });
    expect(killed.disputed).toBe(false);
    expect(doc.period).toEqual({ from: '2023-02-06', to: '2023-02-09' });
  });

  it('is the same event whatever order and names the articles are given in', () => {
    const again = fuseEvent([
      article('d.txt', '2023-02-09', 'Gulf Times', [{ value: 16035 }]),
      article('b.txt', '2023-02-07', 'Outlet B', [{ value: 5000, qualifier: 'approximately', text: 'nearly 5,000' }]),
      article('a.txt', '2023-02-06', 'Outlet A', [{ value: 3000, qualifier: 'more_than', text: 'more than 3,000' }]),
      article('c.txt', '2023-02-08', 'Outlet C', [{ value: 11000, qualifier: 'more_than', text: 'more than 11,000' }]),
    ]);
    expect(again).toEqual(doc);
  });

  it('counts the same article given twice once', () => {
    const twice = fuseEvent([article('a.txt', '2023-02-06', 'A', [{ value: 10 }]), article('a.txt', '2023-02-06', 'A', [{ value: 10 }])]);
    expect(twice.articles).toHaveLength(1);
    expect(measure(twice, 'killed').reports).toHaveLength(1);
  });
});

describe('dates', () => {
  const withDateline = (file: string, dateline: string, value: number) => {
    const input = article(file, null, 'Wire', [{ value }]);
    return { ...input, extraction: { ...input.extraction, article: { ...input.extraction.article, dateline } } };
  };

  it('dates an article by its dateline when it has no published date, taking the year from the other articles', () => {
    const doc = fuseEvent([
      withDateline('b.txt', '--02-07', 5000),
      article('a.txt', '2023-02-06', 'A', [{ value: 3000 }]),
      withDateline('c.txt', '2023-02-08', 11000),
      withDateline('d.txt', '--12-30', 1200),
    ]);
    expect(doc.articles.map((a) => [a.file, a.published, a.dated])).toEqual([
      ['d.txt', '2022-12-30', 'dateline, year from the other articles'],
      ['a.txt', '2023-02-06', 'published'],
      ['b.txt', '2023-02-07', 'dateline, year from the other articles'],
      ['c.txt', '2023-02-08', 'dateline'],
    ]);
    expect(values(measure(doc, 'killed'))).toEqual([1200, 3000, 5000, 11000]);
  });

  it('leaves an article undated when nothing dates it, and puts it first', () => {
    const doc = fuseEvent([article('a.txt', '2023-02-06', 'A', [{ value: 3000 }]), withDateline('u.txt', '--13-40', 10)]);
    expect(doc.articles.map((a) => [a.file, a.published, a.dated])).toEqual([['u.txt', null, null], ['a.txt', '2023-02-06', 'published']]);
  });
});

describe('rough and precise figures', () => {
  it('never lets a later rough figure that agrees replace a precise one, and says so', () => {
    const doc = fuseEvent([
      article('a.txt', '2026-03-04', 'Zagros Wire', [{ value: 468 }]),
      article('b.txt', '2026-03-05', 'Halabja Herald', [{ value: 460, qualifier: 'more_than', text: 'more than 460' }]),
    ]);
    const killed = measure(doc, 'killed');
    expect(killed.latest).toMatchObject({ value: 468, article: 'a.txt', report: 0 });
    expect(killed.latest.note).toContain('more than 460');
    expect(killed.latest.note).toContain('Halabja Herald');
  });

  it('takes a later rough figure that goes beyond the precise one, and names the last precise count', () => {
    const doc = fuseEvent([
      article('a.txt', '2023-02-07', 'Gulf Times', [{ value: 3381 }]),
      article('b.txt', '2023-02-08', 'Wire', [{ value: 5000, qualifier: 'approximately', text: 'nearly 5,000' }]),
    ]);
    const killed = measure(doc, 'killed');
    expect(killed.latest).toMatchObject({ value: 5000, article: 'b.txt' });
    expect(killed.latest.note).toContain('3381');
  });

  it('reads "nearly" as just under: nearly 45,000 agrees with 42,500 but not with 46,000', () => {
    const agrees = fuseEvent([
      article('a.txt', '2026-04-22', 'A', [{ value: 42500, category: 'displaced' }]),
      article('b.txt', '2026-04-25', 'B', [{ value: 45000, category: 'displaced', qualifier: 'approximately', text: 'Nearly 45,000' }]),
    ]);
    expect(measure(agrees, 'displaced').latest.value).toBe(42500);
    const beyond = fuseEvent([
      article('a.txt', '2026-04-22', 'A', [{ value: 46000, category: 'displaced' }]),
      article('b.txt', '2026-04-25', 'B', [{ value: 45000, category: 'displaced', qualifier: 'approximately', text: 'Nearly 45,000' }]),
    ]);
    expect(measure(beyond, 'displaced').latest.value).toBe(45000);
  });
});

describe('disputes', () => {
  it('disputes a measure when sources of the same day disagree, and keeps both reports', () => {
    const doc = fuseEvent([
      article('a.txt', '2026-03-03', 'Levant Press Agency', [{ value: 412, source: 'emergency medical service' }]),
      article('b.txt', '2026-03-03', 'Caspian News Service', [{ value: 396, source: 'crisis management organisation' }]),
      article('c.txt', '2026-03-04', 'Zagros Wire', [{ value: 468 }]),
    ]);
    const killed = measure(doc, 'killed');
    expect(killed.disputed).toBe(true);
    expect(killed.disputes).toEqual([{ date: '2026-03-03', reports: [0, 1] }]);
    expect(killed.latest).toMatchObject({ value: 468, note: null });
  });

  it('names a source without the dateline a wire story opens with, and keeps a source that only looks like one', () => {
    const doc = fuseEvent([
      article('a.txt', '2026-03-03', 'Caspian News Service', [{
        value: 396, source: "TEHRAN – Iran's crisis management organisation",
        sentence: "TEHRAN – Iran's crisis management organisation said on Tuesday that 396 people had been killed.",
      }]),
      article('b.txt', '2026-03-03', 'Levant Press Agency', [{ value: 412, source: 'UNHCR – the refugee agency', sentence: 'The toll rose to 412, UNHCR – the refugee agency – said.' }]),
    ]);
    expect(measure(doc, 'killed').reports.map((r) => r.source)).toEqual(["Iran's crisis management organisation", 'UNHCR – the refugee agency']);
  });

  it('sees no dispute where a rough figure of the day agrees with a precise one, or where values differ on different days', () => {
    const doc = fuseEvent([
      article('a.txt', '2026-03-03', 'A', [{ value: 4120, category: 'injured' }]),
      article('b.txt', '2026-03-03', 'B', [{ value: 4000, category: 'injured', qualifier: 'approximately', text: 'About 4,000' }]),
      article('c.txt', '2026-03-04', 'C', [{ value: 4870, category: 'injured' }]),
    ]);
    expect(measure(doc, 'injured').disputed).toBe(false);
  });

  it('on a disputed last day takes the value more reports give and names the other', () => {
    const doc = fuseEvent([
      article('a.json', '2026-02-09', 'Maputo Daily', [{ value: 41, source: 'health ministry' }]),
      article('b.html', '2026-02-09', 'Relief Report', [{ value: 41, source: 'health ministry' }, { value: 48, source: 'MSF' }]),
    ]);
    const killed = measure(doc, 'killed');
    expect(killed.disputed).toBe(true);
    expect(killed.latest.value).toBe(41);
    expect(killed.latest.note).toMatch(/^disputed: 48 \(MSF, Relief Report/);
  });

  it('does not take an outlet repeating a count another report of the day calls earlier for a dispute', () => {
    const doc = fuseEvent([
      article('a.txt', '2026-03-03', 'A', [{ value: 328 }]),
      article('b.txt', '2026-03-03', 'B', [{ value: 412, previousId: 'f2' }, { value: 328, previous: true }]),
    ]);
    const killed = measure(doc, 'killed');
    expect(killed.disputed).toBe(false);
    expect(killed.latest.value).toBe(412);
    expect(values(killed)).toEqual([328, 328, 412]);
  });

  it('reads two counts of one source in one article as an update, not a dispute', () => {
    const doc = fuseEvent([article('a.txt', '2023-02-07', 'A', [{ value: 1760, rank: 2 }, { value: 3381, rank: 1 }])]);
    const killed = measure(doc, 'killed');
    expect(killed.disputed).toBe(false);
    expect(values(killed)).toEqual([1760, 3381]);
    expect(killed.latest.value).toBe(3381);
  });
});

describe('earlier values within one article', () => {
  it('puts "up from 500" before the count that replaced it, flagged, whatever its place in the text', () => {
    const doc = fuseEvent([article('a.txt', '2019-06-29', 'A', [{ value: 544, previousId: 'f2', span: [10, 13] }, { value: 500, previous: true, span: [40, 43] }])]);
    const killed = measure(doc, 'killed');
    expect(killed.reports.map((r) => [r.value, r.previous])).toEqual([[500, true], [544, false]]);
    expect(killed.latest.value).toBe(544);
  });

  it('follows a revision down ("revised down from 60 to 41"): a count may fall', () => {
    const doc = fuseEvent([
      article('a.txt', '2026-04-20', 'A', [{ value: 60, category: 'missing', qualifier: 'approximately', text: 'about 60' }]),
      article('b.txt', '2026-04-22', 'B', [{ value: 60, category: 'missing', previous: true }, { value: 41, category: 'missing', previousId: 'f1' }]),
    ]);
    const missing = measure(doc, 'missing');
    expect(values(missing)).toEqual([60, 60, 41]);
    expect(missing.latest).toMatchObject({ value: 41, article: 'b.txt' });
  });

  it('works from previousId alone, without previous on the earlier figure', () => {
    const doc = fuseEvent([article('a.txt', '2026-03-05', 'A', [{ value: 79, previousId: 'f2' }, { value: 76 }])]);
    expect(measure(doc, 'killed').reports.map((r) => [r.value, r.previous])).toEqual([[76, true], [79, false]]);
  });

  it('keeps a much smaller count of the article (a part or an increment) as a part, never the latest', () => {
    const doc = fuseEvent([article('a.txt', '2026-03-05', 'A', [{ value: 79, rank: 1 }, { value: 3, rank: 3 }])]);
    const killed = measure(doc, 'killed');
    expect(killed.reports.map((r) => [r.value, r.part])).toEqual([[3, true], [79, false]]);
    expect(killed.latest.value).toBe(79);
  });
});

describe('measures: category, subject and place scope', () => {
  it('keeps the whole event and each part of it apart', () => {
    const doc = fuseEvent([
      article('a.txt', '2023-02-09', 'A', [{ value: 16035 }, { value: 12873, place: 'Turkey' }, { value: 3162, place: 'Syria' }]),
      article('b.txt', '2023-02-10', 'B', [{ value: 17100 }, { value: 13500, place: 'Türkiye' }]),
    ]);
    expect(values(measure(doc, 'killed'))).toEqual([16035, 17100]);
    expect(values(measure(doc, 'killed', 'Turkey'))).toEqual([12873, 13500]);
    expect(values(measure(doc, 'killed', 'Syria'))).toEqual([3162]);
    expect(measure(doc, 'killed', 'Syria').label).toBe('people killed in Syria');
  });

  it('takes the one place a story names for a count of the whole event as the whole event', () => {
    const doc = fuseEvent([
      article('a.txt', '2019-06-29', 'A', [{ value: 2117, category: 'injured', place: 'Syria' }]),
      article('b.txt', '2019-06-30', 'B', [{ value: 2300, category: 'injured' }]),
    ]);
    expect(values(measure(doc, 'injured'))).toEqual([2117, 2300]);
  });

  it('takes a count equal to the sum of its article\'s counts for places as the whole event, wherever it was placed', () => {
    const doc = fuseEvent([
      article('a.txt', '2026-03-04', 'A', [{ value: 468, place: 'Sarpol-e Zahab' }, { value: 392, place: 'Iran' }, { value: 76, place: 'Iraq' }]),
      article('b.txt', '2026-03-05', 'B', [{ value: 79, place: 'Iraq' }, { value: 400, place: 'Iran' }]),
    ]);
    expect(values(measure(doc, 'killed'))).toEqual([468]);
    expect(values(measure(doc, 'killed', 'Iran'))).toEqual([392, 400]);
  });

  it('keeps a single incident inside the toll as its own scope', () => {
    const doc = fuseEvent([article('a.txt', '2019-06-29', 'A', [{ value: 544 }, { value: 15, place: 'Mhambil' }])]);
    expect(values(measure(doc, 'killed'))).toEqual([544]);
    expect(values(measure(doc, 'killed', 'Mhambil'))).toEqual([15]);
  });

  it('joins civilians and people, keeps children apart, and never mixes categories', () => {
    const doc = fuseEvent([
      article('a.txt', '2019-06-29', 'A', [{ value: 544, subject: 'civilians' }, { value: 130, subject: 'children' }, { value: 2117, category: 'injured' }]),
      article('b.txt', '2019-06-30', 'B', [{ value: 560, subject: 'people' }, { value: 140, subject: 'children' }]),
    ]);
    expect(values(measure(doc, 'killed'))).toEqual([544, 560]);
    expect(values(measure(doc, 'killed', null, 'children'))).toEqual([130, 140]);
    expect(values(measure(doc, 'injured'))).toEqual([2117]);
  });

  it('joins "cases" with "suspected cases" but keeps suspected and confirmed cases apart', () => {
    const doc = fuseEvent([
      article('a.txt', '2026-02-02', 'A', [{ value: 1240, category: 'affected', subject: 'suspected cases' }, { value: 300, category: 'affected', subject: 'confirmed cases' }]),
      article('b.txt', '2026-02-09', 'B', [{ value: 2875, category: 'affected', subject: 'cholera cases' }]),
    ]);
    const suspected = doc.measures.filter((m) => m.category === 'affected').map((m) => [m.subject, values(m)]);
    expect(suspected).toContainEqual(['suspected cases', [1240]]);
    expect(suspected).toContainEqual(['confirmed cases', [300]]);
    expect(suspected).toContainEqual(['cholera cases', [2875]]);
  });

  it('never joins two amounts of money that say nothing of what they pay for', () => {
    const doc = fuseEvent([
      article('a.txt', '2026-04-20', 'A', [{ value: 300e6, category: 'money', unit: 'KES', subject: '' }]),
      article('b.txt', '2026-04-22', 'B', [{ value: 450e6, category: 'money', unit: 'KES', subject: '' }]),
    ]);
    expect(doc.measures.filter((m) => m.category === 'money').map((m) => m.reports.length)).toEqual([1, 1]);
  });

  it('puts key counts of people first, the whole event before its parts', () => {
    const doc = fuseEvent([article('a.txt', '2026-03-04', 'A', [
      { value: 40, category: 'percentage', unit: '%', subject: 'loans' }, { value: 76, place: 'Iraq' }, { value: 392, place: 'Iran' },
      { value: 4870, category: 'injured' }, { value: 468 }, { value: 12, category: 'quantity', unit: 'km', subject: 'depth', key: false, rank: null },
    ])]);
    expect(doc.measures.map((m) => m.label).slice(0, 4)).toEqual(['people killed', 'people injured', 'people killed in Iran', 'people killed in Iraq']);
    expect(doc.measures.map((m) => m.id)).toEqual(doc.measures.map((_, i) => `m${i + 1}`));
    expect(doc.measures.at(-1)!.key).toBe(false);
  });
});

describe('timeline, quotes and title', () => {
  const doc = fuseEvent([
    article('a.txt', '2026-03-02', 'A', [{ value: 1 }], {
      timeline: [{ date: '2026-03-01', text: 'A magnitude 7.1 earthquake struck the border region late on Sunday.', span: [0, 10] }],
      quotes: [{ text: '“We need heavy machinery and we need it now.”', speaker: 'Hamid Rostami', role: 'rescuer' }],
    }),
    article('b.txt', '2026-03-03', 'B', [{ value: 2 }], {
      timeline: [
        { date: '2026-03-01', text: 'The earthquake struck the border region late on Sunday, a magnitude 7.1.', span: [0, 10] },
        { date: '2026-03-03', text: 'The prime minister visited Halabja.', span: [20, 30] },
      ],
      quotes: [{ text: '"We need heavy machinery and we need it now"', speaker: null, role: null }],
    }),
  ]);

  it('merges the same dated event told by two outlets into one entry naming both', () => {
    expect(doc.timeline.map((t) => [t.date, t.outlets])).toEqual([['2026-03-01', ['A', 'B']], ['2026-03-03', ['B']]]);
  });

  it('lists a sentence that names two dates once, under the later, and no entry that only repeats a quote', () => {
    const sentence = 'KERMANSHAH – An earthquake struck late on Sunday, killing 180 people, officials said on Monday.';
    const { timeline } = fuseEvent([article('c.md', '2026-03-02', 'C', [{ value: 180 }], {
      timeline: [
        { date: '2026-03-01', text: sentence, span: [0, 96] },
        { date: '2026-03-02', text: sentence, span: [0, 96] },
        { date: '2026-03-01', text: '"We have not slept since Sunday."', span: [200, 233] },
      ],
      quotes: [{ text: '"Every family here has lost someone. We have not slept since Sunday."', speaker: 'Shilan Ahmed', role: 'nurse' }],
    })]);
    expect(timeline.map((t) => [t.date, t.text])).toEqual([['2026-03-02', sentence]]);
  });

  it('merges the same quote told by two outlets', () => {
    expect(doc.quotes).toHaveLength(1);
    expect(doc.quotes[0]).toMatchObject({ speaker: 'Hamid Rostami', outlets: ['A', 'B'] });
  });

  it('takes the title given, else the headline most like the others', () => {
    expect(fuseEvent(doc.articles.map((a) => article(a.file, a.published, a.source, [])), { title: ' Zagros earthquake ' }).title).toBe('Zagros earthquake');
    const titled = fuseEvent([
      article('a.txt', '2026-03-02', 'A', [], { article: { title: 'Earthquake on Iran-Iraq border kills 180', published: '2026-03-02', source: 'A', url: null, wordCount: 1, sha256: 'a' } }),
      article('b.txt', '2026-03-03', 'B', [], { article: { title: 'Iran-Iraq earthquake toll rises to 412', published: '2026-03-03', source: 'B', url: null, wordCount: 1, sha256: 'b' } }),
      article('c.txt', '2026-03-05', 'C', [], { article: { title: "Halabja buries its dead", published: '2026-03-05', source: 'C', url: null, wordCount: 1, sha256: 'c' } }),
    ]);
    expect(titled.title).toBe('Iran-Iraq earthquake toll rises to 412');
  });
});
