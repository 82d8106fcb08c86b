/**
 * `briefing submit <article…>`: upload articles to the pipeline's input bucket — the local one
 * (`npm start`) by default, or a deployed stack with `--bucket` and the standard AWS
 * credentials — and with `--wait` fetch each briefing (PDF + figures JSON) into `-o`.
 */
import { basename, relative } from 'node:path';
import { InvalidArgumentError, type Command } from 'commander';
import { S3Client } from '@aws-sdk/client-s3';
import { BriefingError, IntakeError, isBriefingError, UsageError } from '../../lambdas/core/errors';
import { DEFAULT_MAX_BYTES } from '../../lambdas/intake/types';
import { localS3Client } from '../../local/s3-server';
import { DEFAULT_PORT, INPUT_BUCKET, OUTPUT_BUCKET } from '../../local/pipeline';
import { downloadBriefing, uploadArticle, waitForOutcome, type Outcome, type Stack } from '../../local/submit-client';
import { mapLimit } from '../../local/map-limit';
import { progressBar } from '../../local/progress';
import { countPdfPages } from '../../local/pdf-pages';
import { errorLine, EXIT_BAD_INPUT, EXIT_FAILURE, runCommand } from '../exit';
import { readInputFile } from '../input';
import { parsePublished } from '../options';

export const DEFAULT_ENDPOINT = `http://127.0.0.1:${DEFAULT_PORT}`;

export interface SubmitOptions {
  readonly endpoint?: string;
  readonly bucket?: string;
  readonly outputBucket?: string;
  readonly wait?: boolean;
  readonly output: string;
  readonly timeout: number;
  readonly published?: string;
}

/** Waits in flight at once: each polls a few HEADs every 200 ms. */
const WAIT_LANES = 8;

function stackFor(options: SubmitOptions): Stack {
  const deployed = options.endpoint === undefined && options.bucket !== undefined;
  if (deployed && options.wait && options.outputBucket === undefined) {
    throw new UsageError('--wait on a deployed stack needs --output-bucket (the stack output with the output bucket name)');
  }
  return {
    // Deployed: the SDK's standard chain (AWS_PROFILE, env, SSO, instance role) and region.
    client: deployed ? new S3Client({}) : localS3Client(options.endpoint ?? DEFAULT_ENDPOINT),
    inputBucket: options.bucket ?? INPUT_BUCKET,
    outputBucket: options.outputBucket ?? OUTPUT_BUCKET,
  };
}

export async function submitCommand(files: readonly string[], options: SubmitOptions): Promise<number> {
  const stack = stackFor(options);
  const uploads: Array<{ file: string; key: string; etag: string }> = [];
  const bar = progressBar(files.length * (options.wait ? 2 : 1), options.wait ? 'submit+wait' : 'submit');
  try {
    for (const file of files) {
      // Refuse a missing or oversized file here, with the file's name, instead of as an error record.
      const bytes = await readInputFile(file, DEFAULT_MAX_BYTES).catch((error: unknown) => {
        throw isBriefingError(error) ? new IntakeError(error.code, error.message, { cause: error, context: { ...error.context, file } }) : error;
      });
      const key = basename(file);
      const etag = await uploadArticle(stack, key, bytes, options.published).catch((error: unknown) => {
        throw unreachable(error, options) ?? error;
      });
      uploads.push({ file, key, etag });
      bar.tick();
    }
    if (!options.wait) {
      bar.stop();
      for (const { file, key } of uploads) process.stdout.write(`uploaded ${file} → s3://${stack.inputBucket}/${key}\n`);
      return 0;
    }
    const results = await mapLimit(uploads, WAIT_LANES, async ({ file, key, etag }) => {
      try {
        const outcome: Outcome = await waitForOutcome(stack, key, etag, { timeoutMs: options.timeout * 1000 });
        return { file, outcome, saved: outcome.ok ? await downloadBriefing(stack, outcome, options.output) : null };
      } catch (error) {
        // One article that never finishes must not hide the others' results.
        return { file, error };
      } finally {
        bar.tick();
      }
    });
    bar.stop();
    let refused = 0;
    let stuck = 0;
    for (const result of results) {
      if ('error' in result) {
        stuck += 1;
        process.stderr.write(`${errorLine(result.file, result.error instanceof Error ? result.error.message : String(result.error))}\n`);
      } else if (result.outcome.ok && result.saved) {
        const { saved } = result;
        const pages = countPdfPages(saved.pdfBytes);
        process.stdout.write(`ok    ${result.file} → ${relative(process.cwd(), saved.pdf)} (${pages} pages, ${saved.extraction.figures.length} figures), ${relative(process.cwd(), saved.json)}\n`);
      } else if (!result.outcome.ok) {
        refused += 1;
        process.stderr.write(`${errorLine(result.file, result.outcome.reason)}\n`);
      }
    }
    return stuck > 0 ? EXIT_FAILURE : refused > 0 ? EXIT_BAD_INPUT : 0;
  } finally {
    bar.stop();
    stack.client.destroy();
  }
}

/** A refused connection to the local endpoint almost always means `npm start` is not running. */
function unreachable(error: unknown, options: SubmitOptions): BriefingError | null {
  const code = (error as NodeJS.ErrnoException).code ?? (error as { cause?: NodeJS.ErrnoException }).cause?.code;
  if (code !== 'ECONNREFUSED' || (options.bucket !== undefined && options.endpoint === undefined)) return null;
  const endpoint = options.endpoint ?? DEFAULT_ENDPOINT;
  return new BriefingError('storage', 'unreachable', `cannot reach ${endpoint}: start the local pipeline (npm start) or pass --endpoint / --bucket`, {
    cause: error,
    permanent: false,
  });
}

function parseSeconds(value: string): number {
  const seconds = Number(value);
  if (!Number.isFinite(seconds) || seconds <= 0) throw new InvalidArgumentError('expected a positive number of seconds, e.g. 120.');
  return seconds;
}

export function registerSubmit(program: Command): void {
  program
    .command('submit')
    .description('Upload articles to the pipeline (local by default) and, with --wait, download their briefings.')
    .argument('<article...>', 'article files (.txt .md .html .json); the object key is the file name')
    .option('--endpoint <url>', `S3 endpoint of a local pipeline (default ${DEFAULT_ENDPOINT} unless --bucket is given)`)
    .option('--bucket <name>', `input bucket; without --endpoint this means a deployed stack and the standard AWS credentials (default ${INPUT_BUCKET})`)
    .option('--output-bucket <name>', `output bucket to wait on (default ${OUTPUT_BUCKET})`)
    .option('--wait', 'wait for each briefing (or its error record) and download it')
    .option('-o, --output <dir>', 'where --wait writes <name>.pdf and <name>.json', 'out')
    .option('--timeout <seconds>', 'give up waiting for one article after this long', parseSeconds, 120)
    .option('--published <YYYY-MM-DD>', "publication date for every upload; overrides the articles' own", parsePublished)
    .addHelpText('after', '\nExit codes: 0 all briefed, 1 the pipeline did not answer in time, 2 usage error, 3 a file or article was refused (one line each on stderr).')
    .action((files: string[], options: SubmitOptions) => runCommand(files[0] ?? 'submit', () => submitCommand(files, options)));
}
