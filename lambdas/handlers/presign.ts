/** Short-lived GET URLs for briefings (the Ready event's `url`), signed with the caller's credentials. */
import type { S3Objects } from '../aws/s3';

export type PresignUrl = (bucket: string, key: string) => Promise<{ readonly url: string; readonly expiresAt: string }>;

export const s3Presigner = (s3: S3Objects, seconds: number): PresignUrl => async (bucket, key) => {
  const signedAt = new Date();
  return { url: s3.presignGet(bucket, key, seconds, signedAt), expiresAt: new Date(signedAt.getTime() + seconds * 1000).toISOString() };
};
