/**
 * The few S3 calls the stages make, with the answers that are not failures turned into values:
 * a missing object (`undefined`), a precondition that no longer holds (`false`). Every call
 * takes the invocation's AbortSignal, so none outlives the invocation.
 */
import { DeleteObjectCommand, GetObjectCommand, HeadObjectCommand, PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';

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
/** …and the key of that object, so an output is never taken for another input's. */
export const SOURCE_KEY = 'source-key';

/** ETags come quoted (`"9b2c…"`); metadata and comparisons use the bare value. */
export const bareEtag = (etag: string | undefined): string => (etag ?? '').replace(/^"|"$/g, '');

const statusOf = (error: unknown): number | undefined => (error as { $metadata?: { httpStatusCode?: number } })?.$metadata?.httpStatusCode;

const isNotFound = (error: unknown): boolean => {
  const name = (error as { name?: string })?.name;
  return name === 'NotFound' || name === 'NoSuchKey' || statusOf(error) === 404;
};

/** S3's answer when an If-Match / If-None-Match condition fails (409: a conflicting write in flight). */
export const isPreconditionFailed = (error: unknown): boolean => {
  const name = (error as { name?: string })?.name;
  return name === 'PreconditionFailed' || name === 'ConditionalRequestConflict' || statusOf(error) === 412 || statusOf(error) === 409;
};

const options = (signal: AbortSignal | undefined) => (signal ? { abortSignal: signal } : undefined);

/** HEAD, or `undefined` when the object does not exist (needs s3:ListBucket, else S3 answers 403). */
export async function headObject(s3: S3Client, bucket: string, key: string, signal?: AbortSignal): Promise<ObjectHead | undefined> {
  try {
    const head = await s3.send(new HeadObjectCommand({ Bucket: bucket, Key: key }), options(signal));
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
 * True when `head` is an output made from the object `sourceKey` at `sourceEtag`, and records
 * every `also` entry in its metadata too (the template's name and hash).
 */
export function recordsSource(head: ObjectHead | undefined, sourceKey: string, sourceEtag: string, also: Readonly<Record<string, string>> = {}): boolean {
  if (head?.metadata[SOURCE_ETAG] !== sourceEtag) return false;
  if (!Object.entries(also).every(([name, value]) => head.metadata[name] === value)) return false;
  // Outputs written before source-key was recorded name no key; their ETag alone decides.
  const key = head.metadata[SOURCE_KEY];
  return key === undefined || key === encodeMetadata(sourceKey);
}

/**
 * GET as bytes (no body reads as empty), optionally pinned to a bare ETag; S3's errors
 * propagate. The SDK retries a request that fails before its answer starts, not a body that
 * breaks off while streaming; that read is tried again here, twice.
 */
export async function getObjectBytes(s3: S3Client, bucket: string, key: string, etag?: string, signal?: AbortSignal): Promise<Uint8Array> {
  for (let attempt = 1; ; attempt++) {
    const got = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: key, IfMatch: etag === undefined ? undefined : `"${etag}"` }), options(signal));
    try {
      return got.Body ? await got.Body.transformToByteArray() : new Uint8Array();
    } catch (error) {
      if (attempt >= 3 || signal?.aborted) throw error;
    }
  }
}

/**
 * The object's bytes, pinned to the ETag the caller checked with HEAD: `undefined` when it was
 * deleted or replaced in between (S3 answers 404 or 412), so the caller skips a version that is
 * no longer current — the newer one has a notification of its own.
 */
export async function readObject(s3: S3Client, bucket: string, key: string, etag: string, signal?: AbortSignal): Promise<Uint8Array | undefined> {
  try {
    return await getObjectBytes(s3, bucket, key, etag, signal);
  } catch (error) {
    if (isNotFound(error) || isPreconditionFailed(error)) return undefined;
    throw error;
  }
}

export interface PutOptions {
  readonly contentType: string;
  readonly sourceEtag: string;
  readonly sourceKey: string;
  readonly metadata?: Readonly<Record<string, string>>;
  /**
   * Write only if the object is still as the caller saw it: its bare ETag, or `null` for
   * "must not exist". Omitted: write unconditionally.
   */
  readonly expect?: string | null;
  readonly signal?: AbortSignal;
}

/**
 * S3 user metadata travels in HTTP headers: ASCII only. Keys are stored URI-encoded
 * (`source-key: 2019%2F%C3%BC.txt`), as the figures' article source is (correlation.ts).
 */
export const encodeMetadata = (value: string): string => encodeURIComponent(value);

/** Writes the object and returns its bare ETag; `false` when `expect` no longer holds (nothing was written). */
export async function writeObject(s3: S3Client, bucket: string, key: string, body: Uint8Array | string, put: PutOptions): Promise<string | false> {
  try {
    const written = await s3.send(
      new PutObjectCommand({
        Bucket: bucket,
        Key: key,
        Body: body,
        ContentType: put.contentType,
        Metadata: { ...put.metadata, [SOURCE_ETAG]: put.sourceEtag, [SOURCE_KEY]: encodeMetadata(put.sourceKey) },
        ...(put.expect === undefined ? {} : put.expect === null ? { IfNoneMatch: '*' } : { IfMatch: `"${put.expect}"` }),
      }),
      options(put.signal),
    );
    return bareEtag(written.ETag);
  } catch (error) {
    // If-Match on a key that is gone answers 404: the object is no longer as expected either.
    if (put.expect !== undefined && (isPreconditionFailed(error) || isNotFound(error))) return false;
    throw error;
  }
}

/** Deletes the object only if it still has `etag`; `false` when it changed or is already gone. */
export async function deleteObjectIf(s3: S3Client, bucket: string, key: string, etag: string, signal?: AbortSignal): Promise<boolean> {
  try {
    await s3.send(new DeleteObjectCommand({ Bucket: bucket, Key: key, IfMatch: `"${etag}"` }), options(signal));
    return true;
  } catch (error) {
    if (isPreconditionFailed(error) || isNotFound(error)) return false;
    throw error;
  }
}
