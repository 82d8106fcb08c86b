/**
 * The reconcile pass: uploads whose notifications never reached a queue (written while the
 * pipeline was down, with no journal entry) are found at start from S3 alone and finished —
 * extraction and rendering alike — while finished ones, and older uploads sharing a name with a
 * newer one, are left alone.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DeleteObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { afterAll, describe, expect, it } from 'vitest';
import { findUnfinished } from '../../lambdas/handlers/reconcile';
import { startLocalPipeline, INPUT_BUCKET, OUTPUT_BUCKET } from '../../local/pipeline';
import { startS3Server } from '../../local/s3-server';
import { runCli } from '../support/cli';

const seed = readFileSync(new URL('../../examples/idlib-offensive-2019.txt', import.meta.url));
const flood = readFileSync(new URL('../../examples/sava-river-floods.html', import.meta.url));
const dataDir = mkdtempSync(join(tmpdir(), 'reconcile-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe('reconcile at start', () => {
  it('finishes what S3 holds unfinished, and nothing else', async () => {
    // First run: one article done end to end, then the pipeline stops.
    const first = await startLocalPipeline({ port: 0, dataDir });
    await first.client.send(new PutObjectCommand({ Bucket: INPUT_BUCKET, Key: 'done.txt', Body: seed }));
    await first.idle();
    await first.stop();

    // While it is down, S3 changes behind its back: no notification reaches any queue.
    const bare = await startS3Server({ directory: join(dataDir, 's3'), buckets: [INPUT_BUCKET, OUTPUT_BUCKET] });
    await bare.client.send(new PutObjectCommand({ Bucket: INPUT_BUCKET, Key: 'new upload.txt', Body: seed }));
    await bare.client.send(new PutObjectCommand({ Bucket: INPUT_BUCKET, Key: 'done again.txt', Body: seed }));
    // An older upload sharing its stem with a newer one: only the newer one is owed figures.
    await bare.client.send(new PutObjectCommand({ Bucket: INPUT_BUCKET, Key: 'pair.txt', Body: seed }));
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    await bare.client.send(new PutObjectCommand({ Bucket: INPUT_BUCKET, Key: 'pair.html', Body: flood }));
    // A briefing lost after its figures were written: only the render is owed.
    await bare.client.send(new DeleteObjectCommand({ Bucket: OUTPUT_BUCKET, Key: 'briefings/done.pdf' }));
    const unfinished = await findUnfinished(bare.client, { input: INPUT_BUCKET, output: OUTPUT_BUCKET });
    await bare.close();
    expect(unfinished.map(({ stage, key }) => `${stage} ${key}`)).toEqual([
      'extract done again.txt',
      'render figures/done.json',
      'extract new upload.txt',
      'extract pair.html',
    ]);

    const lines: string[] = [];
    const second = await startLocalPipeline({ port: 0, dataDir, log: (line) => lines.push(line) });
    expect(second.reconciled).toEqual({ extract: 3, render: 1 });
    await second.idle();
    expect(await findUnfinished(second.client, { input: INPUT_BUCKET, output: OUTPUT_BUCKET })).toEqual([]);
    await second.stop();
    expect(lines.filter((line) => line.startsWith('ok '))).toHaveLength(3);
    expect(lines).toContainEqual(expect.stringMatching(/reconcile 3 upload\(s\) without figures or an error record, 1 without a briefing: queued/));
  }, 120_000);

  it('`briefing reconcile` lists what was lost and has S3 announce it again, so the pipeline finishes it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'reconcile-cli-'));
    let dropped = 0;
    // The first notification of each upload vanishes, as a lost S3 event would.
    const pipeline = await startLocalPipeline({
      port: 0,
      dataDir: dir,
      wrapHandler: (stage, handler) => async (event, context) => (stage === 'extract' && dropped++ < 2 ? undefined : handler(event, context)),
    });
    try {
      await pipeline.client.send(new PutObjectCommand({ Bucket: INPUT_BUCKET, Key: 'lost one.txt', Body: seed }));
      await pipeline.client.send(new PutObjectCommand({ Bucket: INPUT_BUCKET, Key: 'lost two.html', Body: flood }));
      await pipeline.idle();
      expect(dropped).toBe(2);

      const dry = await runCli(['reconcile', '--endpoint', pipeline.endpoint, '--dry-run']);
      expect(dry.code, dry.stderr).toBe(0);
      expect(dry.stdout).toBe('extract s3://articles/lost one.txt\nextract s3://articles/lost two.html\n');
      expect(dry.stderr).toMatch(/2 unfinished upload\(s\) found \(dry run: nothing sent\)/);

      const done = new Promise<string[]>((resolve) => {
        const keys: string[] = [];
        pipeline.onArticle((result) => { keys.push(result.key); if (keys.length === 2) resolve(keys.sort()); });
      });
      const real = await runCli(['reconcile', '--endpoint', pipeline.endpoint]);
      expect(real.code, real.stderr).toBe(0);
      expect(real.stderr).toMatch(/2 unfinished upload\(s\) announced again/);
      expect(await done).toEqual(['lost one.txt', 'lost two.html']);
      await pipeline.idle();
      const after = await runCli(['reconcile', '--endpoint', pipeline.endpoint, '--dry-run']);
      expect(after.stdout).toBe('');
      expect(after.stderr).toMatch(/nothing unfinished/);
    } finally {
      await pipeline.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);

  it('refuses a deployed reconcile without the output bucket (exit 2)', async () => {
    const result = await runCli(['reconcile', '--bucket', 'my-articles']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/--output-bucket/);
  });
});
