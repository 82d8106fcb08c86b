import { describe, expect, it } from 'vitest';
import { extractionErrors } from '../../schema/validate';

const valid = {
  schemaVersion: 1,
  article: {
    title: 'Idlib offensive', published: '2019-06-29', source: null, url: null, wordCount: 543,
    sha256: 'a'.repeat(64), input: 'idlib.txt', byline: null, dateline: '--06-29',
  },
  summary: ['At least 544 civilians have been killed.', 'Another 2,117 people have been injured.'],
  figures: [{
    id: 'f1', value: 544, max: null, text: 'At least 544', qualifier: 'at_least', unit: 'people', category: 'killed',
    subject: 'civilians', label: 'civilians killed', place: 'Idlib', date: null, source: 'SNHR',
    sentence: 'At least 544 civilians have been killed.', span: [0, 12], key: true, rank: 1, vague: false,
    mentions: [{ text: 'more than 500', span: [100, 113] }],
  }],
  timeline: [{ date: '2019-04-26', text: 'Russian jets join the offensive', span: [200, 230] }],
  partialTimeline: [{ monthDay: null, weekday: 'Friday', after: '2019-04-26', text: 'On Friday, 15 people were killed', span: [300, 332] }],
  quotes: [{ text: 'Whole villages and towns have been emptied', speaker: 'Ahmad Al Sheikho', role: 'spokesman' }],
  organisations: ['Syrian Network for Human Rights'],
  places: ['Idlib'],
};

/** `valid` with one change at a path ("figures.0.category"), or the key deleted when value is undefined. */
function variant(path: string, value: unknown): unknown {
  const copy = structuredClone(valid) as Record<string, unknown>;
  const keys = path.split('.');
  const parent = keys.slice(0, -1).reduce<Record<string, unknown>>((node, key) => node[key] as Record<string, unknown>, copy);
  const last = keys.at(-1)!;
  if (value === undefined) delete parent[last];
  else parent[last] = value;
  return copy;
}

describe('Extraction JSON v1 schema', () => {
  it('accepts a complete document, extension fields included', () => {
    expect(extractionErrors(valid)).toEqual([]);
  });

  it.each([
    ['schemaVersion', 2, /schemaVersion must be equal to constant/],
    ['figures', undefined, /must have required property 'figures'/],
    ['article.sha256', 'ABC', /sha256 must match pattern/],
    ['article.published', '2019-6-29', /published must match pattern|published must be null/],
    ['article.title', '', /title must NOT have fewer than 1 characters/],
    ['figures.0.category', 'deaths', /category must be equal to one of the allowed values/],
    ['figures.0.qualifier', 'around', /qualifier must be equal to one of the allowed values/],
    ['figures.0.span', [3], /span must NOT have fewer than 2 items/],
    ['figures.0.value', '544', /value must be number/],
    ['figures.0.key', undefined, /must have required property 'key'/],
    ['figures.0.colour', 'red', /must NOT have additional properties \(colour\)/],
    ['timeline.0.date', 'spring 2019', /date must match pattern/],
    ['timeline.0.date', '--04-26', /date must match pattern/],
    ['article.dateline', '4 November', /dateline must match pattern/],
    ['partialTimeline.0.monthDay', '--13-01', /monthDay must match pattern/],
    ['partialTimeline.0.weekday', 'Caturday', /weekday must be equal to one of the allowed values/],
    ['quotes.0.speaker', undefined, /must have required property 'speaker'/],
    ['places', 'Idlib', /places must be array/],
  ])('rejects %s = %j', (path, value, message) => {
    const errors = extractionErrors(variant(path, value));
    expect(errors.length).toBeGreaterThan(0);
    expect(errors.join('\n')).toMatch(message);
  });
});
