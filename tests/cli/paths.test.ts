/**
 * Paths are the user's: relative to the folder the user stands in, however the program is
 * started — the built file run from elsewhere, `npm run briefing` from a subfolder (INIT_CWD),
 * `npx briefing` inside the project, or the command `npm install -g` puts on the PATH.
 */
import { execFile } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pdfinfo } from '../render/poppler';
import { repoRoot, runCli } from '../support/cli';

const run = promisify(execFile);
const SEED = 'idlib-offensive-2019.txt';
let work: string;

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'briefing-paths-'));
  copyFileSync(join(repoRoot, 'examples', SEED), join(work, SEED));
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** A fresh folder under the test's work folder. */
const folder = (name: string): string => {
  const dir = join(work, name);
  mkdirSync(dir, { recursive: true });
  return dir;
};

const expectBriefing = (file: string): void => {
  expect(existsSync(file)).toBe(true);
  expect(pdfinfo(readFileSync(file))).toMatch(/Title:\s+Idlib: ‘more than 500 civilians killed’/);
};

/** npm's own variables (INIT_CWD, npm_lifecycle_event…) as `npm test` set them would mislead a nested npm. */
const withoutNpm = (): NodeJS.ProcessEnv => Object.fromEntries(Object.entries(process.env).filter(([name]) => !/^(npm_|INIT_CWD$)/i.test(name)));

describe('render -o', () => {
  it('an existing folder gets <name>.pdf inside it', async () => {
    const out = folder('existing');
    const result = await runCli(['render', SEED, '-o', out], { cwd: work });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(`${join(out, 'idlib-offensive-2019.pdf')}: ${statSync(join(out, 'idlib-offensive-2019.pdf')).size} bytes\n`);
    expectBriefing(join(out, 'idlib-offensive-2019.pdf'));
  });

  it('a path ending in / is a folder, made if missing, relative to the working folder', async () => {
    const result = await runCli(['render', SEED, '-o', 'new/deeper/'], { cwd: work });
    expect(result.code).toBe(0);
    expectBriefing(join(work, 'new/deeper/idlib-offensive-2019.pdf'));
  });

  it('any other path is the PDF itself', async () => {
    const result = await runCli(['render', SEED, '-o', 'named.pdf'], { cwd: work });
    expect(result.code).toBe(0);
    expectBriefing(join(work, 'named.pdf'));
  });
});

describe('the folder the user stands in', () => {
  it('npm run briefing from another folder reads and writes there (INIT_CWD), not in the project', async () => {
    const { stdout, stderr } = await run('npm', ['--prefix', repoRoot, 'run', '-s', 'briefing', '--', 'render', SEED, '-o', 'via-npm/'], { cwd: work, env: withoutNpm() });
    expect(stderr).toBe('');
    expect(stdout).toBe(`via-npm/idlib-offensive-2019.pdf: ${statSync(join(work, 'via-npm/idlib-offensive-2019.pdf')).size} bytes\n`);
    expectBriefing(join(work, 'via-npm/idlib-offensive-2019.pdf'));
  });

  it('from examples/, npx briefing render idlib-offensive-2019.txt -o <folder>/ writes <folder>/idlib-offensive-2019.pdf', async () => {
    const out = join(work, 'via-npx');
    await run('npx', ['briefing', 'render', SEED, '-o', `${out}/`], { cwd: join(repoRoot, 'examples'), env: withoutNpm() });
    expectBriefing(join(out, 'idlib-offensive-2019.pdf'));
  });

  it('npm install -g puts a briefing command on the PATH that works outside the project', async () => {
    const prefix = folder('global');
    // The link npm makes to the project; dist/ is already built (the tests' globalSetup), so no script runs.
    await run('npm', ['install', '--global', '--prefix', prefix, '--ignore-scripts', '--no-audit', '--no-fund', repoRoot], { cwd: work, env: withoutNpm() });
    const elsewhere = folder('elsewhere');
    copyFileSync(join(work, SEED), join(elsewhere, SEED));
    const { stdout, stderr } = await run(join(prefix, 'bin/briefing'), ['render', SEED, '-o', 'out/'], { cwd: elsewhere, env: withoutNpm() });
    expect(stderr).toBe('');
    expect(stdout).toMatch(/^out\/idlib-offensive-2019\.pdf: \d+ bytes\n$/);
    expectBriefing(join(elsewhere, 'out/idlib-offensive-2019.pdf'));
  });
});
