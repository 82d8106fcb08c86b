/**
 * Which pipeline a command talks to, from `--endpoint`, `--bucket`, `--output-bucket`,
 * `--region` and `--profile`: the local one by default, a deployed stack with `--bucket` and no
 * `--endpoint`. Shared by submit and status, with the same refusals and the same one-line
 * answers when AWS is not set up or the endpoint cannot be reached.
 */
import { S3Client } from '@aws-sdk/client-s3';
import { BriefingError, UsageError } from '../../lambdas/core/errors';
import { INPUT_BUCKET, OUTPUT_BUCKET } from '../../local/endpoint';
import { localS3Client } from '../../local/s3-client';
import type { Stack } from '../../local/submit-client';
import { DEFAULT_ENDPOINT, type StackOptions } from '../commands/stack-options';

export const isDeployed = (options: StackOptions): boolean => options.endpoint === undefined && options.bucket !== undefined;

/** `readsOutputs`: what the caller does reads the output bucket, which a deployed stack must name. */
export function stackFor(options: StackOptions, readsOutputs: string | false): Stack {
  const deployed = isDeployed(options);
  if (!deployed && (options.region !== undefined || options.profile !== undefined)) {
    throw new UsageError('--region and --profile are for a deployed stack: give its --bucket (and no --endpoint)');
  }
  if (deployed && readsOutputs && options.outputBucket === undefined) {
    throw new UsageError(`${readsOutputs} on a deployed stack needs --output-bucket (the stack output OutputBucketName)`);
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

export async function checkAwsSetup(client: S3Client, options: StackOptions): Promise<void> {
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
export function unreachable(error: unknown, options: StackOptions): BriefingError | null {
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
