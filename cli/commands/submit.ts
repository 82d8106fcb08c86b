/** `briefing submit <article…>`: its definition; the work is in cli/actions/submit.ts. */
import { InvalidArgumentError, type Command } from 'commander';
import { DEFAULT_PORT, INPUT_BUCKET, OUTPUT_BUCKET } from '../../local/endpoint';
import { runCommand } from '../exit';
import { parsePublished } from '../options';

export const DEFAULT_ENDPOINT = `http://127.0.0.1:${DEFAULT_PORT}`;

export interface SubmitOptions {
  readonly endpoint?: string;
  readonly bucket?: string;
  readonly outputBucket?: string;
  readonly region?: string;
  readonly profile?: string;
  readonly wait?: boolean;
  readonly output: string;
  readonly timeout: number;
  readonly published?: string;
  readonly json?: boolean;
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
    .option('--region <region>', 'AWS region of a deployed stack (default: AWS_REGION, else the profile\'s region)')
    .option('--profile <name>', 'AWS profile (~/.aws/config) for a deployed stack (default: AWS_PROFILE, else the standard credential chain)')
    .option('--wait', 'wait for each briefing (or its error record) and download it')
    .option('-o, --output <dir>', 'where --wait writes <name>.pdf and <name>.json', 'out')
    .option('--timeout <seconds>', 'give up waiting for one article after this long', parseSeconds, 120)
    .option('--published <YYYY-MM-DD>', "publication date for every upload; overrides the articles' own", parsePublished)
    .option('--json', 'print one JSON object a line per article ({"file","status","outputs"} or {"file","status","reason"})')
    .addHelpText('after', '\nExit codes: 0 all briefed, 1 the pipeline did not answer in time, 2 usage error (also: no AWS region or credentials for a deployed stack), 3 a file or article was refused (one line each on stderr).')
    .action((files: string[], options: SubmitOptions) =>
      runCommand(files[0] ?? 'submit', async () => (await import('../actions/submit')).submitCommand(files, options)));
}
