/**
 * The V8 flags `briefing batch` sets for its threads (local/batch/tiering.ts): known to the V8
 * that runs them, set without a word on stdout or stderr, and none on a V8 they were not measured on.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { batchTieringFlags } from '../../local/batch/tiering';

const tiering = fileURLToPath(new URL('../../local/batch/tiering.ts', import.meta.url));
const tsx = fileURLToPath(new URL('../../node_modules/tsx/dist/loader.mjs', import.meta.url));

describe('the batch tiering flags', () => {
  it('are set on the V8 11.3 they were measured on (Node 20), and on no other', () => {
    expect(batchTieringFlags('11.3.244.8-node.38')).toEqual(['--no-turbo-inlining', '--interrupt-budget=400000']);
    expect(batchTieringFlags('11.8.172.17-node.20')).toEqual([]);
    expect(batchTieringFlags('12.4.254.21-node.33')).toEqual([]);
    expect(batchTieringFlags('13.6.233.10-node.27')).toEqual([]);
    expect(batchTieringFlags('10.2.154.26-node.26')).toEqual([]);
  });

  it('are each a flag this V8 lists', () => {
    const listed = spawnSync(process.execPath, ['--v8-options'], { encoding: 'utf8' }).stdout;
    for (const flag of batchTieringFlags()) {
      const name = flag.replace(/^--(no-)?/, '').replace(/=.*/, '');
      expect(listed).toContain(`--${name} `);
    }
  });

  it('are set silently: V8 prints an error for a flag it does not know', () => {
    const script = `import { tuneTieringForBatch } from ${JSON.stringify(tiering)}; tuneTieringForBatch();`;
    const run = spawnSync(process.execPath, ['--import', tsx, '--input-type=module', '-e', script], { encoding: 'utf8' });
    expect(run.status).toBe(0);
    expect(run.stdout + run.stderr).toBe('');
  });
});
