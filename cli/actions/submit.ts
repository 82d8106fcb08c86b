/**
 * `briefing submit <article…>`: upload articles to the pipeline's input bucket — the local one
 * (`npm start`) by default, or a deployed stack with `--bucket` and the standard AWS
 * credentials (`--profile`, `--region`) — and with `--wait` fetch each briefing (PDF + figures
 * JSON) into `-o`. A file that cannot be read is refused here and the others go on.
 */
import { basename, relative } from 'node:path';
import { S3Client } from '@aws-sdk/client-s3';
import { BriefingError, isBriefingError, UsageError } from '../../lambdas/core/errors';
import { DEFAULT_MAX_BYTES } from '../../lambdas/intake/types';
import { INPUT_BUCKET, OUTPUT_BUCKET } from '../../local/endpoint';
import { mapLimit } from '../../local/map-limit';
import { countPdfPages } from '../../local/pdf-pages';
import { progressBar } from '../../local/progress';
import { localS3Client } from '../../local/s3-client';
import { downloadBriefing, uploadArticle, waitForOutcome, type Stack } from '../../local/submit-client';
import { writeArticleRecord, type ArticleRecord } from '../article-record';
import { DEFAULT_ENDPOINT, type SubmitOptions } from '../commands/submit';
import { errorLine, EXIT_BAD_INPUT, EXIT_FAILURE } from '../exit';
import { readInputFile } from '../input';

/** Waits in flight at once: each polls a few HEADs every 200 ms. */
const WAIT_LANES = 8;

const isDeployed = (options: SubmitOptions): boolean => options.endpoint === undefined && options.bucket !== undefined;

function stackFor(options: SubmitOptions): Stack {
  const deployed = isDeployed(options);
  if (!deployed && (options.region !== undefined || options.profile !== undefined)) {
    throw new UsageError('--region and --profile are for a deployed stack: give its --bucket (and no --endpoint)');
  }
  if (deployed && options.wait && options.outputBucket === undefined) {
    throw new UsageError('--wait on a deployed stack needs --output-bucket (the stack output with the output bucket name)');
  }
  return {
    // Deployed: the SDK's standard chain (AWS_PROFILE, env, SSO, instance role) and region, unless named.
    client: deployed ? new S3Client({ region: options.region, profile: options.profile }) : localS3Client(options.endpoint ?? DEFAULT_ENDPOINT),
    inputBucket: options.bucket ?? INPUT_BUCKET,
    outputBucket: options.outputBucket ?? OUTPUT_BUCKET,
  };
}

/** A setup problem of a deployed stack, said once, before any file is read: which, and how to set it. */
const setupError = (reason: string, cause: unknown): UsageError => new UsageError(reason, { cause, context: { file: 'briefing' } });

async function checkAwsSetup(client: S3Client, options: SubmitOptions): Promise<void> {
  const profile = options.profile ?? process.env.AWS_PROFILE;
  try {
    await client.config.region();
  } catch (error) {
    throw setupError(profile
      ? `no AWS region for the deployed stack: profile "${profile}" names none or does not exist (aws configure list-profiles); pass --region (e.g. --region eu-west-1), set AWS_REGION, or add one to the profile (aws configure --profile ${profile})`
      : 'no AWS region for the deployed stack: pass --region (e.g. --region eu-west-1), set AWS_REGION, or add region to your profile in ~/.aws/config (aws configure)', error);
  }
  try {
    await client.config.credentials();
  } catch (error) {
    throw setupError(profile
      ? `no AWS credentials for profile "${profile}": check its name (aws configure list-profiles), or set it up with aws configure --profile ${profile} (or aws sso login --profile ${profile})`
      : 'no AWS credentials: pass --profile <name>, set AWS_PROFILE, run aws configure (or aws sso login), or set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY', error);
  }
}

/**
 * A connection that fails says where it was going: locally, almost always `npm start` not
 * running; for a deployed stack, no network or a wrong region or bucket.
 */
