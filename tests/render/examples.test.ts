/**
 * The demo's examples as a reader sees them: each rendered as the demo renders it (article in,
 * no --published), read back from the PDF with pdftotext.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { briefingFromBytes } from '../../lambdas/pipeline';
import { folded, pdftotextRaw } from './poppler';

async function briefingText(example: string): Promise<string> {
  const bytes = readFileSync(new URL(`../../examples/${example}`, import.meta.url));
  const { pdf } = await briefingFromBytes(bytes, { name: example });
  return folded(pdftotextRaw(pdf));
}

/** The text between two section headings of the briefing. */
const section = (text: string, heading: string, next: string): string => text.slice(text.indexOf(heading), text.indexOf(next, text.indexOf(heading)));

describe('the demo briefings', () => {
  it('credits both Sindh quotes to Dr. Sana Qureshi, never to a bare title', async () => {
    const text = await briefingText('sindh-heatwave.json');
    const quotes = section(text, 'What they said', 'All figures and their sources');
    expect(quotes.match(/— Dr\. Sana Qureshi, an emergency physician at Jinnah Postgraduate Medical Centre/g)).toHaveLength(2);
    expect(quotes).not.toMatch(/— Dr\.? (?!Sana)/);
  });

  it('shows the Antioquia money with its currency and the conversion the article gives, and rain as rain', async () => {
    const text = await briefingText('antioquia-landslide.txt');
    const cards = section(text, 'Key figures', 'Scale of the crisis');
    expect(cards).toContain('COP 2.5 billion about US$600,000 Emergency aid');
    // The rain is context, not a key figure: its row in the table reads as rain.
    expect(text.slice(text.indexOf('All figures and their sources'))).toContain('more than 140 mm of rain national disaster risk');
    expect(cards).toContain('214 People dead in floods and landslides');
    expect(text).not.toContain('Rain mm');
    expect(text).toContain('As of 4 November (year not stated)');
  });

  it('fits the seed on two pages: the weakest rows of its table give way, every key figure stays, and the table says so', async () => {
    const { pdf, extraction } = await briefingFromBytes(readFileSync(new URL('../../examples/idlib-offensive-2019.txt', import.meta.url)), { name: 'idlib-offensive-2019.txt' });
    const text = folded(pdftotextRaw(pdf));
    expect(text).toContain('Page 2 of 2');
    expect(text).toMatch(new RegExp(`The table lists the \\d+ strongest of ${extraction.figures.length} figures; the figures JSON holds them all\\.`));
    const table = text.slice(text.indexOf('All figures and their sources'));
    for (const f of extraction.figures.filter((x) => x.key)) expect(table).toContain(f.sentence.slice(0, 40).replace(/\s+/g, ' '));
  });

  it('gives the seed, rendered without --published, a timeline with 26 April and the Mhambil strike', async () => {
    const text = await briefingText('idlib-offensive-2019.txt');
    const timeline = section(text, 'Timeline', 'What they said');
    expect(timeline).toMatch(/26 April 2019 Russian jets joined the Syrian army on April 26/);
    expect(timeline).toMatch(/Friday \(date not stated\) On Friday, 15 people, including children, were killed in the village of Mhambil/);
    expect(text).toContain('Undated report · latest date in the text: 26 April 2019');
    expect(text).not.toContain('Date not stated');
    // The statement quoted in pieces keeps its speakers.
    expect(text).toMatch(/“Too many have died already” — Heads of 11 major global humanitarian organisations/);
  });

  it('dates the Sava forecast ahead of the report, leaves the byline out and says what rose to a record', async () => {
    const text = await briefingText('sava-river-floods.html');
    const timeline = section(text, 'Timeline', 'What they said');
    expect(timeline).toMatch(/19 September 2024 Meteorologists expect the rain to ease on Thursday/);
    expect(timeline).not.toContain('Milica');
    expect(section(text, 'Key figures', 'Scale of the crisis')).toContain('8.4 m Sava at Šabac, a record');
  });
});
