/**
 * The acceptance run: `briefing event` on each development cluster (tests/fixtures/events),
 * through the real extractor, gives the hand-annotated reports, latest value and disputes of
 * every key measure; the event briefing PDF passes the single briefing's checks.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { matchMeasure, scoreMeasure, type EventAnnotation } from '../../lambdas/eval/event-score';
import type { EventDocument } from '../../lambdas/event/types';
import { eventErrors } from '../../schema/validate-event';
import { folded, pdffonts, pdfinfo, pdftotext, qpdfCheck } from '../render/poppler';
import { repoRoot, runCli } from '../support/cli';

const root = join(repoRoot, 'tests/fixtures/events');
const clusters = readdirSync(root).filter((f) => f.endsWith('.expected.json')).map((f) => f.replace(/\.expected\.json$/, '')).sort();
const work = mkdtempSync(join(tmpdir(), 'briefing-event-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe.each(clusters)('briefing event on %s', async (cluster) => {
  const expected = JSON.parse(readFileSync(join(root, `${cluster}.expected.json`), 'utf8')) as EventAnnotation;
  const pdfPath = join(work, `${cluster}.pdf`);
  const result = await runCli(['event', join(root, cluster), '-o', pdfPath, '--json']);
  const doc = JSON.parse(result.stdout) as EventDocument;

  it('exits 0 with schema-valid Event JSON on stdout and nothing on stderr', () => {
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(eventErrors(doc)).toEqual([]);
    expect(doc).toMatchObject({ schemaVersion: 1, kind: 'event' });
  });

  describe.each(expected.measures.map((m) => [m.name, m] as const))('%s', (_name, annotated) => {
    const score = scoreMeasure(doc, annotated);

    it('is a key measure of the event', () => {
      expect(score.found).toBe(true);
      expect(matchMeasure(doc, annotated)!.key).toBe(true);
    });
    it('has every annotated report, and no other, each on its date', () => expect(score.reports).toEqual([]));
    it('puts them in time order: by date, and within an article in the annotated order', () => expect(score.order).toEqual([]));
    it(`gives ${annotated.latest.value} as the latest${annotated.latest.note ? ', saying why' : ''}`, () => expect(score.latest).toEqual([]));
    it(annotated.disputed ? 'is disputed' : 'is not disputed', () => expect(score.disputed).toEqual([]));
  });

  describe('the event briefing PDF', () => {
    const pdf = new Uint8Array(readFileSync(pdfPath));

    it('passes qpdf --check, embeds only DejaVu Sans, is tagged and titled', () => {
      const check = qpdfCheck(pdf);
      expect(check.output).toContain('No syntax or stream encoding errors');
      expect(check.status).toBe(0);
      const fonts = pdffonts(pdf).trim().split('\n').slice(2);
      expect(fonts.length).toBeGreaterThan(0);
      for (const row of fonts) expect(row).toMatch(/DejaVuSans.*CID TrueType\s+Identity-H\s+yes yes yes/);
      const info = pdfinfo(pdf);
      expect(info).toMatch(/Tagged:\s+yes/);
      expect(info).toContain(`Title:           ${doc.title}`);
      const raw = Buffer.from(pdf).toString('latin1');
      for (const role of ['/S /Document', '/S /H1', '/S /H2', '/S /Table', '/S /TH', '/S /Figure']) expect(raw).toContain(role);
      expect(raw).toMatch(/\/S \/Figure\n\/Alt \(Line chart of /);
    });

    it(`fits ${doc?.articles.length} articles on at most 3 pages`, () => {
      const pages = Number(/Pages:\s+(\d+)/.exec(pdfinfo(pdf))![1]);
      expect(pages).toBeGreaterThanOrEqual(1);
      expect(pages).toBeLessThanOrEqual(3);
    });

    it('shows each annotated latest value with its outlet, and each dispute', () => {
      const text = folded(pdftotext(pdf));
      for (const a of expected.measures) {
        expect(text).toContain(new Intl.NumberFormat('en-US').format(a.latest.value));
        expect(text).toContain(matchMeasure(doc, a)!.latest.outlet);
      }
      expect(text.includes('Where the reports disagree')).toBe(expected.measures.some((a) => a.disputed));
    });

    it('is byte-identical when made again, from the articles in another order', async () => {
      const files = readdirSync(join(root, cluster)).sort().reverse().map((f) => join(root, cluster, f));
      const again = join(work, `${cluster}-again.pdf`);
      const rerun = await runCli(['event', ...files, '-o', again]);
      expect(rerun.code).toBe(0);
      expect(Buffer.from(readFileSync(again)).equals(Buffer.from(pdf))).toBe(true);
    });
  });
});
