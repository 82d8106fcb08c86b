/**
 * `npm start` killed with SIGKILL in the middle of a batch, then started again on the same data:
 * every upload the server had acknowledged ends as a briefing of that very version — found in
 * the queue journal or by the reconcile pass at start.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { PutObjectCommand } from '@aws-sdk/client-s3';
import { afterAll, describe, expect, it } from 'vitest';
import { localS3Client } from '../../local/s3-server';
import { INPUT_BUCKET, OUTPUT_BUCKET } from '../../local/pipeline';
import { repoRoot } from '../support/cli';
import { articles, fateOf } from './harness';

const dataDir = mkdtempSync(join(tmpdir(), 'crash-'));
const children: ChildProcessWithoutNullStreams[] = [];
afterAll(() => {
  for (const child of children) child.kill('SIGKILL');
  rmSync(dataDir, { recursive: true, force: true });
});

function startServer(): { child: ChildProcessWithoutNullStreams; output: () => string; seen: (pattern: RegExp) => Promise<RegExpMatchArray> } {
  const child = spawn(process.execPath, ['--import', pathToFileURL(join(repoRoot, 'node_modules/tsx/dist/loader.mjs')).href, 'local/start.ts'], {
    cwd: repoRoot,
    env: { ...process.env, PORT: '0', LOCAL_S3_DIR: dataDir },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  children.push(child);
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => { stdout += chunk.toString('utf8'); });
  child.stderr.on('data', (chunk: Buffer) => { stderr += chunk.toString('utf8'); });
  const seen = (pattern: RegExp) =>
    new Promise<RegExpMatchArray>((resolve, reject) => {
      const check = () => {
        const match = pattern.exec(stdout);
        if (match) return resolve(match);
        if (child.exitCode !== null) return reject(new Error(`exited (${child.exitCode}) before ${pattern}: ${stdout}\n${stderr}`));
        setTimeout(check, 50);
      };
      check();
    });
  return { child, output: () => stdout, seen };
}

describe('kill -9 in the middle of a batch', () => {
  it('accounts for every acknowledged upload after a restart on the same data', async () => {
    const first = startServer();
    const [, endpoint] = await first.seen(/S3 endpoint (http:\/\/127\.0\.0\.1:\d+)/);
    const client = localS3Client(endpoint!);
    const uploads = articles(24);
    const acknowledged = new Map<string, string>();
    let killedAfter = -1;
    const briefedSoFar = () => (first.output().match(/ ok {4}/g) ?? []).length;
    // Killed once four articles are through: the rest are queued, in flight or not yet uploaded.
    const killing = (async () => {
      while (briefedSoFar() < 4) await new Promise((resolve) => setTimeout(resolve, 20));
      killedAfter = briefedSoFar();
      first.child.kill('SIGKILL');
    })();
    // Three clients upload until the server is gone; what it answered is acknowledged.
    let next = 0;
    await Promise.all(Array.from({ length: 3 }, async () => {
      while (next < uploads.length && killedAfter < 0) {
        const upload = uploads[next++]!;
        try {
          const put = await client.send(new PutObjectCommand({ Bucket: INPUT_BUCKET, Key: upload.key, Body: upload.bytes }));
          acknowledged.set(upload.key, put.ETag!.replace(/"/g, ''));
        } catch {
          return; // the server died under this request: not acknowledged
        }
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    }));
    await killing;
    await new Promise<void>((resolve) => (first.child.exitCode !== null || first.child.signalCode !== null ? resolve() : first.child.once('exit', () => resolve())));
    client.destroy();
    // Killed mid-batch: some acknowledged uploads had no briefing yet.
    expect(acknowledged.size).toBeGreaterThan(killedAfter);

    const second = startServer();
    const [, again] = await second.seen(/S3 endpoint (http:\/\/127\.0\.0\.1:\d+)/);
    const reader = localS3Client(again!);
    const deadline = Date.now() + 120_000;
    const pending = new Set(acknowledged.keys());
    while (pending.size > 0 && Date.now() < deadline) {
      for (const key of [...pending]) {
        const fate = await fateOf(reader, { input: INPUT_BUCKET, output: OUTPUT_BUCKET }, key);
        if (fate.kind === 'briefed') pending.delete(key);
        else if (fate.kind === 'error') throw new Error(`${key}: ${fate.record.reason}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
    reader.destroy();
    expect([...pending]).toEqual([]);
    // The second run says what it picked up: journalled messages and reconciled uploads.
    expect(second.output()).toMatch(/resume \d+ message|reconcile \d+ upload/);
    second.child.kill('SIGINT');
  }, 240_000);
});