function unreachable(error: unknown, options: SubmitOptions): BriefingError | null {
  const failure = (error as { cause?: NodeJS.ErrnoException }).cause ?? (error as NodeJS.ErrnoException);
  const code = failure.code ?? '';
  const cannotReach = (reason: string) => new BriefingError('storage', 'unreachable', `cannot reach ${reason}`, { cause: error, permanent: false });
  if (isDeployed(options)) {
    if (!['ENOTFOUND', 'EAI_AGAIN', 'ECONNREFUSED', 'ETIMEDOUT', 'ENETUNREACH'].includes(code)) return null;
    const host = (failure as { hostname?: string }).hostname ?? 'S3';
    return cannotReach(`${host} (${code}): check the network, --region and --bucket`);
  }
  if (code !== 'ECONNREFUSED') return null;
  return cannotReach(`${options.endpoint ?? DEFAULT_ENDPOINT}: start the local pipeline (npm start) or pass --endpoint / --bucket`);
}

/**
 * Where each article's outcome goes: with --json a record on stdout as soon as it is known;
 * otherwise a line (ok to stdout, refusals to stderr) held until the progress bar is gone.
 */
class Report {
  private readonly held: Array<() => void> = [];
  constructor(private readonly json: boolean) {}

  add(record: ArticleRecord, line: string | null): void {
    const write = () => {
      if (this.json) writeArticleRecord(record);
      if (record.status === 'refused' || record.status === 'failed') process.stderr.write(`${errorLine(record.file, record.reason)}\n`);
      else if (!this.json && line !== null) process.stdout.write(`${line}\n`);
    };
    if (this.json) write();
    else this.held.push(write);
  }

  flush(): void {
    for (const write of this.held.splice(0)) write();
  }
}

export async function submitCommand(files: readonly string[], options: SubmitOptions): Promise<number> {
  const stack = stackFor(options);
  const report = new Report(options.json ?? false);
  let refused = 0;
  let stuck = 0;
  try {
    if (isDeployed(options)) await checkAwsSetup(stack.client, options);
    const uploads: Array<{ file: string; key: string; etag: string }> = [];
    const bar = progressBar(options.json ? 0 : files.length * (options.wait ? 2 : 1), options.wait ? 'submit+wait' : 'submit');
    try {
      for (const file of files) {
        // A missing, oversized or wrong-kind file is refused here, with its name, not as an error record.
        const bytes = await readInputFile(file, DEFAULT_MAX_BYTES).catch((error: unknown) => {
          if (!isBriefingError(error)) throw error;
          refused += 1;
          report.add({ file, status: 'refused', reason: error.message }, null);
          if (options.wait) bar.tick(); // nothing to wait for either
          return null;
        });
        bar.tick();
        if (bytes === null) continue;
        const key = basename(file);
        const etag = await uploadArticle(stack, key, bytes, options.published).catch((error: unknown) => {
          throw unreachable(error, options) ?? error;
        });
        uploads.push({ file, key, etag });
        const object = `s3://${stack.inputBucket}/${key}`;
        if (!options.wait) report.add({ file, status: 'submitted', outputs: [object] }, `uploaded ${file} → ${object}`);
      }
      if (options.wait) {
        await mapLimit(uploads, WAIT_LANES, async ({ file, key, etag }) => {
          try {
            const outcome = await waitForOutcome(stack, key, etag, { timeoutMs: options.timeout * 1000 });
            if (!outcome.ok) {
              refused += 1;
              report.add({ file, status: 'refused', reason: outcome.reason }, null);
              return;
            }
            const saved = await downloadBriefing(stack, outcome, options.output);
            const pages = countPdfPages(saved.pdfBytes);
            report.add(
              { file, status: 'ok', outputs: [saved.pdf, saved.json] },
              `ok    ${file} → ${relative(process.cwd(), saved.pdf)} (${pages} pages, ${saved.extraction.figures.length} figures), ${relative(process.cwd(), saved.json)}`,
            );
          } catch (error) {
            // One article that never finishes must not hide the others' results.
            stuck += 1;
            report.add({ file, status: 'failed', reason: error instanceof Error ? error.message : String(error) }, null);
          } finally {
            bar.tick();
          }
        });
      }
    } finally {
      bar.stop();
      report.flush();
    }
    return stuck > 0 ? EXIT_FAILURE : refused > 0 ? EXIT_BAD_INPUT : 0;
  } finally {
    stack.client.destroy();
  }
}
