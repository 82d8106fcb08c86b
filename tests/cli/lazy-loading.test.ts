/**
 * Heavy parts load only for the command that needs them: what `briefing --help`, a refused
 * file and each command's own help load, read from the modules the built program actually
 * loads (tests/support/record-modules.mjs; the chunks the code-cache loader runs, from its
 * NODE_DEBUG=code-cache lines) and what each file of dist/ holds (dist/build-info.json).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { repoRoot, runCli } from '../support/cli';

const work = mkdtempSync(join(tmpdir(), 'briefing-lazy-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const recorder = pathToFileURL(join(repoRoot, 'tests/support/record-modules.mjs')).href;

/** The dist/ files `args` loaded, the npm packages inside them, Node's own modules it required, and the exit code. */
async function packagesLoaded(args: readonly string[]): Promise<{ code: number | null; files: Set<string>; packages: Set<string>; builtins: Set<string> }> {
  const log = join(work, `modules-${Math.random().toString(36).slice(2)}.txt`);
  writeFileSync(log, '');
  const result = await runCli(args, { cwd: work, nodeArgs: ['--import', recorder], env: { BRIEFING_MODULE_LOG: log, NODE_DEBUG: 'code-cache' } });
  const { outputs } = JSON.parse(readFileSync(join(repoRoot, 'dist/build-info.json'), 'utf8')) as { outputs: Record<string, string[]> };
  const chunks = [...result.stderr.matchAll(/^CODE-CACHE \d+: (.+\.cjs): /gm)].map((line) => basename(line[1]!));
  const lines = readFileSync(log, 'utf8').split('\n');
  const files = [...lines.filter((url) => url.includes('/dist/')).map((url) => basename(new URL(url).pathname)), ...chunks];
  expect(files).toContain('briefing.mjs');
  expect(chunks).toContain('briefing.cjs');
  const packages = new Set(files.flatMap((file) => outputs[file] ?? []).filter((name) => !/^(cli|lambdas|local|schema)\/|^package\.json$/.test(name)));
  return { code: result.code, files: new Set(files), packages, builtins: new Set(lines.filter((line) => line.startsWith('node:'))) };
}

describe('what a command loads', () => {
  it.each([
    [['--help']],
    [['render', '--help']],
    [['submit', '--help']],
    [['extract', 'empty.txt']],
    [['extract', 'missing.txt']],
    [['render', 'report.docx', '-o', 'out/']],
  ])('%j loads the argument parser and nothing heavy', async (args) => {
    writeFileSync(join(work, 'empty.txt'), '');
    writeFileSync(join(work, 'report.docx'), 'PK\u0003\u0004');
    const { code, packages } = await packagesLoaded(args);
    expect(code === 0 || code === 3).toBe(true);
    expect([...packages].sort()).toEqual(['commander']);
  });

  it('render of a plain-text article loads the extractor and the PDF writer, not the HTML or Markdown readers', async () => {
    writeFileSync(join(work, 'a.txt'), readFileSync(join(repoRoot, 'examples/antioquia-landslide.txt')));
    const { code, packages } = await packagesLoaded(['render', 'a.txt', '-o', 'out/']);
    expect(code).toBe(0);
    expect(packages).toContain('pdfkit');
    expect(packages).toContain('chrono-node');
    for (const heavy of ['@aws-sdk/client-s3', 'cli-progress', 'linkedom', 'markdown-it', 'yaml']) expect(packages).not.toContain(heavy);
  });

  it('render runs the shipped template with Handlebars\' runtime, and loads its compiler only for a template of the user\'s', async () => {
    writeFileSync(join(work, 'a.txt'), readFileSync(join(repoRoot, 'examples/antioquia-landslide.txt')));
    const shipped = await packagesLoaded(['render', 'a.txt', '-o', 'out/']);
    expect(shipped.code).toBe(0);
    expect(shipped.files).not.toContain('reader-handlebars.cjs');
    writeFileSync(join(work, 'mine.hbs'), '<document title="{{title}}"><paragraph>Mine: {{asOf}}</paragraph><footer>{{footer}}</footer></document>');
    const own = await packagesLoaded(['render', 'a.txt', '-o', 'out/', '--template', 'mine.hbs']);
    expect(own.code).toBe(0);
    expect(own.files).toContain('reader-handlebars.cjs');
  });

  it('render starts no process, so it never loads child_process (and net and dgram with it)', async () => {
    writeFileSync(join(work, 'a.txt'), readFileSync(join(repoRoot, 'examples/antioquia-landslide.txt')));
    const { code, builtins } = await packagesLoaded(['render', 'a.txt', '-o', 'out/']);
    expect(code).toBe(0);
    expect(builtins).toContain('node:fs');
    expect(builtins).not.toContain('node:child_process');
  });

  it('a page of menus is refused after the HTML reader (and only it) has read it', async () => {
    writeFileSync(join(work, 'menu.html'), '<html><body><nav><a href="/">Home</a></nav></body></html>');
    const { code, packages } = await packagesLoaded(['extract', 'menu.html']);
    expect(code).toBe(3);
    expect(packages).toContain('linkedom');
    expect(packages).toContain('@mozilla/readability');
    for (const heavy of ['markdown-it', 'yaml', 'chrono-node', 'pdfkit']) expect(packages).not.toContain(heavy);
  });
});
