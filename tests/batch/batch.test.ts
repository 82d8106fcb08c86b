/**
 * `briefing batch` as a user runs it: real worker threads, real PDFs, bad files listed.
 */
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { repoRoot, runCli } from '../support/cli';
import { pdfinfo } from '../render/poppler';

const work = mkdtempSync(join(tmpdir(), 'batch-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('briefing batch', () => {
  it('briefs every good article, goes on past bad ones, lists them with reasons and exits 3', async () => {
    const inDir = join(work, 'in');
    mkdirSync(join(inDir, 'nested'), { recursive: true });
    copyFileSync(join(repoRoot, 'examples/idlib-offensive-2019.txt'), join(inDir, 'idlib.txt'));
    copyFileSync(join(repoRoot, 'examples/dengue-outbreak-honduras.md'), join(inDir, 'nested', 'dengue.md'));
    copyFileSync(join(repoRoot, 'examples/sava-river-floods.html'), join(inDir, 'sava floods.html'));
    writeFileSync(join(inDir, 'empty.txt'), '');
    writeFileSync(join(inDir, 'photo.json'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]));
    writeFileSync(join(inDir, '.DS_Store'), 'junk');
    const outDir = join(work, 'out');

    const result = await runCli(['batch', inDir, '-o', outDir, '--jobs', '2']);

    expect(result.code).toBe(3);
    expect(result.stdout).toMatch(/^5 articles, 3 ok, 2 failed in [\d.]+ s \([\d.]+ briefings\/s on 2 workers\)/m);
    const errors = result.stderr.trim().split('\n').filter((line) => line.startsWith('error: '));
    expect(errors).toHaveLength(2);
    expect(errors[0]).toMatch(/^error: empty\.txt: .*empty/);
    expect(errors[1]).toMatch(/^error: photo\.json: .*PNG/);
    expect(result.stderr).not.toMatch(/\n\s+at /);

    expect(readdirSync(outDir).sort()).toEqual(['idlib.json', 'idlib.pdf', 'nested', 'sava floods.json', 'sava floods.pdf']);
    expect(readdirSync(join(outDir, 'nested')).sort()).toEqual(['dengue.json', 'dengue.pdf']);
    const pdf = readFileSync(join(outDir, 'idlib.pdf'));
    expect(Number(/Pages:\s+(\d+)/.exec(pdfinfo(pdf))?.[1])).toBeGreaterThanOrEqual(1);
    expect(JSON.parse(readFileSync(join(outDir, 'nested', 'dengue.json'), 'utf8'))).toMatchObject({ schemaVersion: 1, article: { input: 'nested/dengue.md' } });
  });

  it('--json: one JSON object a line per article, with its outputs or the reason it was refused', async () => {
    const inDir = join(work, 'json-in');
    mkdirSync(inDir);
    copyFileSync(join(repoRoot, 'examples/sindh-heatwave.json'), join(inDir, 'sindh.json'));
    writeFileSync(join(inDir, 'scan.pdf'), '%PDF-1.7\n');
    const outDir = join(work, 'json-out');

    const result = await runCli(['batch', inDir, '-o', outDir, '--jobs', '1', '--json']);

    expect(result.code).toBe(3);
    const records = result.stdout.trim().split('\n').map((line) => JSON.parse(line) as { file: string });
    records.sort((a, b) => a.file.localeCompare(b.file));
    expect(records).toEqual([
      { file: join(inDir, 'scan.pdf'), status: 'refused', reason: expect.stringMatching(/^a PDF \(\.pdf\) is not read here: save its text as a \.txt file/) },
      { file: join(inDir, 'sindh.json'), status: 'ok', outputs: [join(outDir, 'sindh.pdf'), join(outDir, 'sindh.json')] },
    ]);
    expect(readFileSync(join(outDir, 'sindh.pdf')).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(result.stderr).toMatch(/^error: scan\.pdf: a PDF/m);
  });

  it('fails an article whose output cannot be written, naming the file, and briefs the others', async () => {
    const inDir = join(work, 'unwritable-in');
    mkdirSync(inDir);
    copyFileSync(join(repoRoot, 'examples/idlib-offensive-2019.txt'), join(inDir, 'idlib.txt'));
    copyFileSync(join(repoRoot, 'examples/dengue-outbreak-honduras.md'), join(inDir, 'dengue.md'));
    const outDir = join(work, 'unwritable-out');
    // A folder where the PDF should go: the disk refuses the file.
    mkdirSync(join(outDir, 'idlib.pdf'), { recursive: true });

    const result = await runCli(['batch', inDir, '-o', outDir, '--jobs', '1']);

    expect(result.code).toBe(3);
    expect(result.stdout).toMatch(/^2 articles, 1 ok, 1 failed/m);
    expect(result.stderr).toMatch(new RegExp(`^error: idlib\\.txt: could not write ${join(outDir, 'idlib.pdf').replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: .*EISDIR`, 'm'));
    expect(result.stderr).not.toMatch(/internal error|\n\s+at /);
    expect(readdirSync(outDir).sort()).toEqual(['dengue.json', 'dengue.pdf', 'idlib.pdf']);
  });

  it('fails an article whose output folder cannot be made (a file in its place), and briefs the others', async () => {
    const inDir = join(work, 'blocked-in');
    mkdirSync(join(inDir, 'nested'), { recursive: true });
    copyFileSync(join(repoRoot, 'examples/idlib-offensive-2019.txt'), join(inDir, 'idlib.txt'));
    copyFileSync(join(repoRoot, 'examples/dengue-outbreak-honduras.md'), join(inDir, 'nested', 'dengue.md'));
    const outDir = join(work, 'blocked-out');
    mkdirSync(outDir);
    writeFileSync(join(outDir, 'nested'), 'a file where the folder should be');

    const result = await runCli(['batch', inDir, '-o', outDir, '--jobs', '1']);

    expect(result.code).toBe(3);
    expect(result.stdout).toMatch(/^2 articles, 1 ok, 1 failed/m);
    expect(result.stderr).toMatch(/^error: nested\/dengue\.md: could not write \S*nested: /m);
    expect(result.stderr).not.toMatch(/internal error|\n\s+at /);
  });

  it('exits 2 for a folder that does not exist', async () => {
    const result = await runCli(['batch', join(work, 'nope'), '-o', join(work, 'o2')]);
    expect(result.code).toBe(2);
    expect(result.stderr.trim()).toMatch(/^error: .*nope: not a directory/);
  });
});
