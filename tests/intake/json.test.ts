import { describe, expect, it } from 'vitest';
import { readArticle } from '../../lambdas/intake';
import { IntakeError } from '../../lambdas/core/errors';
import { expectExactOffsets, fixture, readText } from './support';

const codeOf = (run: () => unknown): string => {
  try {
    run();
  } catch (error) {
    if (error instanceof IntakeError) return `${error.code}: ${error.message}`;
    throw error;
  }
  throw new Error('expected an IntakeError');
};

describe('JSON articles', () => {
  it('reads a NewsAPI-style article object', () => {
    const article = readArticle(fixture('newsapi-article.json'), { name: 'newsapi-article.json' });
    expect(article).toMatchObject({
      format: 'json',
      title: 'Port strike strands 1,200 containers of medical supplies',
      published: '2024-04-09',
      source: 'Harbour Gazette',
      byline: 'Tomás Reyes',
      url: 'https://gazette.example.com/economy/2024/04/09/port-strike-medical-supplies',
    });
    // Blank lines and single line breaks both separate paragraphs in `content`.
    expect(article.paragraphs).toHaveLength(5);
    expect(article.paragraphs[2]).toBe('Hospital directors in Santiago warned that stocks of some dialysis supplies would run out within a week.');
    expectExactOffsets(article);
  });

  it('refuses a NewsAPI response holding several articles', () => {
    expect(codeOf(() => readArticle(fixture('newsapi-response.json'), { name: 'newsapi-response.json' })))
      .toBe('many_articles: JSON holds 3 articles; extract takes one article per file');
  });

  it('reads a JSON-LD NewsArticle inside @graph', () => {
    const article = readArticle(fixture('jsonld-article.json'), { name: 'jsonld-article.json' });
    expect(article).toMatchObject({
      title: 'Landslide blocks Karakoram Highway, 300 travellers stranded',
      published: '2023-08-02',
      source: 'Valley Courier',
      byline: 'Sana Iqbal, Karim Shah',
      url: 'https://valley.example.net/north/landslide-karakoram-highway',
    });
    expect(article.paragraphs).toHaveLength(3);
  });

  it('unwraps a list of one article and reads an HTML body', () => {
    const article = readText(JSON.stringify([{
      headline: 'Bridge collapse',
      date: 'March 3, 2020',
      publisher: { name: 'Delta Times' },
      articleBody: '<p>A bridge collapsed on Tuesday, injuring <b>eight</b> people.</p><figure><img src="a.jpg"><figcaption>The bridge after the collapse. Photo: Delta Times</figcaption></figure><p>Traffic was diverted.</p>',
    }]), { name: 'one.json' });
    expect(article).toMatchObject({ title: 'Bridge collapse', published: '2020-03-03', source: 'Delta Times' });
    expect(article.paragraphs).toEqual(['A bridge collapsed on Tuesday, injuring eight people.', 'Traffic was diverted.']);
    expect(article.captions).toEqual(['The bridge after the collapse. Photo: Delta Times']);
  });

  it('strips the NewsAPI truncation marker and accepts a list of paragraph strings', () => {
    const truncated = readText(JSON.stringify({ title: 'T', content: 'Floods hit 40 towns on Monday, the agency said… [+2310 chars]' }), { name: 't.json' });
    expect(truncated.text).toBe('Floods hit 40 towns on Monday, the agency said');
    const listed = readText(JSON.stringify({ title: 'T', body: ['First paragraph.', 'Second paragraph.'] }), { name: 'l.json' });
    expect(listed.paragraphs).toEqual(['First paragraph.', 'Second paragraph.']);
  });

  it.each([
    ['{"title": "A", "body": "x",}', /^bad_json: not valid JSON: .+ \(line 1, column \d+\)$/],
    ['{\n  "title": "A"\n  "body": "x"\n}', /^bad_json: not valid JSON: .+ \(line 3, column 3\)$/],
    ['{"title": "A", "body": ', /^bad_json: not valid JSON: Unexpected end of JSON input \(line 1, column 24\)$/],
    ['{"title": "A",\n "body": tru\n}', /^bad_json: not valid JSON: Unexpected token '\\n'$/],
    ['[]', /^many_articles: JSON is an empty list/],
    ['[{"body":"a"},{"body":"b"}]', /^many_articles: JSON is a list of 2 articles; extract takes one/],
    ['{"status":"ok","articles":[]}', /^many_articles: JSON holds an empty list of articles/],
    ['{"title": "Only a title", "body": "   "}', /^no_body: JSON has no article text \(no non-empty body, text, content, articleBody field\)$/],
    ['"just a string"', /^no_body: JSON is a string, not an article object$/],
    ['null', /^no_body: JSON is null, not an article object$/],
  ])('refuses %j with a specific reason', (json, reason) => {
    expect(codeOf(() => readText(json, { name: 'bad.json' }))).toMatch(reason);
  });
});
