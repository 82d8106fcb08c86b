/**
 * `npm start`'s entry as a process: it prints its endpoint and the aws cli recipe, logs one
 * line per article, and on SIGINT finishes the article in flight before exiting 0.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { PutObjectCommand } from '@aws-sdk/client-s3';
import { localS3Client } from '../../local/s3-server';
import { repoRoot } from '../support/cli';

const dataDir = mkdtempSync(join(tmpdir(), 'npm-start-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe('npm start (local/start.ts)', () => {
  it('serves uploads, then on SIGINT drains the work in flight and exits 0', async () => {
    const child = spawn(process.execPath, ['--import', pathToFileURL(join(repoRoot, 'node_modules/tsx/dist/loader.mjs')).href, 'local/start.ts'], {
      cwd: repoRoot,
      env: { ...process.env, PORT: '0', LOCAL_S3_DIR: dataDir },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
    const seen = (pattern: RegExp) =>
      new Promise<RegExpMatchArray>((resolve) => {
        const check = () => {
          const match = pattern.exec(stdout);
          if (match) resolve(match);
          else child.stdout.once('data', check);
        };
        check();
      });
    child.stdout.on('data', (chunk: Buffer) => { stdout += chunk.toString('utf8'); });

    const [, endpoint] = await seen(/S3 endpoint (http:\/\/127\.0\.0\.1:\d+)/);
    expect(stdout).toContain(`aws --endpoint-url ${endpoint} s3 cp`);
    expect(stdout).toMatch(/templates: briefing, flash from templates\/ \(reloaded on change; choose one per upload with metadata template=<name>\)/);
    const client = localS3Client(endpoint!);
    const article = readFileSync(join(repoRoot, 'examples/sava-river-floods.html'));
    await client.send(new PutObjectCommand({ Bucket: 'articles', Key: 'first.html', Body: article }));
    await seen(/ok {4}first\.html {2}\d+ figures/);
    // The same event the deployed stack puts on EventBridge, one JSON line on the log.
    const [, eventJson] = await seen(/^\S+ event (\{.*"Briefing Ready".*\})$/m);
    expect(JSON.parse(eventJson!).detail).toMatchObject({ input: { bucket: 'articles', key: 'first.html' }, output: { briefingKey: 'briefings/first.pdf' } });

    // The second article is in flight when the signal comes; it must still be finished.
    await client.send(new PutObjectCommand({ Bucket: 'articles', Key: 'second.html', Body: article }));
    client.destroy();
    child.kill('SIGINT');
    expect(await exited).toBe(0);
    expect(stdout).toMatch(/SIGINT: finishing work in flight/);
    expect(stdout).toMatch(/ok {4}second\.html {2}\d+ figures[\s\S]*stopped\n$/);
  });
});
