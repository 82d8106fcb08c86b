/**
 * The few S3 calls both stages make, with the two answers that are not failures turned into
 * values: a missing object (`undefined`) and an output that already records its source.
 */
import { GetObjectCommand, HeadObjectCommand, PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';

/** What a stage needs to know about an object before deciding to download it. */
export interface ObjectHead {
  readonly etag: string;
  /** Set on a versioned bucket. */
  readonly versionId?: string;
  readonly size: number;
  readonly lastModified: Date;
  readonly contentType: string | undefined;
  readonly metadata: Readonly<Record<string, string>>;
}

/** User metadata key under which every output records the ETag of the object it was made from. */
export const SOURCE_ETAG = 'source-etag';

/** ETags come quoted (`"9b2c…"`); metadata and comparisons use the bare value. */
export const bareEtag = (etag: string | undefined): string => (etag ?? '').replace(/^"|"$/g, '');

const isNotFound = (error: unknown): boolean => {
  const e = error as { name?: string; $metadata?: { httpStatusCode?: number } };
  return e?.name === 'NotFound' || e?.name === 'NoSuchKey' || e?.$metadata?.httpStatusCode === 404;
};

/** HEAD, or `undefined` when the object does not exist (needs s3:ListBucket, else S3 answers 403). */
export async function headObject(s3: S3Client, bucket: string, key: string): Promise<ObjectHead | undefined> {
  try {
    const head = await s3.send(new HeadObjectCommand({ Bucket: bucket, Key: key }));
    return {
      etag: bareEtag(head.ETag),
      versionId: head.VersionId ?? undefined,
      size: head.ContentLength ?? 0,
      lastModified: head.LastModified ?? new Date(0),
      contentType: head.ContentType,
      metadata: head.Metadata ?? {},
    };
  } catch (error) {
    if (isNotFound(error)) return undefined;
    throw error;
  }
}

/**
 * True when `key` exists and records `sourceEtag` as its source, and every `also` entry in its
 * metadata (e.g. the template's hash): a duplicate delivery.
 */
export async function recordsSource(s3: S3Client, bucket: string, key: string, sourceEtag: string, also: Readonly<Record<string, string>> = {}): Promise<boolean> {
  const head = await headObject(s3, bucket, key);
  return head?.metadata[SOURCE_ETAG] === sourceEtag && Object.entries(also).every(([name, value]) => head.metadata[name] === value);
}

/** GET as bytes (no body reads as empty), optionally pinned to a bare ETag; S3's errors propagate. */
export async function getObjectBytes(s3: S3Client, bucket: string, key: string, etag?: string): Promise<Uint8Array> {
  const got = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: key, IfMatch: etag === undefined ? undefined : `"${etag}"` }));
  return got.Body ? got.Body.transformToByteArray() : new Uint8Array();
}

/**
 * The object's bytes, pinned to the ETag the caller checked with HEAD (S3 answers 412 if the
 * object was replaced in between; the message is then retried and sees the new version).
 * `undefined` when it was deleted meanwhile.
 */
export async function readObject(s3: S3Client, bucket: string, key: string, etag: string): Promise<Uint8Array | undefined> {
  try {
    return await getObjectBytes(s3, bucket, key, etag);
  } catch (error) {
    if (isNotFound(error)) return undefined;
    throw error;
  }
}

export interface PutOptions {
  readonly contentType: string;
  readonly sourceEtag: string;
  readonly metadata?: Readonly<Record<string, string>>;
}

export async function writeObject(
  s3: S3Client,
  bucket: string,
  key: string,
  body: Uint8Array | string,
  options: PutOptions,
): Promise<void> {
  await s3.send(
    new PutObjectCommand({
      Bucket: bucket,
      Key: key,
      Body: body,
      ContentType: options.contentType,
      Metadata: { ...options.metadata, [SOURCE_ETAG]: options.sourceEtag },
    }),
  );
}
