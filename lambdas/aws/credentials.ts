/**
 * The credentials a handler signs with. On Lambda they are the function role's, which the
 * runtime puts in the environment (and renews with each new container); elsewhere they are
 * passed in (the local server's pair, a test's).
 */
import { BriefingError } from '../core/errors';

export interface AwsCredentials {
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
  /** Temporary credentials (a role's) come with one. */
  readonly sessionToken?: string;
}

/** AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY and AWS_SESSION_TOKEN, as Lambda sets them; an error naming what is missing. */
export function credentialsFromEnv(env: NodeJS.ProcessEnv = process.env): AwsCredentials {
  const accessKeyId = env.AWS_ACCESS_KEY_ID;
  const secretAccessKey = env.AWS_SECRET_ACCESS_KEY;
  if (!accessKeyId || !secretAccessKey) {
    const missing = [!accessKeyId && 'AWS_ACCESS_KEY_ID', !secretAccessKey && 'AWS_SECRET_ACCESS_KEY'].filter(Boolean).join(' and ');
    throw new BriefingError('usage', 'missing_credentials', `no AWS credentials: ${missing} not set (Lambda sets them from the function's role)`);
  }
  return { accessKeyId, secretAccessKey, ...(env.AWS_SESSION_TOKEN ? { sessionToken: env.AWS_SESSION_TOKEN } : {}) };
}
