/** The event briefing's layout and PDF, from hand-written extractions: charts, fit, checks. */
import { describe, expect, it } from 'vitest';
import { buildEventModel } from '../../lambdas/event/briefing-model';
import { fuseEvent } from '../../lambdas/event/fuse';
import { layoutEvent, pageBudget, renderEventBriefing } from '../../lambdas/event/render';
import type { Box } from '../../lambdas/layout/types';
import { folded, pdfinfo, pdftotext, qpdfCheck } from '../render/poppler';
import { article } from './support';

const EPS = 0.01;
const inside = (b: Box, f: Box): boolean => b.x >= f.x - EPS && b.y >= f.y - EPS && b.x + b.w <= f.x + f.w + EPS && b.y + b.h <= f.y + f.h + EPS;
const overlap = (a: Box, b: Box): boolean => a.x < b.x + b.w - EPS && b.x < a.x + a.w - EPS && a.y < b.y + b.h - EPS && b.y < a.y + a.h - EPS;

const long = 'The rescue teams worked through the night under floodlights as aftershocks shook the town and families waited for news of relatives. '.repeat(2);
const days = ['2023-02-06', '2023-02-07', '2023-02-08', '2023-02-09', '2023-02-10'];
const tolls = [3000, 5000, 11000, 16035, 17100];
const outlets = ['Anatolia Wire', 'Levant Press', 'Gulf Times', 'Gulf Times', 'Aegean Post'];
/** Five articles, heavy on timeline entries and quotes: the fit must cut lists, not spill pages. */
const heavy = fuseEvent(days.map((day, i) => article(`a${i}.txt`, day, outlets[i]!, [
  { value: tolls[i]!, qualifier: i < 3 ? 'more_than' : 'exact', text: `${i < 3 ? 'more than ' : ''}${tolls[i]}`, sentence: `The toll stood at ${tolls[i]} on day ${i + 1}. ${long}` },
  { value: 20000 + i * 9000, category: 'injured', sentence: `Injured ${i}. ${long}` },
  { value: 1000 + i * 500, place: 'Syria', sentence: `In Syria ${i}. ${long}` },
  { value: tolls[i]! - 1000 - i * 500, place: 'Turkey', sentence: `In Turkey ${i}. ${long}` },
  { value: 1e6 + i * 1e5, category: 'displaced', sentence: `Displaced ${i}. ${long}` },
], {
  timeline: Array.from({ length: 8 }, (_, k) => ({ date: day, text: `Event ${k} of day ${i}: ${long.slice(0, 150)} ${k * 7 + i}`, span: [k, k + 1] as const })),
  quotes: Array.from({ length: 4 }, (_, k) => ({ text: `Quote ${k} from ${outlets[i]}: ${long.slice(0, 200)} ${k * 13 + i}`, speaker: `Speaker ${k}`, role: 'official' })),
})));

describe('the event briefing layout', () => {
  const laid = layoutEvent(heavy);

  it('fits five articles on three pages by leaving list entries out, and says so', () => {
    expect(pageBudget(5)).toBe(3);
    expect(pageBudget(12)).toBe(5);
    expect(laid.pages.length).toBeLessThanOrEqual(3);
    const texts = laid.pages.flatMap((p) => p.items.map((i) => ('text' in i ? i.text : ''))).join(' ');
    expect(texts).toMatch(/Left out for space: .*The Event JSON holds them all\./);
  });

  it('draws a line chart per measure of three reports or more, inside the frame, with no text overlapping', () => {
    const lines = laid.pages.flatMap((p) => p.items.filter((i) => i.kind === 'line'));
    expect(lines.length).toBeGreaterThanOrEqual(3);
    expect(lines[0]!.kind === 'line' && lines[0]!.points.length).toBe(5);
    for (const page of laid.pages) {
      for (const item of page.items) expect(inside(item, laid.frame)).toBe(true);
      const texts = page.items.filter((i) => i.kind === 'text');
      for (let i = 0; i < texts.length; i++) {
        for (let j = i + 1; j < texts.length; j++) expect(overlap(texts[i]!, texts[j]!), `"${'text' in texts[i]! ? texts[i]!.text : ''}" / "${'text' in texts[j]! ? texts[j]!.text : ''}"`).toBe(false);
      }
    }
  });

  it('charts only measures with three reports or more', () => {
    const model = buildEventModel(heavy, 'event test');
    expect(model.charts.map((c) => c.title)).toEqual(['People killed', 'People injured', 'People displaced', 'People killed in Turkey', 'People killed in Syria']);
    const two = fuseEvent([article('a.txt', '2023-02-06', 'A', [{ value: 1 }]), article('b.txt', '2023-02-07', 'B', [{ value: 2 }])]);
    expect(buildEventModel(two, 'event test').charts).toEqual([]);
  });

  it('puts each outlet and date in a column of the table, the latest last', () => {
    const [table] = buildEventModel(heavy, 'event test').tables;
    expect(table!.header).toEqual(['Measure', '6 Feb · Anatolia Wire', '7 Feb · Levant Press', '8 Feb · Gulf Times', '9 Feb · Gulf Times', '10 Feb · Aegean Post', 'Latest']);
    expect(table!.rows[0]).toEqual(['People killed', 'more than 3,000', 'more than 5,000', 'more than 11,000', '16,035', '17,100', '17,100, 10 Feb']);
  });
});

