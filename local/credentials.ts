/**
 * The local server's one key pair, and the environment an aws cli (v1 or v2) needs for it.
 * The server verifies every request's SigV4 signature against this pair (s3-guard.ts). Flexible
 * checksums must be off because s3rver would store the aws-chunked framing of a checksummed
 * upload inside the object (local/s3-client.ts).
 */
import type { Credentials } from './sigv4';

export const LOCAL_CREDENTIALS: Credentials = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' };

export function localCredentialsEnv(): Record<string, string> {
  return {
    AWS_ACCESS_KEY_ID: LOCAL_CREDENTIALS.accessKeyId,
    AWS_SECRET_ACCESS_KEY: LOCAL_CREDENTIALS.secretAccessKey,
    AWS_DEFAULT_REGION: 'us-east-1',
    AWS_REQUEST_CHECKSUM_CALCULATION: 'when_required',
    AWS_RESPONSE_CHECKSUM_VALIDATION: 'when_required',
  };
}
