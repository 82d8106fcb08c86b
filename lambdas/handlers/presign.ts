/** Short-lived GET URLs for briefings (the Ready event's `url`), signed with the caller's credentials. */
import { GetObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';

export type PresignUrl = (bucket: string, key: string) => Promise<{ readonly url: string; readonly expiresAt: string }>;

export const s3Presigner = (s3: S3Client, seconds: number): PresignUrl => async (bucket, key) => {
  const signedAt = Date.now();
  const url = await getSignedUrl(s3, new GetObjectCommand({ Bucket: bucket, Key: key }), { expiresIn: seconds });
  return { url, expiresAt: new Date(signedAt + seconds * 1000).toISOString() };
};
