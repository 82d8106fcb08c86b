/**
 * `briefing submit` as a user runs it, a child process against a local pipeline on a free port.
 */
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalPipeline, type LocalPipeline } from '../../local/pipeline';
import { repoRoot, runCli } from '../support/cli';

let pipeline: LocalPipeline;
let work: string;

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'submit-'));
  pipeline = await startLocalPipeline({ port: 0, dataDir: join(work, 'data') });
});

afterAll(async () => {
  await pipeline.stop();
  rmSync(work, { recursive: true, force: true });
});

describe('briefing submit', () => {
  it('uploads, waits for and downloads each briefing; a bad file exits 3 with its reason', async () => {
    const article = join(work, 'cyclone report.txt');
    const bad = join(work, 'blank.md');
    copyFileSync(join(repoRoot, 'examples/cyclone-nalini-mozambique.txt'), article);
    writeFileSync(bad, '   \n\n  \n');
    const out = join(work, 'out');
    const result = await runCli(['submit', article, bad, '--endpoint', pipeline.endpoint, '--wait', '-o', out, '--timeout', '30']);

    expect(result.code).toBe(3);
    expect(result.stdout).toMatch(/^ok {4}.*cyclone report\.txt → .*cyclone report\.pdf \(\d+ pages, \d+ figures\)/m);
    expect(result.stderr).toMatch(new RegExp(`^error: ${bad.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: .+$`, 'm'));
    expect(readFileSync(join(out, 'cyclone report.pdf')).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(JSON.parse(readFileSync(join(out, 'cyclone report.json'), 'utf8'))).toMatchObject({ schemaVersion: 1 });
    expect(existsSync(join(out, 'blank.pdf'))).toBe(false);
  });

  it('says how to start the pipeline when nothing listens on the endpoint', async () => {
    const article = join(repoRoot, 'examples/sindh-heatwave.json');
    const result = await runCli(['submit', article, '--endpoint', 'http://127.0.0.1:9']);
    expect(result.code).toBe(1);
    expect(result.stderr.trim().split('\n').at(-1)).toMatch(/^error: .*sindh-heatwave\.json: cannot reach http:\/\/127\.0\.0\.1:9: start the local pipeline \(npm start\)/);
  });

  it('refuses --wait on a deployed stack without the output bucket (exit 2)', async () => {
    const result = await runCli(['submit', join(repoRoot, 'examples/sindh-heatwave.json'), '--bucket', 'my-articles', '--wait']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/--output-bucket/);
  });
});
