/** The options that say which pipeline a command talks to (the work is in cli/actions/stack.ts). */
import type { Command } from 'commander';
import { DEFAULT_PORT, INPUT_BUCKET, OUTPUT_BUCKET } from '../../local/endpoint';

export const DEFAULT_ENDPOINT = `http://127.0.0.1:${DEFAULT_PORT}`;

export interface StackOptions {
  readonly endpoint?: string;
  readonly bucket?: string;
  readonly outputBucket?: string;
  readonly region?: string;
  readonly profile?: string;
}

/** `--endpoint`, `--bucket`, `--output-bucket`, `--region`, `--profile`; `outputBucketUse` says what the output bucket is for here. */
export function addStackOptions(command: Command, outputBucketUse: string): Command {
  return command
    .option('--endpoint <url>', `S3 endpoint of a local pipeline (default ${DEFAULT_ENDPOINT} unless --bucket is given)`)
    .option('--bucket <name>', `input bucket; without --endpoint this means a deployed stack and the standard AWS credentials (default ${INPUT_BUCKET})`)
    .option('--output-bucket <name>', `output bucket ${outputBucketUse} (default ${OUTPUT_BUCKET})`)
    .option('--region <region>', 'AWS region of a deployed stack (default: AWS_REGION, else the profile\'s region)')
    .option('--profile <name>', 'AWS profile (~/.aws/config) for a deployed stack (default: AWS_PROFILE, else the standard credential chain)');
}
