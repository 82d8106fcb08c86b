import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { EventDocument } from '../../lambdas/event/types';
import { eventErrors } from '../../schema/validate-event';
import { extractionErrors } from '../../schema/validate';
import { article } from '../event/support';
import { pdfinfo } from '../render/poppler';
import { runCli } from '../support/cli';

const work = mkdtempSync(join(tmpdir(), 'briefing-event-cli-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Hand-written Extraction JSON files: "up from 500" in the second, as the extractor writes it. */
const first = article('a.json', '2019-06-28', 'Outlet A', [{ value: 500, qualifier: 'more_than', text: 'more than 500' }]).extraction;
const second = article('b.json', '2019-06-29', 'Outlet B', [
  { value: 544, text: '544', previousId: 'f2', span: [0, 3] },
  { value: 500, text: '500', previous: true, span: [30, 33] },
  { value: 2117, category: 'injured', text: '2,117', span: [60, 65] },
]).extraction;
writeFileSync(join(work, 'a.json'), JSON.stringify(first));
writeFileSync(join(work, 'b.json'), JSON.stringify(second));

describe('briefing event', () => {
  it('takes Extraction JSON files as they are and prints Event JSON, and nothing else, with --json', async () => {
    expect(extractionErrors(second)).toEqual([]);
    const r = await runCli(['event', 'b.json', 'a.json', '--json', '--title', 'Idlib offensive'], { cwd: work });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout) as EventDocument;
    expect(eventErrors(doc)).toEqual([]);
    expect(doc.title).toBe('Idlib offensive');
    expect(doc.articles.map((a) => a.file)).toEqual(['a.json', 'b.json']);
    const killed = doc.measures[0]!;
    expect(killed.reports.map((r) => [r.value, r.previous, r.outlet])).toEqual([[500, false, 'Outlet A'], [500, true, 'Outlet B'], [544, false, 'Outlet B']]);
    expect(killed.latest).toMatchObject({ value: 544, source: 'Outlet B', date: '2019-06-29' });
  });

  it('writes the PDF into a folder as event.pdf, or as <folder>.pdf for a folder of articles', async () => {
    const r = await runCli(['event', 'a.json', 'b.json', '-o', 'out/'], { cwd: work });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^out\/event\.pdf: \d+ bytes, \d+ measures from 2 articles\n$/);
    expect(pdfinfo(readFileSync(join(work, 'out/event.pdf')))).toMatch(/Pages:\s+[12]\n/);

    mkdirSync(join(work, 'idlib'), { recursive: true });
    writeFileSync(join(work, 'idlib/a.json'), JSON.stringify(first));
    writeFileSync(join(work, 'idlib/b.json'), JSON.stringify(second));
    writeFileSync(join(work, 'idlib/.DS_Store'), 'not an article');
    const folder = await runCli(['event', 'idlib/', '-o', 'out/'], { cwd: work });
    expect(folder.stderr).toBe('');
    expect(folder.stdout).toMatch(/^out\/idlib\.pdf: /);
  });

  it('asks for -o or --json', async () => {
    const r = await runCli(['event', 'a.json'], { cwd: work });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('error: a.json: give -o <out.pdf | folder> for the briefing PDF, --json for the Event JSON, or both\n');
  });

  it('names every refused article, writes nothing and exits 3', async () => {
    writeFileSync(join(work, 'empty.txt'), '');
    writeFileSync(join(work, 'bad.json'), JSON.stringify({ ...second, figures: [{ value: 'many' }] }));
    const r = await runCli(['event', 'a.json', 'missing.txt', 'empty.txt', 'bad.json', '-o', 'refused.pdf', '--json'], { cwd: work });
    expect(r.code).toBe(3);
    expect(r.stdout).toBe('');
    const lines = r.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(4);
    expect(lines[0]).toBe('error: missing.txt: no such file');
    expect(lines[1]).toMatch(/^error: empty\.txt: /);
    expect(lines[2]).toMatch(/^error: bad\.json: not valid Extraction JSON v1: /);
    expect(lines[3]).toBe('error: briefing: 3 of 4 articles refused; no event briefing written');
    expect(r.stderr).not.toMatch(/^\s+at /m);
    expect(existsSync(join(work, 'refused.pdf'))).toBe(false);
  });

  it('refuses an empty folder', async () => {
    mkdirSync(join(work, 'nothing'), { recursive: true });
    const r = await runCli(['event', 'nothing', '--json'], { cwd: work });
    expect(r.code).toBe(3);
    expect(r.stderr).toBe('error: nothing: no article files in this folder\n');
  });

  it('is listed by briefing --help', async () => {
    const r = await runCli(['--help']);
    expect(r.stdout).toMatch(/^\s+event \[options\] <article\.\.\.>\s+Fuse several articles/m);
  });
});
