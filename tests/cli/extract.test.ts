import { createHash } from 'node:crypto';
import { execFile, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readArticle } from '../../lambdas/intake';
import { extractionErrors } from '../../schema/validate';
import { BAD_INPUTS, writeBadInputs } from '../support/bad-inputs';
import { cliFile, repoRoot, runCli, type CliResult } from '../support/cli';

const seed = 'examples/idlib-offensive-2019.txt';
const fixture = (name: string): string => join(repoRoot, 'tests/fixtures/intake', name);

/** Exactly one line on stderr, in the contract's shape, and no stack trace. */
function expectOneErrorLine(result: CliResult, file: string): string {
  expect(result.stderr.endsWith('\n')).toBe(true);
  const lines = result.stderr.slice(0, -1).split('\n');
  expect(lines).toHaveLength(1);
  expect(lines[0]!.startsWith(`error: ${file}: `)).toBe(true);
  expect(result.stderr).not.toMatch(/^\s+at /m);
  expect(result.stdout).toBe('');
  return lines[0]!.slice(`error: ${file}: `.length);
}

describe('briefing extract', () => {
  it('npm run -s briefing -- extract <seed> prints schema-valid Extraction JSON and nothing else', async () => {
    const { stdout, stderr } = await promisify(execFile)('npm', ['run', '-s', 'briefing', '--', 'extract', seed], { cwd: repoRoot });
    expect(stderr).toBe('');
    const extraction = JSON.parse(stdout);
    expect(extractionErrors(extraction)).toEqual([]);
    expect(extraction.schemaVersion).toBe(1);
    expect(extraction.article.title).toBe('Idlib: ‘more than 500 civilians killed’ since Russian-led assault began');
    expect(extraction.article.sha256).toBe(createHash('sha256').update(readFileSync(resolve(repoRoot, seed))).digest('hex'));
    // The caption is outside the body: nothing the extractor reports comes from it.
    const article = readArticle(readFileSync(resolve(repoRoot, seed)), { name: seed });
    expect(article.paragraphs.length).toBeGreaterThanOrEqual(15);
    // The 70-word caption is not counted (within a tolerance for how words are counted).
    const bodyWords = article.text.split(/\s+/).length;
    expect(Math.abs(extraction.article.wordCount - bodyWords)).toBeLessThan(30);
    for (const figure of extraction.figures) expect(figure.sentence).not.toMatch(/file photo|OMAR HAJ KADOUR/);
  });

  it('--published sets the article date', async () => {
    const result = await runCli(['extract', seed, '--published', '2019-06-29']);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout).article.published).toBe('2019-06-29');
  });

  it.each([
    ['cyclone-page.html', 'Cyclone Idai: floods cut off Buzi as death toll climbs', '2019-03-18'],
    ['field-notes.md', 'Measles outbreak spreads to three more districts', '2022-11-14'],
    ['newsapi-article.json', 'Port strike strands 1,200 containers of medical supplies', '2024-04-09'],
    ['cafe-utf16be.txt', 'Café owners in Beira count the cost: “We lost €12,000 in one night”', null],
  ])('%s → schema-valid JSON with its title and date', async (name, title, published) => {
    const result = await runCli(['extract', fixture(name)]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const extraction = JSON.parse(result.stdout);
    expect(extractionErrors(extraction)).toEqual([]);
    expect(extraction.article).toMatchObject({ title, published });
  });

  it('--format overrides the extension', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'briefing-format-'));
    try {
      writeFileSync(join(dir, 'article.txt'), JSON.stringify({ title: 'Read as JSON', body: 'Forty homes burned.' }));
      const result = await runCli(['extract', 'article.txt', '--format', 'json'], { cwd: dir });
      expect(result.code).toBe(0);
      expect(JSON.parse(result.stdout).article.title).toBe('Read as JSON');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('briefing extract refuses bad input: exit 3, one line, no stack trace', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'briefing-bad-'));
    writeBadInputs(dir);
  });
  const timings: { args: string; ms: number; cpuMs: number }[] = [];
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
    if (process.env.BRIEFING_TIMINGS) console.table(timings);
  });

  it.each(BAD_INPUTS)('%j', async (args, reason) => {
    const result = await runCli(['extract', ...args], { cwd: dir });
    expect(result.code).toBe(3);
    expect(expectOneErrorLine(result, args[0]!)).toMatch(reason);
    // Speed is the bench's job (`npm run bench -- --only refusals`), not a timed assertion;
    // BRIEFING_TIMINGS=1 prints what each refusal cost here.
    timings.push({ args: args.join(' '), ms: Math.round(result.ms), cpuMs: Math.round(result.cpuMs ?? -1) });
  });
});

describe('briefing usage errors exit 2 with one line', () => {
  it.each([
    [['extract', seed, '--published', '2019-02-30'], /'2019-02-30' is invalid\. expected a real date written YYYY-MM-DD/],
    [['extract', seed, '--published', '29/06/2019'], /is invalid/],
    [['extract', seed, '--format', 'pdf'], /Allowed choices are txt, md, html, json/],
    [['extract', seed, '--max-bytes', 'lots'], /expected a positive whole number of bytes/],
    [['extract'], /missing required argument 'article'/],
    [['extract', seed, '--no-such-flag'], /unknown option '--no-such-flag'/],
    [['no-such-command'], /unknown command 'no-such-command'/],
  ])('%j', async (args, reason) => {
    const result = await runCli(args);
    expect(result.code).toBe(2);
    expect(expectOneErrorLine(result, 'briefing')).toMatch(reason);
  });
});

describe('briefing extract into a pipe that closes early', () => {
  it('stops quietly: exit 0, nothing on stderr', async () => {
    // `briefing extract big.txt | head -c 10`: the reader closes its end after a few bytes.
    const big = join(mkdtempSync(join(tmpdir(), 'briefing-pipe-')), 'big.txt');
    writeFileSync(big, `Headline\n\n${'At least 12 people were killed in the floods, officials said.\n'.repeat(20_000)}`);
    const child = spawn(process.execPath, [cliFile, 'extract', big], { cwd: repoRoot });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => { stderr += chunk.toString(); });
    child.stdout.once('data', () => child.stdout.destroy());
    const code = await new Promise<number | null>((done) => child.on('close', done));
    rmSync(big, { force: true });
    expect(stderr).toBe('');
    expect(code).toBe(0);
  });
});

describe('briefing --help', () => {
  it.each(['extract', 'render', 'batch', 'eval', 'submit', 'status', 'redrive'])('%s --help prints its usage and exits 0', async (command) => {
    const result = await runCli([command, '--help']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`Usage: briefing ${command}`);
    expect(result.stderr).toBe('');
  });

  it('lists every command of the contract', async () => {
    const result = await runCli(['--help']);
    expect(result.code).toBe(0);
    for (const command of ['extract', 'render', 'batch', 'eval', 'submit', 'status', 'redrive']) expect(result.stdout).toMatch(new RegExp(`^  ${command} `, 'm'));
  });
});
