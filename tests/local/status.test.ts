/**
 * `briefing status` as a user runs it, a child process against a local pipeline on a free port:
 * briefed, failed with its reason, queued (an upload the pipeline has not seen), not found.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PutObjectCommand } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalPipeline, type LocalPipeline } from '../../local/pipeline';
import { localS3Client, startS3Server } from '../../local/s3-server';
import { repoRoot, runCli } from '../support/cli';

let pipeline: LocalPipeline;
let work: string;

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'status-'));
  pipeline = await startLocalPipeline({ port: 0, dataDir: join(work, 'data') });
  const client = localS3Client(pipeline.endpoint);
  await client.send(new PutObjectCommand({ Bucket: 'articles', Key: 'desk/cyclone.txt', Body: readFileSync(join(repoRoot, 'examples/cyclone-nalini-mozambique.txt')) }));
  await client.send(new PutObjectCommand({ Bucket: 'articles', Key: 'desk/blank.md', Body: '  \n' }));
  await pipeline.idle();
  client.destroy();
});

afterAll(async () => {
  await pipeline.stop();
  rmSync(work, { recursive: true, force: true });
});

describe('briefing status', () => {
  it('says which article is briefed and which failed, and why (exit 3 when one failed)', async () => {
    const result = await runCli(['status', 'desk/cyclone.txt', 'desk/blank.md', '--endpoint', pipeline.endpoint]);
    expect(result.code).toBe(3);
    const [briefed, failed] = result.stdout.trim().split('\n');
    expect(briefed).toBe('briefed   desk/cyclone.txt → s3://briefings/briefings/desk/cyclone.pdf');
    expect(failed).toMatch(/^failed {4}desk\/blank\.md: .+ \(s3:\/\/briefings\/errors\/desk\/blank\.md\.json\)$/);

    const json = await runCli(['status', 'desk/cyclone.txt', '--json', '--endpoint', pipeline.endpoint]);
    expect(json.code).toBe(0);
    expect(JSON.parse(json.stdout)).toEqual([expect.objectContaining({ key: 'desk/cyclone.txt', state: 'briefed', briefing: 'briefings/desk/cyclone.pdf', figures: 'figures/desk/cyclone.json' })]);
  });

  it('says queued for an upload no stage has finished, and exits 1 for a key that is not there', async () => {
    // A bare S3 server: the upload is there, nothing processes it.
    const bare = await startS3Server({ buckets: ['articles', 'briefings'] });
    await bare.client.send(new PutObjectCommand({ Bucket: 'articles', Key: 'waiting.txt', Body: 'text' }));
    const result = await runCli(['status', 'waiting.txt', 'missing.txt', '--endpoint', bare.endpoint]);
    await bare.close();
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/^queued {4}waiting\.txt: uploaded \d+ s ago, no figures yet$/m);
    expect(result.stderr.trim()).toBe('error: missing.txt: no such article in s3://articles/ (keys are case-sensitive and include folders)');
  });

  it('needs --output-bucket for a deployed stack (exit 2)', async () => {
    const result = await runCli(['status', 'a.txt', '--bucket', 'my-articles']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/status on a deployed stack needs --output-bucket/);
  });
});
