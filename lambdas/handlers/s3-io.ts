/**
 * What the stages make of S3's answers, over either adapter of the object-store port
 * (lambdas/aws/object-store.ts): a missing object is `undefined`, a precondition that no longer
 * holds is `false`. Every call takes the invocation's AbortSignal, so none outlives the invocation.
 */
import { bareEtag, type ObjectHead, type ObjectStore } from '../aws/object-store';

export { bareEtag, type ObjectHead, type ObjectStore };

/** User metadata key under which every output records the ETag of the object it was made from. */
export const SOURCE_ETAG = 'source-etag';
/** …and the key of that object, so an output is never taken for another input's. */
export const SOURCE_KEY = 'source-key';

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

/** HEAD, or `undefined` when the object does not exist (needs s3:ListBucket, else S3 answers 403). */
export async function headObject(s3: ObjectStore, bucket: string, key: string, signal?: AbortSignal): Promise<ObjectHead | undefined> {
  try {
    return await s3.headObject(bucket, key, signal);
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

/** GET as bytes, optionally pinned to a bare ETag; S3's errors propagate. */
export const getObjectBytes = (s3: ObjectStore, bucket: string, key: string, etag?: string, signal?: AbortSignal): Promise<Uint8Array> =>
  s3.getObject(bucket, key, etag, signal);

/**
 * The object's bytes, pinned to the ETag the caller checked with HEAD: `undefined` when it was
 * deleted or replaced in between (S3 answers 404 or 412), so the caller skips a version that is
 * no longer current — the newer one has a notification of its own.
 */
export async function readObject(s3: ObjectStore, bucket: string, key: string, etag: string, signal?: AbortSignal): Promise<Uint8Array | undefined> {
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
export async function writeObject(s3: ObjectStore, bucket: string, key: string, body: Uint8Array | string, put: PutOptions): Promise<string | false> {
  try {
    return await s3.putObject(bucket, key, {
      body,
      contentType: put.contentType,
      metadata: { ...put.metadata, [SOURCE_ETAG]: put.sourceEtag, [SOURCE_KEY]: encodeMetadata(put.sourceKey) },
      ...(put.expect === undefined ? {} : put.expect === null ? { ifNoneMatch: '*' } : { ifMatch: put.expect }),
    }, put.signal);
  } catch (error) {
    // If-Match on a key that is gone answers 404: the object is no longer as expected either.
    if (put.expect !== undefined && (isPreconditionFailed(error) || isNotFound(error))) return false;
    throw error;
  }
}

/** Deletes the object only if it still has `etag`; `false` when it changed or is already gone. */
export async function deleteObjectIf(s3: ObjectStore, bucket: string, key: string, etag: string, signal?: AbortSignal): Promise<boolean> {
  try {
    await s3.deleteObject(bucket, key, etag, signal);
    return true;
  } catch (error) {
    if (isPreconditionFailed(error) || isNotFound(error)) return false;
    throw error;
  }
}
