/**
 * The object-store port (lambdas/aws/object-store.ts) over the AWS SDK's S3Client, for the code
 * that lists and copies as well (the event and reconcile handlers, the web API, the local tools)
 * and so holds an SDK client anyway. The handlers' own client (lambdas/aws/s3.ts) is the other.
 */
import { DeleteObjectCommand, GetObjectCommand, HeadObjectCommand, PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { bareEtag, type ObjectStore } from '../aws/object-store';

const options = (signal: AbortSignal | undefined) => (signal ? { abortSignal: signal } : undefined);

/** One adapter per client, so callers may wrap the client they hold at each call. */
const adapters = new WeakMap<S3Client, ObjectStore>();

export function sdkObjectStore(s3: S3Client): ObjectStore {
  let adapter = adapters.get(s3);
  if (!adapter) adapters.set(s3, (adapter = sdkAdapter(s3)));
  return adapter;
}

function sdkAdapter(s3: S3Client): ObjectStore {
  return {
    async headObject(bucket, key, signal) {
      const head = await s3.send(new HeadObjectCommand({ Bucket: bucket, Key: key }), options(signal));
      return {
        etag: bareEtag(head.ETag),
        versionId: head.VersionId ?? undefined,
        size: head.ContentLength ?? 0,
        lastModified: head.LastModified ?? new Date(0),
        contentType: head.ContentType,
        metadata: head.Metadata ?? {},
      };
    },
    // The SDK retries a request that fails before its answer starts, not a body that breaks off
    // while streaming; that read is tried again here, twice.
    async getObject(bucket, key, ifMatch, signal) {
      for (let attempt = 1; ; attempt++) {
        const got = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: key, IfMatch: ifMatch === undefined ? undefined : `"${ifMatch}"` }), options(signal));
        try {
          return got.Body ? await got.Body.transformToByteArray() : new Uint8Array();
        } catch (error) {
          if (attempt >= 3 || signal?.aborted) throw error;
        }
      }
    },
    async putObject(bucket, key, put, signal) {
      const written = await s3.send(new PutObjectCommand({
        Bucket: bucket,
        Key: key,
        Body: put.body,
        ContentType: put.contentType,
        Metadata: { ...put.metadata },
        ...(put.ifNoneMatch === undefined ? {} : { IfNoneMatch: put.ifNoneMatch }),
        ...(put.ifMatch === undefined ? {} : { IfMatch: `"${put.ifMatch}"` }),
      }), options(signal));
      return bareEtag(written.ETag);
    },
    async deleteObject(bucket, key, ifMatch, signal) {
      await s3.send(new DeleteObjectCommand({ Bucket: bucket, Key: key, IfMatch: ifMatch === undefined ? undefined : `"${ifMatch}"` }), options(signal));
    },
  };
}
