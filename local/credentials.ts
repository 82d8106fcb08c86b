/**
 * The environment an aws cli (v1 or v2) needs for the embedded S3 server: s3rver accepts the
 * key pair S3RVER/S3RVER, and flexible checksums must be off because s3rver would store the
 * aws-chunked framing of a checksummed upload inside the object (see local/s3-client.ts).
 */
export function localCredentialsEnv(): Record<string, string> {
  return {
    AWS_ACCESS_KEY_ID: 'S3RVER',
    AWS_SECRET_ACCESS_KEY: 'S3RVER',
    AWS_DEFAULT_REGION: 'us-east-1',
    AWS_REQUEST_CHECKSUM_CALCULATION: 'when_required',
    AWS_RESPONSE_CHECKSUM_VALIDATION: 'when_required',
  };
}
