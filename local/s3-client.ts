/**
 * An S3 client set up for the embedded S3 server (path-style, its dummy key pair, checksums
 * only when required: s3rver would store the aws-chunked framing of a checksummed upload inside
 * the object). Apart from the server so a client (`briefing submit`) does not load s3rver.
 */
import { S3Client } from '@aws-sdk/client-s3';
import { LOCAL_CREDENTIALS } from './credentials';

export function localS3Client(endpoint: string): S3Client {
  return new S3Client({
    endpoint,
    region: 'us-east-1',
    forcePathStyle: true,
    credentials: LOCAL_CREDENTIALS,
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  });
}
