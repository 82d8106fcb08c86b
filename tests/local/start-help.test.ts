/** `npm start -- --help` says what `npm start` does and how to configure it, instead of starting. */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../support/cli';

const run = promisify(execFile);

describe('npm start -- --help', () => {
  it('prints its usage and exits 0 without starting a server', async () => {
    const { stdout } = await run('npm', ['start', '--silent', '--', '--help'], { cwd: repoRoot, timeout: 60_000 });
    expect(stdout).toMatch(/^Usage: npm start/m);
    expect(stdout).toMatch(/PORT=<n>/);
    expect(stdout).not.toMatch(/Local briefing pipeline: S3 endpoint/);
  });

  it('refuses an argument it does not take, in one line, exit 2', async () => {
    const failure = await run('npm', ['start', '--silent', '--', '--port', '9000'], { cwd: repoRoot, timeout: 60_000 }).catch((error: unknown) => error);
    expect(failure).toMatchObject({ code: 2, stderr: "error: npm start: unknown argument '--port' (it takes none; see npm start -- --help)\n" });
  });
});
