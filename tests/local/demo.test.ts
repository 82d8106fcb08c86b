/**
 * `npm run demo`, the newcomer's first command: every example gets its briefing in out/, a
 * table is printed, and it all takes well under a minute.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { withoutExtension } from '../../lambdas/handlers/s3-keys';
import { repoRoot } from '../support/cli';

describe('npm run demo', () => {
  it('writes a PDF and figures JSON for every example to out/ in under 60 s and exits 0', () => {
    const started = Date.now();
    const run = spawnSync('npm', ['run', '-s', 'demo'], { cwd: repoRoot, encoding: 'utf8', timeout: 60_000 });
    const seconds = (Date.now() - started) / 1000;

    expect(run.status, run.stderr).toBe(0);
    expect(seconds).toBeLessThan(60);
    const examples = readdirSync(join(repoRoot, 'examples'));
    expect(run.stdout).toMatch(/^article\s+key figures\s+pages\s+ms$/m);
    for (const example of examples) {
      const base = join(repoRoot, 'out', withoutExtension(example));
      expect(readFileSync(`${base}.pdf`).subarray(0, 5).toString('latin1')).toBe('%PDF-');
      // Written by this run, not left over from an earlier one.
      expect(statSync(`${base}.pdf`).mtimeMs).toBeGreaterThanOrEqual(started - 1000);
      expect(JSON.parse(readFileSync(`${base}.json`, 'utf8'))).toMatchObject({ schemaVersion: 1 });
      expect(run.stdout).toMatch(new RegExp(`^${example.replace(/[.]/g, '\\.')}\\s+\\S.*\\s+\\d+\\s+\\d+$`, 'm'));
    }
    expect(run.stdout).toMatch(new RegExp(`${examples.length} of ${examples.length} briefings .* in out/`));
  }, 70_000);
});
