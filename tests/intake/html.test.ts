import { describe, expect, it } from 'vitest';
import { readArticle } from '../../lambdas/intake';
import { expectExactOffsets, fixture, readText } from './support';

describe('HTML pages', () => {
  const page = readArticle(fixture('cyclone-page.html'), { name: 'cyclone-page.html' });

  it('reads title, byline, site name, date and canonical URL from the page', () => {
    expect(page.format).toBe('html');
    expect(page.title).toBe('Cyclone Idai: floods cut off Buzi as death toll climbs');
    expect(page.byline).toBe('Marta Sitoe');
    expect(page.source).toBe('The Coastal Ledger');
    expect(page.published).toBe('2019-03-18'); // the local date, not shifted to UTC
    expect(page.url).toBe('https://ledger.example.org/africa/2019/03/18/cyclone-idai-buzi-floods');
  });

  it('keeps the article body, in order, and its subheading', () => {
    expect(page.paragraphs[0]).toMatch(/^Rescue workers in central Mozambique were on Monday/);
    expect(page.paragraphs).toContain('Aid stretched thin');
    expect(page.paragraphs.at(-1)).toMatch(/^Aid agencies warned that stagnant water/);
    expect(page.paragraphs).toHaveLength(8);
    expectExactOffsets(page);
  });

  it('leaves out navigation, ads, related links, comments and footer', () => {
    for (const noise of ['Newsletters', 'Advertisement', 'air miles', 'Flights to Lisbon', 'Related stories',
      'Malawi rains', 'donated 50 dollars', 'no power for four days', 'All rights reserved', 'Lose 12 kg']) {
      expect(page.text).not.toContain(noise);
    }
  });

  it('drops an advert placed between two paragraphs of the story, and keeps both paragraphs', () => {
    const html = `<html><head><title>Quake hits the valley</title></head><body><article><h1>Quake hits the valley</h1>
      <p>At least 40 people were killed when the earthquake struck the valley before dawn, officials said.</p>
      <div class="ad" id="ad-mid">Advertisement · Home insurance from 1,999 rupees · Call 01-4412345</div>
      <aside class="promo">Subscribe for 2 euros a month</aside>
      <p class="lead shadow-ad-free">Rescue teams reached 12 villages by nightfall, the army said, and more were on the way.</p>
      </article></body></html>`;
    const article = readArticle(new TextEncoder().encode(html), { name: 'quake.html' });
    expect(article.text).not.toMatch(/1,999|01-4412345|Advertisement|Subscribe/);
    expect(article.paragraphs).toEqual([
      'At least 40 people were killed when the earthquake struck the valley before dawn, officials said.',
      'Rescue teams reached 12 villages by nightfall, the army said, and more were on the way.',
    ]);
  });

  it('never runs the page scripts', () => {
    expect(page.text).not.toMatch(/INJECTED BY SCRIPT|SCRIPT WROTE THIS|SCRIPT APPENDED|addEventListener/);
  });

  it('keeps the figure caption apart from the body', () => {
    expect(page.captions).toEqual([
      'Families wait on the roof of a school in Buzi for rescue boats on Sunday. Photo: Joana Macuácua for The Coastal Ledger',
    ]);
    expect(page.text).not.toContain('Families wait on the roof');
  });

  it('falls back to Open Graph for the date and the JSON-LD publisher for the source', () => {
    const article = readText(`<!doctype html><html><head><title>Dam breach</title>
      <meta property="og:published_time" content="2021-07-05">
      <script type="application/ld+json">{"@type":"NewsArticle","headline":"Dam breach","publisher":{"@type":"Organization","name":"River Post"}}</script>
      </head><body><article><h1>Dam breach</h1><p>A dam breach flooded 14 villages on Monday, officials said.</p>
      <p>About 5,000 people moved to higher ground.</p></article></body></html>`, { name: 'dam.htm' });
    expect(article.published).toBe('2021-07-05');
    expect(article.title).toBe('Dam breach');
    expect(article.paragraphs).toEqual(['A dam breach flooded 14 villages on Monday, officials said.', 'About 5,000 people moved to higher ground.']);
  });

  it('takes the date from JSON-LD datePublished when the page has no meta date', () => {
    const article = readText(`<html><head><title>Quake</title>
      <script type="application/ld+json">[{"@type":"BreadcrumbList"},{"@type":["NewsArticle"],"datePublished":"12 October 2022"}]</script>
      </head><body><p>An earthquake of magnitude 6.1 struck the region on Wednesday.</p></body></html>`, { name: 'quake.html' });
    expect(article.published).toBe('2022-10-12');
  });

  it('reads a page that leaves out <html>, <head> and <body>, as HTML allows', () => {
    const article = readText(
      '<!DOCTYPE html><title>Storm closes port</title><meta property="article:published_time" content="2020-11-02T08:00:00Z">'
      + '<p>The port closed on Monday as winds reached 120 km/h, the harbour master said.</p><p>Ferries will resume on Wednesday.</p>',
      { name: 'bare.html' },
    );
    expect(article).toMatchObject({ title: 'Storm closes port', published: '2020-11-02' });
    expect(article.paragraphs).toEqual(['The port closed on Monday as winds reached 120 km/h, the harbour master said.', 'Ferries will resume on Wednesday.']);
  });

  it('refuses a page with no article text', () => {
    expect(() => readText('<html><head><title>Home</title><script>document.write("x")</script></head><body><nav><a href="/">Home</a></nav></body></html>',
      { name: 'empty-page.html' })).toThrow(/no (article|body) text/);
  });
});
