/**
 * `briefing submit` to a deployed stack (--region, --profile, what a missing region or
 * credentials says) and `--json`. The "deployed" stack is the embedded S3 server reached the
 * way the SDK reaches any endpoint (AWS_ENDPOINT_URL_S3), with a throw-away ~/.aws.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getObjectBytes } from '../../lambdas/handlers/s3-io';
import { startLocalPipeline, type LocalPipeline } from '../../local/pipeline';
import { repoRoot, runCli, type CliResult } from '../support/cli';
import { sdkObjectStore } from '../../lambdas/handlers/sdk-object-store';

const ARTICLE = join(repoRoot, 'examples/sindh-heatwave.json');
let work: string;
let home: string;
let pipeline: LocalPipeline;

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'briefing-submit-'));
  home = join(work, 'home');
  mkdirSync(join(home, '.aws'), { recursive: true });
  // s3rver accepts the key pair S3RVER/S3RVER.
  writeFileSync(join(home, '.aws/config'), '[profile analyst]\nregion = eu-central-1\n\n[profile no-region]\n');
  writeFileSync(join(home, '.aws/credentials'), '[analyst]\naws_access_key_id = S3RVER\naws_secret_access_key = S3RVER\n\n[no-region]\naws_access_key_id = S3RVER\naws_secret_access_key = S3RVER\n');
  pipeline = await startLocalPipeline({ port: 0, dataDir: join(work, 'data') });
});

afterAll(async () => {
  await pipeline.stop();
  rmSync(work, { recursive: true, force: true });
});

/** A user's environment with nothing of AWS in it but this ~/.aws; no instance metadata to wait for. */
function awsEnv(extra: Record<string, string> = {}): Record<string, string | undefined> {
  const cleared = Object.fromEntries(Object.keys(process.env).filter((name) => name.startsWith('AWS_')).map((name) => [name, undefined]));
  return { ...cleared, HOME: home, AWS_EC2_METADATA_DISABLED: 'true', ...extra };
}

const oneLine = (result: CliResult): string => {
  expect(result.stderr).toMatch(/^[^\n]*\n$/);
  expect(result.stdout).toBe('');
  return result.stderr.trim();
};

describe('submit to a deployed stack', () => {
  it('without a region says which is missing and how to set it (exit 2)', async () => {
    const result = await runCli(['submit', ARTICLE, '--bucket', 'my-articles'], { env: awsEnv() });
    expect(result.code).toBe(2);
    expect(oneLine(result)).toBe('error: briefing: no AWS region for the deployed stack: pass --region (e.g. --region eu-west-1), set AWS_REGION, or add region to your profile in ~/.aws/config (aws configure)');
  });

  it('with a profile that has no region, names the profile', async () => {
    const result = await runCli(['submit', ARTICLE, '--bucket', 'my-articles', '--profile', 'no-region'], { env: awsEnv() });
    expect(result.code).toBe(2);
    expect(oneLine(result)).toMatch(/^error: briefing: no AWS region for the deployed stack: profile "no-region" names none or does not exist \(aws configure list-profiles\); pass --region/);
  });

  it('with a region but no credentials says how to give them (exit 2)', async () => {
    const result = await runCli(['submit', ARTICLE, '--bucket', 'my-articles', '--region', 'eu-west-1'], { env: awsEnv() });
    expect(result.code).toBe(2);
    expect(oneLine(result)).toBe('error: briefing: no AWS credentials: pass --profile <name>, set AWS_PROFILE, run aws configure (or aws sso login), or set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY');
  });

  it('uploads with --profile (its keys and region), --json saying where each article went', async () => {
    const env = awsEnv({ AWS_ENDPOINT_URL_S3: pipeline.endpoint, AWS_REQUEST_CHECKSUM_CALCULATION: 'when_required' });
    const result = await runCli(['submit', ARTICLE, join(work, 'missing.txt'), '--bucket', pipeline.inputBucket, '--profile', 'analyst', '--json'], { env });
    expect(result.code).toBe(3);
    expect(result.stdout.trim().split('\n').map((line) => JSON.parse(line))).toEqual([
      { file: ARTICLE, status: 'submitted', outputs: [`s3://${pipeline.inputBucket}/sindh-heatwave.json`] },
      { file: join(work, 'missing.txt'), status: 'refused', reason: 'no such file' },
    ]);
    expect(result.stderr).toBe(`error: ${join(work, 'missing.txt')}: no such file\n`);
    const stored = await getObjectBytes(sdkObjectStore(pipeline.client), pipeline.inputBucket, 'sindh-heatwave.json');
    expect(Buffer.from(stored).equals(readFileSync(ARTICLE))).toBe(true);
  });

  it('--region and --profile are refused for the local pipeline (exit 2)', async () => {
    const result = await runCli(['submit', ARTICLE, '--endpoint', pipeline.endpoint, '--region', 'eu-west-1']);
    expect(result.code).toBe(2);
    expect(oneLine(result)).toMatch(/--region and --profile are for a deployed stack/);
  });
});

describe('submit --wait --json', () => {
  it('one JSON object a line per article: outputs when briefed, reason when refused', async () => {
    const blank = join(work, 'blank.md');
    writeFileSync(blank, '  \n\n  \n');
    const out = join(work, 'out');
    const result = await runCli(['submit', ARTICLE, blank, '--endpoint', pipeline.endpoint, '--wait', '-o', out, '--timeout', '30', '--json']);
    expect(result.code).toBe(3);
    const records = result.stdout.trim().split('\n').map((line) => JSON.parse(line) as { file: string });
    // Articles finish in any order, and the two paths sort differently on each machine.
    expect(records).toHaveLength(2);
    expect(records).toEqual(expect.arrayContaining([
      { file: blank, status: 'refused', reason: expect.stringMatching(/no visible text/) },
      { file: ARTICLE, status: 'ok', outputs: [join(out, 'sindh-heatwave.pdf'), join(out, 'sindh-heatwave.json')] },
    ]));
    expect(readFileSync(join(out, 'sindh-heatwave.pdf')).subarray(0, 5).toString('latin1')).toBe('%PDF-');
  });
});