describe('the event briefing PDF', async () => {
  const pdf = await renderEventBriefing(heavy);

  it('passes qpdf --check, is tagged, dated by the latest article and byte-identical when made again', async () => {
    expect(qpdfCheck(pdf).status).toBe(0);
    const info = pdfinfo(pdf);
    expect(info).toMatch(/Tagged:\s+yes/);
    expect(info).toMatch(/CreationDate:\s+Fri Feb 10 00:00:00 2023 UTC/);
    expect(Buffer.from(await renderEventBriefing(heavy)).equals(Buffer.from(pdf))).toBe(true);
  });

  it('leads with cards for the latest of the key measures: value, label, date and outlet', () => {
    const text = folded(pdftotext(pdf));
    const cards = buildEventModel(heavy, 'event test').cards;
    expect(cards[0]).toEqual({ value: '17,100', qualifier: '', label: 'People killed', note: '', source: 'as of 10 Feb · Aegean Post' });
    for (const card of cards) for (const part of [card.value, card.label, `— ${card.source}`]) expect(text).toContain(part);
    expect(text).toMatch(/template event [0-9a-f]{12}/);
  });

  it('shows a disputed latest day with both values and their sources', async () => {
    const disputed = await renderEventBriefing(fuseEvent([
      article('a.json', '2026-02-09', 'Maputo Daily', [{ value: 41, source: 'health ministry' }]),
      article('b.html', '2026-02-09', 'Relief Report', [{ value: 48, source: 'MSF' }]),
    ]));
    const text = folded(pdftotext(disputed));
    expect(text).toContain('DISPUTED 48 / 41 as of 9 Feb People killed — MSF / health ministry');
    expect(text).toContain('People killed, 9 February 2026: 41 (health ministry, Maputo Daily) against 48 (MSF, Relief Report).');
    // The table's last column does not choose a side either.
    expect(text).toMatch(/People killed \(disputed\) 41 48 48 \/ 41, 9 Feb/);
  });

  it('says the sources agree when no measure shown is disputed', async () => {
    const text = folded(pdftotext(await renderEventBriefing(fuseEvent([
      article('a.json', '2026-02-08', 'Maputo Daily', [{ value: 41 }]),
      article('b.html', '2026-02-09', 'Relief Report', [{ value: 48 }]),
    ]))));
    expect(text).toContain('Where the reports disagree No two sources gave different figures for a measure shown here on the same day.');
  });
});

describe('what the event briefing follows', () => {
  const quantity = { category: 'quantity', unit: 'km', subject: 'depth', label: 'depth km' } as const;
  const model = buildEventModel(fuseEvent([
    article('a.md', '2026-03-02', 'Zagros Wire', [{ value: 180 }, { value: 12, ...quantity }, { value: 530, category: 'injured' }, { value: 2e6, category: 'money', unit: 'IQD', subject: 'grant', label: 'grant' }]),
    article('b.md', '2026-03-03', 'Levant Press', [{ value: 412 }, { value: 9, category: 'quantity', unit: 'mm', subject: 'rain', label: 'rain mm' }]),
    article('c.md', '2026-03-04', 'Halabja Herald', [{ value: 468 }, { value: 11, category: 'quantity', unit: 'mm', subject: 'rain', label: 'rain mm' }]),
  ]), 'event test');

  it('shows people, money and buildings from one report, and other quantities only when several articles give them', () => {
    const rows = model.tables.flatMap((t) => t.rows.map((r) => r[0]));
    expect(rows).toEqual(expect.arrayContaining(['People killed', 'People injured', 'Grant', 'Rain mm']));
    expect(rows).not.toContain('Depth km');
    expect(model.cards.map((c) => c.label)).not.toContain('Depth km');
  });
});
