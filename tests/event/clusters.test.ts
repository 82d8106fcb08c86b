/**
 * The acceptance run: `briefing event` on each development cluster (tests/fixtures/events),
 * through the real extractor, gives the hand-annotated reports, latest value and disputes of
 * every key measure; the event briefing PDF passes the single briefing's checks.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { EventDocument, Measure } from '../../lambdas/event/types';
import { eventErrors } from '../../schema/validate-event';
import { folded, pdffonts, pdfinfo, pdftotext, qpdfCheck } from '../render/poppler';
import { repoRoot, runCli } from '../support/cli';

interface Annotated {
  readonly name: string;
  readonly category: string;
  readonly place: string | null;
  readonly reports: readonly { article: string; date: string; value: number; previous?: boolean }[];
  readonly latest: { readonly value: number; readonly article?: string; readonly note?: string };
  readonly disputed: boolean;
}

const root = join(repoRoot, 'tests/fixtures/events');
const clusters = readdirSync(root).filter((f) => f.endsWith('.expected.json')).map((f) => f.replace(/\.expected\.json$/, '')).sort();
const work = mkdtempSync(join(tmpdir(), 'briefing-event-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const key = (article: string, value: number, previous: boolean): string => `${article}|${value}|${previous ? 'earlier' : 'current'}`;

/** The fused measure of the annotated one: same category and scope, most reports in common. */
function match(doc: EventDocument, a: Annotated): Measure {
  const wanted = new Set(a.reports.map((r) => key(r.article, r.value, r.previous === true)));
  const candidates = doc.measures.filter((m) => m.category === a.category && (m.place ?? '').toLowerCase() === (a.place ?? '').toLowerCase());
  const score = (m: Measure): number => m.reports.filter((r) => wanted.has(key(basename(r.article), r.value, r.previous))).length;
  const best = [...candidates].sort((x, y) => score(y) - score(x))[0];
  if (!best) throw new Error(`no ${a.category} measure for ${a.place ?? 'the whole event'}: ${doc.measures.map((m) => m.label).join(', ')}`);
  return best;
}

describe.each(clusters)('briefing event on %s', async (cluster) => {
  const expected = JSON.parse(readFileSync(join(root, `${cluster}.expected.json`), 'utf8')) as { measures: Annotated[] };
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
    const m = match(doc, annotated);
    const reports = m.reports.filter((r) => !r.part).map((r) => ({ article: basename(r.article), date: r.published, value: r.value, previous: r.previous }));

    it('has every annotated report, and no other, each on its date', () => {
      const want = annotated.reports.map((r) => `${r.date} ${key(r.article, r.value, r.previous === true)}`).sort();
      expect(reports.map((r) => `${r.date} ${key(r.article, r.value, r.previous)}`).sort()).toEqual(want);
    });

    it('puts them in time order: by date, and within an article in the annotated order', () => {
      const dates = reports.map((r) => r.date ?? '');
      expect(dates).toEqual([...dates].sort());
      for (const article of new Set(annotated.reports.map((r) => r.article))) {
        expect(reports.filter((r) => r.article === article).map((r) => r.value)).toEqual(annotated.reports.filter((r) => r.article === article).map((r) => r.value));
      }
    });

    it(`gives ${annotated.latest.value} as the latest${annotated.latest.note ? ', saying why' : ''}`, () => {
      expect(m.latest.value).toBe(annotated.latest.value);
      if (annotated.latest.article) expect(basename(m.latest.article)).toBe(annotated.latest.article);
      if (annotated.latest.note) expect(m.latest.note).not.toBeNull();
      else if (!m.disputes.some((d) => d.date === m.latest.date)) expect(m.latest.note).toBeNull();
    });

    it(annotated.disputed ? 'is disputed' : 'is not disputed', () => {
      expect(m.disputed).toBe(annotated.disputed);
      expect(m.key).toBe(true);
    });
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
        const m = match(doc, a);
        expect(text).toContain(new Intl.NumberFormat('en-US').format(a.latest.value));
        expect(text).toContain(m.latest.outlet);
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
